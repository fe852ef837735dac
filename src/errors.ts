/**
 * Every error the emulator answers with, in one registry: its HTTP status and how it travels.
 *
 * - `fault`: a protocol error, always a SOAP Fault (WCF could not read or dispatch the message).
 * - `application`: the service ran and refused; by default HTTP 200 with `Succeeded=false` and a filled
 *   `ExceptionInfo` header, or a SOAP Fault with `--error-style fault`.
 * - `http`: refused before SOAP, as IIS/WCF do, with a plain-text body.
 */
export const ERRORS = {
  MalformedXml: { kind: 'fault', status: 400, code: 'Client' },
  DtdProhibited: { kind: 'fault', status: 400, code: 'Client' },
  NotAnEnvelope: { kind: 'fault', status: 400, code: 'Client' },
  HeaderOutsideHeader: { kind: 'fault', status: 400, code: 'Client' },
  BodyTooLarge: { kind: 'fault', status: 413, code: 'Client' },
  VersionMismatch: { kind: 'fault', status: 500, code: 'VersionMismatch' },
  ActionNotSupported: { kind: 'fault', status: 500, code: 'Client', subcode: 'ActionNotSupported' },
  DeserializationFailed: { kind: 'fault', status: 500, code: 'Client', subcode: 'DeserializationFailed' },
  InternalServiceFault: { kind: 'fault', status: 500, code: 'Server', subcode: 'InternalServiceFault' },

  TicketMissing: { kind: 'application', exceptionType: 'SoAuthenticationException' },
  TicketUnknown: { kind: 'application', exceptionType: 'SoAuthenticationException' },
  TicketExpired: { kind: 'application', exceptionType: 'SoTicketExpiredException' },
  ApplicationTokenMissing: { kind: 'application', exceptionType: 'SoApplicationTokenException' },
  ApplicationTokenUnknown: { kind: 'application', exceptionType: 'SoApplicationTokenException' },
  MessageNull: { kind: 'application', exceptionType: 'ArgumentNullException' },
  SessionUnknown: { kind: 'application', exceptionType: 'SoNotFoundException' },
  /** An operation of the WSDL that the emulator does not answer yet. */
  NotEmulated: { kind: 'application', exceptionType: 'NotImplementedException' },
  /** Injected through the admin API; its ExceptionType is the one given there. */
  InjectedApplicationError: { kind: 'application', exceptionType: 'SoException' },

  UnsupportedMediaType: { kind: 'http', status: 415 },
  MethodNotAllowed: { kind: 'http', status: 405 },
  NotFound: { kind: 'http', status: 404 },
} as const satisfies Record<string, ErrorDefinition>;

/**
 * SOAP 1.1 fault codes; SOAP 1.2 maps Client to Sender and Server to Receiver. A subcode lives in WCF's
 * dispatcher namespace (SOAP 1.1 writes it as the faultcode itself, as WCF does).
 */
export type FaultCode = 'Client' | 'Server' | 'VersionMismatch';

export type ErrorDefinition =
  | { readonly kind: 'fault'; readonly status: number; readonly code: FaultCode; readonly subcode?: string }
  | { readonly kind: 'application'; readonly exceptionType: string }
  | { readonly kind: 'http'; readonly status: number };

export type ErrorCode = keyof typeof ERRORS;

/**
 * An error the emulator answers with. `message` says what was wrong, where, and what was expected.
 *
 * It has no stack trace: it is an answer, not a bug, and no answer or log shows one. Capturing it cost 10 µs per
 * error (async frames included), a fifth of the CPU of a call with an unknown ticket.
 */
export class EmulatorError extends Error {
  readonly code: ErrorCode;
  /** For application errors: the short text a user interface would show (ExceptionInfo/FriendlyText). */
  readonly friendlyText: string | undefined;
  /** For application errors: an ExceptionType other than the registry's (injected errors). */
  private readonly exceptionTypeOverride: string | undefined;

  constructor(code: ErrorCode, message: string, friendlyText?: string, exceptionTypeOverride?: string) {
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
