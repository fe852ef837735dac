import { chatMessageToJson } from '../contract/json.js';
import {
  readAddChatMessage,
  readAuthenticateUsernamePassword,
  readGetChatMessages,
  writeAddChatMessageResult,
  writeAuthenticateResult,
  writeGetChatMessagesResult,
} from '../contract/messages.js';
import type { OperationName } from '../contract/operations.js';
import { maskPassword, type JsonValue } from '../journal/journal.js';
import type { XmlElement } from '../xml.js';
import type { Requirement } from './authorize.js';
import { addChatMessage, getChatMessages } from './chat.js';
import type { OperationContext } from './context.js';
import { authenticateUsernamePassword } from './principal.js';

/** A call read from its request, ready to run once the caller is authorized. */
export interface PreparedCall {
  /** The arguments as the request journal shows them, secrets masked: written out only when the journal is listed. */
  readonly arguments: () => JsonValue;
  run(context: OperationContext): string;
}

/** How one operation is called over SOAP: its arguments read from the body, its result written back. */
export interface SoapBinding {
  /**
   * Reads the arguments from the request wrapper (a DeserializationFailed fault if a value is bad) and
   * returns the call to make once the caller is authorized: WCF reads the whole message before the
   * service checks the ticket, so a bad value is a fault even without a valid ticket.
   */
  prepare(wrapper: XmlElement): PreparedCall;
  /** What the caller must present. */
  readonly requires: Requirement;
  /** The response content of a call that failed with an application error: a nil Response. */
  readonly nilResult: string;
}

export const SOAP_BINDINGS: Readonly<Record<OperationName, SoapBinding>> = {
  AddChatMessage: {
    prepare(wrapper) {
      const request = readAddChatMessage(wrapper);
      return {
        arguments: () => ({ ChatSessionId: request.ChatSessionId, Message: request.Message === null ? null : chatMessageToJson(request.Message) }),
        run: (context) => writeAddChatMessageResult(addChatMessage(context, request)),
      };
    },
    requires: 'ticket',
    nilResult: writeAddChatMessageResult(null),
  },
  GetChatMessages: {
    prepare(wrapper) {
      const request = readGetChatMessages(wrapper);
      return {
        arguments: () => ({ ChatSessionId: request.ChatSessionId, After: request.After }),
        run: (context) => writeGetChatMessagesResult(getChatMessages(context, request)),
      };
    },
    requires: 'ticket',
    nilResult: writeGetChatMessagesResult(null),
  },
  AuthenticateUsernamePassword: {
    prepare(wrapper) {
      const request = readAuthenticateUsernamePassword(wrapper);
      // Masked now: the journal keeps no password, not even until it is listed.
      const journalArguments = { UserName: request.UserName, Password: maskPassword(request.Password) };
      return {
        arguments: () => journalArguments,
        run: (context) => writeAuthenticateResult(authenticateUsernamePassword(context, request)),
      };
    },
    requires: 'applicationToken',
    nilResult: writeAuthenticateResult(null),
  },
};
