import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { OperationName } from '../../src/contract/operations.js';
import { addChatMessageBody, envelope, fieldsOf, getChatMessagesBody, messagesOf, postSoap, readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN, type Answer, type Credentials } from '../support/soap.js';
import { BASE_IMAGE, buildImage, ensureBaseImage, IMAGE, imageSize, podman, requirePodman, run } from './podman.js';

/**
 * The container image as a user runs it: built from the Dockerfile with podman, started with nothing but a published
 * port (on 127.0.0.1), and checked from outside the container over that port.
 */

const WAIT_MS = 30_000;
/** podman stop's default: after this, SIGKILL. */
const STOP_TIMEOUT_S = 10;
const ADDED_LIMIT_BYTES = 60_000_000;
const ADMIN_TOKEN_FILE = '/tmp/chat-emulator-admin-token';
const MISSING_TOKEN = '{"error":{"status":401,"message":"The admin API requires the admin token: send Authorization: Bearer <token>."}}';

interface Started {
  readonly name: string;
  readonly port: number;
  readonly base: string;
  readonly banner: string[];
}

const RUN_ID = randomUUID().slice(0, 8);
const containers: string[] = [];
const volumes: string[] = [];
let scratch: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts the image with a published port and `extra` arguments, and waits (bounded) for its banner. */
async function start(extra: readonly string[] = []): Promise<Started> {
  const name = `chat-emulator-test-${RUN_ID}-${containers.length + 1}`;
  const port = await freePort();
  containers.push(name);
  await podman(['run', '--detach', '--name', name, '--publish', `127.0.0.1:${port}:8088`, ...extra, IMAGE]);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const logs = await run('podman', ['logs', name], WAIT_MS);
    const lines = logs.stdout.split('\n');
    if (lines.some((line) => line.startsWith('  app token: '))) return { name, port, base: `http://127.0.0.1:${port}`, banner: lines.slice(0, lines.findIndex((line) => line.startsWith('  app token: ')) + 1) };
    const state = (await podman(['inspect', '--format', '{{.State.Status}}', name])).trim();
    if (state !== 'running' || Date.now() > deadline) throw new Error(`${name} is ${state} and printed no banner within ${WAIT_MS} ms.\nstdout: ${logs.stdout}\nstderr: ${logs.stderr}`);
    await sleep(250);
  }
}

function soap(url: string, operation: OperationName, body: string, credentials: Credentials = {}): Promise<Answer> {
  return postSoap(url, operation, envelope('1.1', body, credentials));
}

/** The messages GetChatMessages answers for a session, after a successful call. */
async function messages(endpoint: string, session: string, credentials: Credentials = {}): Promise<[string, string | null][][]> {
  const answer = await soap(endpoint, 'GetChatMessages', getChatMessagesBody(session, '0'), credentials);
  expect(answer.status, answer.text).to.equal(200);
  const read = readAnswer(answer.text);
  expect(read.headers['Succeeded'], answer.text).to.equal('true');
  return messagesOf(read, 'GetChatMessages').map(fieldsOf);
}

async function addMessage(endpoint: string, session: string, text: string): Promise<void> {
  const answer = await soap(endpoint, 'AddChatMessage', addChatMessageBody(session, { Type: 'ToUser', Message: text, Author: 'Customer', WhenPosted: '2021-03-25T21:36:53Z' }));
  expect(answer.status, answer.text).to.equal(200);
  expect(readAnswer(answer.text).headers['Succeeded'], answer.text).to.equal('true');
}

function health(base: string, token?: string): Promise<Response> {
  return fetch(`${base}/__admin/health`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}

async function healthStatus(name: string): Promise<string> {
  return (await podman(['inspect', '--format', '{{.State.Health.Status}}', name])).trim();
}

/** Runs the image's health check until it passes (bounded), as the engine would on its interval. */
async function healthy(name: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const check = await run('podman', ['healthcheck', 'run', name], WAIT_MS);
    if (check.code === 0) return;
    if (Date.now() > deadline) throw new Error(`The health check of ${name} did not pass within ${WAIT_MS} ms: exit ${check.code}.\n${check.stdout}${check.stderr}`);
    await sleep(500);
  }
}

/** podman stop, timed; then the exit code the container ended with. */
async function stop(name: string): Promise<{ seconds: number; exitCode: number }> {
  const started = Date.now();
  await podman(['stop', '--time', String(STOP_TIMEOUT_S), name], (STOP_TIMEOUT_S + 20) * 1000);
  const seconds = (Date.now() - started) / 1000;
  return { seconds, exitCode: Number((await podman(['inspect', '--format', '{{.State.ExitCode}}', name])).trim()) };
}

describe('the container image (podman)', function () {
  this.timeout(120_000);
  this.slow(10_000);

  before(async function () {
    // A stand-in base image and the image itself may take minutes to build on a machine without them.
    this.timeout(30 * 60_000);
    await requirePodman();
    scratch = mkdtempSync(join(tmpdir(), 'chat-emulator-container-'));
    await ensureBaseImage((line) => process.stdout.write(`      ${line}\n`));
    await buildImage();
  });

  after(async function () {
    this.timeout(120_000);
    if (containers.length > 0) await podman(['rm', '--force', '--ignore', '--time', '0', ...containers], 120_000);
    if (volumes.length > 0) await podman(['volume', 'rm', '--force', ...volumes]);
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  });

  it(`adds at most ${ADDED_LIMIT_BYTES / 1_000_000} MB to its base, and says so`, async () => {
    const [image, base] = await Promise.all([imageSize(IMAGE), imageSize(BASE_IMAGE)]);
    process.stdout.write(`      image ${(image / 1e6).toFixed(1)} MB, base ${(base / 1e6).toFixed(1)} MB, added ${((image - base) / 1e6).toFixed(1)} MB\n`);
    expect(image - base).to.be.greaterThan(0).and.at.most(ADDED_LIMIT_BYTES);
  });

  it('is in Docker format with its HEALTHCHECK, runs as node, and the admin token variable set', async () => {
    const config = JSON.parse(await podman(['image', 'inspect', '--format', '{{json .Config}}', IMAGE])) as { User?: string; Env?: string[]; ExposedPorts?: Record<string, unknown> };
    const healthcheck = JSON.parse(await podman(['image', 'inspect', '--format', '{{json .HealthCheck}}', IMAGE])) as { Test?: string[] } | null;
    expect(config.User).to.equal('node');
    expect(healthcheck?.Test).to.deep.equal(['CMD', 'node', '/app/dist/src/healthcheck.js']);
    expect(config.Env).to.include.members(['CHAT_EMULATOR_HOST=0.0.0.0', 'CHAT_EMULATOR_PORT=8088', `CHAT_EMULATOR_WRITE_ADMIN_TOKEN=${ADMIN_TOKEN_FILE}`]);
    expect(Object.keys(config.ExposedPorts ?? {})).to.deep.equal(['8088/tcp']);
  });

  describe('started with nothing but a published port', () => {
    let started: Started;
    let token: string;

    before(async function () {
      this.timeout(WAIT_MS * 2);
      started = await start();
    });

    it('prints the endpoint, the ticket, the app token and the admin token it made', () => {
      expect(started.banner.slice(0, 5)).to.deep.equal([
        'Services88 Chat emulator listening (online mode, errors as exceptioninfo)',
        '  endpoint:  http://0.0.0.0:8088/Remote/Services88/Chat.svc',
        '  tenant:    http://0.0.0.0:8088/<CustId>/Remote/Services88/Chat.svc',
        '  WSDL:      http://0.0.0.0:8088/Remote/Services88/Chat.svc?wsdl',
        '  login:     http://0.0.0.0:8088/Remote/Services88/SoPrincipal.svc (tickets valid 6h)',
      ]);
      const admin = /^ {2}admin: {5}http:\/\/0\.0\.0\.0:8088\/__admin \(Authorization: Bearer ([A-Za-z0-9_-]{32}): a token made at start, also in (\S+)\)$/.exec(started.banner[5] ?? '');
      expect(admin, started.banner[5]).not.to.equal(null);
      token = admin?.[1] as string;
      expect(admin?.[2]).to.equal(ADMIN_TOKEN_FILE);
      expect(started.banner.slice(6)).to.deep.equal([`  ticket:    ${SAMPLE_TICKET}`, `  app token: ${SAMPLE_TOKEN}`]);
    });

    it('answers SOAP over the published port: AddChatMessage, then GetChatMessages returns the message', async () => {
      const endpoint = `${started.base}/Remote/Services88/Chat.svc`;
      await addMessage(endpoint, '2', 'Hello from outside the container');
      expect(await messages(endpoint, '2')).to.deep.equal([
        [
          ['ChatMessageId', '1'],
          ['ChatSessionId', '2'],
          ['Type', 'ToUser'],
          ['Message', 'Hello from outside the container'],
          ['Author', 'Customer'],
          ['ReadByCustomer', '0'],
          ['SpecialType', 'None'],
          ['SpecialParam', null],
          ['WhenPosted', '2021-03-25T21:36:53Z'],
        ],
      ]);
    });

    it("serves ?wsdl with soap:address at the published port, not the container's", async () => {
      for (const service of ['Chat', 'SoPrincipal']) {
        const response = await fetch(`${started.base}/Remote/Services88/${service}.svc?wsdl`);
        expect(response.status).to.equal(200);
        const text = await response.text();
        expect(text.match(/<soap:address location="[^"]*"/g)).to.deep.equal([`<soap:address location="${started.base}/Remote/Services88/${service}.svc"`]);
      }
    });

    it('refuses the admin API without the token (401) and with another one, and answers with the printed one', async () => {
      const without = await health(started.base);
      expect(without.status).to.equal(401);
      expect(await without.text()).to.equal(MISSING_TOKEN);
      expect((await health(started.base, 'not-the-token')).status).to.equal(401);
      const withToken = await health(started.base, token);
      expect(withToken.status).to.equal(200);
      expect(((await withToken.json()) as { status: string }).status).to.equal('ok');
    });

    it('turns healthy: its health check passes against /__admin/health', async () => {
      expect(await healthStatus(started.name)).to.be.oneOf(['starting', 'healthy']);
      await healthy(started.name);
      expect(await healthStatus(started.name)).to.equal('healthy');
    });

    it('runs as the node user, not root', async () => {
      const top = (await podman(['top', started.name, 'user', 'pid'])).trim().split('\n').slice(1);
      expect(top.map((line) => line.trim().split(/\s+/))).to.deep.equal([['node', '1']]);
      expect((await podman(['exec', started.name, 'id', '-u'])).trim()).to.equal('1000');
    });

    it(`podman stop: SIGTERM ends it with exit code 0 well within the stop timeout (${STOP_TIMEOUT_S} s), logged on stdout`, async () => {
      const { seconds, exitCode } = await stop(started.name);
      expect(exitCode).to.equal(0);
      expect(seconds).to.be.below(STOP_TIMEOUT_S - 2);
      const logs = await run('podman', ['logs', started.name], WAIT_MS);
      expect(logs.stdout.split('\n').slice(-2)).to.deep.equal(['SIGTERM received: stopping.', '']);
    });
  });

  it('--data-dir on a volume: a message is still there after the container is removed and a new one started', async () => {
    const volume = `chat-emulator-test-${RUN_ID}-data`;
    volumes.push(volume);
    await podman(['volume', 'create', volume]);
    const options = ['--volume', `${volume}:/data`, '--env', 'CHAT_EMULATOR_DATA_DIR=/data'];
    const first = await start(options);
    expect(first.banner[0]).to.equal('Services88 Chat emulator listening (online mode, errors as exceptioninfo, data in /data)');
    await addMessage(`${first.base}/Remote/Services88/Chat.svc`, '3', 'Kept on the volume');
    expect((await stop(first.name)).exitCode).to.equal(0);
    await podman(['rm', first.name]);

    const second = await start(options);
    const kept = await messages(`${second.base}/Remote/Services88/Chat.svc`, '3');
    expect(kept.map((fields) => fields.find(([field]) => field === 'Message')?.[1])).to.deep.equal(['Kept on the volume']);
  });

  it('a mounted fixtures file named by CHAT_EMULATOR_FIXTURES, other options as variables, a given admin token that the health check uses', async () => {
    const fixtures = join(scratch, 'fixtures.json');
    writeFileSync(
      fixtures,
      JSON.stringify({
        tenants: {
          Cust777: {
            tickets: ['ticket-777'],
            sessions: [5],
            messages: [{ ChatMessageId: 42, ChatSessionId: 5, Type: 'ToCustomer', Message: 'Welcome to Cust777', Author: 'Agent Smith', WhenPosted: '2024-02-29T12:34:56Z' }],
          },
        },
      }),
    );
    // The container's user (uid 1000) reads it through the mount.
    chmodSync(fixtures, 0o644);
    const started = await start([
      '--volume', `${fixtures}:/fixtures/chat.json:ro`,
      '--env', 'CHAT_EMULATOR_FIXTURES=/fixtures/chat.json',
      '--env', 'CHAT_EMULATOR_MODE=onsite',
      '--env', 'CHAT_EMULATOR_ADMIN_TOKEN=given-admin-token',
    ]);
    expect(started.banner[0]).to.equal('Services88 Chat emulator listening (onsite mode, errors as exceptioninfo)');
    expect(started.banner[5]).to.equal(`  admin:     http://0.0.0.0:8088/__admin (Authorization: Bearer <admin token>, also in ${ADMIN_TOKEN_FILE})`);
    // No ApplicationToken at all: onsite mode does not check it.
    const got = await messages(`${started.base}/Cust777/Remote/Services88/Chat.svc`, '5', { ticket: 'ticket-777', token: null });
    expect(got.map((fields) => fields.find(([field]) => field === 'Message')?.[1])).to.deep.equal(['Welcome to Cust777']);
    expect((await health(started.base, 'given-admin-token')).status).to.equal(200);
    await healthy(started.name);
    expect(await healthStatus(started.name)).to.equal('healthy');
  });
});
