/**
 * One server under test, in a process of its own, forked by run.ts with the spec as argv[2]:
 *
 * - `emulator`: builds its fixtures document here and passes it to startEmulator() (from dist/src/index.js);
 * - `bare`: a plain node:http server that reads the request body and answers the canned response the
 *   orchestrator gave it for the path (`/<operation key>`), of the same status, type and size as the emulator's.
 *
 * The orchestrator measures through IPC only ('begin'/'end' for CPU time and peak RSS, 'heap' after forced GCs),
 * never through the server's routes. Run with --expose-gc.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator, type FixturesDocument } from '../src/index.js';
import type { HeapMessage, MeasuredMessage, ReadyMessage, ServerSpec, ToOrchestrator, ToServer } from './protocol.js';
import { buildFixtures, fixturesText } from './workload.js';

const HOST = '127.0.0.1';

function send(message: ToOrchestrator): void {
  if (process.send === undefined) throw new Error('server.ts must be forked with an IPC channel (run it through run.ts)');
  process.send(message);
}

let logLines = 0;
const log = (line: string): void => {
  logLines += 1;
  process.stderr.write(`[emulator log] ${line}\n`);
};

interface Running {
  readonly ready: ReadyMessage;
  stop(): Promise<void>;
  /** Bare server only: the canned answers by path. */
  readonly canned: Map<string, Canned> | undefined;
}

interface Canned {
  readonly status: number;
  readonly headers: Record<string, string | number>;
  readonly body: Buffer;
}

/** Fixtures passed as an object: a weak reference to the document, to tell whether anything still holds it. */
let document: WeakRef<object> | undefined;

/**
 * In a function of its own so that, once the emulator has loaded it, nothing of the bench holds the fixtures
 * document. A scale run with `source: 'file'` writes the JSON to a temporary file and passes its path instead
 * (as the command line does); the file's writing counts as building the document.
 */
async function startTheEmulator(spec: Extract<ServerSpec, { kind: 'emulator' }>): Promise<Running> {
  const plan = spec.fixtures;
  const t0 = performance.now();
  let fixtures: string | FixturesDocument;
  if (plan.preset === 'scale' && plan.source === 'file') {
    fixtures = join(tmpdir(), `services88-bench-fixtures-${process.pid}.json`);
    writeFileSync(fixtures, fixturesText(plan));
  } else {
    fixtures = buildFixtures(plan);
    document = new WeakRef(fixtures);
  }
  const t1 = performance.now();
  const emulator = await startEmulator({ port: 0, host: HOST, fixtures, log, ...(spec.store === undefined ? {} : { store: spec.store }) });
  const t2 = performance.now();
  if (typeof fixtures === 'string') rmSync(fixtures, { force: true });
  return {
    ready: { type: 'ready', url: emulator.url, chatUrl: emulator.chatUrl, buildFixturesMs: t1 - t0, startEmulatorMs: t2 - t1 },
    stop: () => emulator.stop(),
    canned: undefined,
  };
}

async function startBare(): Promise<Running> {
  const t0 = performance.now();
  const canned = new Map<string, Canned>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const answer = canned.get(request.url ?? '');
    request.on('data', () => undefined);
    request.on('end', () => {
      if (answer === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no canned answer for this path\n');
      } else {
        response.writeHead(answer.status, answer.headers).end(answer.body);
      }
    });
  });
  server.listen(0, HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  return {
    ready: { type: 'ready', url, chatUrl: url, buildFixturesMs: 0, startEmulatorMs: performance.now() - t0 },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
    canned,
  };
}

/** The kernel's peak RSS of this process so far, in bytes (resourceUsage reports KiB). */
const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

interface Window {
  readonly cpu: NodeJS.CpuUsage;
  readonly start: number;
  readonly maxRssAtStart: number;
  readonly logLinesAtStart: number;
  peakRss: number;
  readonly timer: NodeJS.Timeout;
}

let window: Window | undefined;

function begin(): void {
  if (window !== undefined) clearInterval(window.timer);
  const sampled: Window = {
    cpu: process.cpuUsage(),
    start: performance.now(),
    maxRssAtStart: maxRss(),
    logLinesAtStart: logLines,
    peakRss: process.memoryUsage.rss(),
    timer: setInterval(() => {
      sampled.peakRss = Math.max(sampled.peakRss, process.memoryUsage.rss());
    }, 20),
  };
  window = sampled;
}

function end(): MeasuredMessage {
  const w = window;
  if (w === undefined) throw new Error("'end' without 'begin'");
  const cpu = process.cpuUsage(w.cpu);
  const wallMs = performance.now() - w.start;
  clearInterval(w.timer);
  window = undefined;
  const maxRssNow = maxRss();
  const peakRssBytes = Math.max(w.peakRss, process.memoryUsage.rss(), maxRssNow > w.maxRssAtStart ? maxRssNow : 0);
  return { type: 'measured', wallMs, cpuUserUs: cpu.user, cpuSystemUs: cpu.system, peakRssBytes, logLines: logLines - w.logLinesAtStart };
}

async function settledHeap(): Promise<HeapMessage> {
  const collect = globalThis.gc;
  if (collect === undefined) throw new Error('the server process must run with --expose-gc');
  for (let i = 0; i < 3; i += 1) {
    collect();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const memory = process.memoryUsage();
  // deref() after the measurement: it keeps its target alive until the end of this job.
  const documentRetained = document === undefined ? undefined : document.deref() !== undefined;
  return { type: 'heap', heapUsedBytes: memory.heapUsed, rssBytes: memory.rss, maxRssBytes: maxRss(), documentRetained };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '') as ServerSpec;
  const running = spec.kind === 'emulator' ? await startTheEmulator(spec) : await startBare();

  process.on('message', (raw: unknown) => {
    const message = raw as ToServer;
    void handle(message).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
  process.on('disconnect', () => process.exit(0));

  async function handle(message: ToServer): Promise<void> {
    switch (message.type) {
      case 'begin':
        begin();
        send({ type: 'ack' });
        return;
      case 'end':
        send(end());
        return;
      case 'heap':
        send(await settledHeap());
        return;
      case 'canned': {
        if (running.canned === undefined) throw new Error('only the bare server takes canned answers');
        const body = Buffer.from(message.body, 'utf8');
        running.canned.set(`/${message.key}`, {
          status: message.status,
          headers: { ...message.headers, 'content-length': body.length },
          body,
        });
        send({ type: 'ack' });
        return;
      }
      case 'stop':
        send({ type: 'stopping' });
        await running.stop();
        // A normal exit, so that --cpu-prof writes its profile.
        process.exit(0);
    }
  }

  send(running.ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
