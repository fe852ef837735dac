import { setTimeout as delay } from 'node:timers/promises';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import type { ChatEvent } from '../webhooks/events.js';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { arrivalTime, type Clock } from '../clock.js';
import { epochMillisecondsOf } from '../contract/datetime.js';
import { readRequestHeaders, type RequestHeaders } from '../contract/headers.js';
import type { OperationContract, ServiceName } from '../contract/operations.js';
import { requestedAction, requireRequestElement, resolveOperation, type ActionSources } from '../envelope/dispatch.js';
import { readEnvelope, type SoapVersion } from '../envelope/request.js';
import { answerError, answerFault, answerSuccess, httpAnswer, type ErrorStyle, type HttpAnswer } from '../envelope/response.js';
import { asEmulatorError, EmulatorError } from '../errors.js';
import type { FaultInjector, FaultSpec } from '../faults.js';
import { contentTypeWarning, envelopeWarnings, noActionWarning, sequenceWarnings, unexpectedContentTypeMessage, WarningList, type FidelityWarning } from '../fidelity.js';
import type { Journal, JournalArguments, JournalHeaders, Outcome } from '../journal/journal.js';
import { authorize, type InstallationMode } from '../operations/authorize.js';
import type { Durability } from '../store/change-log.js';
import type { OperationContext } from '../operations/context.js';
import { soapBindingOf } from '../operations/soap-bindings.js';
import type { ChatStore, TenantId } from '../store/chat-store.js';
import type { CredentialStore, SecretDigester } from '../store/credentials.js';
import type { TenantNames } from '../store/tenants.js';
import type { AnswerWriter } from './answer-writer.js';
import { parseContentType, type ContentType } from './content-type.js';

export interface SoapEndpointSettings {
  readonly store: ChatStore;
  readonly credentials: CredentialStore;
  readonly tenants: TenantNames;
  readonly clock: Clock;
  readonly mode: InstallationMode;
  readonly strict: boolean;
  readonly errorStyle: ErrorStyle;
  readonly ticketTtlMs: number;
  readonly journal: Journal;
  readonly faults: FaultInjector;
  readonly durability: Durability;
  readonly webhooks: WebhookDispatcher;
  readonly log: (line: string) => void;
}

/** What the SOAP layer reads of a request: its headers and its body; and the digests of its connection's secrets. */
export interface SoapRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly digester: SecretDigester;
}

/** Which service of which tenant a request was sent to. */
export interface Endpoint {
  /** As the path has it: TenantNames tells which tenant that is. */
  readonly tenant: string;
  readonly service: ServiceName;
}

/** What the request journal learns about a request as it is read. */
interface Trace {
  version: SoapVersion | null;
  operation: OperationContract | undefined;
  headers: RequestHeaders | undefined;
  /** The arguments as the journal shows them, written out when it is listed. */
  arguments: JournalArguments;
  readonly warnings: WarningList;
  injected: boolean;
  error: EmulatorError | undefined;
}

/** The arguments of a request that could not be read. */
const NO_ARGUMENTS: JournalArguments = { journalArguments: () => null };

/** The headers of a request whose envelope could not be read. */
const NO_HEADERS: JournalHeaders = { applicationToken: null, ticket: null };

/** How the request is answered: normally, not at all (an injected drop), or cut off halfway (an injected truncation). */
type Reply = { readonly kind: 'answer' | 'truncate'; readonly answer: HttpAnswer } | { readonly kind: 'drop' };

/**
 * Answers one SOAP POST: envelope → operation → arguments → authorization → execution → response, and
 * records it in the journal. Every outcome, expected or not, becomes an answer; nothing escapes as a stack trace.
 */
export async function handleSoapRequest(
  settings: SoapEndpointSettings,
  endpoint: Endpoint,
  request: SoapRequest,
  response: ServerResponse,
  answerWriter: AnswerWriter,
): Promise<void> {
  const started = performance.now();
  const arrival = arrivalTime(settings.clock);
  const tenant = settings.tenants.resolve(endpoint.tenant);
  const trace: Trace = { version: null, operation: undefined, headers: undefined, arguments: NO_ARGUMENTS, warnings: new WarningList(), injected: false, error: undefined };
  const reply = await replyTo(settings, tenant, endpoint.service, request, trace);
  const warnings = trace.warnings.toArray();
  send(response, answerWriter, reply, warnings);
  const status = reply.kind === 'drop' ? null : reply.answer.status;
  settings.journal.record(
    {
      tenant,
      service: endpoint.service,
      operation: trace.operation?.name ?? null,
      soapVersion: trace.version,
      headers: trace.headers ?? NO_HEADERS,
      arguments: trace.arguments,
      status,
      outcome: outcomeOf(trace),
      error: trace.error === undefined ? null : { code: trace.error.code, ...exceptionTypeOf(trace.error), message: trace.error.message },
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      warnings,
    },
    arrival,
  );
}

async function replyTo(settings: SoapEndpointSettings, tenant: TenantId, service: ServiceName, request: SoapRequest, trace: Trace): Promise<Reply> {
  const contentType = parseContentType(request.headers['content-type']);
  let version: SoapVersion = contentType.mediaType === 'application/soap+xml' ? '1.2' : '1.1';
  let truncate = false;
  try {
    checkContentType(contentType, settings.strict);
    const envelope = readEnvelope(bodyText(request.body));
    version = trace.version = envelope.version;
    const headers = (trace.headers = readRequestHeaders(envelope.headers));
    if (settings.strict) checkStrictEnvelope(version, envelope.headersOutsideHeader);
    const contentTypeProblem = contentTypeWarning(contentType.mediaType, contentType.raw, version);
    if (contentTypeProblem !== undefined) trace.warnings.add(contentTypeProblem);
    for (const warning of envelopeWarnings(envelope)) trace.warnings.add(warning);
    const actions: ActionSources = { soapActionHeader: request.headers.soapaction as string | undefined, contentTypeAction: contentType.parameters.get('action') };
    const operation = (trace.operation = resolveOperation(envelope, actions, settings.strict, service));
    if (requestedAction(actions) === undefined) trace.warnings.add(noActionWarning(operation.requestElement));
    const wrapper = requireRequestElement(envelope, operation);
    const binding = soapBindingOf(operation);
    sequenceWarnings(wrapper, binding.request, operation.requestElement, trace.warnings);
    const call = binding.prepare(wrapper, settings.clock);
    trace.arguments = call.journal;
    if (settings.strict) refuseWarnings(trace.warnings.toArray());

    const fault = settings.faults.take(tenant, operation.name);
    if (fault !== undefined) {
      if (fault.delayMs > 0) await delay(fault.delayMs);
      trace.injected = fault.action.kind !== 'delayOnly';
      const injected = injectedReply(fault, version, settings.errorStyle, { operation, nilResult: binding.nilResult }, trace);
      if (injected !== undefined) return injected;
      truncate = fault.action.kind === 'truncate';
    }

    const runCall = () => {
      const nowMs = epochMillisecondsOf(settings.clock.now());
      const leniency = { strict: settings.strict, warn: (warning: FidelityWarning) => trace.warnings.add(warning) };
      const user = authorize(settings.credentials, settings.mode, binding.requires, { tenant, headers, nowMs, digester: request.digester }, leniency);
      const { store, credentials, clock, strict, ticketTtlMs } = settings;
      const events: ChatEvent[] = [];
      const context: OperationContext = { tenant, user, store, credentials, clock, strict, ticketTtlMs, warn: (warning) => trace.warnings.add(warning), notify: (event) => events.push(event) };
      const answer = answerSuccess(version, operation, call.run(context));
      // The call's events are queued (and, with a data directory, kept) with its changes; they are sent once those are durable.
      settings.webhooks.publish(tenant, user?.AssociateId ?? 0, events);
      return answer;
    };
    // Where instances share the state, the call waits for its turn (see Durability.serialized).
    const answer = settings.durability.serialized === undefined ? runCall() : await settings.durability.serialized(runCall);
    // A change is acknowledged only once it is durable (with a data directory; at once without).
    await settings.durability.flushed();
    return { kind: truncate ? 'truncate' : 'answer', answer };
  } catch (error) {
    const emulatorError = (trace.error = asEmulatorError(error, settings.log));
    const failed = trace.operation === undefined ? undefined : { operation: trace.operation, nilResult: soapBindingOf(trace.operation).nilResult };
    return { kind: truncate ? 'truncate' : 'answer', answer: answerError(emulatorError, version, settings.errorStyle, failed) };
  }
}

/** The reply an injected fault makes instead of the normal one; undefined when the normal answer goes out (delay, truncate). */
function injectedReply(
  fault: FaultSpec,
  version: SoapVersion,
  errorStyle: ErrorStyle,
  failed: { operation: OperationContract; nilResult: string },
  trace: Trace,
): Reply | undefined {
  const action = fault.action;
  switch (action.kind) {
    case 'exceptionInfo': {
      const error = (trace.error = new EmulatorError('InjectedApplicationError', action.message, action.friendlyText, action.exceptionType));
      return { kind: 'answer', answer: answerError(error, version, errorStyle, failed) };
    }
    case 'soapFault':
      return { kind: 'answer', answer: answerFault(version, action.code, action.message) };
    case 'httpStatus':
      return { kind: 'answer', answer: httpAnswer(action.status, 'text/plain; charset=utf-8', `Injected HTTP ${action.status}.\n`) };
    case 'drop':
      return { kind: 'drop' };
    case 'truncate':
    case 'delayOnly':
      return undefined;
  }
}

function send(response: ServerResponse, answerWriter: AnswerWriter, reply: Reply, warnings: readonly FidelityWarning[]): void {
  if (reply.kind === 'drop') {
    response.socket?.destroy();
    return;
  }
  const extra = warnings.length === 0 ? {} : { 'X-Emulator-Warning': warnings.map(warningHeader) };
  if (reply.kind === 'answer') {
    answerWriter(response, reply.answer, extra);
    return;
  }
  const body = reply.answer.body;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(reply.answer.status, { ...extra, 'Content-Type': reply.answer.contentType, 'Content-Length': String(bytes.length) });
  response.write(bytes.subarray(0, bytes.length >> 1), () => response.socket?.destroy());
}

/** A warning as an HTTP header value: `code: message`, printable ASCII only (others as \\uXXXX). */
function warningHeader({ code, message }: FidelityWarning): string {
  return `${code}: ${message}`.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function outcomeOf(trace: Trace): Outcome {
  if (trace.injected) return 'injected';
  if (trace.error === undefined) return 'ok';
  const kind = trace.error.definition.kind;
  return kind === 'application' ? 'application error' : kind === 'fault' ? 'fault' : 'http error';
}

function exceptionTypeOf(error: EmulatorError): { exceptionType?: string } {
  const exceptionType = error.exceptionType;
  return exceptionType === undefined ? {} : { exceptionType };
}

/** Strict mode: what the real service would read differently is refused, not only noted. */
function refuseWarnings(warnings: readonly FidelityWarning[]): void {
  if (warnings.length === 0) return;
  throw new EmulatorError('DeserializationFailed', `Strict mode refuses what the real service would read differently: ${warnings.map((w) => w.message).join(' ')}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The request body as text: UTF-8, the only encoding the emulator reads (the envelope reader drops a BOM).
 * Bytes that are not UTF-8 are refused rather than replaced, as .NET's reader refuses them.
 */
function bodyText(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new EmulatorError('MalformedXml', 'The request body is not well-formed XML: it is not valid UTF-8.');
  }
}

function checkContentType(contentType: ContentType, strict: boolean): void {
  const charset = contentType.parameters.get('charset')?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new EmulatorError('UnsupportedMediaType', `Cannot process the message because the charset '${charset}' is not supported: send UTF-8.`);
  }
  if (strict && contentType.mediaType !== 'text/xml') {
    throw new EmulatorError('UnsupportedMediaType', unexpectedContentTypeMessage(contentType.raw));
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
