import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { arrivalTime, type Clock } from '../clock.js';
import type { ReadContext } from '../contract/codec.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import { OPERATIONS, SERVICES, type OperationName } from '../contract/operations.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import { restReading, type TypeCodec, type Value } from '../contract/schema.js';
import { schemaOf } from '../contract/schemas.js';
import { clark } from '../contract/wsdl-model.js';
import { badValue, EmulatorError, logUnexpectedError, restAnswerOf } from '../errors.js';
import { bodyWithin } from '../transport/body.js';
import { maskPassword, maskSecret, type Journal, type JournalArguments, type JournalHeaders } from '../journal/journal.js';
import type { InstallationMode } from '../operations/authorize.js';
import type { OperationContext } from '../operations/context.js';
import { runOperation } from '../operations/table.js';
import { DEFAULT_TENANT, type ChatStore, type TenantId } from '../store/chat-store.js';
import type { Durability } from '../store/change-log.js';
import type { CredentialStore } from '../store/credentials.js';
import type { TenantNames } from '../store/tenants.js';
import { authenticateRest, challenges } from './auth.js';
import { readBody, type FieldValue, type Fields } from './body.js';
import { represent, representError, selectionOf, type AnswerFormat, type Representation } from './representation.js';
import { parseTimeZoneHeader } from './timezone.js';
import { webhookEndpoints, type WebhookRouteSettings } from './webhooks.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import type { ChatEvent } from '../webhooks/events.js';

/**
 * The Chat agent over SuperOffice's REST WebAPI, on the same store and operation table as the SOAP services:
 *   POST /api/v1/ChatSession/{id}/Messages, GET /api/v1/ChatSession/{id}/Messages?after=N,
 *   GET /api/v1/ChatSession/default, POST /api/v1/ChatSession, GET, PUT and DELETE /api/v1/ChatSession/{id},
 *   the same of /api/v1/ChatTopic,
 *   POST /api/v1/Agents/Chat/{Operation} for every operation of Chat.svc,
 * each also under /<CustId>/api/v1/... for a tenant.
 */

export interface RestSettings extends Omit<WebhookRouteSettings, 'credentials' | 'tenants' | 'clock' | 'mode'> {
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
  readonly webhooks: WebhookDispatcher;
  readonly log: (line: string) => void;
}

/** One endpoint: how it reads its call from the request. Every endpoint runs an operation of the table. */
interface Endpoint {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  /** The operation it runs; for the agent endpoint, the one its path names (null here). */
  readonly operation: OperationName | null;
  read(request: Request, body: Fields, context: ReadContext): Call;
  /** An entity's resource answers a nil result as not found (404), where the agent endpoint answers null. */
  readonly nilIsNotFound?: boolean;
}

/** An operation of Chat.svc and its request, read by its WSDL's types, as the journal shows it. */
interface Call {
  readonly operation: OperationName;
  readonly request: Value;
  readonly requestType: TypeCodec;
  /** The type of what the endpoint answers: the response's one result, or the whole response when it has several. */
  readonly resultType: TypeCodec;
  /** The response has no result at all (a delete): the answer is 204, without a body, as the WebAPI documents it. */
  readonly noResult: boolean;
}

/** A call of a Chat.svc operation, its request read from `json` (an object of its fields) as the WebAPI reads JSON. */
function callOf(operation: OperationName, json: unknown, context: ReadContext): Call {
  const types = typesOf(operation);
  return { operation, request: types.requestType.fromJson(json, '', restReading(context)), ...types };
}

/**
 * A call whose request fields come from several places (the path, the query, the body): each read by its own
 * type, an error naming it as given (`chatSessionId`, `after`, a message field alone); absent or empty, its default.
 */
function callOfFields(operation: OperationName, fields: { readonly [field: string]: { readonly json: unknown; readonly where: string } }, context: ReadContext): Call {
  const types = typesOf(operation);
  const { requestType } = types;
  const reading = restReading(context);
  const request: { [field: string]: Value } = {};
  const sequence = requestType.sequence;
  sequence?.names.forEach((name, i) => {
    const given = fields[name];
    const codec = sequence.codecAt(i);
    request[name] = given === undefined || given.json === undefined || given.json === '' ? codec.whenAbsent : given.json === null ? null : codec.fromJson(given.json, given.where, reading);
  });
  return { operation, request, ...types };
}

function typesOf(operation: OperationName): Pick<Call, 'requestType' | 'resultType' | 'noResult'> {
  const schema = schemaOf('Chat');
  const responseType = schema.wrapper(clark(SERVICES88_NS, OPERATIONS[operation].responseElement));
  return {
    requestType: schema.wrapper(clark(SERVICES88_NS, OPERATIONS[operation].requestElement)),
    resultType: responseType.sequence?.names.length === 1 ? responseType.sequence.codecAt(0) : responseType,
    noResult: responseType.sequence === undefined,
  };
}

/** The request body as the one entity a resource's operation takes: absent when the body is empty. */
function entityOf(body: Fields): Fields | null {
  return Object.keys(body).length === 0 ? null : body;
}

/** The chat session's messages, as resources: `ChatSession/{id}/Messages`, adding with POST and reading with GET. */
const MESSAGE_ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'post',
    path: '/api/v1/ChatSession/:chatSessionId/Messages',
    operation: 'AddChatMessage',
    read: (request, body, context) =>
      callOfFields('AddChatMessage', { ChatSessionId: { json: request.params['chatSessionId'], where: 'chatSessionId' }, Message: { json: entityOf(body), where: '' } }, context),
  },
  {
    method: 'get',
    path: '/api/v1/ChatSession/:chatSessionId/Messages',
    operation: 'GetChatMessages',
    read: (request, _body, context) =>
      callOfFields('GetChatMessages', { ChatSessionId: { json: request.params['chatSessionId'], where: 'chatSessionId' }, After: { json: queryValue(request, 'after'), where: 'after' } }, context),
  },
];

/** The operations behind an entity's resource, and the name of its request's entity and id fields. */
interface Resource {
  readonly path: string;
  readonly createDefault: OperationName;
  readonly save: OperationName;
  readonly get: OperationName;
  readonly delete: OperationName;
  /** The save request's entity field, and the entity's own id field. */
  readonly entityField: string;
  readonly idField: string;
  /** The get and delete requests' id field. */
  readonly idParameter: string;
}

/**
 * An entity as a resource, as the WebAPI's ChatSession and ChatTopic pages document them: `default` a new one, POST
 * creates, GET reads (404 for an id the tenant does not have), PUT saves the one its path names, DELETE deletes (204).
 */
function resourceEndpoints(resource: Resource): Endpoint[] {
  const { path, entityField, idField, idParameter } = resource;
  const byId = (operation: OperationName) => (request: Request, _body: Fields, context: ReadContext) => callOfFields(operation, { [idParameter]: { json: request.params['id'], where: 'id' } }, context);
  return [
    { method: 'get', path: `${path}/default`, operation: resource.createDefault, read: (_request, _body, context) => callOf(resource.createDefault, {}, context) },
    { method: 'post', path, operation: resource.save, read: (_request, body, context) => callOfFields(resource.save, { [entityField]: { json: entityOf(body), where: '' } }, context) },
    { method: 'get', path: `${path}/:id`, operation: resource.get, nilIsNotFound: true, read: byId(resource.get) },
    {
      method: 'put',
      path: `${path}/:id`,
      operation: resource.save,
      read: (request, body, context) => {
        const entity = entityOf(body);
        // The path names the entity to save, whatever id the body gives.
        const named = entity === null ? null : { ...entity, [idField]: request.params['id'] ?? '' };
        return callOfFields(resource.save, { [entityField]: { json: named, where: '' } }, context);
      },
    },
    { method: 'delete', path: `${path}/:id`, operation: resource.delete, read: byId(resource.delete) },
  ];
}

const RESOURCE_ENDPOINTS: readonly Endpoint[] = [
  ...resourceEndpoints({
    path: '/api/v1/ChatSession',
    createDefault: 'CreateDefaultChatSessionEntity',
    save: 'SaveChatSessionEntity',
    get: 'GetChatSessionEntity',
    delete: 'DeleteChatSessionEntity',
    entityField: 'ChatSessionEntity',
    idField: 'ChatSessionId',
    idParameter: 'ChatSessionEntityId',
  }),
  ...resourceEndpoints({
    path: '/api/v1/ChatTopic',
    createDefault: 'CreateDefaultChatTopicEntity',
    save: 'SaveChatTopicEntity',
    get: 'GetChatTopicEntity',
    delete: 'DeleteChatTopicEntity',
    entityField: 'ChatTopicEntity',
    idField: 'ChatTopicId',
    idParameter: 'ChatTopicEntityId',
  }),
];

/**
 * The agent endpoint of every operation of Chat.svc, as SuperOffice names them: `POST /api/v1/Agents/Chat/{Operation}`,
 * its parameters a JSON object (or a form or XML body) of the request's fields, or query parameters. It answers
 * the response's one result (or the whole response when it has several).
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
    return callOf(name, { ...queryParameters(request, body), ...body }, context);
  },
};

export function restRouter(settings: RestSettings): Router {
  const router = express.Router({ caseSensitive: false });
  const raw = bodyWithin(settings.maxBodyBytes);
  // The messages' paths and `default` before `ChatSession/{id}`, which would take them.
  for (const endpoint of [...MESSAGE_ENDPOINTS, ...RESOURCE_ENDPOINTS, AGENT_ENDPOINT]) {
    for (const path of [endpoint.path, `/:custId${endpoint.path}`]) {
      router[endpoint.method](path, raw, (request, response, next) => {
        handleRest(settings, endpoint, request, response).catch(next);
      });
    }
  }
  webhookEndpoints(router, settings, raw);
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
    const how: Representation = { format, zone: parseTimeZoneHeader(request.get('SO-TimeZone')) };
    const runCall = () => {
      const user = authenticateRest(settings.credentials, settings.mode, tenant, settings.clock, { authorization: request.headers.authorization, appToken: request.get('SO-AppToken') });
      const read = (call = endpoint.read(request, readBody(request.body, request.headers['content-type']), settings.clock));
      // $select is held to the result's fields before the operation runs: a bad one changes nothing.
      const select = selectionOf(read.resultType, request.query['$select']);
      const events: ChatEvent[] = [];
      const result = run(settings, tenant, user, read, events);
      if (result === null && endpoint.nilIsNotFound === true) throw new EmulatorError('NotFound', `${read.resultType.typeName} ${request.params['id'] ?? ''} is not found in tenant '${tenant}'.`);
      // The call's events are queued (and, with a data directory, kept) with its changes; they are sent once those are durable.
      settings.webhooks.publish(tenant, user?.AssociateId ?? 0, events);
      return { read, select, result };
    };
    // Where instances share the state, the call waits for its turn (see Durability.serialized).
    const { read, select, result } = settings.durability.serialized === undefined ? runCall() : await settings.durability.serialized(runCall);
    body = read.noResult ? '' : represent(result, read.resultType, how, select);
    // A change is acknowledged only once it is durable (with a data directory; at once without).
    await settings.durability.flushed();
    status = read.noResult ? 204 : 200;
  } catch (error) {
    failure = asRestError(error, settings.log);
    status = restAnswerOf(failure).status;
    body = representError(failure, format);
    if (status === 401) for (const challenge of challenges(settings.mode)) response.append('WWW-Authenticate', challenge);
  }
  if (status === 204) response.status(204).end();
  else response.status(status).type(contentType).send(body);
  settings.journal.record(
    {
      tenant,
      service: 'WebApi',
      operation: call?.operation ?? operationOfPath(endpoint, request),
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

/** Runs the call's operation for the caller, and answers its response's one result (or the whole response). */
function run(settings: RestSettings, tenant: TenantId, user: SoPrincipalCarrier | null, call: Call, events: ChatEvent[]): Value {
  const { store, credentials, clock, strict, ticketTtlMs } = settings;
  // The REST WebAPI has no fidelity rules of its own: what it accepts, the real one accepts.
  const context: OperationContext = { tenant, user, store, credentials, clock, strict, ticketTtlMs, warn: () => undefined, notify: (event) => events.push(event) };
  const response = runOperation(context, call.operation, call.request) as { readonly [field: string]: Value };
  const fields = Object.keys(response);
  return fields.length === 1 ? (response[fields[0] as string] ?? null) : response;
}

/** The operation a request names, for the journal of a call that could not be read: its path's, where it names one. */
function operationOfPath(endpoint: Endpoint, request: Request): OperationName | null {
  return endpoint.operation ?? SERVICES.Chat.operations.find((operation) => operation.toLowerCase() === String(request.params['operation']).toLowerCase()) ?? null;
}

/** The query parameters the WebAPI takes as an agent's arguments (the body's win), $select and the like aside. */
function queryParameters(request: Request, body: Fields): Fields {
  const inBody = new Set(Object.keys(body).map((key) => key.toLowerCase()));
  const parameters: Record<string, FieldValue> = {};
  for (const key of Object.keys(request.query)) {
    if (key.startsWith('$') || inBody.has(key.toLowerCase())) continue;
    const value = queryValue(request, key);
    if (value !== undefined) parameters[key] = value;
  }
  return parameters;
}

/** A query parameter, its name not case-sensitive. */
function queryValue(request: Request, name: string): FieldValue | undefined {
  const key = Object.keys(request.query).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : request.query[key];
  if (Array.isArray(value)) throw badValue(name, 'give it once.');
  return typeof value === 'string' ? value : undefined;
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
  const { request, requestType } = call;
  return { journalArguments: () => (request === null ? null : requestType.json(request)) };
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
