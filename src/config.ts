import type { Clock } from './clock.js';
import type { ErrorStyle } from './envelope/response.js';
import type { FixturesDocument } from './fixtures.js';
import { DEFAULT_JOURNAL_SIZE } from './journal/journal.js';
import type { InstallationMode } from './operations/authorize.js';
import { isPostgresUrl } from './store/postgres.js';
import { DEFAULT_WEBHOOK_SETTINGS } from './webhooks/dispatcher.js';

/** Options of startEmulator(), the same whether they come from the command line, the environment or code. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default here) picks a free one. The command line defaults to 8088. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** A fixtures file path, a fixtures document (the file's JSON), or null for none. Default: the bundled fixtures/default.json. */
  fixtures?: string | FixturesDocument | null;
  /** `online` (default) requires a known ApplicationToken; `onsite` does not check it. */
  mode?: InstallationMode;
  /** Extra tickets, valid in every tenant. */
  tickets?: readonly string[];
  /** Extra application tokens, valid in every tenant. */
  appTokens?: readonly string[];
  /** Behave like the real WCF endpoint: SOAP 1.1 only, headers only inside Header, unknown sessions rejected. */
  strict?: boolean;
  /** How application errors travel: `exceptioninfo` (default, as the real service) or `fault`. */
  errorStyle?: ErrorStyle;
  /** How long a ticket issued by SoPrincipal.svc stays valid, in seconds. Default 6 hours. */
  ticketTtlSeconds?: number;
  /**
   * A directory for a durable change log: every acknowledged change is appended and fsync'd before it is
   * acknowledged, and replayed on start. Without it (the default), everything is in memory only.
   */
  dataDir?: string;
  /**
   * A PostgreSQL database for that log instead of a directory: `postgres://user:password@host:5432/db`. Its schema is
   * created, or brought up to date, at start.
   */
  store?: string;
  /** How many requests the journal keeps (the oldest are dropped, and counted). Default 1000. */
  journalSize?: number;
  /**
   * The token the admin API (/__admin) requires as `Authorization: Bearer <token>`. Required when `host` is not
   * a loopback address; optional (and then enforced) on loopback.
   */
  adminToken?: string;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** How long a client may take to send a whole request, in seconds, before it is cut off (HTTP 408). Default 30. */
  requestTimeoutSeconds?: number;
  /** Hosts besides loopback that webhooks may deliver to. Default: none (127.0.0.1, ::1 and localhost only). */
  webhookHosts?: readonly string[];
  /** Tries of a webhook delivery, the first included. Default 3, as SuperOffice documents. */
  webhookTries?: number;
  /** The waits before the second and later tries, in milliseconds of the emulator clock. Default 1000 and 4000. */
  webhookBackoffMs?: readonly number[];
  /** How long a receiver may take to answer a delivery, in milliseconds. Default 5000. */
  webhookTimeoutMs?: number;
  /** Where WhenPosted stamps and ticket expiry times come from. Default: the system clock. */
  clock?: Clock;
  /** Where unexpected errors are reported. Default: standard error. */
  log?: (line: string) => void;
}

export const MODES: readonly InstallationMode[] = ['online', 'onsite'];
export const ERROR_STYLES: readonly ErrorStyle[] = ['exceptioninfo', 'fault'];
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_TICKET_TTL_SECONDS = 6 * 60 * 60;
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

/** An option has a value it cannot take; the message names the option, the value and what it accepts. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'fixtures' | 'adminToken' | 'dataDir' | 'store'>> & Pick<EmulatorOptions, 'fixtures' | 'adminToken' | 'dataDir' | 'store'>;

/** Addresses only this machine can reach: there the admin API may go without a token. */
export function isLoopback(host: string): boolean {
  return /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host) || host === '::1' || host === 'localhost' || host === '::ffff:127.0.0.1';
}

export function resolveOptions(options: EmulatorOptions, defaults: { clock: Clock }): ResolvedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port: '${port}' is not a TCP port (an integer 0 to 65535).`);
  const mode = options.mode ?? 'online';
  if (!MODES.includes(mode)) throw new ConfigError(`mode: '${mode}' is not one of ${MODES.join(', ')}.`);
  const errorStyle = options.errorStyle ?? 'exceptioninfo';
  if (!ERROR_STYLES.includes(errorStyle)) throw new ConfigError(`error style: '${errorStyle}' is not one of ${ERROR_STYLES.join(', ')}.`);
  const host = options.host ?? DEFAULT_HOST;
  // An empty host would make Node listen on every interface: never what someone leaving it empty meant.
  if (host.trim() === '') throw new ConfigError('host: the address is empty: give one such as 127.0.0.1, or 0.0.0.0 for every interface.');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) throw new ConfigError(`max body: '${maxBodyBytes}' is not a positive number of bytes.`);
  const ticketTtlSeconds = options.ticketTtlSeconds ?? DEFAULT_TICKET_TTL_SECONDS;
  if (!Number.isFinite(ticketTtlSeconds) || ticketTtlSeconds <= 0) throw new ConfigError(`ticket TTL: '${ticketTtlSeconds}' is not a positive number of seconds.`);
  const requestTimeoutSeconds = options.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS;
  if (!Number.isFinite(requestTimeoutSeconds) || requestTimeoutSeconds <= 0) {
    throw new ConfigError(`request timeout: '${requestTimeoutSeconds}' is not a positive number of seconds.`);
  }
  const journalSize = options.journalSize ?? DEFAULT_JOURNAL_SIZE;
  if (!Number.isInteger(journalSize) || journalSize < 1) throw new ConfigError(`journal size: '${journalSize}' is not a positive number of requests.`);
  if (options.adminToken !== undefined && options.adminToken.trim() === '') throw new ConfigError('admin token: the token is empty.');
  if (options.dataDir !== undefined && options.dataDir.trim() === '') throw new ConfigError('data directory: the path is empty.');
  if (options.store !== undefined && !isPostgresUrl(options.store)) {
    throw new ConfigError('store: not a PostgreSQL URL; give one that starts with postgres://, such as postgres://user:password@127.0.0.1:5432/chat.');
  }
  if (options.store !== undefined && options.dataDir !== undefined) {
    throw new ConfigError('store and data directory: both keep the change log, in PostgreSQL or in a directory; give one of them.');
  }
  if (options.adminToken === undefined && !isLoopback(host)) {
    throw new ConfigError(
      `host: '${host}' is reachable from other machines, and so would the admin API be (/__admin: reset, fixtures, journal): give an admin token (--admin-token) that it will require.`,
    );
  }
  for (const secret of [...(options.tickets ?? []), ...(options.appTokens ?? [])]) {
    if (secret.trim() === '') throw new ConfigError('tickets and application tokens cannot be empty.');
  }
  const webhookTries = options.webhookTries ?? DEFAULT_WEBHOOK_SETTINGS.tries;
  if (!Number.isInteger(webhookTries) || webhookTries < 1) throw new ConfigError(`webhook tries: '${webhookTries}' is not a positive number of tries.`);
  const webhookBackoffMs = options.webhookBackoffMs ?? DEFAULT_WEBHOOK_SETTINGS.backoffMs;
  if (!webhookBackoffMs.every((ms) => Number.isInteger(ms) && ms >= 0)) throw new ConfigError(`webhook backoff: '${webhookBackoffMs.join(',')}' is not a list of milliseconds.`);
  const webhookTimeoutMs = options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_SETTINGS.timeoutMs;
  if (!Number.isInteger(webhookTimeoutMs) || webhookTimeoutMs < 1) throw new ConfigError(`webhook timeout: '${webhookTimeoutMs}' is not a positive number of milliseconds.`);
  return {
    port,
    host,
    fixtures: options.fixtures,
    mode,
    tickets: options.tickets ?? [],
    appTokens: options.appTokens ?? [],
    strict: options.strict ?? false,
    errorStyle,
    maxBodyBytes,
    requestTimeoutSeconds,
    ticketTtlSeconds,
    journalSize,
    adminToken: options.adminToken,
    dataDir: options.dataDir,
    store: options.store,
    webhookHosts: options.webhookHosts ?? [],
    webhookTries,
    webhookBackoffMs,
    webhookTimeoutMs,
    clock: options.clock ?? defaults.clock,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
}
