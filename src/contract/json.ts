import { CHAT_MESSAGE_FIELDS, type ChatMessage } from './chat-message.js';
import { xsDateTime } from './datetime.js';

/** A ChatMessage as JSON: the contract's element names, numbers as numbers, enums by name, WhenPosted as an xs:dateTime in UTC. */
export type ChatMessageJson = { readonly [K in keyof ChatMessage]: K extends 'WhenPosted' ? string : ChatMessage[K] };

export function chatMessageToJson(message: ChatMessage): ChatMessageJson {
  const json: Record<string, unknown> = {};
  for (const field of CHAT_MESSAGE_FIELDS) json[field] = field === 'WhenPosted' ? xsDateTime.format(message.WhenPosted) : message[field];
  // Every field was set above, from the same list the type is built on.
  return json as ChatMessageJson;
}
