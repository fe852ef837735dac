import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { OperationName } from '../src/contract/operations.js';
import { freshDatabase } from './support/postgres.js';
import {
  SAMPLE_TICKET,
  SAMPLE_TOKEN,
  addChatMessageBody,
  envelope,
  fieldsOf,
  getChatMessagesBody,
  loginBody,
  messagesOf,
  postSoap,
  readAnswer,
  type Answer,
  type Credentials,
  type Node,
  type PostOptions,
} from './support/soap.js';

/**
 * The command line, run as a real process: dist/test/cli.test.js starts dist/src/cli.js.
 * Every emulator listens on --port 0 (or fails before listening), so that runs never collide.
 */

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const HEALTHCHECK = fileURLToPath(new URL('../src/healthcheck.js', import.meta.url));
const NAME = 'services88-chat-emulator';
const USAGE_HINT = 'Run with --help for the options.';
/** How long any single wait may take before the test fails instead of hanging. */
const WAIT_MS = 10_000;
const SIGNAL_EXIT_MS = 5_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Cli {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<Exit>;
}

interface Finished extends Exit {
  stdout: string;
  stderr: string;
}

interface Started {
  readonly cli: Cli;
  /** The banner lines, without the trailing empty one. */
  readonly banner: string[];
  /** The `endpoint:` line's URL. */
  readonly endpoint: string;
  /** The base address, for example http://127.0.0.1:40123. */
  readonly base: string;
  readonly port: number;
}

const children = new Set<Cli>();

/** The test runner's environment without any CHAT_EMULATOR_* variable, plus `extra`. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The emulator's own variables, and DATABASE_URL, which it reads too, come from the test alone.
    if (!key.startsWith('CHAT_EMULATOR_') && key !== 'DATABASE_URL') env[key] = value;
  }
  return { ...env, ...extra };
}

function spawnCli(args: readonly string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [CLI, ...args], { env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<Exit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const cli: Cli = { child, stdout: '', stderr: '', exited };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (cli.stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (cli.stderr += chunk));
  children.add(cli);
  exited.then(
    () => children.delete(cli),
    () => children.delete(cli),
  );
  return cli;
}

/** `promise`, or a rejection naming `what` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the CLI to its end (bounded) and returns its exit and output. */
async function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<Finished> {
  const cli = spawnCli(args, env);
  const exit = await within(cli.exited, WAIT_MS, `${NAME} ${args.join(' ')} to exit`);
  return { ...exit, stdout: cli.stdout, stderr: cli.stderr };
}

/** Starts the CLI and waits (bounded) for its whole banner; fails with the output if it exits first. */
async function startCli(args: readonly string[], env: Record<string, string> = {}): Promise<Started> {
  const cli = spawnCli(args, env);
  const bannerDone = () => /^ {2}app token: .*\n/m.test(cli.stdout);
  const banner = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (bannerDone()) resolve();
    };
    cli.child.stdout?.on('data', check);
    check();
    cli.exited.then(
      (exit) => reject(new Error(`${NAME} exited (${JSON.stringify(exit)}) before its banner.\nstdout: ${cli.stdout}\nstderr: ${cli.stderr}`)),
      reject,
    );
  });
  await within(banner, WAIT_MS, `the banner of ${NAME} ${args.join(' ')}`);
  const lines = cli.stdout.split('\n');
  expect(lines.at(-1)).to.equal('', 'the banner ends with a newline');
  const endpointLine = lines.find((line) => line.startsWith('  endpoint:  '));
  const match = /^ {2}endpoint: {2}(http:\/\/127\.0\.0\.1:(\d+))\/Remote\/Services88\/Chat\.svc$/.exec(endpointLine ?? '');
  if (match === null) throw new Error(`No endpoint line in the banner:\n${cli.stdout}`);
  const base = match[1] as string;
  const port = Number(match[2]);
  expect(port).to.be.greaterThan(0);
  return { cli, banner: lines.slice(0, -1), endpoint: `${base}/Remote/Services88/Chat.svc`, base, port };
}

/** Kills whatever a test left running, and waits (bounded) until it is gone. */
async function killLeftovers(): Promise<void> {
  const left = [...children];
  for (const cli of left) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  }
  await within(Promise.allSettled(left.map((cli) => cli.exited)), WAIT_MS, 'spawned emulators to end');
}

/** postSoap, bounded. */
function soap(url: string, operation: OperationName, xml: string, options: PostOptions = {}): Promise<Answer> {
  return within(postSoap(url, operation, xml, options), WAIT_MS, `${operation} at ${url}`);
}

/** The banner a CLI prints for these settings and port. */
function expectedBanner(port: number, settings: { heading: string; ticket?: string; appToken?: string; ticketTtl?: string }): string[] {
  const base = `http://127.0.0.1:${port}`;
  return [
    settings.heading,
    `  endpoint:  ${base}/Remote/Services88/Chat.svc`,
    `  tenant:    ${base}/<CustId>/Remote/Services88/Chat.svc`,
    `  WSDL:      ${base}/Remote/Services88/Chat.svc?wsdl`,
    `  login:     ${base}/Remote/Services88/SoPrincipal.svc (tickets valid ${settings.ticketTtl ?? '6h'})`,
    `  admin:     ${base}/__admin`,
    `  ticket:    ${settings.ticket ?? SAMPLE_TICKET}`,
    `  app token: ${settings.appToken ?? SAMPLE_TOKEN}`,
  ];
}

const DEFAULT_HEADING = 'Services88 Chat emulator listening (online mode, errors as exceptioninfo)';

/** GetChatMessages for session 1 after 0 with these credentials. */
function getMessages(url: string, credentials: Credentials = {}, options: PostOptions = {}): Promise<Answer> {
  return soap(url, 'GetChatMessages', envelope(options.version ?? '1.1', getChatMessagesBody('1', '0'), credentials), options);
}

/** The Succeeded header of an answer (HTTP 200 expected). */
function succeeded(answer: Answer): unknown {
  expect(answer.status, answer.text).to.equal(200);
  return readAnswer(answer.text).headers['Succeeded'];
}

/** HTTP 200, Succeeded=false, and ExceptionInfo's type and message. */
function expectApplicationError(answer: Answer, exceptionType: string, message: string): void {
  expect(answer.status, answer.text).to.equal(200);
  const read = readAnswer(answer.text);
  expect(read.headers['Succeeded']).to.equal('false');
  const info = read.headers['ExceptionInfo'] as Node;
  expect(info['ExceptionType']).to.equal(exceptionType);
  expect(info['Message']).to.equal(message);
}

const TOKEN_MISSING =
  'No ApplicationToken header: an Online installation requires the application token in the ApplicationToken header (namespace http://www.superoffice.net/ws/crm/NetServer/Services88).';

function expectNoStackTrace(result: { stdout: string; stderr: string }): void {
  expect(result.stderr).not.to.include('    at ');
  expect(result.stdout).not.to.include('    at ');
}

describe('cli (the compiled command line, run as a process)', function () {
  this.timeout(20_000);
  this.slow(2_000);
  afterEach(killLeftovers);

  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'chat-emulator-cli-'));
  });
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });
  function tempFile(name: string, content: string): string {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
  }

  describe('--help', () => {
    const OPTIONS = ['--port N', '--host ADDR', '--fixtures FILE', '--mode online|onsite', '--ticket T', '--app-token T', '--strict', '--ticket-ttl D', '--max-body N', '--request-timeout D', '--data-dir DIR', '--store URL', '--journal-size N', '--webhook-hosts H,H', '--webhook-tries N', '--webhook-backoff D,D', '--admin-token T', '--write-admin-token FILE', '--error-style S', '-h, --help'];
    const VARIABLES = [
      'CHAT_EMULATOR_PORT',
      'CHAT_EMULATOR_HOST',
      'CHAT_EMULATOR_FIXTURES',
      'CHAT_EMULATOR_MODE',
      'CHAT_EMULATOR_TICKETS',
      'CHAT_EMULATOR_APP_TOKENS',
      'CHAT_EMULATOR_STRICT',
      'CHAT_EMULATOR_TICKET_TTL',
      'CHAT_EMULATOR_MAX_BODY',
      'CHAT_EMULATOR_REQUEST_TIMEOUT',
      'CHAT_EMULATOR_DATA_DIR',
      'CHAT_EMULATOR_STORE',
      'CHAT_EMULATOR_JOURNAL_SIZE',
      'CHAT_EMULATOR_WEBHOOK_HOSTS',
      'CHAT_EMULATOR_WEBHOOK_TRIES',
      'CHAT_EMULATOR_WEBHOOK_BACKOFF',
      'CHAT_EMULATOR_ADMIN_TOKEN',
      'CHAT_EMULATOR_WRITE_ADMIN_TOKEN',
      'CHAT_EMULATOR_ERROR_STYLE',
    ];

    for (const flag of ['--help', '-h']) {
      it(`${flag}: exit 0, the usage, every option and every environment variable, nothing on stderr`, async () => {
        const result = await runCli([flag]);
        expect(result.code).to.equal(0);
        expect(result.signal).to.equal(null);
        expect(result.stderr).to.equal('');
        const lines = result.stdout.split('\n');
        expect(lines.slice(0, 3)).to.deep.equal([
          `${NAME}: an emulator of SuperOffice NetServer's Services88 Chat.svc and SoPrincipal.svc (SOAP)`,
          '',
          `Usage: ${NAME} [options]`,
        ]);
        for (const option of OPTIONS) {
          expect(lines.filter((line) => line.startsWith(`  ${option} `)), option).to.have.length(1);
        }
        const named = [...new Set(result.stdout.match(/CHAT_EMULATOR_[A-Z_]+/g) ?? [])];
        expect(named).to.deep.equal(VARIABLES);
        expect(lines).to.include('Command-line options win over environment variables.');
        expect(result.stdout.endsWith('\n')).to.equal(true);
      });
    }

    it('-h and --help print the same text, and --help wins over an invalid option value', async () => {
      const [long, short, withBadMode] = await Promise.all([runCli(['--help']), runCli(['-h']), runCli(['--mode', 'cloud', '--help'])]);
      expect(short.stdout).to.equal(long.stdout);
      expect(withBadMode.code).to.equal(0);
      expect(withBadMode.stdout).to.equal(long.stdout);
    });

    it('states the defaults: port 8088, host 127.0.0.1, mode online, error style exceptioninfo', async () => {
      const { stdout } = await runCli(['--help']);
      expect(stdout).to.include('TCP port (default 8088; 0 picks a free one)');
      expect(stdout).to.include('address to listen on (default 127.0.0.1)');
      expect(stdout).to.include('checked; onsite: it is not checked (default online)');
      expect(stdout).to.include('fault: as SOAP Faults (default exceptioninfo)');
    });

    it('the default port is 8088, without binding it: the listen on an address this host lacks names :8088', async () => {
      // 192.0.2.1 (TEST-NET-1) is not a local address: the listen fails naming the address and port. Where the kernel
      // allows non-local binds it succeeds instead, and then the banner names the port. Either way, 8088 is asserted.
      const cli = spawnCli(['--host', '192.0.2.1', '--admin-token', 'admin-secret']);
      const listening = new Promise<'listening'>((resolve) => {
        const check = () => /^ {2}app token: /m.test(cli.stdout) && resolve('listening');
        cli.child.stdout?.on('data', check);
      });
      const outcome = await within(Promise.race([cli.exited, listening]), WAIT_MS, 'the CLI to listen or exit');
      if (outcome === 'listening') {
        expect(cli.stdout).to.include('  endpoint:  http://192.0.2.1:8088/Remote/Services88/Chat.svc\n');
      } else {
        expect(outcome.code).to.equal(1);
        expect(cli.stdout).to.equal('');
        expect(cli.stderr).to.equal(`${NAME}: cannot listen on 192.0.2.1:8088 (EADDRNOTAVAIL).\n`);
      }
    });

    it('the other defaults are the ones used: host 127.0.0.1, online mode (token checked), errors as ExceptionInfo', async () => {
      const { banner, port, endpoint, cli } = await startCli(['--port', '0']);
      expect(banner).to.deep.equal(expectedBanner(port, { heading: DEFAULT_HEADING }));
      // online: a missing ApplicationToken is refused; exceptioninfo: as HTTP 200 with Succeeded=false.
      expectApplicationError(await getMessages(endpoint, { token: null }), 'SoApplicationTokenException', TOKEN_MISSING);
      expect(succeeded(await getMessages(endpoint))).to.equal('true');
      expect(cli.stderr).to.equal('');
    });
  });

  describe('the banner and its endpoint', () => {
    it('prints endpoint, tenant, WSDL, the default ticket and app token, and nothing on stderr', async () => {
      const { banner, port, cli } = await startCli(['--port', '0', '--host', '127.0.0.1']);
      expect(banner).to.deep.equal(expectedBanner(port, { heading: DEFAULT_HEADING }));
      expect(banner[6]).to.equal('  ticket:    7T:1234abcxyzExample==');
      expect(banner[7]).to.equal('  app token: 1234567-1234-9876');
      expect(cli.stderr).to.equal('');
    });

    it('the endpoint answers: AddChatMessage then GetChatMessages with the banner credentials', async () => {
      const { endpoint } = await startCli(['--port', '0', '--host', '127.0.0.1']);
      const credentials = { ticket: '7T:1234abcxyzExample==', token: '1234567-1234-9876' };
      const message = {
        ChatSessionId: '2',
        Type: 'ToUser',
        Message: 'Hello from the CLI test',
        Author: 'Customer',
        ReadByCustomer: '0',
        SpecialType: 'None',
        SpecialParam: '',
        WhenPosted: '2021-03-25T21:36:53Z',
      };
      const added = await soap(endpoint, 'AddChatMessage', envelope('1.1', addChatMessageBody('2', message), credentials));
      expect(added.status, added.text).to.equal(200);
      expect(added.contentType).to.equal('text/xml; charset=utf-8');
      const addRead = readAnswer(added.text);
      expect(addRead.headers['Succeeded']).to.equal('true');
      const expected: [string, string | null][] = [
        ['ChatMessageId', '1'],
        ['ChatSessionId', '2'],
        ['Type', 'ToUser'],
        ['Message', 'Hello from the CLI test'],
        ['Author', 'Customer'],
        ['ReadByCustomer', '0'],
        ['SpecialType', 'None'],
        ['SpecialParam', ''],
        ['WhenPosted', '2021-03-25T21:36:53Z'],
      ];
      expect(messagesOf(addRead, 'AddChatMessage').map(fieldsOf)).to.deep.equal([expected]);

      const got = await soap(endpoint, 'GetChatMessages', envelope('1.1', getChatMessagesBody('2', '0'), credentials));
      expect(got.status, got.text).to.equal(200);
      const getRead = readAnswer(got.text);
      expect(getRead.headers['Succeeded']).to.equal('true');
      expect(messagesOf(getRead, 'GetChatMessages').map(fieldsOf)).to.deep.equal([expected]);
    });

    it('the WSDL line answers with the WSDL, whose address is the endpoint', async () => {
      const { banner, endpoint } = await startCli(['--port', '0']);
      const wsdlUrl = (banner[3] ?? '').replace(/^ {2}WSDL: {6}/, '');
      expect(wsdlUrl).to.equal(`${endpoint}?wsdl`);
      const response = await within(fetch(wsdlUrl), WAIT_MS, 'the WSDL');
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('text/xml; charset=utf-8');
      expect(await response.text()).to.include(`<soap:address location="${endpoint}"`);
    });
  });

  describe('unusable command lines and fixtures', () => {
    const cases: { title: string; args: string[]; env?: Record<string, string>; code: number; stderr: string }[] = [
      {
        title: '--mode cloud',
        args: ['--port', '0', '--mode', 'cloud'],
        code: 2,
        stderr: `${NAME}: --mode: 'cloud' is not one of online, onsite.\n${USAGE_HINT}\n`,
      },
      {
        title: '--error-style x',
        args: ['--port', '0', '--error-style', 'x'],
        code: 2,
        stderr: `${NAME}: --error-style: 'x' is not one of exceptioninfo, fault.\n${USAGE_HINT}\n`,
      },
      {
        title: '--port 70000',
        args: ['--port', '70000'],
        code: 2,
        stderr: `${NAME}: --port: '70000' is not a TCP port (an integer 0 to 65535).\n${USAGE_HINT}\n`,
      },
      {
        title: '--port abc',
        args: ['--port', 'abc'],
        code: 2,
        stderr: `${NAME}: --port: 'abc' is not a TCP port (an integer 0 to 65535).\n${USAGE_HINT}\n`,
      },
      {
        title: '--fixtures /nonexistent.json',
        args: ['--port', '0', '--fixtures', '/nonexistent.json'],
        code: 2,
        stderr: `${NAME}: Cannot read the fixtures file /nonexistent.json: ENOENT.\n`,
      },
      {
        title: 'CHAT_EMULATOR_STRICT=maybe',
        args: ['--port', '0'],
        env: { CHAT_EMULATOR_STRICT: 'maybe' },
        code: 2,
        stderr: `${NAME}: CHAT_EMULATOR_STRICT: 'maybe' is not a boolean (true or false).\n${USAGE_HINT}\n`,
      },
      {
        title: '--ticket-ttl 0',
        args: ['--port', '0', '--ticket-ttl', '0'],
        code: 2,
        stderr: `${NAME}: --ticket-ttl: '0' is not a duration: give seconds, or a number with s, m, h or d (for example 90, 30m, 6h).\n${USAGE_HINT}\n`,
      },
      {
        title: 'CHAT_EMULATOR_TICKET_TTL=6 hours',
        args: ['--port', '0'],
        env: { CHAT_EMULATOR_TICKET_TTL: '6 hours' },
        code: 2,
        stderr: `${NAME}: CHAT_EMULATOR_TICKET_TTL: '6 hours' is not a duration: give seconds, or a number with s, m, h or d (for example 90, 30m, 6h).\n${USAGE_HINT}\n`,
      },
      {
        title: '--host 0.0.0.0 without --admin-token',
        args: ['--port', '0', '--host', '0.0.0.0'],
        code: 2,
        stderr: `${NAME}: host: '0.0.0.0' is reachable from other machines, and so would the admin API be (/__admin: reset, fixtures, journal): give an admin token (--admin-token) that it will require.\n`,
      },
      {
        title: '--max-body 1g',
        args: ['--port', '0', '--max-body', '1g'],
        code: 2,
        stderr: `${NAME}: --max-body: '1g' is not a size: give bytes, or a number with k or m (for example 65536, 512k, 1m).\n${USAGE_HINT}\n`,
      },
      {
        title: 'CHAT_EMULATOR_REQUEST_TIMEOUT=never',
        args: ['--port', '0'],
        env: { CHAT_EMULATOR_REQUEST_TIMEOUT: 'never' },
        code: 2,
        stderr: `${NAME}: CHAT_EMULATOR_REQUEST_TIMEOUT: 'never' is not a duration: give seconds, or a number with s, m, h or d (for example 90, 30m, 6h).\n${USAGE_HINT}\n`,
      },
      {
        title: '--journal-size 0',
        args: ['--port', '0', '--journal-size', '0'],
        code: 2,
        stderr: `${NAME}: --journal-size: '0' is not a positive whole number.\n${USAGE_HINT}\n`,
      },
      {
        title: 'an empty --ticket',
        args: ['--port', '0', '--ticket', ' '],
        code: 2,
        stderr: `${NAME}: tickets and application tokens cannot be empty.\n`,
      },
    ];
    for (const { title, args, env, code, stderr } of cases) {
      it(`${title}: exit ${code}, the reason on stderr, nothing on stdout`, async () => {
        const result = await runCli(args, env);
        expect(result.code).to.equal(code);
        expect(result.stderr).to.equal(stderr);
        expect(result.stdout).to.equal('');
        expectNoStackTrace(result);
      });
    }

    it('--bogus: exit 2, stderr names the option and points to --help, nothing on stdout', async () => {
      const result = await runCli(['--bogus']);
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      const lines = result.stderr.split('\n');
      expect(lines[0]).to.match(new RegExp(`^${NAME}: Unknown option '--bogus'`));
      expect(lines.slice(-2)).to.deep.equal([USAGE_HINT, '']);
      expectNoStackTrace(result);
    });

    it('a fixtures file with a bad field: exit 2, the file and the path of the field in the message', async () => {
      const path = tempFile(
        'bad-field.json',
        JSON.stringify({ tenants: { Cust1: { sessions: [1], messages: [{ ChatSessionId: 1, Type: 'Bogus' }] } } }),
      );
      const result = await runCli(['--port', '0', '--fixtures', path]);
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      // The CLI's part is exact; the reason after it is the codec's (its wording is tested with the codec).
      const prefix = `${NAME}: ${path}: tenants.Cust1.messages[0].Type: 'Bogus' is not `;
      expect(result.stderr.startsWith(prefix), result.stderr).to.equal(true);
      expect(result.stderr).to.include('ChatMessageType');
      expect(result.stderr.indexOf('\n')).to.equal(result.stderr.length - 1, 'one line');
      expectNoStackTrace(result);
    });

    it('a fixtures file with a message that XML cannot carry: exit 2, the path of the field, the character as \\u0007', async () => {
      const path = tempFile('bell.json', JSON.stringify({ tenants: { Cust1: { messages: [{ ChatSessionId: 1, Author: 'bell\u0007' }] } } }));
      const result = await runCli(['--port', '0', '--fixtures', path]);
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(
        `${NAME}: ${path}: tenants.Cust1.messages[0].Author: 'bell\\u0007' is not a valid xs:string (it holds the character U+0007, which XML 1.0 cannot carry).\n`,
      );
      expectNoStackTrace(result);
    });

    it('a fixtures file with a ticket that is not a string: exit 2, the path tickets[1]', async () => {
      const path = tempFile('bad-ticket.json', JSON.stringify({ tickets: ['ok', 42] }));
      const result = await runCli(['--port', '0', '--fixtures', path]);
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(`${NAME}: ${path}: tickets[1]: expected a non-empty string, found number 42.\n`);
      expectNoStackTrace(result);
    });

    it('a fixtures file that is not JSON: exit 2, the file named', async () => {
      const path = tempFile('not-json.json', '{ "tickets": [');
      const result = await runCli(['--port', '0', '--fixtures', path]);
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.match(new RegExp(`^${NAME}: The fixtures file ${escapeRegExp(path)} is not valid JSON: .+\\n$`));
      expectNoStackTrace(result);
    });
  });

  describe('environment variables', () => {
    it('CHAT_EMULATOR_MODE=onsite: a request without ApplicationToken succeeds', async () => {
      const { banner, port, endpoint } = await startCli(['--port', '0'], { CHAT_EMULATOR_MODE: 'onsite' });
      expect(banner).to.deep.equal(
        expectedBanner(port, {
          heading: 'Services88 Chat emulator listening (onsite mode, errors as exceptioninfo)',
          appToken: `${SAMPLE_TOKEN} (not checked in onsite mode)`,
        }),
      );
      expect(succeeded(await getMessages(endpoint, { token: null }))).to.equal('true');
      expect(succeeded(await getMessages(endpoint, { token: 'anything' }))).to.equal('true');
    });

    it('CHAT_EMULATOR_TICKETS=a,b: ticket b works (and a, and the fixtures ticket); c does not', async () => {
      const { banner, endpoint } = await startCli(['--port', '0'], { CHAT_EMULATOR_TICKETS: 'a,b' });
      expect(banner[6]).to.equal('  ticket:    a');
      expect(succeeded(await getMessages(endpoint, { ticket: 'b' }))).to.equal('true');
      expect(succeeded(await getMessages(endpoint, { ticket: 'a' }))).to.equal('true');
      expect(succeeded(await getMessages(endpoint, { ticket: SAMPLE_TICKET }))).to.equal('true');
      expectApplicationError(
        await getMessages(endpoint, { ticket: 'c' }),
        'SoAuthenticationException',
        "The ticket is not known in tenant 'default'.",
      );
    });

    it('CHAT_EMULATOR_APP_TOKENS=x,y: token y works', async () => {
      const { banner, endpoint } = await startCli(['--port', '0'], { CHAT_EMULATOR_APP_TOKENS: 'x, y' });
      expect(banner[7]).to.equal('  app token: x');
      expect(succeeded(await getMessages(endpoint, { token: 'y' }))).to.equal('true');
    });

    it('CHAT_EMULATOR_ERROR_STYLE=fault: an unknown ticket is a SOAP Fault with HTTP 500', async () => {
      const { banner, endpoint } = await startCli(['--port', '0'], { CHAT_EMULATOR_ERROR_STYLE: 'fault' });
      expect(banner[0]).to.equal('Services88 Chat emulator listening (online mode, errors as fault)');
      const answer = await getMessages(endpoint, { ticket: 'no-such-ticket' });
      expect(answer.status).to.equal(500);
      expect(answer.contentType).to.equal('text/xml; charset=utf-8');
      expect(readAnswer(answer.text).fault).to.deep.equal({
        code: 's:Client',
        subcode: undefined,
        reason: "The ticket is not known in tenant 'default'.",
      });
    });

    it('CHAT_EMULATOR_STRICT=true: a SOAP 1.2 request gets HTTP 415, SOAP 1.1 still works', async () => {
      const { banner, endpoint } = await startCli(['--port', '0'], { CHAT_EMULATOR_STRICT: 'true' });
      expect(banner[0]).to.equal('Services88 Chat emulator listening (online mode, strict, errors as exceptioninfo)');
      const soap12 = await getMessages(endpoint, {}, { version: '1.2' });
      expect(soap12.status).to.equal(415);
      expect(soap12.contentType).to.equal('text/plain; charset=utf-8');
      expect(succeeded(await getMessages(endpoint))).to.equal('true');
    });

    it('without CHAT_EMULATOR_STRICT a SOAP 1.2 request succeeds (the 415 above comes from the variable)', async () => {
      const { endpoint } = await startCli(['--port', '0']);
      const soap12 = await getMessages(endpoint, {}, { version: '1.2' });
      expect(soap12.status, soap12.text).to.equal(200);
      expect(soap12.contentType).to.equal('application/soap+xml; charset=utf-8');
      expect(readAnswer(soap12.text).headers['Succeeded']).to.equal('true');
    });

    it('CHAT_EMULATOR_PORT=0 and CHAT_EMULATOR_HOST=127.0.0.1 are used without any option', async () => {
      const { banner, port } = await startCli([], { CHAT_EMULATOR_PORT: '0', CHAT_EMULATOR_HOST: '127.0.0.1' });
      expect(banner).to.deep.equal(expectedBanner(port, { heading: DEFAULT_HEADING }));
    });

    it('a command-line option wins over its variable: --mode online with CHAT_EMULATOR_MODE=onsite', async () => {
      const { banner, endpoint } = await startCli(['--port', '0', '--mode', 'online'], { CHAT_EMULATOR_MODE: 'onsite' });
      expect(banner[0]).to.equal(DEFAULT_HEADING);
      expectApplicationError(await getMessages(endpoint, { token: null }), 'SoApplicationTokenException', TOKEN_MISSING);
    });

    it('a command-line option wins over its variable: --error-style exceptioninfo with CHAT_EMULATOR_ERROR_STYLE=fault', async () => {
      const { endpoint } = await startCli(['--port', '0', '--error-style', 'exceptioninfo'], { CHAT_EMULATOR_ERROR_STYLE: 'fault' });
      expectApplicationError(
        await getMessages(endpoint, { ticket: 'no-such-ticket' }),
        'SoAuthenticationException',
        "The ticket is not known in tenant 'default'.",
      );
    });
  });

  describe('empty values, contradictions and where an error came from', () => {
    it('refuses an empty --host: exit 2 (Node would listen on every interface)', async () => {
      const result = await runCli(['--host', '', '--port', '0']);
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(`${NAME}: --host: the address is empty: give one such as 127.0.0.1, or 0.0.0.0 for every interface.\n${USAGE_HINT}\n`);
    });

    it('takes empty environment variables as unset', async () => {
      const { banner } = await startCli(['--port', '0'], { CHAT_EMULATOR_HOST: '', CHAT_EMULATOR_MODE: '', CHAT_EMULATOR_FIXTURES: ' ', CHAT_EMULATOR_ERROR_STYLE: '' });
      expect(banner[0]).to.equal(DEFAULT_HEADING);
      expect(banner[1]).to.match(/^ {2}endpoint: {2}http:\/\/127\.0\.0\.1:\d+\/Remote\/Services88\/Chat\.svc$/);
    });

    it('names the environment variable a bad value came from', async () => {
      const result = await runCli(['--port', '0'], { CHAT_EMULATOR_MODE: 'cloud' });
      expect(result.code).to.equal(2);
      expect(result.stderr).to.equal(`${NAME}: CHAT_EMULATOR_MODE: 'cloud' is not one of online, onsite.\n${USAGE_HINT}\n`);
    });

    it('--no-strict wins over CHAT_EMULATOR_STRICT=true: SOAP 1.2 is answered', async () => {
      const { endpoint } = await startCli(['--port', '0', '--no-strict'], { CHAT_EMULATOR_STRICT: 'true' });
      expect(succeeded(await getMessages(endpoint, {}, { version: '1.2' }))).to.equal('true');
    });

    it('refuses --strict with --no-strict', async () => {
      const result = await runCli(['--port', '0', '--strict', '--no-strict']);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.equal(`${NAME}: --strict and --no-strict contradict each other.\n${USAGE_HINT}\n`);
    });

    it('lines up the environment variables of --help in one column', async () => {
      const { stdout } = await runCli(['--help']);
      // The variable column: a variable name ending the line (the --no-strict text mentions one mid-sentence).
      const columns = stdout
        .split('\n')
        .filter((line) => / {2}CHAT_EMULATOR_[A-Z_]+( \(comma-separated\)|=true)?$/.test(line))
        .map((line) => line.indexOf('CHAT_EMULATOR_'));
      expect(columns.length).to.equal(19);
      expect(new Set(columns).size).to.equal(1);
    });
  });

  describe('--ticket and --app-token', () => {
    it('--ticket T --ticket U: both work, the banner shows T', async () => {
      const { banner, endpoint } = await startCli(['--port', '0', '--ticket', 'T', '--ticket', 'U']);
      expect(banner[6]).to.equal('  ticket:    T');
      expect(succeeded(await getMessages(endpoint, { ticket: 'T' }))).to.equal('true');
      expect(succeeded(await getMessages(endpoint, { ticket: 'U' }))).to.equal('true');
      expect(succeeded(await getMessages(`${endpoint.replace('/Remote/', '/Cust12345/Remote/')}`, { ticket: 'U' }))).to.equal('true');
    });

    it('--app-token X: works, the banner shows X; an unknown token does not', async () => {
      const { banner, endpoint } = await startCli(['--port', '0', '--app-token', 'X']);
      expect(banner[7]).to.equal('  app token: X');
      expect(succeeded(await getMessages(endpoint, { token: 'X' }))).to.equal('true');
      expectApplicationError(
        await getMessages(endpoint, { token: 'Y' }),
        'SoApplicationTokenException',
        "The ApplicationToken is not known in tenant 'default'.",
      );
    });
  });

  describe('logging in (SoPrincipal.svc) and --ticket-ttl', () => {
    it('the login line answers: the bundled fixture user logs in and its ticket works on the endpoint', async () => {
      const { banner, base, endpoint } = await startCli(['--port', '0', '--ticket-ttl', '90m']);
      expect(banner[4]).to.equal(`  login:     ${base}/Remote/Services88/SoPrincipal.svc (tickets valid 90m)`);
      const login = await soap(
        `${base}/Remote/Services88/SoPrincipal.svc`,
        'AuthenticateUsernamePassword',
        envelope('1.1', loginBody('agent', 'secret'), { ticket: null }),
      );
      const response = readAnswer(login.text).body['AuthenticateResponse'] as Node;
      expect(response['AuthenticationSucceeded']).to.equal('true');
      const ticket = (response['Credentials'] as Node)['Ticket'] as string;
      expect(succeeded(await getMessages(endpoint, { ticket }))).to.equal('true');
    });

    it('CHAT_EMULATOR_TICKET_TTL=45 is shown in seconds, 1.5h in minutes', async () => {
      const [seconds, fraction] = await Promise.all([
        startCli(['--port', '0'], { CHAT_EMULATOR_TICKET_TTL: '45' }),
        startCli(['--port', '0', '--ticket-ttl', '1.5h']),
      ]);
      expect(seconds.banner[4]).to.match(/\(tickets valid 45s\)$/);
      expect(fraction.banner[4]).to.match(/\(tickets valid 90m\)$/);
    });
  });

  describe('--fixtures FILE', () => {
    it('a tenant Cust777 with a message: GetChatMessages on /Cust777/Remote/Services88/Chat.svc returns it', async () => {
      const path = tempFile(
        'cust777.json',
        JSON.stringify({
          tenants: {
            Cust777: {
              tickets: ['ticket-777'],
              applicationTokens: ['token-777'],
              sessions: [5],
              messages: [
                {
                  ChatMessageId: 42,
                  ChatSessionId: 5,
                  Type: 'ToCustomer',
                  Message: 'Welcome to Cust777',
                  Author: 'Agent Smith',
                  ReadByCustomer: 1,
                  SpecialType: 'Welcome',
                  SpecialParam: null,
                  WhenPosted: '2024-02-29T12:34:56.1234567Z',
                },
              ],
            },
          },
        }),
      );
      const { banner, port, base, endpoint } = await startCli(['--port', '0', '--fixtures', path]);
      expect(banner).to.deep.equal(
        expectedBanner(port, { heading: DEFAULT_HEADING, ticket: '(none: pass --ticket)', appToken: '(none: pass --app-token)' }),
      );
      const credentials = { ticket: 'ticket-777', token: 'token-777' };
      const answer = await soap(
        `${base}/Cust777/Remote/Services88/Chat.svc`,
        'GetChatMessages',
        envelope('1.1', getChatMessagesBody('5', '0'), credentials),
      );
      expect(answer.status, answer.text).to.equal(200);
      const read = readAnswer(answer.text);
      expect(read.headers['Succeeded']).to.equal('true');
      expect(messagesOf(read, 'GetChatMessages').map(fieldsOf)).to.deep.equal([
        [
          ['ChatMessageId', '42'],
          ['ChatSessionId', '5'],
          ['Type', 'ToCustomer'],
          ['Message', 'Welcome to Cust777'],
          ['Author', 'Agent Smith'],
          ['ReadByCustomer', '1'],
          ['SpecialType', 'Welcome'],
          ['SpecialParam', null],
          ['WhenPosted', '2024-02-29T12:34:56.1234567Z'],
        ],
      ]);
      // The tenant's credentials are the tenant's only; the bundled fixtures were not loaded.
      expectApplicationError(
        await getMessages(endpoint, credentials),
        'SoApplicationTokenException',
        "The ApplicationToken is not known in tenant 'default'.",
      );
      expectApplicationError(
        await getMessages(endpoint),
        'SoApplicationTokenException',
        "The ApplicationToken is not known in tenant 'default'.",
      );
    });

    it('CHAT_EMULATOR_FIXTURES names the file when --fixtures is not given', async () => {
      const path = tempFile('env-fixtures.json', JSON.stringify({ tickets: ['env-ticket'], applicationTokens: ['env-token'] }));
      const { banner, endpoint } = await startCli(['--port', '0'], { CHAT_EMULATOR_FIXTURES: path });
      expect(banner.slice(6)).to.deep.equal(['  ticket:    env-ticket', '  app token: env-token']);
      expect(succeeded(await getMessages(endpoint, { ticket: 'env-ticket', token: 'env-token' }))).to.equal('true');
    });
  });

  describe('shutdown', () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it(`${signal}: says it is stopping and exits with code 0 within 5 s, even after serving a request`, async () => {
        const { cli, endpoint } = await startCli(['--port', '0']);
        // A request first, so that the test's HTTP client holds a kept-alive connection to it.
        expect(succeeded(await getMessages(endpoint))).to.equal('true');
        const bannerLength = cli.stdout.length;
        expect(cli.child.kill(signal)).to.equal(true);
        const exit = await within(cli.exited, SIGNAL_EXIT_MS, `the emulator to exit after ${signal}`);
        expect(exit).to.deep.equal({ code: 0, signal: null });
        expect(cli.stdout.slice(bannerLength)).to.equal(`${signal} received: stopping.\n`);
        expect(cli.stderr).to.equal('');
      });
    }

    it('kill -9 in the middle of a load, with --data-dir: after a restart every acknowledged message is there', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chat-emulator-kill-'));
      try {
        const { cli, endpoint } = await startCli(['--port', '0', '--data-dir', dir]);
        const acknowledged = await killWhileWriting(cli, async (text) => {
          const answer = await postSoap(endpoint, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: text })));
          const id = /<ChatMessageId>(\d+)<\/ChatMessageId>/.exec(answer.text)?.[1];
          return answer.status === 200 ? id : undefined;
        });

        const again = await startCli(['--port', '0', '--data-dir', dir]);
        const answer = await getMessages(again.endpoint);
        const stored = new Map(messagesOf(readAnswer(answer.text), 'GetChatMessages').map((m) => [String(m['Message']), String(m['ChatMessageId'])]));
        const lost = [...acknowledged].filter(([text, id]) => stored.get(text) !== id);
        expect(lost, 'acknowledged messages missing after the restart').to.deep.equal([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('kill -9 in the middle of Acquire add-message calls, with --data-dir: after a restart every acknowledged message is there', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chat-emulator-kill-acquire-'));
      const add = (base: string, text: string) =>
        fetch(`${base}/acquire/demo/api/v1/crm/messenger/chat/add-message`, {
          method: 'POST',
          headers: { Authorization: 'Bearer demo-api-key', 'Content-Type': 'application/json' },
          body: JSON.stringify({ message: { type: 'message', message: text }, caseId: 2069 }),
        });
      try {
        const { cli, base } = await startCli(['--port', '0', '--data-dir', dir]);
        const acknowledged = await killWhileWriting(cli, async (text) => {
          const answer = await add(base, text);
          return answer.status === 200 ? ((await answer.json()) as { data: { id: number } }).data.id : undefined;
        });

        const again = await startCli(['--port', '0', '--data-dir', dir]);
        const listed = (await (await fetch(`${again.base}/__admin/tenants/demo/acquire/messages`)).json()) as { messages: { id: number; message: string }[] };
        const stored = new Map(listed.messages.map((m) => [m.message, m.id]));
        const lost = [...acknowledged].filter(([text, id]) => stored.get(text) !== id);
        expect(lost, 'acknowledged messages missing after the restart').to.deep.equal([]);
        // The next id follows the stored ones.
        const next = (await (await add(again.base, 'after the restart')).json()) as { data: { id: number } };
        expect(next.data.id).to.equal(Math.max(...stored.values()) + 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('kill -9 in the middle of a load, with --store (PostgreSQL): after a restart every acknowledged message is there', async function () {
      // The first test of a run that needs PostgreSQL may start the throwaway server.
      this.timeout(60_000);
      const url = await freshDatabase();
      const { cli, endpoint } = await startCli(['--port', '0', '--store', url]);
      const acknowledged = await killWhileWriting(cli, async (text) => {
        const answer = await postSoap(endpoint, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: text })));
        const id = /<ChatMessageId>(\d+)<\/ChatMessageId>/.exec(answer.text)?.[1];
        return answer.status === 200 ? id : undefined;
      });
      const again = await startCli(['--port', '0'], { DATABASE_URL: url });
      const answer = await getMessages(again.endpoint);
      const stored = new Map(messagesOf(readAnswer(answer.text), 'GetChatMessages').map((m) => [String(m['Message']), String(m['ChatMessageId'])]));
      const lost = [...acknowledged].filter(([text, id]) => stored.get(text) !== id);
      expect(lost, 'acknowledged messages missing after the restart').to.deep.equal([]);
    });

    it('two instances on one database (--store), one killed -9 mid-load: the other goes on, and holds everything acknowledged by either', async function () {
      this.timeout(60_000);
      const url = await freshDatabase();
      const [killed, survivor] = await Promise.all([startCli(['--port', '0', '--store', url]), startCli(['--port', '0', '--store', url])]);
      const write = (endpoint: string) => async (text: string) => {
        const answer = await postSoap(endpoint, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: text })));
        const id = /<ChatMessageId>(\d+)<\/ChatMessageId>/.exec(answer.text)?.[1];
        return answer.status === 200 ? id : undefined;
      };
      // The survivor writes all along, before, during and after the other one is killed.
      const fromSurvivor = new Map<string, string>();
      let done = false;
      const survivorWrites = (async () => {
        for (let i = 0; !done; i += 1) {
          const id = await write(survivor.endpoint)(`s-${i}`);
          if (id !== undefined) fromSurvivor.set(`s-${i}`, id);
        }
      })();
      const fromKilled = await killWhileWriting(killed.cli, write(killed.endpoint));
      await new Promise((resolve) => setTimeout(resolve, 300));
      done = true;
      await survivorWrites;
      const answer = await getMessages(survivor.endpoint);
      const stored = new Map(messagesOf(readAnswer(answer.text), 'GetChatMessages').map((m) => [String(m['Message']), String(m['ChatMessageId'])]));
      const lost = [...fromKilled, ...fromSurvivor].filter(([text, id]) => stored.get(text) !== id);
      expect(lost, 'acknowledged messages missing on the survivor').to.deep.equal([]);
      expect(new Set(stored.values()).size, 'ids given twice').to.equal(stored.size);
    });

    it('SIGTERM with requests in flight: each gets its answer, new connections are refused, exit 0', async () => {
      const { cli, endpoint, base } = await startCli(['--port', '0']);
      // Hold the next 20 calls for 700 ms, so that they are in flight when the signal comes.
      const fault = await fetch(`${base}/__admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ times: 20, delayMs: 700 }) });
      expect(fault.status).to.equal(200);
      const inFlight = Array.from({ length: 20 }, (_, i) =>
        soap(endpoint, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: `in flight ${i}` })), { headers: { Connection: 'close' } }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(cli.child.kill('SIGTERM')).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      let refused: unknown;
      await fetch(endpoint, { method: 'POST', body: 'x' }).catch((error: unknown) => (refused = error));
      expect(refused, 'a new connection after SIGTERM').to.be.instanceOf(TypeError);
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status)).to.deep.equal(Array.from({ length: 20 }, () => 200));
      expect(answers.map((a) => readAnswer(a.text).headers['Succeeded'])).to.deep.equal(Array.from({ length: 20 }, () => 'true'));
      expect(await within(cli.exited, SIGNAL_EXIT_MS, 'the emulator to exit')).to.deep.equal({ code: 0, signal: null });
    });
  });

  describe('--write-admin-token FILE and the health check of the container image', () => {
    /** Runs dist/src/healthcheck.js to its end (bounded) with these variables. */
    async function healthcheck(env: Record<string, string>): Promise<Finished> {
      const child = spawn(process.execPath, [HEALTHCHECK], { env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exit = await within(
        new Promise<Exit>((resolve, reject) => {
          child.once('error', reject);
          child.once('close', (code, signal) => resolve({ code, signal }));
        }),
        WAIT_MS,
        'the health check to exit',
      );
      return { ...exit, stdout, stderr };
    }

    function adminHealth(base: string, token?: string): Promise<Response> {
      return within(fetch(`${base}/__admin/health`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }), WAIT_MS, 'the admin health');
    }

    it('without --admin-token: makes a token, prints it, writes it to FILE readable by its user only, and requires it', async () => {
      const file = join(scratch, 'made-admin-token');
      const { banner, base } = await startCli(['--port', '0', '--write-admin-token', file]);
      const token = readFileSync(file, 'utf8');
      expect(token).to.match(/^[A-Za-z0-9_-]{32}$/);
      expect(statSync(file).mode & 0o777).to.equal(0o600);
      expect(banner[5]).to.equal(`  admin:     ${base}/__admin (Authorization: Bearer ${token}: a token made at start, also in ${file})`);
      expect((await adminHealth(base)).status).to.equal(401);
      expect((await adminHealth(base, 'wrong')).status).to.equal(401);
      expect((await adminHealth(base, token)).status).to.equal(200);
    });

    it('CHAT_EMULATOR_WRITE_ADMIN_TOKEN with --admin-token: writes the given token over an older file, and does not print it', async () => {
      const file = tempFile('given-admin-token', 'an older token');
      const { banner, base } = await startCli(['--port', '0', '--admin-token', 'given-secret'], { CHAT_EMULATOR_WRITE_ADMIN_TOKEN: file });
      expect(readFileSync(file, 'utf8')).to.equal('given-secret');
      expect(statSync(file).mode & 0o777).to.equal(0o600);
      expect(banner[5]).to.equal(`  admin:     ${base}/__admin (Authorization: Bearer <admin token>, also in ${file})`);
      expect((await adminHealth(base, 'given-secret')).status).to.equal(200);
    });

    it('a FILE that cannot be written: exit 2, the file and the reason on stderr, nothing on stdout', async () => {
      const file = join(scratch, 'no-such-directory', 'token');
      const result = await runCli(['--port', '0'], { CHAT_EMULATOR_WRITE_ADMIN_TOKEN: file });
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(
        `${NAME}: CHAT_EMULATOR_WRITE_ADMIN_TOKEN: cannot write the admin token to '${file}' (ENOENT): give a file in a directory this user can write to.\n${USAGE_HINT}\n`,
      );
    });

    it('the health check: exit 0 with the token from the file, 1 with the reason without a token or without an emulator', async () => {
      const file = join(scratch, 'health-admin-token');
      const { base, port } = await startCli(['--port', '0', '--write-admin-token', file]);
      const healthy = await healthcheck({ CHAT_EMULATOR_PORT: String(port), CHAT_EMULATOR_WRITE_ADMIN_TOKEN: file, CHAT_EMULATOR_ADMIN_TOKEN: 'not-the-one-in-force' });
      expect(healthy).to.deep.equal({ code: 0, signal: null, stdout: 'healthy\n', stderr: '' });

      const withoutToken = await healthcheck({ CHAT_EMULATOR_PORT: String(port) });
      expect(withoutToken.code).to.equal(1);
      expect(withoutToken.stderr).to.equal(
        `unhealthy: ${base}/__admin/health: HTTP 401 {"error":{"status":401,"message":"The admin API requires the admin token: send Authorization: Bearer <token>."}}; expected HTTP 200 with {"status":"ok"}.\n`,
      );

      const fromVariable = await healthcheck({ CHAT_EMULATOR_PORT: String(port), CHAT_EMULATOR_ADMIN_TOKEN: readFileSync(file, 'utf8') });
      expect(fromVariable.code).to.equal(0);

      const stopped = await startCli(['--port', '0']);
      stopped.cli.child.kill('SIGTERM');
      await within(stopped.cli.exited, WAIT_MS, 'the emulator to stop');
      const nobody = await healthcheck({ CHAT_EMULATOR_PORT: String(stopped.port) });
      expect(nobody.code).to.equal(1);
      expect(nobody.stderr).to.equal(
        `unhealthy: http://127.0.0.1:${stopped.port}/__admin/health: no answer (connect ECONNREFUSED 127.0.0.1:${stopped.port}); expected HTTP 200 with {"status":"ok"}.\n`,
      );
    });
  });

  describe('a port already in use', () => {
    it('exit 1 with the address and EADDRINUSE, no stack trace', async () => {
      const first = await startCli(['--port', '0']);
      const result = await runCli(['--port', String(first.port), '--host', '127.0.0.1']);
      expect(result.code).to.equal(1);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(`${NAME}: cannot listen on 127.0.0.1:${first.port} (EADDRINUSE).\n`);
      expectNoStackTrace(result);
      // The first one is unaffected.
      expect(succeeded(await getMessages(first.endpoint))).to.equal('true');
    });
  });
});

/**
 * Writes from 20 writers at once, kills the emulator with SIGKILL after 1.5 s, and answers what was acknowledged:
 * each text written, with the id its answer gave it (`write` answers undefined for an answer that was not one).
 */
async function killWhileWriting<Id>(cli: { readonly child: ChildProcess; readonly exited: Promise<unknown> }, write: (text: string) => Promise<Id | undefined>): Promise<Map<string, Id>> {
  const acknowledged = new Map<string, Id>();
  let killed = false;
  const writer = async (w: number) => {
    for (let i = 0; !killed; i += 1) {
      const text = `w${w}-${i}`;
      const id = await write(text).catch(() => undefined);
      if (id !== undefined) acknowledged.set(text, id);
    }
  };
  const writers = Array.from({ length: 20 }, (_, w) => writer(w));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(cli.child.kill('SIGKILL')).to.equal(true);
  killed = true;
  await within(cli.exited, WAIT_MS, 'the emulator to die');
  await Promise.all(writers);
  expect(acknowledged.size).to.be.greaterThan(100);
  return acknowledged;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
