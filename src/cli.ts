#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULT_HOST, DEFAULT_REQUEST_TIMEOUT_SECONDS, DEFAULT_TICKET_TTL_SECONDS, ERROR_STYLES, MODES, type EmulatorOptions } from './config.js';
import { DEFAULT_JOURNAL_SIZE } from './journal/journal.js';
import { startEmulator } from './emulator.js';
import { FixturesError } from './fixtures.js';
import { DataDirError } from './store/change-log.js';
import { shownUrl, StoreError } from './store/postgres.js';

const DEFAULT_PORT = 8088;

/** The options as --help lists them: the option, what it does (and its default), and its environment variable. */
const OPTION_ROWS: readonly [option: string, description: readonly string[], variable: string][] = [
  ['--port N', [`TCP port (default ${DEFAULT_PORT}; 0 picks a free one)`], 'CHAT_EMULATOR_PORT'],
  ['--host ADDR', [`address to listen on (default ${DEFAULT_HOST})`], 'CHAT_EMULATOR_HOST'],
  ['--fixtures FILE', ['tickets, tokens, users, tenants, sessions and messages', 'to start with (default: the bundled fixtures/default.json)'], 'CHAT_EMULATOR_FIXTURES'],
  ['--mode online|onsite', ['online: the ApplicationToken header is required and', 'checked; onsite: it is not checked (default online)'], 'CHAT_EMULATOR_MODE'],
  ['--ticket T', ['also accept ticket T in every tenant (repeatable)'], 'CHAT_EMULATOR_TICKETS (comma-separated)'],
  ['--app-token T', ['also accept application token T in every tenant', '(repeatable)'], 'CHAT_EMULATOR_APP_TOKENS (comma-separated)'],
  ['--strict', ['behave like the real WCF endpoint: SOAP 1.1 only', '(others get HTTP 415), headers only inside Header,', 'unknown chat sessions rejected'], 'CHAT_EMULATOR_STRICT=true'],
  ['--no-strict', ['the lenient default, whatever CHAT_EMULATOR_STRICT says'], ''],
  ['--ticket-ttl D', ['how long a ticket from SoPrincipal.svc login stays valid:', 'seconds, or a number with s, m, h or d', `(default ${DEFAULT_TICKET_TTL_SECONDS / 3600}h)`], 'CHAT_EMULATOR_TICKET_TTL'],
  ['--max-body N', ['largest request body, in bytes, or with k or m', '(default 1m); larger ones get HTTP 413'], 'CHAT_EMULATOR_MAX_BODY'],
  ['--request-timeout D', ['how long a client may take to send a request', `(default ${DEFAULT_REQUEST_TIMEOUT_SECONDS}s); slower ones are cut off with HTTP 408`], 'CHAT_EMULATOR_REQUEST_TIMEOUT'],
  ['--data-dir DIR', ['keep a durable log of every acknowledged change in DIR', '(fsync\'d before the answer) and replay it on start;', 'default: in memory only'], 'CHAT_EMULATOR_DATA_DIR'],
  ['--store URL', ['keep that log in PostgreSQL instead (postgres://user:', 'password@host:5432/db); DATABASE_URL when neither is set'], 'CHAT_EMULATOR_STORE'],
  ['--journal-size N', [`how many requests the journal at /__admin/requests keeps`, `(default ${DEFAULT_JOURNAL_SIZE}; the oldest are dropped)`], 'CHAT_EMULATOR_JOURNAL_SIZE'],
  ['--webhook-hosts H,H', ['hosts besides this machine that webhooks may deliver to', '(default none: 127.0.0.1, ::1 and localhost only)'], 'CHAT_EMULATOR_WEBHOOK_HOSTS'],
  ['--webhook-tries N', ['tries of a webhook delivery, the first included (default 3)'], 'CHAT_EMULATOR_WEBHOOK_TRIES'],
  ['--webhook-backoff D,D', ['the waits before the second and later tries, on the', 'emulator clock (default 1s,4s, as SuperOffice documents)'], 'CHAT_EMULATOR_WEBHOOK_BACKOFF'],
  ['--admin-token T', ['the admin API (/__admin) requires Authorization:', 'Bearer T; required when --host is not a loopback address'], 'CHAT_EMULATOR_ADMIN_TOKEN'],
  ['--write-admin-token FILE', ['write the admin token to FILE (readable by this user', 'only); without --admin-token, make a random one, print', 'it and require it'], 'CHAT_EMULATOR_WRITE_ADMIN_TOKEN'],
  ['--error-style S', ['exceptioninfo: application errors as the real service', 'sends them (HTTP 200, Succeeded=false, ExceptionInfo);', 'fault: as SOAP Faults (default exceptioninfo)'], 'CHAT_EMULATOR_ERROR_STYLE'],
  ['-h, --help', ['show this help and exit'], ''],
];

function helpText(): string {
  const optionWidth = Math.max(...OPTION_ROWS.map(([option]) => option.length)) + 2;
  const descriptionWidth = Math.max(...OPTION_ROWS.flatMap(([, description]) => description.map((line) => line.length))) + 2;
  const rows = OPTION_ROWS.flatMap(([option, description, variable]) =>
    description.map((line, i) => {
      const text = `  ${(i === 0 ? option : '').padEnd(optionWidth)}${i === description.length - 1 ? line.padEnd(descriptionWidth) + variable : line}`;
      return text.trimEnd();
    }),
  );
  return [
    "services88-chat-emulator: an emulator of SuperOffice NetServer's Services88 Chat.svc and SoPrincipal.svc (SOAP)",
    '',
    'Usage: services88-chat-emulator [options]',
    '',
    'Options (most also as an environment variable; an empty variable counts as unset):',
    ...rows,
    '',
    'Command-line options win over environment variables.',
    'Endpoints: /Remote/Services88/Chat.svc (on-site style) and /<CustId>/Remote/Services88/Chat.svc',
    '(a tenant of its own); the same for SoPrincipal.svc, where users of the fixtures log in for a',
    'ticket; add ?wsdl for a WSDL. The admin API is at /__admin (described at /__admin/openapi.json).',
    '',
  ].join('\n');
}

/** Thrown for a command line that cannot be used; printed with a pointer to --help. */
class UsageError extends Error {}

/** One setting's text and where it came from (an option or an environment variable), for error messages. */
interface Setting {
  readonly text: string;
  readonly from: string;
}

/** What the command line asks for: the emulator's options, and where to write the admin token, if anywhere. */
interface CommandLine {
  readonly options: EmulatorOptions;
  readonly adminTokenFile?: Setting;
}

function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        fixtures: { type: 'string' },
        mode: { type: 'string' },
        ticket: { type: 'string', multiple: true },
        'app-token': { type: 'string', multiple: true },
        strict: { type: 'boolean' },
        'no-strict': { type: 'boolean' },
        'error-style': { type: 'string' },
        'ticket-ttl': { type: 'string' },
        'journal-size': { type: 'string' },
        'max-body': { type: 'string' },
        'data-dir': { type: 'string' },
        store: { type: 'string' },
        'request-timeout': { type: 'string' },
        'admin-token': { type: 'string' },
        'write-admin-token': { type: 'string' },
        'webhook-hosts': { type: 'string' },
        'webhook-tries': { type: 'string' },
        'webhook-backoff': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help === true) return 'help';
  const setting = (option: string, value: string | undefined, variable: string): Setting | undefined => {
    if (value !== undefined) return { text: value, from: `--${option}` };
    const fromEnv = env[variable];
    return fromEnv === undefined || fromEnv.trim() === '' ? undefined : { text: fromEnv, from: variable };
  };
  const host = setting('host', values.host, 'CHAT_EMULATOR_HOST');
  if (host !== undefined && host.text.trim() === '') {
    throw new UsageError(`${host.from}: the address is empty: give one such as 127.0.0.1, or 0.0.0.0 for every interface.`);
  }
  if (values.strict === true && values['no-strict'] === true) throw new UsageError('--strict and --no-strict contradict each other.');
  const fixtures = setting('fixtures', values.fixtures, 'CHAT_EMULATOR_FIXTURES');
  const options: EmulatorOptions = {
    port: parsePort(setting('port', values.port, 'CHAT_EMULATOR_PORT')),
    host: host?.text ?? DEFAULT_HOST,
    mode: oneOf(setting('mode', values.mode, 'CHAT_EMULATOR_MODE'), MODES, 'online'),
    tickets: values.ticket ?? list(env['CHAT_EMULATOR_TICKETS']),
    appTokens: values['app-token'] ?? list(env['CHAT_EMULATOR_APP_TOKENS']),
    strict: values.strict ?? (values['no-strict'] === true ? false : parseBoolean(setting('strict', undefined, 'CHAT_EMULATOR_STRICT'))),
    errorStyle: oneOf(setting('error-style', values['error-style'], 'CHAT_EMULATOR_ERROR_STYLE'), ERROR_STYLES, 'exceptioninfo'),
  };
  if (fixtures !== undefined) options.fixtures = fixtures.text;
  const ticketTtl = setting('ticket-ttl', values['ticket-ttl'], 'CHAT_EMULATOR_TICKET_TTL');
  if (ticketTtl !== undefined) options.ticketTtlSeconds = parseDuration(ticketTtl);
  const maxBody = setting('max-body', values['max-body'], 'CHAT_EMULATOR_MAX_BODY');
  if (maxBody !== undefined) options.maxBodyBytes = parseSize(maxBody);
  const requestTimeout = setting('request-timeout', values['request-timeout'], 'CHAT_EMULATOR_REQUEST_TIMEOUT');
  if (requestTimeout !== undefined) options.requestTimeoutSeconds = parseDuration(requestTimeout);
  const dataDir = setting('data-dir', values['data-dir'], 'CHAT_EMULATOR_DATA_DIR');
  if (dataDir !== undefined) options.dataDir = dataDir.text;
  const store = setting('store', values.store, 'CHAT_EMULATOR_STORE') ?? setting('store', undefined, 'DATABASE_URL');
  if (store !== undefined) options.store = store.text;
  const journalSize = setting('journal-size', values['journal-size'], 'CHAT_EMULATOR_JOURNAL_SIZE');
  if (journalSize !== undefined) options.journalSize = parseCount(journalSize);
  const adminToken = setting('admin-token', values['admin-token'], 'CHAT_EMULATOR_ADMIN_TOKEN');
  if (adminToken !== undefined) options.adminToken = adminToken.text;
  const webhookHosts = setting('webhook-hosts', values['webhook-hosts'], 'CHAT_EMULATOR_WEBHOOK_HOSTS');
  if (webhookHosts !== undefined) options.webhookHosts = list(webhookHosts.text);
  const webhookTries = setting('webhook-tries', values['webhook-tries'], 'CHAT_EMULATOR_WEBHOOK_TRIES');
  if (webhookTries !== undefined) options.webhookTries = parseCount(webhookTries);
  const webhookBackoff = setting('webhook-backoff', values['webhook-backoff'], 'CHAT_EMULATOR_WEBHOOK_BACKOFF');
  if (webhookBackoff !== undefined) {
    options.webhookBackoffMs = list(webhookBackoff.text).map((part) => Math.round(parseDuration({ text: part, from: webhookBackoff.from }) * 1000));
  }
  const adminTokenFile = setting('write-admin-token', values['write-admin-token'], 'CHAT_EMULATOR_WRITE_ADMIN_TOKEN');
  if (adminTokenFile !== undefined && adminTokenFile.text.trim() === '') throw new UsageError(`${adminTokenFile.from}: the path is empty: give the file to write the admin token to.`);
  return adminTokenFile === undefined ? { options } : { options, adminTokenFile };
}

/**
 * Writes the admin token where --write-admin-token says, making one first when none was given: a container's
 * health check, or a script that did not choose the token, reads it there. Returns the token and whether it was made.
 */
function writeAdminToken(options: EmulatorOptions, file: Setting): { token: string; made: boolean } {
  const made = options.adminToken === undefined;
  const token = options.adminToken ?? randomBytes(24).toString('base64url');
  try {
    writeFileSync(file.text, token, { mode: 0o600 });
    // The mode given above applies only to a file it creates; one that was already there may be readable by others.
    chmodSync(file.text, 0o600);
  } catch (error) {
    throw new UsageError(`${file.from}: cannot write the admin token to '${file.text}' (${(error as NodeJS.ErrnoException).code ?? String(error)}): give a file in a directory this user can write to.`);
  }
  return { token, made };
}

function oneOf<T extends string>(setting: Setting | undefined, allowed: readonly T[], fallback: T): T {
  if (setting === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(setting.text)) throw new UsageError(`${setting.from}: '${setting.text}' is not one of ${allowed.join(', ')}.`);
  return setting.text as T;
}

function parsePort(setting: Setting | undefined): number {
  if (setting === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(setting.text) || Number(setting.text) > 65535) {
    throw new UsageError(`${setting.from}: '${setting.text}' is not a TCP port (an integer 0 to 65535).`);
  }
  return Number(setting.text);
}

function parseCount(setting: Setting): number {
  if (!/^[0-9]+$/.test(setting.text.trim()) || Number(setting.text) < 1 || !Number.isSafeInteger(Number(setting.text))) {
    throw new UsageError(`${setting.from}: '${setting.text}' is not a positive whole number.`);
  }
  return Number(setting.text);
}

/** A size in bytes: `1048576`, `512k`, `1m` (k and m are 1024 and 1024²). */
function parseSize(setting: Setting): number {
  const match = /^([0-9]+)([km]?)$/i.exec(setting.text.trim());
  const bytes = match === null ? NaN : Number(match[1]) * (match[2]?.toLowerCase() === 'm' ? 1024 * 1024 : match[2]?.toLowerCase() === 'k' ? 1024 : 1);
  if (!(bytes >= 1) || !Number.isSafeInteger(bytes)) throw new UsageError(`${setting.from}: '${setting.text}' is not a size: give bytes, or a number with k or m (for example 65536, 512k, 1m).`);
  return bytes;
}

const DURATION_UNITS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 60 * 60, d: 24 * 60 * 60 };

/** A duration in seconds: `90`, `90s`, `30m`, `6h`, `1d`; fractions allowed (`1.5h`), zero not. */
function parseDuration(setting: Setting): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)([smhd]?)$/.exec(setting.text.trim());
  const seconds = match === null ? NaN : Number(match[1]) * (DURATION_UNITS[match[2] ?? ''] ?? NaN);
  if (!(seconds > 0)) {
    throw new UsageError(`${setting.from}: '${setting.text}' is not a duration: give seconds, or a number with s, m, h or d (for example 90, 30m, 6h).`);
  }
  return seconds;
}

function parseBoolean(setting: Setting | undefined): boolean {
  if (setting === undefined) return false;
  const lower = setting.text.trim().toLowerCase();
  if (lower === 'true' || lower === '1' || lower === 'yes') return true;
  if (lower === 'false' || lower === '0' || lower === 'no') return false;
  throw new UsageError(`${setting.from}: '${setting.text}' is not a boolean (true or false).`);
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function formatDuration(seconds: number): string {
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60]] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Where the banner says the data is kept, if anywhere but memory. */
function dataNote(options: EmulatorOptions): string {
  if (options.store !== undefined) return `, data in ${shownUrl(options.store)}`;
  return options.dataDir === undefined ? '' : `, data in ${options.dataDir}`;
}

async function main(): Promise<void> {
  let commandLine: CommandLine | 'help';
  let written: { token: string; made: boolean } | undefined;
  try {
    commandLine = parseCommandLine(process.argv.slice(2), process.env);
    if (commandLine !== 'help' && commandLine.adminTokenFile !== undefined) written = writeAdminToken(commandLine.options, commandLine.adminTokenFile);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`services88-chat-emulator: ${error.message}\nRun with --help for the options.\n`);
    process.exit(2);
  }
  if (commandLine === 'help') {
    process.stdout.write(helpText());
    return;
  }
  const options = written === undefined ? commandLine.options : { ...commandLine.options, adminToken: written.token };
  const adminFile = commandLine.adminTokenFile?.text;
  const adminNote =
    written?.made === true
      ? ` (Authorization: Bearer ${written.token}: a token made at start, also in ${adminFile})`
      : options.adminToken === undefined
        ? ''
        : ` (Authorization: Bearer <admin token>${adminFile === undefined ? '' : `, also in ${adminFile}`})`;
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof FixturesError || error instanceof DataDirError) {
      process.stderr.write(`services88-chat-emulator: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof StoreError) {
      process.stderr.write(`services88-chat-emulator: ${error.message}\n`);
      process.exit(1);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      const host = options.host?.includes(':') ? `[${options.host}]` : options.host;
      process.stderr.write(`services88-chat-emulator: cannot listen on ${host}:${options.port} (${code}).\n`);
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(
    [
      `Services88 Chat emulator listening (${options.mode} mode${options.strict ? ', strict' : ''}, errors as ${options.errorStyle}${dataNote(options)})`,
      `  endpoint:  ${emulator.chatUrl}`,
      `  tenant:    ${emulator.url}/<CustId>/Remote/Services88/Chat.svc`,
      `  WSDL:      ${emulator.wsdlUrl}`,
      `  login:     ${emulator.principalUrl} (tickets valid ${formatDuration(options.ticketTtlSeconds ?? DEFAULT_TICKET_TTL_SECONDS)})`,
      `  admin:     ${emulator.url}/__admin${adminNote}`,
      `  ticket:    ${emulator.ticket ?? '(none: pass --ticket)'}`,
      `  app token: ${emulator.appToken ?? '(none: pass --app-token)'}${options.mode === 'onsite' ? ' (not checked in onsite mode)' : ''}`,
      '',
    ].join('\n'),
  );
  const shutdown = (signal: string) => {
    process.stdout.write(`${signal} received: stopping.\n`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`services88-chat-emulator: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`services88-chat-emulator: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
