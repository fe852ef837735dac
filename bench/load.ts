/**
 * The load generator: autocannon, run in the orchestrator's process (never in the process of the server under
 * test). Latencies are recorded here from every response, in fractional milliseconds and whatever the status
 * (autocannon's own histogram keeps whole milliseconds and 2xx answers only).
 */
import autocannon from 'autocannon';
import type { BenchRequest, SessionCycle } from './workload.js';

export interface LoadResult {
  readonly responses: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Responses by HTTP status. */
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly non2xx: number;
  /** Connection errors (timeouts included) and timeouts. */
  readonly errors: number;
  readonly timeouts: number;
}

class Samples {
  private values = new Float64Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  percentiles(...ps: number[]): number[] {
    const sorted = this.values.slice(0, this.length).sort();
    return ps.map((p) => (sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN)));
  }
}

/**
 * The requests of a cycle as autocannon sends them: in turn on each connection, each turn taking the next session
 * of the pool (`{session}` in a body), so that a turn changes a session no other connection is changing.
 */
function cycleRequests(cycle: SessionCycle): autocannon.Request[] {
  let turns = 0;
  return cycle.requests.map((request, index) => ({
    method: 'POST',
    headers: { ...request.headers },
    body: request.body,
    setupRequest: (built: autocannon.Request, context: object) => {
      // autocannon's context lives for one turn of the requests of a connection: the session of that turn.
      const turn = context as { session?: number };
      if (index === 0) turn.session = cycle.firstSession + (turns++ % cycle.sessions);
      return { ...built, body: request.body.replace('{session}', String(turn.session)) };
    },
  }));
}

export async function runLoad(url: string, load: BenchRequest | SessionCycle, seconds: number, connections: number): Promise<LoadResult> {
  const latencies = new Samples();
  const statusCounts: Record<string, number> = {};
  const started = process.hrtime.bigint();
  const what = 'requests' in load ? { requests: cycleRequests(load) } : { method: 'POST' as const, headers: { ...load.headers }, body: load.body };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, ...what, connections, duration: seconds, pipelining: 1 },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      const key = String(statusCode);
      statusCounts[key] = (statusCounts[key] ?? 0) + 1;
    });
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const [p50 = Number.NaN, p99 = Number.NaN] = latencies.percentiles(50, 99);
  const responses = latencies.length;
  const non2xx = Object.entries(statusCounts).reduce((sum, [status, n]) => (status.startsWith('2') ? sum : sum + n), 0);
  // autocannon's duration is its own measure of the run; fall back to ours.
  const runSeconds = result.duration > 0 ? result.duration : elapsed;
  return {
    responses,
    seconds: runSeconds,
    requestsPerSecond: responses / runSeconds,
    p50Ms: p50,
    p99Ms: p99,
    statusCounts,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
