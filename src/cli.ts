#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, ERROR_STYLES, MODES, type EmulatorOptions } from './config.js';
import { startEmulator } from './emulator.js';
import { FixturesError } from './fixtures.js';
import type { ErrorStyle } from './envelope/response.js';
import type { InstallationMode } from './operations/authorize.js';

const DEFAULT_PORT = 8088;

const HELP = `services88-chat-emulator: an emulator of SuperOffice NetServer's Services88 Chat.svc (SOAP)

Usage: services88-chat-emulator [options]

Options (each also as an environment variable):
  --port N               TCP port (default ${DEFAULT_PORT}; 0 picks a free one)        CHAT_EMULATOR_PORT
  --host ADDR            address to listen on (default 127.0.0.1)                   CHAT_EMULATOR_HOST
  --fixtures FILE        tickets, tokens, tenants, sessions and messages to start
                         with (default: the bundled fixtures/default.json)          CHAT_EMULATOR_FIXTURES
  --mode online|onsite   online: the ApplicationToken header is required and
                         checked; onsite: it is not checked (default online)        CHAT_EMULATOR_MODE
  --ticket T             also accept ticket T in every tenant (repeatable)          CHAT_EMULATOR_TICKETS (comma-separated)
  --app-token T          also accept application token T in every tenant
                         (repeatable)                                               CHAT_EMULATOR_APP_TOKENS (comma-separated)
  --strict               behave like the real WCF endpoint: SOAP 1.1 only (others
                         get HTTP 415), headers only inside Header, unknown chat
                         sessions rejected                                          CHAT_EMULATOR_STRICT=true
  --error-style S        exceptioninfo: application errors as the real service
                         sends them (HTTP 200, Succeeded=false, ExceptionInfo);
                         fault: as SOAP Faults (default exceptioninfo)              CHAT_EMULATOR_ERROR_STYLE
  -h, --help             show this help and exit

Command-line options win over environment variables.
Endpoints: /Remote/Services88/Chat.svc (on-site style) and /<CustId>/Remote/Services88/Chat.svc
(a tenant of its own); add ?wsdl for the WSDL.
`;

/** Thrown for a command line that cannot be used; printed with a pointer to --help. */
class UsageError extends Error {}

function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): EmulatorOptions | 'help' {
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
        'error-style': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help === true) return 'help';
  const mode = values.mode ?? env['CHAT_EMULATOR_MODE'] ?? 'online';
  const errorStyle = values['error-style'] ?? env['CHAT_EMULATOR_ERROR_STYLE'] ?? 'exceptioninfo';
  if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode: '${mode}' is not one of ${MODES.join(', ')}.`);
  if (!(ERROR_STYLES as readonly string[]).includes(errorStyle)) throw new UsageError(`--error-style: '${errorStyle}' is not one of ${ERROR_STYLES.join(', ')}.`);
  const fixtures = values.fixtures ?? env['CHAT_EMULATOR_FIXTURES'];
  const options: EmulatorOptions = {
    port: parsePort(values.port ?? env['CHAT_EMULATOR_PORT']),
    host: values.host ?? env['CHAT_EMULATOR_HOST'] ?? '127.0.0.1',
    mode: mode as InstallationMode,
    tickets: values.ticket ?? list(env['CHAT_EMULATOR_TICKETS']),
    appTokens: values['app-token'] ?? list(env['CHAT_EMULATOR_APP_TOKENS']),
    strict: values.strict ?? parseBoolean(env['CHAT_EMULATOR_STRICT'], 'CHAT_EMULATOR_STRICT'),
    errorStyle: errorStyle as ErrorStyle,
  };
  if (fixtures !== undefined) options.fixtures = fixtures;
  return options;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port: '${text}' is not a TCP port (an integer 0 to 65535).`);
  return Number(text);
}

function parseBoolean(text: string | undefined, name: string): boolean {
  if (text === undefined || text === '') return false;
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === '1' || lower === 'yes') return true;
  if (lower === 'false' || lower === '0' || lower === 'no') return false;
  throw new UsageError(`${name}: '${text}' is not a boolean (true or false).`);
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

async function main(): Promise<void> {
  let options: EmulatorOptions | 'help';
  try {
    options = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`services88-chat-emulator: ${error.message}\nRun with --help for the options.\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof FixturesError) {
      process.stderr.write(`services88-chat-emulator: ${error.message}\n`);
      process.exit(2);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      process.stderr.write(`services88-chat-emulator: cannot listen on ${options.host}:${options.port} (${code}).\n`);
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(
    [
      `Services88 Chat emulator listening (${options.mode} mode${options.strict ? ', strict' : ''}, errors as ${options.errorStyle})`,
      `  endpoint:  ${emulator.chatUrl}`,
      `  tenant:    ${emulator.url}/<CustId>/Remote/Services88/Chat.svc`,
      `  WSDL:      ${emulator.wsdlUrl}`,
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
