import { expect } from 'chai';
import { EmulatorError, ERRORS } from '../../src/errors.js';

/**
 * The registry as it is meant to be. A change to an error's status, code or type, or a new or removed
 * error, must be made here as well: clients and the HTTP tests depend on each of these values.
 */
const EXPECTED_REGISTRY = {
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
  NotEmulated: { kind: 'application', exceptionType: 'NotImplementedException' },
  InjectedApplicationError: { kind: 'application', exceptionType: 'SoException' },
  UnsupportedMediaType: { kind: 'http', status: 415 },
  MethodNotAllowed: { kind: 'http', status: 405 },
  NotFound: { kind: 'http', status: 404 },
};

describe('ERRORS', () => {
  it('lists exactly the expected codes, in order', () => {
    expect(Object.keys(ERRORS)).to.deep.equal(Object.keys(EXPECTED_REGISTRY));
  });

  it('gives each code exactly its kind, status, code, subcode and exceptionType', () => {
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
    expect(error.definition).to.deep.equal({ kind: 'application', exceptionType: 'SoAuthenticationException' });
  });

  it('leaves the friendly text undefined when none is given', () => {
    const error = new EmulatorError('DeserializationFailed', 'bad value');
    expect(error.friendlyText).to.equal(undefined);
    expect(error.definition).to.deep.equal({ kind: 'fault', status: 500, code: 'Client', subcode: 'DeserializationFailed' });
  });

  it('carries no stack frames, and leaves the stack trace limit of other errors as it was', () => {
    const limit = Error.stackTraceLimit;
    expect(new EmulatorError('TicketUnknown', 'The ticket is not known.').stack).to.equal('EmulatorError: The ticket is not known.');
    expect(Error.stackTraceLimit).to.equal(limit);
    expect(new Error('a bug').stack).to.match(/^Error: a bug\n\s+at /);
  });
});
