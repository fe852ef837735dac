import type { ReadContext } from '../contract/codec.js';
import { chatMessageToJson } from '../contract/json.js';
import {
  readAddChatMessage,
  readAuthenticateUsernamePassword,
  readGetChatMessages,
  type AddChatMessageRequest,
  type AuthenticateUsernamePasswordRequest,
  type GetChatMessagesRequest,
  writeAddChatMessageResult,
  writeAuthenticateResult,
  writeGetChatMessagesResult,
} from '../contract/messages.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import type { OperationContract, OperationName } from '../contract/operations.js';
import type { TypeCodec, Value } from '../contract/schema.js';
import { schemaOf } from '../contract/schemas.js';
import { writeNil } from '../contract/write.js';
import { clark } from '../contract/wsdl-model.js';
import { EmulatorError } from '../errors.js';
import { maskPassword, type JournalArguments, type JsonValue } from '../journal/journal.js';
import type { XmlElement } from '../xml.js';
import type { Requirement } from './authorize.js';
import { addChatMessage, getChatMessages } from './chat.js';
import type { OperationContext } from './context.js';
import { authenticateUsernamePassword } from './principal.js';

/** A call read from its request, ready to run once the caller is authorized. */
export interface PreparedCall {
  /** What the request journal keeps of the call, to write its arguments out when it is listed (secrets masked). */
  readonly journal: JournalArguments;
  run(context: OperationContext): string;
}

/*
 * The calls are objects of classes rather than closures: the journal keeps one for each of its entries (see
 * Journal), and a class's methods are not copied into each.
 */

class AddChatMessageCall implements PreparedCall, JournalArguments {
  constructor(private readonly request: AddChatMessageRequest) {}

  get journal(): JournalArguments {
    return this;
  }

  journalArguments(): JsonValue {
    const { ChatSessionId, Message } = this.request;
    return { ChatSessionId, Message: Message === null ? null : chatMessageToJson(Message) };
  }

  run(context: OperationContext): string {
    return writeAddChatMessageResult(addChatMessage(context, this.request));
  }
}

class GetChatMessagesCall implements PreparedCall, JournalArguments {
  constructor(private readonly request: GetChatMessagesRequest) {}

  get journal(): JournalArguments {
    return this;
  }

  journalArguments(): JsonValue {
    return { ChatSessionId: this.request.ChatSessionId, After: this.request.After };
  }

  run(context: OperationContext): string {
    return writeGetChatMessagesResult(getChatMessages(context, this.request));
  }
}

class AuthenticateUsernamePasswordCall implements PreparedCall {
  /** The arguments masked at once, apart from the request: the journal keeps no password, not even until it is listed. */
  readonly journal: JournalArguments;

  constructor(private readonly request: AuthenticateUsernamePasswordRequest) {
    const masked = { UserName: request.UserName, Password: maskPassword(request.Password) };
    this.journal = { journalArguments: () => masked };
  }

  run(context: OperationContext): string {
    return writeAuthenticateResult(authenticateUsernamePassword(context, this.request));
  }
}

/** How one operation is called over SOAP: its arguments read from the body, its result written back. */
export interface SoapBinding {
  /**
   * Reads the arguments from the request wrapper (a DeserializationFailed fault if a value is bad) and
   * returns the call to make once the caller is authorized: WCF reads the whole message before the
   * service checks the ticket, so a bad value is a fault even without a valid ticket.
   */
  prepare(wrapper: XmlElement, context: ReadContext): PreparedCall;
  /** What the caller must present. */
  readonly requires: Requirement;
  /** The response content of a call that failed with an application error: a nil Response. */
  readonly nilResult: string;
}

/** The operations the emulator answers; every other operation of a WSDL answers notEmulated(). */
const SOAP_BINDINGS: Readonly<Partial<Record<OperationName, SoapBinding>>> = {
  AddChatMessage: {
    prepare: (wrapper, context) => new AddChatMessageCall(readAddChatMessage(wrapper, context)),
    requires: 'ticket',
    nilResult: writeAddChatMessageResult(null),
  },
  GetChatMessages: {
    prepare: (wrapper, context) => new GetChatMessagesCall(readGetChatMessages(wrapper, context)),
    requires: 'ticket',
    nilResult: writeGetChatMessagesResult(null),
  },
  AuthenticateUsernamePassword: {
    prepare: (wrapper, context) => new AuthenticateUsernamePasswordCall(readAuthenticateUsernamePassword(wrapper, context)),
    requires: 'applicationToken',
    nilResult: writeAuthenticateResult(null),
  },
};

/** How an operation is called over SOAP: its own binding, or, for one the emulator does not answer yet, a "not emulated" one. */
export function soapBindingOf(operation: OperationContract): SoapBinding {
  return SOAP_BINDINGS[operation.name] ?? notEmulatedBinding(operation);
}

/** Whether the emulator answers the operation (rather than saying it is not emulated yet). */
export function isEmulated(operation: OperationName): boolean {
  return SOAP_BINDINGS[operation] !== undefined;
}

const notEmulatedBindings = new Map<OperationName, SoapBinding>();

/**
 * An operation of the WSDL that the emulator does not answer yet: its arguments are read as the WSDL declares
 * them (a bad value is a fault, as in WCF) and shown in the journal; the call is authorized as the service's
 * operations are (a ticket for Chat.svc, the application token for SoPrincipal.svc), then refused with an
 * application error that names it, its response's results nil.
 */
function notEmulatedBinding(operation: OperationContract): SoapBinding {
  let binding = notEmulatedBindings.get(operation.name);
  if (binding === undefined) {
    const request = schemaOf(operation.service).wrapper(clark(SERVICES88_NS, operation.requestElement));
    binding = {
      prepare: (wrapper, context) => new NotEmulatedCall(operation.name, request, request.read(wrapper, operation.requestElement, context)),
      requires: operation.service === 'Chat' ? 'ticket' : 'applicationToken',
      nilResult: operation.nillableResults.map((name) => writeNil(name)).join(''),
    };
    notEmulatedBindings.set(operation.name, binding);
  }
  return binding;
}

class NotEmulatedCall implements PreparedCall, JournalArguments {
  constructor(
    private readonly operation: OperationName,
    private readonly request: TypeCodec,
    private readonly argumentsRead: Value,
  ) {}

  get journal(): JournalArguments {
    return this;
  }

  journalArguments(): JsonValue {
    return this.argumentsRead === null ? null : this.request.json(this.argumentsRead);
  }

  run(): string {
    throw new EmulatorError(
      'NotEmulated',
      `${this.operation} is not emulated yet: the emulator answers ${EMULATED.join(', ')}. Every operation of the WSDL is accepted, and the others answer this error.`,
      `${this.operation} is not available in this emulator yet.`,
    );
  }
}

const EMULATED = Object.keys(SOAP_BINDINGS);
