import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { InvalidValueError } from '../contract/codec.js';
import type { ReadContext } from '../contract/codec.js';
import { xsDateTime } from '../contract/datetime.js';
import { chatMessageType } from '../contract/chat-message.js';
import { recordType } from '../store/records.js';
import { webhookView } from '../webhooks/registry.js';
import { xsInt } from '../contract/values.js';
import type { EmulatorState } from '../emulator-state.js';
import type { FaultAction, InjectedFault } from '../faults.js';
import { logUnexpectedError } from '../errors.js';
import { FixturesError, parseFixtures } from '../fixtures.js';
import { IN_MEMORY_ONLY, inTurn, type Durability } from '../store/change-log.js';
import { AdminInputError, parseClockSetting, parseDeliveryFault, parseDeliveryQuery, parseFaultSpec, parseJournalFilter } from './input.js';
import { ADMIN_OPENAPI } from './openapi.js';

/** Where the admin API lives, on the same port as the services (as WireMock's does). */
export const ADMIN_PATH = '/__admin';

export interface AdminSettings {
  readonly state: EmulatorState;
  /** When set, every admin request must carry `Authorization: Bearer <token>`. */
  readonly adminToken?: string | undefined;
  readonly maxBodyBytes: number;
  readonly startedAtMs: number;
  /** Where unexpected errors are reported. */
  readonly log: (line: string) => void;
}

/** An admin answer other than 200, with the JSON error body `{ "error": { "status", "message" } }`. */
class AdminHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The admin API: JSON in and out, documented at /__admin/openapi.json. */
export function adminRouter(settings: AdminSettings): Router {
  const { state } = settings;
  const router = express.Router({ caseSensitive: true, strict: false });
  router.use(requireToken(settings.adminToken));
  router.use(express.json({ limit: settings.maxBodyBytes, type: () => true }));

  route(router, NO_SHARED_STATE, '/health', {
    GET: () => ({ status: 'ok', uptimeSeconds: Math.round((Date.now() - settings.startedAtMs) / 1000), clock: clockView(state) }),
  });
  route(router, NO_SHARED_STATE, '/openapi.json', { GET: () => ADMIN_OPENAPI });
  route(router, state.durability, '/reset', {
    POST: async (request) => {
      const tenant = queryTenant(request);
      state.reset(tenant);
      await state.durability.flushed();
      return { reset: tenant ?? 'everything' };
    },
  });
  route(router, state.durability, '/fixtures', {
    POST: async (request) => {
      const fixtures = parseFixtures(request.body, 'the fixtures', state.clock);
      state.loadFixtures(fixtures);
      await state.durability.flushed();
      const tenants = [...fixtures.tenants.values()];
      return {
        loaded: {
          tickets: fixtures.tickets.length + tenants.reduce((n, t) => n + t.tickets.length, 0),
          applicationTokens: fixtures.applicationTokens.length + tenants.reduce((n, t) => n + t.applicationTokens.length, 0),
          bearerTokens: fixtures.bearerTokens.length + tenants.reduce((n, t) => n + t.bearerTokens.length, 0),
          tenants: tenants.length,
          sessions: tenants.reduce((n, t) => n + t.sessions.length, 0),
          messages: tenants.reduce((n, t) => n + t.messages.length, 0),
          users: tenants.reduce((n, t) => n + t.users.length, 0),
        },
      };
    },
  });
  route(router, state.durability, '/tenants/:tenant/sessions', {
    GET: (request) => {
      const { tenant, sessions } = state.sessions(request.params['tenant'] as string);
      return { tenant, sessions: sessions.map((session) => recordType('sessions').json(session)) };
    },
  });
  route(router, state.durability, '/tenants/:tenant/sessions/:session/messages', {
    GET: (request) => {
      const tenant = request.params['tenant'] as string;
      const chatSessionId = sessionId(request.params['session'] as string, state.clock);
      const session = state.sessionMessages(tenant, chatSessionId);
      if (session === undefined) throw new AdminHttpError(404, `Tenant '${tenant}' has no chat session ${chatSessionId}.`);
      return { tenant: session.tenant, chatSessionId, messages: session.messages.map((message) => chatMessageType().json(message)) };
    },
  });
  route(router, state.durability, '/tenants/:tenant/acquire/messages', {
    GET: (request) => {
      const tenant = state.tenants.find(request.params['tenant'] as string);
      if (!state.acquire.has(tenant)) throw new AdminHttpError(404, `Tenant '${tenant}' is not an Acquire.io account: give it an acquire section in the fixtures.`);
      return { tenant, messages: state.acquire.messages(tenant).map((message) => ({ ...message })) };
    },
  });
  route(router, NO_SHARED_STATE, '/requests', {
    GET: (request) => state.requests(parseJournalFilter(request.query as Record<string, unknown>, state.clock)),
    DELETE: () => {
      state.journal.clear();
      return { cleared: true };
    },
  });
  route(router, NO_SHARED_STATE, '/clock', {
    GET: () => clockView(state),
    PUT: (request) => {
      state.clock.set(parseClockSetting(request.body, state.clock));
      return clockView(state);
    },
    DELETE: () => {
      state.clock.set(null);
      return clockView(state);
    },
  });
  route(router, state.durability, '/webhooks', {
    GET: () => ({ webhooks: [...state.webhooks.all()].map(([tenant, webhooks]) => ({ tenant, webhooks: webhooks.map(webhookView) })) }),
  });
  route(router, state.durability, '/webhooks/deliveries', {
    GET: async (request) => {
      const query = request.query as Record<string, unknown>;
      const { filter: given, waitMs, count } = parseDeliveryQuery(query);
      const filter = given.tenant === undefined ? given : { ...given, tenant: state.tenants.find(given.tenant) };
      // Waits for `count` deliveries the filter takes to have been tried, so that a test need not sleep.
      if (waitMs > 0) await state.deliveries.wait(filter, count, waitMs);
      return state.deliveries.deliveries(filter);
    },
  });
  route(router, NO_SHARED_STATE, '/webhooks/faults', {
    GET: () => ({ faults: state.deliveries.pendingFaults() }),
    POST: (request) => {
      const given = parseDeliveryFault(request.body);
      const fault = given.tenant === undefined ? given : { ...given, tenant: state.tenants.resolve(given.tenant) };
      state.deliveries.injectFault(fault);
      return { fault };
    },
    DELETE: () => ({ cleared: state.deliveries.clearFaults() }),
  });
  route(router, NO_SHARED_STATE, '/faults', {
    GET: () => ({ faults: state.faults.list().map(faultView) }),
    POST: (request) => ({ fault: faultView(state.injectFault(parseFaultSpec(request.body))) }),
    DELETE: () => {
      const cleared = state.faults.list().length;
      state.faults.clear();
      return { cleared };
    },
  });
  router.use((request) => {
    throw new AdminHttpError(404, `No admin endpoint at ${ADMIN_PATH}${request.path}: see ${ADMIN_PATH}/openapi.json.`);
  });
  router.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const { status, message } = adminError(error, settings.log);
    if (status === 401) response.set('WWW-Authenticate', 'Bearer realm="__admin"');
    response.status(status).json({ error: { status, message } });
  });
  return router;
}

type Handler = (request: Request) => unknown;

/** One path and its methods; another method gets 405 with Allow. */
/** What the paths of this instance's own things (health, journal, clock, faults) need: no turn. */
const NO_SHARED_STATE = IN_MEMORY_ONLY;

/** An admin path's handlers: each runs in its turn where instances share the state (see Durability.serialized). */
function route(router: Router, durability: Durability, path: string, handlers: Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Handler>>): void {
  router.all(path, async (request, response) => {
    const handler = handlers[request.method as keyof typeof handlers];
    if (handler === undefined) {
      response.set('Allow', Object.keys(handlers).join(', '));
      throw new AdminHttpError(405, `${request.method} is not allowed on ${ADMIN_PATH}${path}: use ${Object.keys(handlers).join(' or ')}.`);
    }
    response.json(await inTurn(durability, () => handler(request)));
  });
}

function requireToken(adminToken: string | undefined) {
  const expected = adminToken === undefined ? undefined : digest(adminToken);
  return (request: Request, _response: Response, next: NextFunction) => {
    if (expected === undefined) return next();
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (match === null) return next(new AdminHttpError(401, 'The admin API requires the admin token: send Authorization: Bearer <token>.'));
    if (!timingSafeEqual(digest((match[1] as string).trim()), expected)) return next(new AdminHttpError(401, 'The admin token is not the one this emulator was started with.'));
    next();
  };
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function queryTenant(request: Request): string | undefined {
  const tenant = request.query['tenant'];
  if (tenant === undefined) return undefined;
  if (typeof tenant !== 'string' || tenant === '') throw new AdminInputError('tenant: expected one non-empty tenant name (default, or a CustId).');
  return tenant;
}

function sessionId(text: string, context: ReadContext): number {
  try {
    return xsInt.parse(text, context);
  } catch (error) {
    if (error instanceof InvalidValueError) throw new AdminInputError(`The chat session id '${text}' is not an xs:int (${error.reason}).`);
    throw error;
  }
}

function clockView(state: EmulatorState): { now: string; mode: string; offsetMs?: number } {
  return { now: xsDateTime.format(state.clock.now()), ...state.clock.describe() };
}

/** A fault in the shape it was injected with, plus its id and how many calls it still applies to. */
function faultView(fault: InjectedFault): Record<string, unknown> {
  const { id, tenant, operation, times, remaining, delayMs, action } = fault;
  return { id, ...(tenant === undefined ? {} : { tenant }), ...(operation === undefined ? {} : { operation }), times, remaining, delayMs, ...actionView(action) };
}

function actionView(action: FaultAction): Record<string, unknown> {
  switch (action.kind) {
    case 'exceptionInfo':
      return { exceptionInfo: { exceptionType: action.exceptionType, message: action.message, friendlyText: action.friendlyText } };
    case 'soapFault':
      return { soapFault: { code: action.code, message: action.message } };
    case 'httpStatus':
      return { httpStatus: action.status };
    case 'drop':
      return { drop: true };
    case 'truncate':
      return { truncate: true };
    case 'delayOnly':
      return {};
  }
}

function adminError(error: unknown, log: (line: string) => void): { status: number; message: string } {
  if (error instanceof AdminHttpError) return { status: error.status, message: error.message };
  if (error instanceof AdminInputError || error instanceof FixturesError) return { status: 400, message: error.message };
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return { status: 413, message: 'The request body is larger than the limit.' };
  if (type === 'entity.parse.failed') return { status: 400, message: `The request body is not valid JSON: ${(error as Error).message}.` };
  if (typeof type === 'string') return { status: 400, message: `The request body could not be read: ${(error as Error).message}.` };
  const id = logUnexpectedError(error, log, ' in the admin API');
  return { status: 500, message: `The admin API was unable to process the request due to an internal error (request id ${id}).` };
}

