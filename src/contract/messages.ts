import { childElement, type XmlElement } from '../xml.js';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS, type ChatMessage, type FieldContract } from './chat-message.js';
import { SERVICES88_NS } from './namespaces.js';
import { OPERATIONS } from './operations.js';
import { isNil, readDataContract, readField } from './read.js';
import { xsInt } from './values.js';
import { writeDataContract, writeNil } from './write.js';

/** The request and response bodies of each operation: wrapper elements and their parameters. */

export interface AddChatMessageRequest {
  ChatSessionId: number;
  Message: ChatMessage | null;
}

export interface GetChatMessagesRequest {
  ChatSessionId: number;
  After: number;
}

const INT_PARAMETER: FieldContract<number> = { codec: xsInt, nillable: false, whenAbsent: 0 };

export function readAddChatMessage(wrapper: XmlElement): AddChatMessageRequest {
  const path = OPERATIONS.AddChatMessage.requestElement;
  const message = childElement(wrapper, SERVICES88_NS, 'Message');
  return {
    ChatSessionId: readField(wrapper, 'ChatSessionId', INT_PARAMETER, path),
    Message: message === undefined || isNil(message) ? null : readDataContract(message, CHAT_MESSAGE_CONTRACT, `${path}/Message`),
  };
}

export function readGetChatMessages(wrapper: XmlElement): GetChatMessagesRequest {
  const path = OPERATIONS.GetChatMessages.requestElement;
  return {
    ChatSessionId: readField(wrapper, 'ChatSessionId', INT_PARAMETER, path),
    After: readField(wrapper, 'After', INT_PARAMETER, path),
  };
}

/** The content of AddChatMessageResponse: its Response, nil when the call failed. */
export function writeAddChatMessageResult(message: ChatMessage | null): string {
  return message === null ? writeNil('Response') : writeChatMessage('Response', message);
}

/** The content of GetChatMessagesResponse: an ArrayOfChatMessage, nil when the call failed. */
export function writeGetChatMessagesResult(messages: readonly ChatMessage[] | null): string {
  if (messages === null) return writeNil('Response');
  if (messages.length === 0) return '<Response/>';
  let xml = '<Response>';
  for (const message of messages) xml += writeChatMessage('ChatMessage', message);
  return `${xml}</Response>`;
}

function writeChatMessage(elementName: string, message: ChatMessage): string {
  return writeDataContract(elementName, message, CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS);
}
