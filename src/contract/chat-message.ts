import type { ValueCodec } from './codec.js';
import { DOTNET_MIN_VALUE, xsDateTime } from './datetime.js';
import type { ChatMessage as GeneratedChatMessage } from './generated.js';
import { enumCodec, xsInt, xsShort, xsString } from './values.js';

/** ChatMessageType: names and values as published. */
export const CHAT_MESSAGE_TYPE = {
  Invalid: 0,
  ToCustomer: 1, // agent or bot to customer
  ToUser: 2, // customer to agent
  Special: 3,
} as const;
export type ChatMessageType = keyof typeof CHAT_MESSAGE_TYPE;

/** ChatMessageSpecialType: names and values as published. There is no 4; IllegalFileType exists in newer builds only. */
export const CHAT_MESSAGE_SPECIAL_TYPE = {
  None: 0,
  Welcome: 1,
  Url: 2,
  Block: 3,
  NewSession: 5,
  TransferedSession: 6, // spelled so in the contract
  Error: 7,
  SessionDeleted: 8,
  FaqSuccessQuestion: 9,
  ClosedByUser: 10,
  ClosedByCustomer: 11,
  ClosedByIdle: 12,
  TransferRejected: 13,
  ReopenedByCustomer: 14,
  ClickedOption: 15,
  BotMessage: 16,
  Options: 17, // SpecialParam holds a JSON array of options
  IllegalFileType: 18,
} as const;
export type ChatMessageSpecialType = keyof typeof CHAT_MESSAGE_SPECIAL_TYPE;

export const chatMessageTypeCodec = enumCodec('ChatMessageType', CHAT_MESSAGE_TYPE);
export const chatMessageSpecialTypeCodec = enumCodec('ChatMessageSpecialType', CHAT_MESSAGE_SPECIAL_TYPE);

/**
 * A message in a chat session, as Chat.wsdl declares it (generated): property names are the contract's element
 * names (and the REST API's JSON property names); `null` is xsi:nil, kept distinct from the empty string.
 */
export type ChatMessage = GeneratedChatMessage;

/** How one element of a data contract is read and written. */
export interface FieldContract<T> {
  readonly codec: ValueCodec<NonNullable<T>>;
  readonly nillable: null extends T ? true : false;
  /** The value WCF's DataContractSerializer leaves in place when the element is absent. */
  readonly whenAbsent: T;
}

export type DataContract<T> = { readonly [K in keyof T]: FieldContract<T[K]> };

/** Each ChatMessage field's codec, keyed by element name. */
export const CHAT_MESSAGE_CONTRACT: DataContract<ChatMessage> = {
  ChatMessageId: { codec: xsInt, nillable: false, whenAbsent: 0 },
  ChatSessionId: { codec: xsInt, nillable: false, whenAbsent: 0 },
  Type: { codec: chatMessageTypeCodec, nillable: false, whenAbsent: 'Invalid' },
  Message: { codec: xsString, nillable: true, whenAbsent: null },
  Author: { codec: xsString, nillable: true, whenAbsent: null },
  ReadByCustomer: { codec: xsShort, nillable: false, whenAbsent: 0 },
  SpecialType: { codec: chatMessageSpecialTypeCodec, nillable: false, whenAbsent: 'None' },
  SpecialParam: { codec: xsString, nillable: true, whenAbsent: null },
  WhenPosted: { codec: xsDateTime, nillable: false, whenAbsent: DOTNET_MIN_VALUE },
};

/**
 * A message as a store keeps it: the id it was given and the client's fields, in one object built in contract order.
 * A literal, not a spread copy: V8 keeps a literal's nine fields inside the object (96 bytes against 123), and a
 * store keeps every message. A test holds the order to CHAT_MESSAGE_FIELDS.
 */
export function storedChatMessage(ChatMessageId: number, message: Omit<ChatMessage, 'ChatMessageId'>): ChatMessage {
  return {
    ChatMessageId,
    ChatSessionId: message.ChatSessionId,
    Type: message.Type,
    Message: message.Message,
    Author: message.Author,
    ReadByCustomer: message.ReadByCustomer,
    SpecialType: message.SpecialType,
    SpecialParam: message.SpecialParam,
    WhenPosted: message.WhenPosted,
  };
}

/** The ChatMessage sequence, in contract order: the order every writer uses and WCF expects. */
export const CHAT_MESSAGE_FIELDS = [
  'ChatMessageId',
  'ChatSessionId',
  'Type',
  'Message',
  'Author',
  'ReadByCustomer',
  'SpecialType',
  'SpecialParam',
  'WhenPosted',
] as const satisfies readonly (keyof ChatMessage)[];
