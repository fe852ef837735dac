import type { OperationRequests, OperationResponses } from '../contract/generated.js';
import type { OperationName } from '../contract/operations.js';
import type { Requirement } from './authorize.js';
import { addChatMessage, getChatMessages } from './chat.js';
import type { OperationContext } from './context.js';
import { authenticateUsernamePassword } from './principal.js';

/** An operation as the emulator answers it: what its caller must present, and what it does, with no XML or HTTP in it. */
export interface OperationHandler<Name extends OperationName> {
  readonly requires: Requirement;
  handle(context: OperationContext, request: OperationRequests[Name]): OperationResponses[Name];
  /** Request fields the journal never shows (a password): masked as soon as the request is read. */
  readonly secrets?: readonly (keyof OperationRequests[Name] & string)[];
}

/**
 * The operations the emulator answers. SOAP and the journal are generic over this table: every other operation of
 * the WSDLs is read, authorized as its service's operations are, and answered "not emulated yet".
 * Adding an operation is a row here and a handler.
 */
export const OPERATION_TABLE: { readonly [Name in OperationName]?: OperationHandler<Name> } = {
  AddChatMessage: { requires: 'ticket', handle: (context, request) => ({ Response: addChatMessage(context, request) }) },
  GetChatMessages: { requires: 'ticket', handle: (context, request) => ({ Response: getChatMessages(context, request) }) },
  AuthenticateUsernamePassword: { requires: 'applicationToken', handle: authenticateUsernamePassword, secrets: ['Password'] },
};
