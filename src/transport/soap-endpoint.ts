import type { Request, Response } from 'express';
import { epochMillisecondsOf } from '../contract/datetime.js';
import { readRequestHeaders } from '../contract/headers.js';
import type { OperationContract, ServiceName } from '../contract/operations.js';
import { requireRequestElement, resolveOperation } from '../envelope/dispatch.js';
import { readEnvelope, type SoapVersion } from '../envelope/request.js';
import { answerError, answerSuccess, type ErrorStyle, type HttpAnswer } from '../envelope/response.js';
import { EmulatorError } from '../errors.js';
import { authorize, type InstallationMode } from '../operations/authorize.js';
import type { OperationContext } from '../operations/context.js';
import { SOAP_BINDINGS } from '../operations/soap-bindings.js';
import type { Clock } from '../clock.js';
import type { ChatStore, TenantId } from '../store/chat-store.js';
import type { CredentialStore } from '../store/credentials.js';
import { parseContentType, type ContentType } from './content-type.js';

export interface SoapEndpointSettings {
  readonly store: ChatStore;
  readonly credentials: CredentialStore;
  readonly clock: Clock;
  readonly mode: InstallationMode;
  readonly strict: boolean;
  readonly errorStyle: ErrorStyle;
  readonly ticketTtlMs: number;
  readonly log: (line: string) => void;
}

/** Which service of which tenant a request was sent to. */
export interface Endpoint {
  readonly tenant: TenantId;
  readonly service: ServiceName;
}

/**
 * Answers one SOAP POST: envelope → operation → arguments → authorization → execution → response.
 * Every outcome, expected or not, becomes an answer through answerError; nothing escapes as a stack trace.
 */
export function handleSoapRequest(settings: SoapEndpointSettings, { tenant, service }: Endpoint, request: Request, response: Response): void {
  const contentType = parseContentType(request.headers['content-type']);
  let version: SoapVersion = contentType.mediaType === 'application/soap+xml' ? '1.2' : '1.1';
  let operation: OperationContract | undefined;
  let answer: HttpAnswer;
  try {
    checkContentType(contentType, settings.strict);
    const envelope = readEnvelope(bodyText(request));
    version = envelope.version;
    if (settings.strict) checkStrictEnvelope(version, envelope.headersOutsideHeader);
    const actions = { soapActionHeader: request.headers.soapaction as string | undefined, contentTypeAction: contentType.parameters.get('action') };
    operation = resolveOperation(envelope, actions, settings.strict, service);
    const binding = SOAP_BINDINGS[operation.name];
    const call = binding.prepare(requireRequestElement(envelope, operation));
    const nowMs = epochMillisecondsOf(settings.clock.now());
    authorize(settings.credentials, settings.mode, binding.requires, { tenant, headers: readRequestHeaders(envelope.headers), nowMs });
    const { store, credentials, clock, strict, ticketTtlMs } = settings;
    const context: OperationContext = { tenant, store, credentials, clock, strict, ticketTtlMs };
    answer = answerSuccess(version, operation, call(context));
  } catch (error) {
    const failed = operation === undefined ? undefined : { operation, nilResult: SOAP_BINDINGS[operation.name].nilResult };
    answer = answerError(asEmulatorError(error, settings.log), version, settings.errorStyle, failed);
  }
  response.status(answer.status).type(answer.contentType).send(answer.body);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The request body as text: UTF-8, the only encoding the emulator reads (the envelope reader drops a BOM).
 * Bytes that are not UTF-8 are refused rather than replaced, as .NET's reader refuses them.
 */
function bodyText(request: Request): string {
  const body: unknown = request.body;
  if (!Buffer.isBuffer(body)) return '';
  try {
    return utf8.decode(body);
  } catch {
    throw new EmulatorError('MalformedXml', 'The request body is not well-formed XML: it is not valid UTF-8.');
  }
}

const WCF_CONTENT_TYPE = 'text/xml; charset=utf-8';

function checkContentType(contentType: ContentType, strict: boolean): void {
  const charset = contentType.parameters.get('charset')?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new EmulatorError('UnsupportedMediaType', `Cannot process the message because the charset '${charset}' is not supported: send UTF-8.`);
  }
  if (strict && contentType.mediaType !== 'text/xml') {
    throw new EmulatorError(
      'UnsupportedMediaType',
      `Cannot process the message because the content type '${contentType.raw}' was not the expected type '${WCF_CONTENT_TYPE}'.`,
    );
  }
}

function checkStrictEnvelope(version: SoapVersion, headersOutsideHeader: readonly string[]): void {
  if (version !== '1.1') {
    throw new EmulatorError('VersionMismatch', 'This endpoint accepts SOAP 1.1 envelopes only (strict mode, as WCF BasicHttpBinding).');
  }
  if (headersOutsideHeader.length > 0) {
    throw new EmulatorError(
      'HeaderOutsideHeader',
      `Found ${headersOutsideHeader.join(', ')} directly under Envelope: SOAP headers must be inside the Header element (strict mode).`,
    );
  }
}

let unexpectedErrors = 0;

/** An error that is not one of ours is a bug: log it with an id, and answer with that id only. */
function asEmulatorError(error: unknown, log: (line: string) => void): EmulatorError {
  if (error instanceof EmulatorError) return error;
  unexpectedErrors += 1;
  const id = `${process.pid}-${Date.now().toString(36)}-${unexpectedErrors}`;
  log(`[request ${id}] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new EmulatorError('InternalServiceFault', `The server was unable to process the request due to an internal error (request id ${id}).`);
}
