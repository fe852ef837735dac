import type { IncomingMessage, ServerResponse } from 'node:http';
import { arrivalTime, type Clock } from '../clock.js';
import type { JsonValue } from '../contract/schema.js';
import { EmulatorError, logUnexpectedError } from '../errors.js';
import type { FaultInjector, FaultSpec } from '../faults.js';
import type { Journal, Outcome } from '../journal/journal.js';
import type { Durability } from '../store/change-log.js';
import type { TenantNames } from '../store/tenants.js';
import type { AnswerWriter } from '../transport/answer-writer.js';
import { isBodyTooLarge, readRequestBody } from '../transport/body.js';
import type { AcquireAccounts, AcquireMessage } from './accounts.js';
import { AcquireError, addedMessageView, addMessage, getMessage, listMessages, readAddMessage, type AcquireContext, type AcquireErrorType, type AcquireOperation } from './operations.js';

export interface AcquireSettings {
  readonly acquire: AcquireAccounts;
  /** Adds a message to an account, keeping it (with a data directory) before the answer acknowledges it. */
  addAcquireMessage(tenant: string, message: Omit<AcquireMessage, 'id'>): AcquireMessage;
  readonly tenants: TenantNames;
  readonly clock: Clock;
  readonly journal: Journal;
  readonly faults: FaultInjector;
  readonly durability: Durability;
  readonly maxBodyBytes: number;
  readonly log: (line: string) => void;
  /** Writes an answer: at the end of the turn, with the others of the turn, as SOAP answers are. */
  readonly write: AnswerWriter;
}

/** A request for Acquire.io's API: the account it addresses, and the path after `/api/v1/`. */
export interface AcquireRequest {
  readonly account: string;
  readonly path: string;
}

/** Acquire's API, on the emulator: under /acquire/{account_id}/, or under Acquire's own host name. */
const PREFIXED = /^\/acquire\/([^/?]+)\/api\/v1\/([^?]*)/;
const UNPREFIXED = /^\/api\/v1\/([^?]*)/;
const ACQUIRE_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.acquire\.io(?::\d+)?$/i;

/**
 * Whether a request is for Acquire's API: a path `/acquire/{account_id}/api/v1/...`, or `/api/v1/...` sent with the
 * `Host` `{account_id}.acquire.io` (a client whose base URL is fixed, pointed here by a proxy or a hosts entry).
 */
export function acquireRequestOf(request: IncomingMessage): AcquireRequest | null {
  const url = request.url ?? '';
  const prefixed = PREFIXED.exec(url);
  if (prefixed !== null) return { account: safeDecode(prefixed[1] as string), path: prefixed[2] as string };
  const host = ACQUIRE_HOST.exec(request.headers.host ?? '');
  const unprefixed = host === null ? null : UNPREFIXED.exec(url);
  return host === null || unprefixed === null ? null : { account: (host[1] as string).toLowerCase(), path: unprefixed[1] as string };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  readonly operation: AcquireOperation;
}

const ROUTES: readonly Route[] = [
  { method: 'POST', path: /^crm\/messenger\/chat\/add-message\/?$/, operation: 'AddMessage' },
  { method: 'GET', path: /^crm\/objects\/case-message\/([^/]+)\/?$/, operation: 'GetMessage' },
  { method: 'GET', path: /^crm\/messenger\/chat\/messages\/?$/, operation: 'ListMessages' },
];

/** An answer: its status and JSON body; or no answer at all (an injected drop). */
type Reply = { readonly status: number; readonly body: JsonValue; readonly truncate?: boolean } | { readonly drop: true };

/** Answers a call of Acquire's API, and records it in the journal (service Acquire). */
export async function answerAcquire(settings: AcquireSettings, call: AcquireRequest, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = performance.now();
  const arrival = arrivalTime(settings.clock);
  const tenant = settings.tenants.find(call.account);
  const rawUrl = request.url ?? '';
  const query = new URLSearchParams(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '');
  const route = ROUTES.find((candidate) => candidate.path.test(call.path));
  const key = bearerKey(request.headers.authorization);
  let body: JsonValue = null;
  let reply: Reply;
  let failure: AcquireError | undefined;
  let injected = false;
  try {
    if (route === undefined) throw new NotHere(404, `Nothing at /api/v1/${call.path}. Acquire's API here: POST crm/messenger/chat/add-message, GET crm/objects/case-message/{id}, GET crm/messenger/chat/messages.`);
    if (route.method !== request.method) throw new NotHere(405, `${request.method ?? ''} is not allowed on /api/v1/${call.path}: use ${route.method}.`);
    if (route.method === 'POST') body = await readJson(request, settings.maxBodyBytes);
    const fault = settings.faults.take(tenant, route.operation);
    const faulted = fault === undefined ? undefined : await injectedReply(fault);
    if (faulted !== undefined) {
      injected = true;
      reply = faulted;
    } else {
      const runCall = () => run(authenticate(settings, tenant, key), route, call.path, body, query, settings);
      // Where instances share the state, the call waits for its turn (see Durability.serialized).
      const data = settings.durability.serialized === undefined ? runCall() : await settings.durability.serialized(runCall);
      // A change is acknowledged only once it is durable (with a data directory; at once without).
      if (route.operation === 'AddMessage') await settings.durability.flushed();
      reply = { status: 200, body: { data }, truncate: fault?.action.kind === 'truncate' };
    }
  } catch (error) {
    failure = asAcquireError(error, settings.log);
    reply = { status: failure.status, body: errorBody(failure) };
  }
  send(response, reply, settings.write);
  settings.journal.record(
    {
      tenant,
      service: 'Acquire',
      operation: route?.operation ?? null,
      soapVersion: null,
      headers: { applicationToken: null, ticket: key },
      arguments: { journalArguments: () => ({ query: Object.fromEntries(query), body }) },
      status: 'drop' in reply ? null : reply.status,
      outcome: journalOutcome(failure, injected),
      error: failure === undefined ? null : { code: failure.type, message: failure.message },
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      warnings: [],
    },
    arrival,
  );
}

function run(context: AcquireContext, route: Route, path: string, body: JsonValue, query: URLSearchParams, settings: AcquireSettings): JsonValue {
  switch (route.operation) {
    case 'AddMessage':
      return addedMessageView(settings.acquire, context.tenant, addMessage(context, readAddMessage(body, query)));
    case 'GetMessage':
      return getMessage(context, route.path.exec(path)?.[1] ?? '');
    case 'ListMessages':
      return listMessages(context, query);
  }
}

/** The user the request's API key speaks for in the account; ERROR_UNAUTHORIZED without a key the account has. */
function authenticate(settings: AcquireSettings, tenant: string, key: string | null): AcquireContext {
  if (key === null) throw new AcquireError('ERROR_UNAUTHORIZED', 'No API key: send the header Authorization: Bearer <API key>.');
  const caller = settings.acquire.userOfKey(tenant, key);
  if (caller === undefined) throw new AcquireError('ERROR_UNAUTHORIZED', `The API key is not one of account '${tenant}'.`);
  return { accounts: settings.acquire, tenant, caller, clock: settings.clock, add: (message) => settings.addAcquireMessage(tenant, message) };
}

function bearerKey(authorization: string | undefined): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match === null ? null : (match[1] as string);
}

async function readJson(request: IncomingMessage, limit: number): Promise<JsonValue> {
  let bytes: Buffer;
  try {
    bytes = await readRequestBody(request, limit);
  } catch (error) {
    throw new AcquireError('ERROR_INVALID_INPUT', isBodyTooLarge(error) ? `The body is larger than the limit of ${limit} bytes.` : 'The body could not be read.', 'body');
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as JsonValue;
  } catch (error) {
    throw new AcquireError('ERROR_INVALID_INPUT', `The body is not JSON: ${(error as Error).message}.`, 'body');
  }
}

/** What an injected fault answers instead of the call; undefined when the call is answered (a delay, a truncation). */
async function injectedReply(fault: FaultSpec): Promise<Reply | undefined> {
  if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  const action = fault.action;
  switch (action.kind) {
    case 'drop':
      return { drop: true };
    case 'httpStatus':
      return { status: action.status, body: errorBody(new AcquireError(errorTypeOf(action.status), `Injected HTTP ${action.status}.`)) };
    case 'exceptionInfo':
    case 'soapFault':
      // Acquire has no SOAP faults: the nearest it has is a server error with the fault's message.
      return { status: 500, body: errorBody(new AcquireError('ERROR_SERVER_ERROR', action.message)) };
    case 'truncate':
    case 'delayOnly':
      return undefined;
  }
}

function errorTypeOf(status: number): AcquireErrorType {
  if (status === 401) return 'ERROR_UNAUTHORIZED';
  if (status === 403) return 'ERROR_UNAUTHORIZED_ACCESS';
  return status >= 500 ? 'ERROR_SERVER_ERROR' : 'ERROR_INVALID_INPUT';
}

/** Acquire's error body: its documented type, what was wrong, and the field it is about when there is one. */
function errorBody(error: AcquireError): JsonValue {
  return { error: error.field === undefined ? { type: error.type, message: error.message } : { type: error.type, message: error.message, field: error.field } };
}

/** A path or method that is not one of Acquire's here: 404 or 405, typed as Acquire types a record not found. */
class NotHere extends AcquireError {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super('ERROR_RECORD_NOT_FOUND', message);
  }

  override get status(): number {
    return this.httpStatus;
  }
}

function asAcquireError(error: unknown, log: (line: string) => void): AcquireError {
  if (error instanceof AcquireError) return error;
  if (error instanceof EmulatorError && error.code === 'StoreUnavailable') return new AcquireError('ERROR_SERVER_ERROR', error.message);
  const id = logUnexpectedError(error, log, ' (Acquire)');
  return new AcquireError('ERROR_SERVER_ERROR', `The emulator failed unexpectedly; its log says more under request ${id}.`);
}

function journalOutcome(failure: AcquireError | undefined, injected: boolean): Outcome {
  if (injected) return 'injected';
  return failure === undefined ? 'ok' : 'http error';
}

function send(response: ServerResponse, reply: Reply, write: AnswerWriter): void {
  if ('drop' in reply) {
    response.socket?.destroy();
    return;
  }
  const text = JSON.stringify(reply.body);
  const length = Buffer.byteLength(text);
  if (reply.truncate !== true) {
    write(response, { status: reply.status, contentType: 'application/json; charset=utf-8', body: text, byteLength: length }, {});
    return;
  }
  // Half the answer, then the connection closes: a client sees a body shorter than its Content-Length.
  response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': length });
  response.write(Buffer.from(text).subarray(0, Math.floor(length / 2)));
  response.socket?.destroy();
}
