/**
 * What the bench's processes say to each other. The orchestrator (run.ts) forks one process per server under
 * test (server.ts) and talks to it over the Node IPC channel: never through the emulator's own routes.
 */

/** The credentials of the bundled fixtures; every fixtures document the bench builds carries them too. */
export const TICKET = '7T:1234abcxyzExample==';
export const APP_TOKEN = '1234567-1234-9876';

/** How a scale run's fixtures reach startEmulator(): the document as an object, or the path of a JSON file holding it. */
export type FixtureSource = 'object' | 'file';

/** What a forked server process runs. */
export type ServerSpec =
  | { readonly kind: 'bare' }
  | { readonly kind: 'emulator'; readonly fixtures: FixturePlan; readonly store?: string };

/**
 * The fixtures of an emulator process, built inside that process and passed to startEmulator() as an object:
 * `main` holds the sessions the per-operation table reads; `scale` holds `messages` messages in one session.
 */
/** The main fixtures; `webhookUrl`, where the webhook of the tenant CustHook delivers (a receiver in the orchestrator). */
export type FixturePlan = { readonly preset: 'main'; readonly webhookUrl?: string } | { readonly preset: 'scale'; readonly messages: number; readonly source: FixtureSource };

/** Orchestrator → server process. Each one is answered by exactly one ToOrchestrator message. */
export type ToServer =
  | { readonly type: 'begin' }
  | { readonly type: 'end' }
  | { readonly type: 'heap' }
  | {
      readonly type: 'canned';
      readonly key: string;
      readonly status: number;
      /** The emulator's response headers (Content-Type among them), but those Node's http writes itself. */
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly type: 'stop' };

export interface ReadyMessage {
  readonly type: 'ready';
  /** Where the server listens, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** The emulator's Chat.svc endpoint (bare server: same as url). */
  readonly chatUrl: string;
  /** In the server process: building the fixtures document, and startEmulator() until it listens (ms). */
  readonly buildFixturesMs: number;
  readonly startEmulatorMs: number;
}

/** One measurement window of the server process, between 'begin' and 'end'. */
export interface MeasuredMessage {
  readonly type: 'measured';
  readonly wallMs: number;
  /** process.cpuUsage() delta over the window, in microseconds. */
  readonly cpuUserUs: number;
  readonly cpuSystemUs: number;
  /** Highest RSS in the window: sampled every 20 ms, and the kernel's maxRSS when that rose during the window. */
  readonly peakRssBytes: number;
  /** Lines the emulator wrote to its `log` during the window: unexpected errors. */
  readonly logLines: number;
}

export interface HeapMessage {
  readonly type: 'heap';
  /** After forced full GCs (the process runs with --expose-gc). */
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
  /** The kernel's peak RSS since the process started (start-up included), in bytes. */
  readonly maxRssBytes: number;
  /** Fixtures passed as an object: whether the document is still reachable (a WeakRef to it), though the bench dropped it. */
  readonly documentRetained: boolean | undefined;
}

export type ToOrchestrator =
  | ReadyMessage
  | MeasuredMessage
  | HeapMessage
  | { readonly type: 'ack' }
  | { readonly type: 'stopping' }
  | { readonly type: 'error'; readonly message: string };
