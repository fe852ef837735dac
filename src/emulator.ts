import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AcquireOperation } from './acquire/operations.js';
import { AdminInputError, parseClockSetting, parseJournalFilter } from './admin/input.js';
import { systemClock } from './clock.js';
import { resolveOptions, type EmulatorOptions } from './config.js';
import type { ReadContext } from './contract/codec.js';
import { SERVICES, type OperationName } from './contract/operations.js';
import { EmulatorState } from './emulator-state.js';
import { DEFAULT_FIXTURES_PATH, parseFixtures, readFixturesFile, type Fixtures, type FixturesDocument } from './fixtures.js';
import type { JournalPage } from './journal/journal.js';
import { FileChangeLog } from './store/change-log.js';
import { PostgresChangeLog } from './store/postgres.js';
import { createRequestListener } from './transport/http.js';
import { loadServiceDescriptions } from './transport/wsdl.js';
import { DEFAULT_WEBHOOK_SETTINGS, type Delivery, type DeliveryFilter } from './webhooks/dispatcher.js';

/** Which journal entries requests() returns; `since` is an xs:dateTime by the emulator clock. */
export interface RequestFilter {
  tenant?: string;
  operation?: OperationName | AcquireOperation;
  since?: string;
  /** At most this many: the newest. */
  limit?: number;
}

/** The emulator clock: stopped at an instant (an xs:dateTime), or the real (or given) clock moved by an offset. */
export type ClockInput = { now: string } | { offsetMs: number };

export interface RunningEmulator {
  /** The base address, for example `http://127.0.0.1:8088`. */
  readonly url: string;
  /** The Chat.svc endpoint of the default (on-site style) tenant. */
  readonly chatUrl: string;
  /** The WSDL of that endpoint. */
  readonly wsdlUrl: string;
  /** The SoPrincipal.svc endpoint of the default tenant, where clients log in for a ticket. */
  readonly principalUrl: string;
  /** A ticket and an application token that work in every tenant (undefined if none is configured). */
  readonly ticket: string | undefined;
  readonly appToken: string | undefined;
  /**
   * Back to the starting fixtures: messages, sessions, id counters, users, issued tickets, journal, injected
   * faults and clock; with a tenant (`default` or a CustId), that tenant's part only.
   */
  reset(tenant?: string): void;
  /** Adds fixtures (the fixtures file's JSON shape). Throws FixturesError or AdminInputError, having changed nothing. */
  loadFixtures(fixtures: FixturesDocument): void;
  /** The request journal, oldest first, secrets masked. */
  requests(filter?: RequestFilter): JournalPage;
  /** Stops or moves the emulator clock; null gives it back to real time. Throws AdminInputError for a bad value. */
  setClock(clock: ClockInput | null): void;
  /**
   * The webhook deliveries, oldest first, each with its tries; with `wait`, once `count` (default 1) deliveries the
   * filter takes have been tried, or `wait` milliseconds have passed.
   */
  webhookDeliveries(filter?: DeliveryFilter, wait?: { readonly waitMs: number; readonly count?: number }): Promise<{ deliveries: Delivery[]; dropped: number }>;
  /** Stops accepting connections, lets requests in flight finish, and resolves when the server is closed. */
  stop(): Promise<void>;
}

/** Starts an emulator; resolves once it is listening. Rejects with ConfigError or FixturesError for bad options, StoreError for a database it cannot use. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveOptions(options, { clock: systemClock });
  const fixtures = await resolveFixtures(config.fixtures, config.clock);
  const opened = config.store !== undefined ? await PostgresChangeLog.open(config.store, config.log) : config.dataDir !== undefined ? await FileChangeLog.open(config.dataDir) : undefined;
  const webhookSettings = { ...DEFAULT_WEBHOOK_SETTINGS, tries: config.webhookTries, backoffMs: config.webhookBackoffMs, timeoutMs: config.webhookTimeoutMs };
  const state = new EmulatorState({ fixtures, tickets: config.tickets, appTokens: config.appTokens }, config.clock, config.journalSize, opened?.log, webhookSettings);
  if (opened?.log instanceof PostgresChangeLog) opened.log.attach({ apply: (lines) => state.applyLogged(lines), rebuild: (lines) => state.rebuild(lines) });
  if (opened !== undefined) {
    if (opened.repaired !== undefined) config.log(opened.repaired);
    try {
      state.replay(opened.lines);
      state.restorePendingDeliveries();
    } catch (error) {
      await opened.log.close();
      throw error;
    }
  }
  const { store, callCredentials: credentials, tenants, clock, journal, faults, durability, deliveries } = state;
  deliveries.start();
  // Without the fixtures document: the state keeps what it needs of it, and the document itself can be collected.
  const { fixtures: _document, ...settings } = config;
  const listener = createRequestListener({
    ...settings,
    store,
    credentials,
    tenants,
    clock,
    journal,
    faults,
    durability,
    webhooks: deliveries,
    state,
    descriptions: await loadServiceDescriptions(),
    ticketTtlMs: config.ticketTtlSeconds * 1000,
    startedAtMs: Date.now(),
  });
  const requestTimeout = Math.round(config.requestTimeoutSeconds * 1000);
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout,
      // How often Node looks for requests past their time: often enough that the timeout is kept to within a second.
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
      // An idle kept-alive connection stays open as long as IIS keeps one (its connectionTimeout, 2 minutes), not
      // Node's 5 s: a client that pools connections, as WCF's does, would otherwise reuse one the emulator had just
      // closed, and see the connection reset.
      keepAliveTimeout: IIS_IDLE_CONNECTION_MS,
    },
    listener,
  );
  server.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  const chatUrl = `${url}/Remote/Services88/${SERVICES.Chat.file}`;
  return {
    url,
    chatUrl,
    wsdlUrl: `${chatUrl}?wsdl`,
    principalUrl: `${url}/Remote/Services88/${SERVICES.SoPrincipal.file}`,
    ticket: config.tickets[0] ?? fixtures.tickets[0],
    appToken: config.appTokens[0] ?? fixtures.applicationTokens[0],
    reset: (tenant) => {
      if (tenant !== undefined && tenant === '') throw new AdminInputError('reset: the tenant is empty; give default, or a CustId.');
      state.reset(tenant);
    },
    loadFixtures: (document) => state.loadFixtures(parseFixtures(document, 'loadFixtures', clock)),
    requests: (filter = {}) => state.requests(parseJournalFilter({ ...filter }, clock)),
    setClock: (setting) => clock.set(setting === null ? null : parseClockSetting(setting, clock)),
    webhookDeliveries: async (filter = {}, wait) => {
      const named = filter.tenant === undefined ? filter : { ...filter, tenant: tenants.find(filter.tenant) };
      if (wait !== undefined) await deliveries.wait(named, wait.count ?? 1, wait.waitMs);
      return deliveries.deliveries(named);
    },
    stop: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      await deliveries.stop();
      await opened?.log.close();
    },
  };
}

const IIS_IDLE_CONNECTION_MS = 120_000;

const NO_FIXTURES: Fixtures = { tickets: [], applicationTokens: [], bearerTokens: [], tenants: new Map() };

function resolveFixtures(fixtures: string | FixturesDocument | null | undefined, context: ReadContext): Promise<Fixtures> | Fixtures {
  if (fixtures === null) return NO_FIXTURES;
  if (fixtures === undefined) return readFixturesFile(DEFAULT_FIXTURES_PATH, context);
  return typeof fixtures === 'string' ? readFixturesFile(fixtures, context) : parseFixtures(fixtures, 'the fixtures option', context);
}
