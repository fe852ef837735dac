import { childElement, type XmlElement } from '../xml.js';
import type { ReadContext } from './codec.js';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS, type ChatMessage, type FieldContract } from './chat-message.js';
import { SERVICES88_NS, WCF_ARRAYS_NS } from './namespaces.js';
import { OPERATIONS, type OperationName } from './operations.js';
import { SO_PRINCIPAL_CARRIER_FIELDS, SO_PRINCIPAL_CONTRACT, type SoPrincipalCarrier } from './principal.js';
import { isNil, readDataContract, readField } from './read.js';
import { xsInt, xsString } from './values.js';
import { dataContractWriter, writeElement, writeField, writeNil } from './write.js';

/** The request and response bodies of each operation: wrapper elements and their parameters. */

/** The elements a wrapper or data contract holds, in contract order; nested contracts by element name; which are xs:dateTime. */
export interface SequenceSpec {
  readonly fields: readonly string[];
  readonly nested?: Readonly<Record<string, SequenceSpec>>;
  readonly dateTimes?: readonly string[];
}

const CHAT_MESSAGE_SEQUENCE: SequenceSpec = { fields: CHAT_MESSAGE_FIELDS, dateTimes: ['WhenPosted'] };

/** The request wrapper's sequence of each operation the emulator reads, as the WSDL declares it. */
export const REQUEST_SEQUENCES: Readonly<Partial<Record<OperationName, SequenceSpec>>> = {
  AddChatMessage: { fields: ['ChatSessionId', 'Message'], nested: { Message: CHAT_MESSAGE_SEQUENCE } },
  GetChatMessages: { fields: ['ChatSessionId', 'After'] },
  AuthenticateUsernamePassword: { fields: ['UserName', 'Password'] },
};

export interface AddChatMessageRequest {
  ChatSessionId: number;
  Message: ChatMessage | null;
}

export interface GetChatMessagesRequest {
  ChatSessionId: number;
  After: number;
}

export interface AuthenticateUsernamePasswordRequest {
  UserName: string | null;
  Password: string | null;
}

/** A login that succeeded: who logged in, and the ticket issued for them. */
export interface Authentication {
  principal: SoPrincipalCarrier;
  ticket: string;
}

const INT_PARAMETER: FieldContract<number> = { codec: xsInt, nillable: false, whenAbsent: 0 };
const STRING_PARAMETER: FieldContract<string | null> = { codec: xsString, nillable: true, whenAbsent: null };

export function readAddChatMessage(wrapper: XmlElement, context: ReadContext): AddChatMessageRequest {
  const path = OPERATIONS.AddChatMessage.requestElement;
  const message = childElement(wrapper, SERVICES88_NS, 'Message');
  return {
    ChatSessionId: readField(wrapper, 'ChatSessionId', INT_PARAMETER, path, context),
    Message: message === undefined || isNil(message) ? null : readDataContract(message, CHAT_MESSAGE_CONTRACT, `${path}/Message`, context),
  };
}

export function readGetChatMessages(wrapper: XmlElement, context: ReadContext): GetChatMessagesRequest {
  const path = OPERATIONS.GetChatMessages.requestElement;
  return {
    ChatSessionId: readField(wrapper, 'ChatSessionId', INT_PARAMETER, path, context),
    After: readField(wrapper, 'After', INT_PARAMETER, path, context),
  };
}

export function readAuthenticateUsernamePassword(wrapper: XmlElement, context: ReadContext): AuthenticateUsernamePasswordRequest {
  const path = OPERATIONS.AuthenticateUsernamePassword.requestElement;
  return {
    UserName: readField(wrapper, 'UserName', STRING_PARAMETER, path, context),
    Password: readField(wrapper, 'Password', STRING_PARAMETER, path, context),
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

const writeChatMessage = dataContractWriter(CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS);

/**
 * The content of AuthenticateResponse: the principal, the ticket and AuthenticationSucceeded=true after a
 * good login; nil Response and Credentials and AuthenticationSucceeded=false otherwise.
 */
export function writeAuthenticateResult(authentication: Authentication | null): string {
  if (authentication === null) return `${writeNil('Response')}${writeNil('Credentials')}<AuthenticationSucceeded>false</AuthenticationSucceeded>`;
  return (
    writeSoPrincipalCarrier('Response', authentication.principal) +
    `<Credentials>${writeElement('Ticket', authentication.ticket)}</Credentials>` +
    '<AuthenticationSucceeded>true</AuthenticationSucceeded>'
  );
}

function writeSoPrincipalCarrier(elementName: string, carrier: SoPrincipalCarrier): string {
  let xml = `<${elementName}>`;
  for (const field of SO_PRINCIPAL_CARRIER_FIELDS) {
    switch (field) {
      case 'Licenses':
      case 'ProvidedCredentials':
        xml += `<${field}/>`;
        break;
      case 'FunctionRights':
        xml += writeArray(field, 'string', carrier.FunctionRights);
        break;
      case 'SecondaryGroups':
        xml += writeArray(field, 'int', carrier.SecondaryGroups.map((id) => xsInt.format(id)));
        break;
      default:
        xml += writeField(carrier, field, SO_PRINCIPAL_CONTRACT);
    }
  }
  return `${xml}</${elementName}>`;
}

/** An ArrayOfstring or ArrayOfint, its items in WCF's Arrays namespace, as DataContractSerializer writes it. */
function writeArray(elementName: string, itemName: string, items: readonly string[]): string {
  const open = `<${elementName} xmlns:a="${WCF_ARRAYS_NS}"`;
  if (items.length === 0) return `${open}/>`;
  return `${open}>${items.map((item) => writeElement(`a:${itemName}`, item)).join('')}</${elementName}>`;
}
