/**
 * Every error the emulator answers with, in one registry: how it travels over SOAP, and its REST WebAPI status
 * and ErrorType.
 *
 * - `fault`: a protocol error, always a SOAP Fault (WCF could not read or dispatch the message).
 * - `application`: the service ran and refused; by default HTTP 200 with `Succeeded=false` and a filled
 *   `ExceptionInfo` header, or a SOAP Fault with `--error-style fault`. Over REST its ErrorType is its ExceptionType.
 * - `http`: refused before SOAP, as IIS/WCF do, with a plain-text body.
 * - `rest`: an error of the REST WebAPI alone (a bad header, query or body field).
 *
 * `rest` is the REST answer: its status, the ErrorType its body names where the kind does not give one, and, for
 * an error whose REST text differs from SOAP's, that text and the field it is about.
 */
export const ERRORS = {
  MalformedXml: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  DtdProhibited: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  NotAnEnvelope: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  HeaderOutsideHeader: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  BodyTooLarge: { kind: 'fault', status: 413, code: 'Client', rest: { status: 413, errorType: 'ArgumentException' } },
  VersionMismatch: { kind: 'fault', status: 500, code: 'VersionMismatch', rest: { status: 400, errorType: 'ArgumentException' } },
  ActionNotSupported: { kind: 'fault', status: 500, code: 'Client', subcode: 'ActionNotSupported', rest: { status: 404, errorType: 'NotFoundException' } },
  DeserializationFailed: { kind: 'fault', status: 500, code: 'Client', subcode: 'DeserializationFailed', rest: { status: 400, errorType: 'ArgumentException' } },
  InternalServiceFault: { kind: 'fault', status: 500, code: 'Server', subcode: 'InternalServiceFault', rest: { status: 500, errorType: 'InternalServerError' } },
  /** The shared store (PostgreSQL) did not answer: the call was not made; the emulator recovers once it answers again. */
  StoreUnavailable: { kind: 'fault', status: 500, code: 'Server', rest: { status: 503, errorType: 'ServiceUnavailableException' } },

  TicketMissing: { kind: 'application', exceptionType: 'SoAuthenticationException', rest: { status: 401 } },
  TicketUnknown: { kind: 'application', exceptionType: 'SoAuthenticationException', rest: { status: 401 } },
  TicketExpired: { kind: 'application', exceptionType: 'SoTicketExpiredException', rest: { status: 401 } },
  ApplicationTokenMissing: { kind: 'application', exceptionType: 'SoApplicationTokenException', rest: { status: 401 } },
  ApplicationTokenUnknown: { kind: 'application', exceptionType: 'SoApplicationTokenException', rest: { status: 401 } },
  MessageNull: { kind: 'application', exceptionType: 'ArgumentNullException', rest: { status: 400, field: 'Message', message: 'Message: the message to add is missing.' } },
  SessionUnknown: { kind: 'application', exceptionType: 'SoNotFoundException', rest: { status: 404 } },
  EntityNull: { kind: 'application', exceptionType: 'ArgumentNullException', rest: { status: 400, message: 'Entity to save is not in request body.' } },
  /** An operation that acts for the current user, called with a ticket that speaks for no user (--ticket). */
  UserRequired: { kind: 'application', exceptionType: 'SoSecurityException', rest: { status: 403 } },
  AssociateUnknown: { kind: 'application', exceptionType: 'SoNotFoundException', rest: { status: 404 } },
  TopicUnknown: { kind: 'application', exceptionType: 'SoNotFoundException', rest: { status: 404 } },
  /** A right the caller does not have: managing a topic's agents, picking up a session of a topic. */
  NotAllowed: { kind: 'application', exceptionType: 'SoSecurityException', rest: { status: 403 } },
  InvalidArgument: { kind: 'application', exceptionType: 'ArgumentException', rest: { status: 400 } },
  /** A move the session's state does not allow: accepting or rejecting a transfer meant for someone else. */
  SessionMoveRefused: { kind: 'application', exceptionType: 'InvalidOperationException', rest: { status: 409 } },
  /** An operation of the WSDL that the emulator does not answer yet. */
  NotEmulated: { kind: 'application', exceptionType: 'NotImplementedException', rest: { status: 501 } },
  /** Injected through the admin API; its ExceptionType is the one given there. */
  InjectedApplicationError: { kind: 'application', exceptionType: 'SoException', rest: { status: 500 } },

  UnsupportedMediaType: { kind: 'http', status: 415, rest: { status: 415, errorType: 'UnsupportedMediaTypeException' } },
  MethodNotAllowed: { kind: 'http', status: 405, rest: { status: 405, errorType: 'MethodNotAllowedException' } },
  NotFound: { kind: 'http', status: 404, rest: { status: 404, errorType: 'NotFoundException' } },

  /** A REST value that the contract cannot hold, or a header, query parameter or body field that cannot be used. */
  BadValue: { kind: 'rest', rest: { status: 400, errorType: 'ArgumentException' } },
  /** A REST body that cannot be read at all: not UTF-8, not JSON, not XML, not an object. */
  BadRequestBody: { kind: 'rest', rest: { status: 400, errorType: 'ArgumentException' } },
  /** REST credentials that are missing, malformed, of a scheme the installation does not take, or wrong. */
  RestCredentialsRefused: { kind: 'rest', rest: { status: 401, errorType: 'SoAuthenticationException' } },
} as const satisfies Record<string, ErrorDefinition>;

/**
 * SOAP 1.1 fault codes; SOAP 1.2 maps Client to Sender and Server to Receiver. A subcode lives in WCF's
 * dispatcher namespace (SOAP 1.1 writes it as the faultcode itself, as WCF does).
 */
export type FaultCode = 'Client' | 'Server' | 'VersionMismatch';

/** How an error answers over REST: its status; the ErrorType when its kind gives none; its own text and field. */
export interface RestAnswerDefinition {
  readonly status: number;
  readonly errorType?: string;
  readonly message?: string;
  readonly field?: string;
}

export type ErrorDefinition = (
  | { readonly kind: 'fault'; readonly status: number; readonly code: FaultCode; readonly subcode?: string }
  | { readonly kind: 'application'; readonly exceptionType: string }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'rest' }
) & { readonly rest: RestAnswerDefinition };

export type ErrorCode = keyof typeof ERRORS;

/**
 * An error the emulator answers with, over SOAP or REST. `message` says what was wrong, where, and what was
 * expected; `field` names the REST field it is about.
 *
 * It has no stack trace: it is an answer, not a bug, and no answer or log shows one. Capturing it cost 10 µs per
 * error (async frames included), a fifth of the CPU of a call with an unknown ticket.
 */
export class EmulatorError extends Error {
  readonly code: ErrorCode;
  /** For application errors: the short text a user interface would show (ExceptionInfo/FriendlyText). */
  readonly friendlyText: string | undefined;
  /** For application errors: an ExceptionType other than the registry's (injected errors, REST credentials). */
  private readonly exceptionTypeOverride: string | undefined;
  /** The REST field the error is about. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, friendlyText?: string, exceptionTypeOverride?: string, field?: string) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = 'EmulatorError';
    this.code = code;
    this.friendlyText = friendlyText;
    this.exceptionTypeOverride = exceptionTypeOverride;
    this.field = field;
  }

  get definition(): ErrorDefinition {
    return ERRORS[this.code];
  }

  /** For application errors: the ExceptionType the answer names. */
  get exceptionType(): string | undefined {
    const definition = this.definition;
    return this.exceptionTypeOverride ?? (definition.kind === 'application' ? definition.exceptionType : undefined);
  }
}

/** A REST value or field that cannot be used: a 400 naming the field. */
export function badValue(field: string, message: string): EmulatorError {
  return new EmulatorError('BadValue', `${field}: ${message}`, undefined, undefined, field);
}

/** How an error answers over REST: status, text, ErrorType and field, all from the registry unless the error says otherwise. */
export function restAnswerOf(error: EmulatorError): { status: number; message: string; errorType: string; field: string | undefined } {
  const { rest } = error.definition;
  return {
    status: rest.status,
    message: rest.message ?? error.message,
    errorType: error.exceptionType ?? rest.errorType ?? 'Exception',
    field: error.field ?? rest.field,
  };
}

let unexpectedErrors = 0;

/** Logs an error that is not one of ours (a bug) under a new request id, and returns the id for the answer. */
export function logUnexpectedError(error: unknown, log: (line: string) => void, where = ''): string {
  unexpectedErrors += 1;
  const id = `${process.pid}-${Date.now().toString(36)}-${unexpectedErrors}`;
  log(`[request ${id}] unexpected error${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return id;
}

/** Any error as the SOAP answer's error: ours as it is; anything else logged, and answered with its request id only. */
export function asEmulatorError(error: unknown, log: (line: string) => void): EmulatorError {
  if (error instanceof EmulatorError) return error;
  const id = logUnexpectedError(error, log);
  return new EmulatorError('InternalServiceFault', `The server was unable to process the request due to an internal error (request id ${id}).`);
}
