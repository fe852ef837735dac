import { expect } from 'chai';
import { badValue, EmulatorError, ERRORS, restAnswerOf } from '../../src/errors.js';

/**
 * The registry as it is meant to be. A change to an error's status, code or type, or a new or removed
 * error, must be made here as well: clients and the HTTP tests depend on each of these values.
 */
const EXPECTED_REGISTRY = {
  MalformedXml: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  DtdProhibited: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  NotAnEnvelope: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  HeaderOutsideHeader: { kind: 'fault', status: 400, code: 'Client', rest: { status: 400, errorType: 'ArgumentException' } },
  BodyTooLarge: { kind: 'fault', status: 413, code: 'Client', rest: { status: 413, errorType: 'ArgumentException' } },
  VersionMismatch: { kind: 'fault', status: 500, code: 'VersionMismatch', rest: { status: 400, errorType: 'ArgumentException' } },
  ActionNotSupported: { kind: 'fault', status: 500, code: 'Client', subcode: 'ActionNotSupported', rest: { status: 404, errorType: 'NotFoundException' } },
  DeserializationFailed: { kind: 'fault', status: 500, code: 'Client', subcode: 'DeserializationFailed', rest: { status: 400, errorType: 'ArgumentException' } },
  InternalServiceFault: { kind: 'fault', status: 500, code: 'Server', subcode: 'InternalServiceFault', rest: { status: 500, errorType: 'InternalServerError' } },
  StoreUnavailable: { kind: 'fault', status: 500, code: 'Server', rest: { status: 503, errorType: 'ServiceUnavailableException' } },
  TicketMissing: { kind: 'application', exceptionType: 'SoAuthenticationException', rest: { status: 401 } },
  TicketUnknown: { kind: 'application', exceptionType: 'SoAuthenticationException', rest: { status: 401 } },
  TicketExpired: { kind: 'application', exceptionType: 'SoTicketExpiredException', rest: { status: 401 } },
  ApplicationTokenMissing: { kind: 'application', exceptionType: 'SoApplicationTokenException', rest: { status: 401 } },
  ApplicationTokenUnknown: { kind: 'application', exceptionType: 'SoApplicationTokenException', rest: { status: 401 } },
  MessageNull: { kind: 'application', exceptionType: 'ArgumentNullException', rest: { status: 400, field: 'Message', message: 'Message: the message to add is missing.' } },
  SessionUnknown: { kind: 'application', exceptionType: 'SoNotFoundException', rest: { status: 404 } },
  EntityNull: { kind: 'application', exceptionType: 'ArgumentNullException', rest: { status: 400, message: 'Entity to save is not in request body.' } },
  UserRequired: { kind: 'application', exceptionType: 'SoSecurityException', rest: { status: 403 } },
  AssociateUnknown: { kind: 'application', exceptionType: 'SoNotFoundException', rest: { status: 404 } },
  TopicUnknown: { kind: 'application', exceptionType: 'SoNotFoundException', rest: { status: 404 } },
  /** A right the caller does not have: managing a topic's agents, picking up a session of a topic. */
  NotAllowed: { kind: 'application', exceptionType: 'SoSecurityException', rest: { status: 403 } },
  InvalidArgument: { kind: 'application', exceptionType: 'ArgumentException', rest: { status: 400 } },
  SessionMoveRefused: { kind: 'application', exceptionType: 'InvalidOperationException', rest: { status: 409 } },
  NotEmulated: { kind: 'application', exceptionType: 'NotImplementedException', rest: { status: 501 } },
  InjectedApplicationError: { kind: 'application', exceptionType: 'SoException', rest: { status: 500 } },
  UnsupportedMediaType: { kind: 'http', status: 415, rest: { status: 415, errorType: 'UnsupportedMediaTypeException' } },
  MethodNotAllowed: { kind: 'http', status: 405, rest: { status: 405, errorType: 'MethodNotAllowedException' } },
  NotFound: { kind: 'http', status: 404, rest: { status: 404, errorType: 'NotFoundException' } },
  BadValue: { kind: 'rest', rest: { status: 400, errorType: 'ArgumentException' } },
  BadRequestBody: { kind: 'rest', rest: { status: 400, errorType: 'ArgumentException' } },
  RestCredentialsRefused: { kind: 'rest', rest: { status: 401, errorType: 'SoAuthenticationException' } },
};

describe('ERRORS', () => {
  it('lists exactly the expected codes, in order', () => {
    expect(Object.keys(ERRORS)).to.deep.equal(Object.keys(EXPECTED_REGISTRY));
  });

  it('gives each code exactly its kind, status, code, subcode and exceptionType, and its REST status and ErrorType', () => {
    expect(ERRORS).to.deep.equal(EXPECTED_REGISTRY);
  });
});

describe('EmulatorError', () => {
  it('carries its code, message and friendly text, and finds its definition', () => {
    const error = new EmulatorError('TicketUnknown', 'The ticket is not known.', 'Please log in again.');
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('EmulatorError');
    expect(error.code).to.equal('TicketUnknown');
    expect(error.message).to.equal('The ticket is not known.');
    expect(error.friendlyText).to.equal('Please log in again.');
    expect(error.definition).to.deep.equal({ kind: 'application', exceptionType: 'SoAuthenticationException', rest: { status: 401 } });
  });

  it('leaves the friendly text undefined when none is given', () => {
    const error = new EmulatorError('DeserializationFailed', 'bad value');
    expect(error.friendlyText).to.equal(undefined);
    expect(error.definition).to.deep.equal({ kind: 'fault', status: 500, code: 'Client', subcode: 'DeserializationFailed', rest: { status: 400, errorType: 'ArgumentException' } });
  });

  it('carries no stack frames, and leaves the stack trace limit of other errors as it was', () => {
    const limit = Error.stackTraceLimit;
    expect(new EmulatorError('TicketUnknown', 'The ticket is not known.').stack).to.equal('EmulatorError: The ticket is not known.');
    expect(Error.stackTraceLimit).to.equal(limit);
    expect(new Error('a bug').stack).to.match(/^Error: a bug\n\s+at /);
  });
});

describe('restAnswerOf', () => {
  it("answers with the registry's REST status; an application error's ErrorType is its ExceptionType", () => {
    expect(restAnswerOf(new EmulatorError('TicketExpired', 'Expired.'))).to.deep.equal({ status: 401, message: 'Expired.', errorType: 'SoTicketExpiredException', field: undefined });
    expect(restAnswerOf(new EmulatorError('DeserializationFailed', 'Bad.'))).to.deep.equal({ status: 400, message: 'Bad.', errorType: 'ArgumentException', field: undefined });
  });

  it("uses the registry's REST text and field where REST words an error otherwise, and a value error's field", () => {
    expect(restAnswerOf(new EmulatorError('MessageNull', 'Value cannot be null. Parameter name: message'))).to.deep.equal({
      status: 400,
      message: 'Message: the message to add is missing.',
      errorType: 'ArgumentNullException',
      field: 'Message',
    });
    expect(restAnswerOf(badValue('after', "'x' is not an xs:int."))).to.deep.equal({ status: 400, message: "after: 'x' is not an xs:int.", errorType: 'ArgumentException', field: 'after' });
  });
});
