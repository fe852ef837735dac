import type { OperationRequests, OperationResponses } from '../contract/generated.js';
import type { OperationName } from '../contract/operations.js';
import type { Value } from '../contract/schema.js';
import { EmulatorError } from '../errors.js';
import type { Requirement } from './authorize.js';
import { addChatMessage, getChatMessages } from './chat.js';
import type { OperationContext } from './context.js';
import { authenticateGeneric, authenticateImplicit, authenticateUsernamePassword, authenticateWithAccessToken, getSystemInfo } from './principal.js';
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
import {
  addChatTopicUserAgent,
  chatTopicsForUser,
  createDefaultChatTopicAgent,
  createDefaultChatTopicEntity,
  deleteChatTopicEntity,
  deleteChatTopicUserAgent,
  getChatPresence,
  getChatTopicEntity,
  getChatTopicUserAgent,
  getChatTopicUserAgentList,
  getUserAgentList,
  isWithinOpeningHours,
  saveChatPresence,
  saveChatTopicEntity,
  updateChatTopicUserAgent,
} from './topics.js';

/** An operation as the emulator answers it: what its caller must present, and what it does, with no XML or HTTP in it. */
export interface OperationHandler<Name extends OperationName> {
  readonly requires: Requirement;
  handle(context: OperationContext, request: OperationRequests[Name]): OperationResponses[Name];
  /** Request fields the journal never shows (a password): masked as soon as the request is read. */
  readonly secrets?: readonly (keyof OperationRequests[Name] & string)[];
}

/**
 * The operations the emulator answers: all 34 of the WSDLs. SOAP, REST's agent endpoints and the journal are
 * generic over this table. Adding an operation is a row here and a handler.
 */
export type OperationTable = { readonly [Name in OperationName]?: OperationHandler<Name> };

export const OPERATION_TABLE: OperationTable = {
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
  CreateDefaultChatTopicEntity: { requires: 'ticket', handle: createDefaultChatTopicEntity },
  SaveChatTopicEntity: { requires: 'ticket', handle: saveChatTopicEntity },
  GetChatTopicEntity: { requires: 'ticket', handle: getChatTopicEntity },
  DeleteChatTopicEntity: { requires: 'ticket', handle: deleteChatTopicEntity },
  ChatTopicsForUser: { requires: 'ticket', handle: chatTopicsForUser },
  CreateDefaultChatTopicAgent: { requires: 'ticket', handle: createDefaultChatTopicAgent },
  AddChatTopicUserAgent: { requires: 'ticket', handle: addChatTopicUserAgent },
  GetChatTopicUserAgent: { requires: 'ticket', handle: getChatTopicUserAgent },
  GetChatTopicUserAgentList: { requires: 'ticket', handle: getChatTopicUserAgentList },
  UpdateChatTopicUserAgent: { requires: 'ticket', handle: updateChatTopicUserAgent },
  DeleteChatTopicUserAgent: { requires: 'ticket', handle: deleteChatTopicUserAgent },
  GetUserAgentList: { requires: 'ticket', handle: getUserAgentList },
  GetChatPresence: { requires: 'ticket', handle: getChatPresence },
  SaveChatPresence: { requires: 'ticket', handle: saveChatPresence },
  IsWithinOpeningHours: { requires: 'ticket', handle: isWithinOpeningHours },
  AuthenticateUsernamePassword: { requires: 'applicationToken', handle: authenticateUsernamePassword, secrets: ['Password'] },
  AuthenticateGeneric: { requires: 'applicationToken', handle: authenticateGeneric, secrets: ['AuthenticationData'] },
  // The implicit login renews the identity the request's ticket already carries.
  AuthenticateImplicit: { requires: 'ticket', handle: authenticateImplicit },
  AuthenticateWithAccessToken: { requires: 'applicationToken', handle: authenticateWithAccessToken, secrets: ['AccessToken'] },
  GetSystemInfo: { requires: 'applicationToken', handle: getSystemInfo },
};

/** The application error of an operation of the WSDL that has no row in the table, over SOAP or REST. */
function notEmulated(operation: OperationName, table: OperationTable): EmulatorError {
  return new EmulatorError(
    'NotEmulated',
    `${operation} is not emulated yet: the emulator answers ${Object.keys(table).join(', ')}. Every operation of the WSDL is accepted, and the others answer this error.`,
    `${operation} is not available in this emulator yet.`,
  );
}

/**
 * Runs an operation on a request its WSDL's request type read, and returns its response as the response type
 * writes it; an operation without a row answers "not emulated yet" (every operation has one today: the path stays
 * for the operations a newer WSDL adds). SOAP and REST both call here.
 */
export function runOperation(context: OperationContext, operation: OperationName, request: Value, table: OperationTable = OPERATION_TABLE): Value {
  const handler = table[operation] as OperationHandler<OperationName> | undefined;
  if (handler === undefined) throw notEmulated(operation, table);
  // The schema read the request from the same WSDL the generated types come from: it has the operation's request type.
  return handler.handle(context, request as OperationRequests[OperationName]) as OperationResponses[OperationName] as Value;
}
