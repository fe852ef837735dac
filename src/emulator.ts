import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { systemClock } from './clock.js';
import { resolveOptions, type EmulatorOptions } from './config.js';
import { SERVICES } from './contract/operations.js';
import { DEFAULT_FIXTURES_PATH, loadFixtures, parseFixtures, readFixturesFile, type Fixtures, type FixturesDocument } from './fixtures.js';
import { InMemoryChatStore } from './store/memory-store.js';
import { InMemoryCredentials } from './store/credentials.js';
import { createApp } from './transport/http.js';
import { loadServiceDescriptions } from './transport/wsdl.js';

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
  /** Stops accepting connections, lets requests in flight finish, and resolves when the server is closed. */
  stop(): Promise<void>;
}

/** Starts an emulator; resolves once it is listening. Rejects with ConfigError or FixturesError for bad options. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveOptions(options, { clock: systemClock });
  const fixtures = await resolveFixtures(config.fixtures);
  const store = new InMemoryChatStore();
  const credentials = new InMemoryCredentials();
  loadFixtures(fixtures, store, credentials);
  for (const ticket of config.tickets) credentials.addTicket(ticket);
  for (const token of config.appTokens) credentials.addApplicationToken(token);

  const descriptions = await loadServiceDescriptions();
  const app = createApp({ ...config, store, credentials, descriptions, ticketTtlMs: config.ticketTtlSeconds * 1000 });
  const server = app.listen(config.port, config.host);
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
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

const NO_FIXTURES: Fixtures = { tickets: [], applicationTokens: [], tenants: new Map() };

function resolveFixtures(fixtures: string | FixturesDocument | null | undefined): Promise<Fixtures> | Fixtures {
  if (fixtures === null) return NO_FIXTURES;
  if (fixtures === undefined) return readFixturesFile(DEFAULT_FIXTURES_PATH);
  return typeof fixtures === 'string' ? readFixturesFile(fixtures) : parseFixtures(fixtures, 'the fixtures option');
}
