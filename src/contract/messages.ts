import { CHAT_MESSAGE_FIELDS } from './chat-message.js';
import type { OperationName } from './operations.js';

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
