import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { arrivalTime, type Clock } from '../clock.js';
import type { ChatMessage } from '../contract/chat-message.js';
import type { ReadContext } from '../contract/codec.js';
import { chatMessageToJson } from '../contract/json.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import { OPERATIONS, SERVICES, type OperationName } from '../contract/operations.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import type { TypeCodec, Value } from '../contract/schema.js';
import { schemaOf } from '../contract/schemas.js';
import { clark } from '../contract/wsdl-model.js';
import { badValue, EmulatorError, logUnexpectedError, restAnswerOf } from '../errors.js';
import { bodyWithin } from '../transport/body.js';
import { maskPassword, maskSecret, type Journal, type JournalArguments, type JournalHeaders, type JsonValue } from '../journal/journal.js';
import type { InstallationMode } from '../operations/authorize.js';
import { addChatMessage, getChatMessages } from '../operations/chat.js';
import type { OperationContext } from '../operations/context.js';
import { runOperation } from '../operations/table.js';
import { DEFAULT_TENANT, type ChatStore, type TenantId } from '../store/chat-store.js';
import type { Durability } from '../store/change-log.js';
import type { CredentialStore } from '../store/credentials.js';
import type { TenantNames } from '../store/tenants.js';
import { authenticateRest, challenges } from './auth.js';
import { fieldOf, readBody, type FieldValue, type Fields } from './body.js';
import { parseSelect, readRestChatMessage, readRestInt, representError, representMessage, representMessages, type AnswerFormat, type Representation } from './representation.js';
import { parseTimeZoneHeader } from './timezone.js';

/**
 * The Chat agent over SuperOffice's REST WebAPI, on the same store as the SOAP services:
 *   POST /api/v1/ChatSession/{id}/Messages, GET /api/v1/ChatSession/{id}/Messages?after=N,
 *   POST /api/v1/Agents/Chat/AddChatMessage, POST /api/v1/Agents/Chat/GetChatMessages,
 * each also under /<CustId>/api/v1/... for a tenant.
 */

export interface RestSettings {
  readonly store: ChatStore;
  readonly credentials: CredentialStore;
  readonly tenants: TenantNames;
  readonly clock: Clock;
  readonly mode: InstallationMode;
  readonly strict: boolean;
  readonly ticketTtlMs: number;
  readonly journal: Journal;
  readonly durability: Durability;
  readonly maxBodyBytes: number;
  readonly log: (line: string) => void;
}

/** One endpoint: how it reads its call from the request, and what it answers. */
interface Endpoint {
  readonly method: 'get' | 'post';
  readonly path: string;
  /** The operation the journal names; for the agent endpoint, the one its path names (see Call). */
  readonly operation: OperationName | null;
  read(request: Request, body: Fields, context: ReadContext): Call;
}

type Call =
  | { readonly operation: 'AddChatMessage'; readonly ChatSessionId: number; readonly Message: ChatMessage | null }
  | { readonly operation: 'GetChatMessages'; readonly ChatSessionId: number; readonly After: number }
  | { readonly operation: 'agent'; readonly agent: AgentCall };

/** Any other operation of Chat.svc, at /api/v1/Agents/Chat/{Operation}: read and answered by its WSDL's types. */
interface AgentCall {
  readonly operation: OperationName;
  readonly request: Value;
  readonly requestType: TypeCodec;
  readonly responseType: TypeCodec;
}

const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'post',
    path: '/api/v1/ChatSession/:chatSessionId/Messages',
    operation: 'AddChatMessage',
    read: (request, body, context) => ({
      operation: 'AddChatMessage',
      ChatSessionId: pathSession(request, context),
      Message: Object.keys(body).length === 0 ? null : readRestChatMessage(body, '', context),
    }),
  },
  {
    method: 'get',
    path: '/api/v1/ChatSession/:chatSessionId/Messages',
    operation: 'GetChatMessages',
    read: (request, _body, context) => ({ operation: 'GetChatMessages', ChatSessionId: pathSession(request, context), After: readRestInt(queryValue(request, 'after'), 'after', 0, context) }),
  },
  {
    method: 'post',
    path: '/api/v1/Agents/Chat/AddChatMessage',
    operation: 'AddChatMessage',
    read: (request, body, context) => {
      const message = fieldOf(body, 'Message');
      if (message !== undefined && message !== null && (typeof message !== 'object' || Array.isArray(message))) throw badValue('Message', 'expected a ChatMessage object.');
      return {
        operation: 'AddChatMessage',
        ChatSessionId: readRestInt(agentParameter(request, body, 'ChatSessionId'), 'ChatSessionId', 0, context),
        Message: message === undefined || message === null ? null : readRestChatMessage(message as Fields, 'Message.', context),
      };
    },
  },
  {
    method: 'post',
    path: '/api/v1/Agents/Chat/GetChatMessages',
    operation: 'GetChatMessages',
    read: (request, body, context) => ({
      operation: 'GetChatMessages',
      ChatSessionId: readRestInt(agentParameter(request, body, 'ChatSessionId'), 'ChatSessionId', 0, context),
      After: readRestInt(agentParameter(request, body, 'After'), 'After', 0, context),
    }),
  },
];

/**
 * The agent endpoint of every other operation of Chat.svc, as SuperOffice names them: `POST
 * /api/v1/Agents/Chat/{Operation}`, its parameters a JSON object (or a form or XML body) of the request's fields.
 * It answers the response's one result (or the whole response when it has several), as JSON.
 */
const AGENT_ENDPOINT: Endpoint = {
  method: 'post',
  path: '/api/v1/Agents/Chat/:operation',
  operation: null,
  read: (request, body, context) => {
    const name = SERVICES.Chat.operations.find((operation) => operation.toLowerCase() === String(request.params['operation']).toLowerCase());
    if (name === undefined) {
      throw new EmulatorError('NotFound', `Chat has no operation '${String(request.params['operation'])}': the agent's operations are ${SERVICES.Chat.operations.join(', ')}.`);
    }
    const schema = schemaOf('Chat');
    const requestType = schema.wrapper(clark(SERVICES88_NS, OPERATIONS[name].requestElement));
    const responseType = schema.wrapper(clark(SERVICES88_NS, OPERATIONS[name].responseElement));
    return { operation: 'agent', agent: { operation: name, request: requestType.fromJson(body, '', context), requestType, responseType } };
  },
};

export function restRouter(settings: RestSettings): Router {
  const router = express.Router({ caseSensitive: false });
  const raw = bodyWithin(settings.maxBodyBytes);
  for (const endpoint of [...ENDPOINTS, AGENT_ENDPOINT]) {
    for (const path of [endpoint.path, `/:custId${endpoint.path}`]) {
      router[endpoint.method](path, raw, (request, response, next) => {
        handleRest(settings, endpoint, request, response).catch(next);
      });
    }
  }
  router.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const failure = asRestError(error, settings.log);
    const { format, contentType } = negotiate(request.headers.accept);
    response.status(restAnswerOf(failure).status).type(contentType).send(representError(failure, format));
  });
  return router;
}

async function handleRest(settings: RestSettings, endpoint: Endpoint, request: Request, response: Response): Promise<void> {
  const started = performance.now();
  const arrival = arrivalTime(settings.clock);
  const tenant: TenantId = settings.tenants.resolve((request.params['custId'] as string | undefined) ?? DEFAULT_TENANT);
  const { format, contentType } = negotiate(request.headers.accept);
  let call: Call | undefined;
  let status: number;
  let body: string;
  let failure: EmulatorError | undefined;
  try {
    const user = authenticateRest(settings.credentials, settings.mode, tenant, settings.clock, { authorization: request.headers.authorization, appToken: request.get('SO-AppToken') });
    const how: Representation = {
      format,
      zone: parseTimeZoneHeader(request.get('SO-TimeZone')),
      // The agent endpoint holds $select to its own result's fields, once it knows the operation.
      select: endpoint === AGENT_ENDPOINT ? undefined : parseSelect(request.query['$select']),
    };
    call = endpoint.read(request, readBody(request.body, request.headers['content-type']), settings.clock);
    body = run(settings, tenant, user, call, how, request.query['$select']);
    // A change is acknowledged only once it is durable (with a data directory; at once without).
    await settings.durability.flushed();
    status = 200;
  } catch (error) {
    failure = asRestError(error, settings.log);
    status = restAnswerOf(failure).status;
    body = representError(failure, format);
    if (status === 401) for (const challenge of challenges(settings.mode)) response.append('WWW-Authenticate', challenge);
  }
  response.status(status).type(contentType).send(body);
  settings.journal.record(
    {
      tenant,
      service: 'WebApi',
      operation: call?.operation === 'agent' ? call.agent.operation : endpoint.operation,
      soapVersion: null,
      headers: maskedHeaders(request.get('SO-AppToken') ?? null, request.headers.authorization),
      arguments: journalArguments(call),
      status,
      outcome: failure === undefined ? 'ok' : 'http error',
      error: failure === undefined ? null : restJournalError(failure),
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      warnings: [],
    },
    arrival,
  );
}

function run(settings: RestSettings, tenant: TenantId, user: SoPrincipalCarrier | null, call: Call, how: Representation, select: unknown): string {
  const { store, credentials, clock, strict, ticketTtlMs } = settings;
  // The REST WebAPI has no fidelity rules of its own: what it accepts, the real one accepts.
  const context: OperationContext = { tenant, user, store, credentials, clock, strict, ticketTtlMs, warn: () => undefined };
  if (call.operation === 'AddChatMessage') return representMessage(addChatMessage(context, { ChatSessionId: call.ChatSessionId, Message: call.Message }), how);
  if (call.operation === 'GetChatMessages') return representMessages(getChatMessages(context, { ChatSessionId: call.ChatSessionId, After: call.After }), how);
  return JSON.stringify(runAgent(context, call.agent, how, select));
}

/**
 * An agent call over the operation table: the response's one result as JSON (or the whole response when it has
 * several), its dates as SO-TimeZone says and, with $select, only the chosen fields of the result (of each, for a list).
 */
function runAgent(context: OperationContext, { operation, request, responseType }: AgentCall, how: Representation, select: unknown): JsonValue {
  const chosen = selectOf(responseType, select);
  const json = responseType.json(runOperation(context, operation, request), { date: how.zone });
  const results = typeof json === 'object' && json !== null && !Array.isArray(json) ? Object.values(json) : [];
  const result = results.length === 1 ? (results[0] as JsonValue) : json;
  if (chosen === undefined) return result;
  const keep = (item: JsonValue): JsonValue =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).map(([key, value]) => [key, chosen.has(key) ? value : null])) : item;
  return Array.isArray(result) ? result.map(keep) : keep(result);
}

/** $select for an agent's result: field names of the result's type, in any case; undefined keeps every field. */
function selectOf(responseType: TypeCodec, select: unknown): ReadonlySet<string> | undefined {
  if (select === undefined) return undefined;
  if (typeof select !== 'string') throw badValue('$select', 'give it once, as a comma-separated list of fields.');
  const result = responseType.sequence?.names.length === 1 ? responseType.sequence.codecAt(0) : responseType;
  const fields = (result.sequence?.repeated === true ? result.sequence.codecAt(0) : result).sequence?.names ?? [];
  const chosen = new Set<string>();
  for (const part of select.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const field = fields.find((name) => name.toLowerCase() === part.toLowerCase());
    if (field === undefined) throw badValue('$select', `'${part}' is not a field of ${result.typeName} (${fields.join(', ')}).`);
    chosen.add(field);
  }
  return chosen;
}

function pathSession(request: Request, context: ReadContext): number {
  return readRestInt(request.params['chatSessionId'], 'chatSessionId', 0, context);
}

/** A query parameter, its name not case-sensitive. */
function queryValue(request: Request, name: string): FieldValue | undefined {
  const key = Object.keys(request.query).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : request.query[key];
  if (Array.isArray(value)) throw badValue(name, 'give it once.');
  return typeof value === 'string' ? value : undefined;
}

/** An agent parameter: from the body, or else from the query string, as the WebAPI accepts both. */
function agentParameter(request: Request, body: Fields, name: string): FieldValue | undefined {
  return fieldOf(body, name) ?? queryValue(request, name);
}

const JSON_ANSWER = /^(application\/json|text\/json|application\/\*|\*\/\*)$/;
const XML_ANSWER = /^(application\/xml|text\/xml)$/;

/** How to answer, by Accept and its preferences (q): the first type served; JSON when none is, as ASP.NET falls back. */
function negotiate(accept: string | undefined): { format: AnswerFormat; contentType: string } {
  for (const type of acceptedTypes(accept)) {
    if (JSON_ANSWER.test(type)) return { format: 'json', contentType: `${type.includes('*') ? 'application/json' : type}; charset=utf-8` };
    if (XML_ANSWER.test(type)) return { format: 'xml', contentType: `${type}; charset=utf-8` };
  }
  return { format: 'json', contentType: 'application/json; charset=utf-8' };
}

function acceptedTypes(accept: string | undefined): string[] {
  return (accept ?? '')
    .split(',')
    .map((part, index) => {
      const [type = '', ...parameters] = part.split(';').map((p) => p.trim());
      const q = parameters.map((p) => /^q=([0-9.]+)$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { type: type.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ type, q }) => type !== '' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ type }) => type);
}

/** The call's arguments as the journal shows them, written out when it is listed. */
function journalArguments(call: Call | undefined): JournalArguments {
  if (call === undefined) return { journalArguments: () => null };
  if (call.operation === 'agent') {
    const { request, requestType } = call.agent;
    return { journalArguments: () => (request === null ? null : requestType.json(request)) };
  }
  if (call.operation === 'AddChatMessage') {
    return { journalArguments: () => ({ ChatSessionId: call.ChatSessionId, Message: call.Message === null ? null : chatMessageToJson(call.Message) }) };
  }
  return { journalArguments: () => ({ ChatSessionId: call.ChatSessionId, After: call.After }) };
}

/** The SO-AppToken and Authorization headers as the journal shows them: masked at once, as a Basic header holds a password. */
function maskedHeaders(applicationToken: string | null, authorization: string | undefined): JournalHeaders {
  return { shown: { ApplicationToken: maskSecret(applicationToken), Ticket: maskedTicket(authorization) } };
}

/** The Authorization credential as the journal shows it: the ticket masked; a Basic password never. */
function maskedTicket(authorization: string | undefined): string | null {
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(authorization ?? '');
  if (match === null) return null;
  const scheme = match[1] as string;
  if (scheme.toLowerCase() === 'basic') return `Basic ${maskPassword(match[2] as string) as string}`;
  return `${scheme} ${maskSecret(match[2] as string) as string}`;
}

/** Any error as the WebAPI's: ours as they are (the registry says how each answers); anything else logged, and answered with its id. */
function asRestError(error: unknown, log: (line: string) => void): EmulatorError {
  if (error instanceof EmulatorError) return error;
  const id = logUnexpectedError(error, log, ' in the REST WebAPI');
  return new EmulatorError('InternalServiceFault', `The server was unable to process the request due to an internal error (request id ${id}).`);
}

/** The journal's error of a REST call: its HTTP status as the code, the ErrorType and the text it answered. */
function restJournalError(error: EmulatorError): { code: string; exceptionType: string; message: string } {
  const { status, errorType, message } = restAnswerOf(error);
  return { code: String(status), exceptionType: errorType, message };
}
