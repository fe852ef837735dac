import type { OperationRequests, OperationResponses } from '../contract/generated.js';
import type { OperationName } from '../contract/operations.js';
import type { Value } from '../contract/schema.js';
import { EmulatorError } from '../errors.js';
import type { Requirement } from './authorize.js';
import { addChatMessage, getChatMessages } from './chat.js';
import type { OperationContext } from './context.js';
import { authenticateUsernamePassword } from './principal.js';
import {
  acceptChatSessionTransfer,
  chatSessionsForUser,
  createDefaultChatSessionEntity,
  deleteChatSessionEntity,
  getChatSessionEntity,
  getChatTranscript,
  pickUpChatSession,
  pickUpFirstChatSession,
  rejectChatSessionTransfer,
  resetChatSession,
  saveChatSessionEntity,
  transferChatSession,
} from './sessions.js';

/** An operation as the emulator answers it: what its caller must present, and what it does, with no XML or HTTP in it. */
export interface OperationHandler<Name extends OperationName> {
  readonly requires: Requirement;
  handle(context: OperationContext, request: OperationRequests[Name]): OperationResponses[Name];
  /** Request fields the journal never shows (a password): masked as soon as the request is read. */
  readonly secrets?: readonly (keyof OperationRequests[Name] & string)[];
}

/**
 * The operations the emulator answers. SOAP, REST's agent endpoints and the journal are generic over this table:
 * every other operation of the WSDLs is read, authorized as its service's operations are, and answered "not
 * emulated yet". Adding an operation is a row here and a handler.
 */
export const OPERATION_TABLE: { readonly [Name in OperationName]?: OperationHandler<Name> } = {
  AddChatMessage: { requires: 'ticket', handle: (context, request) => ({ Response: addChatMessage(context, request) }) },
  GetChatMessages: { requires: 'ticket', handle: (context, request) => ({ Response: getChatMessages(context, request) }) },
  CreateDefaultChatSessionEntity: { requires: 'ticket', handle: createDefaultChatSessionEntity },
  SaveChatSessionEntity: { requires: 'ticket', handle: saveChatSessionEntity },
  GetChatSessionEntity: { requires: 'ticket', handle: getChatSessionEntity },
  DeleteChatSessionEntity: { requires: 'ticket', handle: deleteChatSessionEntity },
  PickUpChatSession: { requires: 'ticket', handle: pickUpChatSession },
  PickUpFirstChatSession: { requires: 'ticket', handle: pickUpFirstChatSession },
  TransferChatSession: { requires: 'ticket', handle: transferChatSession },
  AcceptChatSessionTransfer: { requires: 'ticket', handle: acceptChatSessionTransfer },
  RejectChatSessionTransfer: { requires: 'ticket', handle: rejectChatSessionTransfer },
  ResetChatSession: { requires: 'ticket', handle: resetChatSession },
  ChatSessionsForUser: { requires: 'ticket', handle: chatSessionsForUser },
  GetChatTranscript: { requires: 'ticket', handle: getChatTranscript },
  AuthenticateUsernamePassword: { requires: 'applicationToken', handle: authenticateUsernamePassword, secrets: ['Password'] },
};

/** The application error of an operation of the WSDL that has no row in the table yet, over SOAP or REST. */
function notEmulated(operation: OperationName): EmulatorError {
  return new EmulatorError(
    'NotEmulated',
    `${operation} is not emulated yet: the emulator answers ${Object.keys(OPERATION_TABLE).join(', ')}. Every operation of the WSDL is accepted, and the others answer this error.`,
    `${operation} is not available in this emulator yet.`,
  );
}

/**
 * Runs an operation on a request its WSDL's request type read, and returns its response as the response type
 * writes it; an operation without a row answers "not emulated yet". SOAP and REST both call here.
 */
export function runOperation(context: OperationContext, operation: OperationName, request: Value): Value {
  const handler = OPERATION_TABLE[operation] as OperationHandler<OperationName> | undefined;
  if (handler === undefined) throw notEmulated(operation);
  // The schema read the request from the same WSDL the generated types come from: it has the operation's request type.
  return handler.handle(context, request as OperationRequests[OperationName]) as OperationResponses[OperationName] as Value;
}
