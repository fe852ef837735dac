import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { readEnvelope } from '../../src/envelope/request.js';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { formatGolden, GOLDEN_DIRECTORY, goldenFileName, normalise } from '../support/golden.js';
import { envelope, getChatMessagesBody, messagesOf, postSoap, readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN } from '../support/soap.js';
import { startRecordingProxy, type RecordedRequest, type RecordingProxy } from './recording-proxy.js';

/**
 * Real SOAP client stacks against the emulator: each stack × (the emulator's own WSDL, the published WSDL)
 * × (SOAP 1.1, SOAP 1.2). Each runs the script under test/interop/clients (see CLIENTS.md there) and the
 * suite checks every field that came back, the error the stack saw, and what it sent on the wire.
 * UPDATE_GOLDEN=1 rewrites the golden requests under test/golden, which `npm test` replays.
 */

const SOURCE = fileURLToPath(new URL('../../../test/interop/clients/', import.meta.url));
const COMPILED = fileURLToPath(new URL('./clients/', import.meta.url));
/** The published WSDL is not part of the project: it is read from the reference folder beside it, or from PUBLISHED_WSDL. */
const PUBLISHED_WSDL = process.env['PUBLISHED_WSDL'] ?? fileURLToPath(new URL('../../../../shared/reference/Services88-Chat.wsdl', import.meta.url));
const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

interface Stack {
  readonly name: string;
  readonly command: readonly string[];
  /** WhenPosted as this stack hands it back: its date type keeps this many digits of the stored 100 ns value. */
  readonly whenPosted: string;
  /** Combinations the stack cannot do, with words its own refusal contains. */
  readonly unsupported: Readonly<Record<string, string>>;
}

const STACKS: readonly Stack[] = [
  {
    name: 'python3-zeep',
    command: ['/usr/bin/python3', `${SOURCE}zeep_client.py`],
    whenPosted: '2021-03-25T19:36:53.123456Z',
    unsupported: { 'own/1.2': 'zeep built a Soap11Binding', 'published/1.2': 'zeep built a Soap11Binding' },
  },
  { name: 'php-soap', command: ['php', `${SOURCE}php_client.php`], whenPosted: '2021-03-25T19:36:53.123456Z', unsupported: {} },
  { name: 'node-soap', command: [process.execPath, `${COMPILED}node-soap-client.js`], whenPosted: '2021-03-25T19:36:53.123Z', unsupported: {} },
];

const SESSION = 5;
const SENT = { ChatSessionId: SESSION, Type: 'ToUser', Message: 'Hej Æøå <&> "q"', Author: 'Kari Nordmann', ReadByCustomer: 1, SpecialType: 'None' };
/** What the emulator stores: the sent instant, 2021-03-25T21:36:53.123456+02:00, in UTC and to the digit. */
const STORED_WHEN_POSTED = '2021-03-25T19:36:53.123456Z';

interface ClientOutput {
  stack: string;
  stackVersion: string;
  soap: string;
  added: Record<string, unknown>;
  read: Record<string, unknown>[];
  invalidTicket: { succeeded: unknown; exceptionType: unknown; message: unknown };
  invalidTicketFault: { code: unknown; message: unknown };
  sessionFlow: {
    created: Record<string, unknown>;
    picked: Record<string, unknown>;
    offeredTo: unknown;
    acceptedBy: unknown;
    closed: Record<string, unknown>;
    transcript: unknown;
  };
}

/** Two agents who log in, with tickets of their own, beside the bundled fixtures' ticket and token. */
const FIXTURES = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: {
      sessions: [1, 2, 3],
      users: [
        { UserName: 'agent', Password: 'secret', AssociateId: 5, FullName: 'Kari Nordmann', tickets: ['7T:interop-agent=='] },
        { UserName: 'ola', Password: 'secret', AssociateId: 6, FullName: 'Ola Nordmann', tickets: ['7T:interop-ola=='] },
      ],
    },
  },
};

type Run = { kind: 'output'; output: ClientOutput } | { kind: 'unsupported'; reason: string };

function runClient(stack: Stack, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const [command, ...prefix] = stack.command as [string, ...string[]];
    const child = spawn(command, [...prefix, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', (error) => reject(new Error(`Cannot run ${stack.name} (${command}): ${error.message}. Is the stack installed? See README, "Tested clients".`)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ kind: 'output', output: JSON.parse(stdout) as ClientOutput });
      else if (code === 3) resolve({ kind: 'unsupported', reason: (JSON.parse(stdout) as { unsupported: string }).unsupported });
      else reject(new Error(`${stack.name} exited with ${code}:\n${stderr}${stdout}`));
    });
  });
}

/** The first request for an operation, with the valid ticket, that the stack sent. */
function sent(requests: readonly RecordedRequest[], operation: string): RecordedRequest {
  const found = requests.find((r) => r.method === 'POST' && r.body.includes(operation) && r.body.includes(SAMPLE_TICKET));
  if (found === undefined) throw new Error(`No ${operation} request was recorded.`);
  return found;
}

function checkGolden(stack: Stack, wsdl: string, version: string, operation: string, recorded: RecordedRequest, origin: string): void {
  const file = `${GOLDEN_DIRECTORY}${goldenFileName(stack.name, wsdl, version, operation)}`;
  const golden = formatGolden(normalise(recorded, origin));
  if (UPDATE_GOLDEN) writeFileSync(file, golden);
  if (!existsSync(file)) throw new Error(`No golden request ${file}: run UPDATE_GOLDEN=1 npm run test:interop to record it.`);
  expect(golden, `what ${stack.name} sent differs from ${file}; if the stack changed, record it again with UPDATE_GOLDEN=1`).to.equal(readFileSync(file, 'utf8'));
}

for (const stack of STACKS) {
  describe(`interop: ${stack.name}`, function () {
    this.timeout(60_000);

    for (const wsdl of ['own', 'published'] as const) {
      for (const version of ['1.1', '1.2'] as const) {
        describe(`${wsdl === 'own' ? 'the emulator’s own ?wsdl' : 'the published WSDL'}, SOAP ${version}`, () => {
          let emulator: RunningEmulator;
          let faulting: RunningEmulator;
          let proxy: RecordingProxy;
          let faultProxy: RecordingProxy;
          let run: Run;

          before(async () => {
            if (wsdl === 'published' && !existsSync(PUBLISHED_WSDL)) {
              throw new Error(`The published WSDL is expected at ${PUBLISHED_WSDL} (the reference folder beside the project, or set PUBLISHED_WSDL); it is missing.`);
            }
            emulator = await startEmulator({ fixtures: FIXTURES });
            faulting = await startEmulator({ fixtures: FIXTURES, errorStyle: 'fault' });
            proxy = await startRecordingProxy(emulator.url);
            faultProxy = await startRecordingProxy(faulting.url);
            const path = '/Remote/Services88/Chat.svc';
            run = await runClient(stack, [
              '--wsdl', wsdl === 'own' ? `${proxy.url}${path}?wsdl` : PUBLISHED_WSDL,
              '--address', `${proxy.url}${path}`,
              '--fault-address', `${faultProxy.url}${path}`,
              '--soap', version,
              '--token', SAMPLE_TOKEN,
              '--ticket', SAMPLE_TICKET,
              '--session', String(SESSION),
              '--agent-ticket', '7T:interop-agent==',
              '--other-ticket', '7T:interop-ola==',
            ]);
          });

          after(async () => {
            await Promise.all([proxy?.close(), faultProxy?.close()]);
            await Promise.all([emulator?.stop(), faulting?.stop()]);
          });

          const expectedRefusal = stack.unsupported[`${wsdl}/${version}`];
          if (expectedRefusal !== undefined) {
            it(`cannot: the stack refuses, saying "${expectedRefusal}"`, () => {
              expect(run.kind).to.equal('unsupported');
              if (run.kind === 'unsupported') expect(run.reason).to.include(expectedRefusal);
            });
            return;
          }

          const output = (): ClientOutput => {
            if (run.kind !== 'output') throw new Error(`${stack.name} said it cannot: ${run.reason}`);
            return run.output;
          };

          it('adds a message and gets back every field intact, with the server-assigned id', () => {
            const { added } = output();
            expect(added).to.deep.equal({ ChatMessageId: 1, ...SENT, SpecialParam: null, WhenPosted: stack.whenPosted });
          });

          it('reads the message back with GetChatMessages(After=0)', () => {
            expect(output().read).to.deep.equal([output().added]);
          });

          it('stored WhenPosted to the digit the stack sent, as the same instant', async () => {
            const answer = await postSoap(emulator.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody(String(SESSION), '0')));
            expect(messagesOf(readAnswer(answer.text), 'GetChatMessages').map((m) => m['WhenPosted'])).to.deep.equal([STORED_WHEN_POSTED]);
          });

          it('sees an invalid ticket in the ExceptionInfo header, with Succeeded=false', () => {
            const { invalidTicket } = output();
            expect([false, 'false']).to.include(invalidTicket.succeeded);
            expect(invalidTicket.exceptionType).to.equal('SoAuthenticationException');
            expect(invalidTicket.message).to.equal("The ticket is not known in tenant 'default'.");
          });

          it('sees an invalid ticket as a SOAP fault with --error-style fault', () => {
            const { invalidTicketFault } = output();
            expect(String(invalidTicketFault.code)).to.include(version === '1.1' ? 'Client' : 'Sender');
            expect(String(invalidTicketFault.message)).to.include("The ticket is not known in tenant 'default'.");
          });

          it('plays a chat session: created, picked up, messages both ways, transferred, accepted, closed, transcript read', () => {
            const flow = output().sessionFlow;
            // Sessions 1 to 3 are the fixtures', 5 came with the first message: the new one is 6.
            expect(flow.created).to.deep.equal({ ChatSessionId: 6, Status: 'InQueue', CustomerName: 'Anne' });
            expect(flow.picked).to.deep.equal({ Status: 'UserLast', User: 5 });
            expect([flow.offeredTo, flow.acceptedBy]).to.deep.equal([6, 6]);
            expect(flow.closed).to.deep.equal({ Status: 'Finished', CustomerName: 'Anne' });
            // Each line is "[when] who: text"; the times are the emulator's clock, now.
            expect(String(flow.transcript).split('\n').map((line) => line.replace(/^\[[^\]]+\] /, ''))).to.deep.equal([
              'System: NewSession',
              'Kari Nordmann: (Welcome)',
              'Kari: How can I help?',
              'Anne: My order is late.',
              'System: TransferedSession: ola',
              'System: ClosedByUser',
            ]);
          });

          it(`sent SOAP ${version}, with ApplicationToken and Credentials inside soap:Header`, () => {
            const add = sent(proxy.requests, 'AddChatMessage');
            const request = readEnvelope(add.body);
            expect(request.version).to.equal(version);
            expect(request.headersOutsideHeader).to.deep.equal([]);
            expect(request.headers.map((h) => h.localName)).to.include.members(['ApplicationToken', 'Credentials']);
          });

          it('sent what its golden requests say (test/golden)', () => {
            for (const operation of ['AddChatMessage', 'GetChatMessages']) {
              checkGolden(stack, wsdl, version, operation, sent(proxy.requests, operation), proxy.url);
            }
          });
        });
      }
    }
  });
}
