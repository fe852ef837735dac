import pg from 'pg';
import { EmulatorError } from '../errors.js';
import type { ChangeBatch, ChangeLog, LoggedLine, OpenedLog } from './change-log.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** The PostgreSQL store cannot be used: the message says where and why (never the password). */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Taken by the migrating transaction, so that instances starting together apply the schema once, one after the other. */
const MIGRATION_LOCK = 0x5e8_8c4a7;

/** A connection URL as it may be shown: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a URL that cannot be read)';
  }
}

/** Whether a text is a PostgreSQL connection URL. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(text);
}

/**
 * Brings the database's schema up to this emulator's, inside one transaction under an advisory lock. A schema newer
 * than this emulator's is refused: an older emulator must not write to it.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS emulator_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const current = Number((await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM emulator_schema')).rows[0]?.version ?? 0);
    if (current > SCHEMA_VERSION) {
      throw new StoreError(`The database's schema is version ${current}, newer than this emulator's (${SCHEMA_VERSION}): run the emulator that wrote it, or a newer one, or give another database.`);
    }
    for (const migration of MIGRATIONS.filter(({ version }) => version > current)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO emulator_schema (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** What the log does with the lines other instances wrote: applies them, or builds the state afresh from all of them. */
export interface Replica {
  apply(lines: readonly LoggedLine[]): void;
  rebuild(lines: readonly LoggedLine[]): void;
}

/** Taken by each turn that reads or changes the shared state: one instance at a time, all of them in one order. */
const STATE_LOCK = 0x5e8_8c4a8;

interface Call {
  run(): void;
  settle(error?: EmulatorError): void;
}

/**
 * The change log in PostgreSQL, shared by every instance on the database. Each instance keeps the state in memory as
 * a replica of the log. The calls of a turn of the event loop run together in one transaction that holds an
 * advisory lock: it reads the lines other instances committed since this one last looked and applies them, runs the
 * calls (which append their changes), inserts those lines in one statement, and commits; then the calls are
 * answered. So instances change the state one at a time, in the log's order, and none answers from a state older
 * than what was committed before the call arrived. A transaction that fails leaves the replica ahead of the log:
 * it is rebuilt from the whole log by the next turn, once the database answers again.
 */
export class PostgresChangeLog implements ChangeLog {
  private replica: Replica = { apply: () => undefined, rebuild: () => undefined };
  /** The seq of the last line this replica holds. */
  private applied = 0;
  private queue: Call[] = [];
  /** Lines appended in the turn being run, or outside any turn (bookkeeping): written by the next commit. */
  private lines: string[] = [];
  private running: Promise<void> | undefined;
  private stale = false;
  private readonly waiters: (() => void)[] = [];

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  /** Connects, brings the schema up to date, and reads what the log holds. */
  static async open(url: string, log: (line: string) => void): Promise<OpenedLog & { log: PostgresChangeLog }> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection that the server drops is an error of the pool's; the next query opens another.
    pool.on('error', (error) => log(`PostgreSQL at ${shownUrl(url)}: an idle connection failed (${error.message}); the next query reconnects.`));
    try {
      await migrate(pool);
      const changeLog = new PostgresChangeLog(pool, url);
      const lines = changeLog.loggedLines((await pool.query<Row>('SELECT seq, line FROM change_log ORDER BY seq')).rows);
      return { log: changeLog, lines, repaired: undefined };
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Cannot use PostgreSQL at ${shownUrl(url)}: ${describe(error)}.`);
    }
  }

  /** Says how lines from other instances reach the state. */
  attach(replica: Replica): void {
    this.replica = replica;
  }

  serialized<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let result: { value: T } | undefined;
      let thrown: unknown;
      this.queue.push({
        run: () => {
          try {
            result = { value: fn() };
          } catch (error) {
            thrown = error;
          }
        },
        settle: (failure) => {
          if (failure !== undefined) reject(failure);
          else if (result !== undefined) resolve(result.value);
          else reject(thrown);
        },
      });
      this.running ??= this.runTurns();
    });
  }

  append(batch: ChangeBatch): void {
    this.lines.push(JSON.stringify({ changes: batch }));
    // Appended outside a turn (a delivery's bookkeeping): a turn of its own writes it.
    this.running ??= this.runTurns();
  }

  flushed(): Promise<void> {
    if (this.lines.length === 0 && this.running === undefined) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.running;
    await this.pool.end();
  }

  private async runTurns(): Promise<void> {
    // Let the calls of this turn of the event loop join.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 || this.lines.length > 0) {
      const calls = this.queue;
      this.queue = [];
      const failure = await this.runTurn(calls);
      for (const call of calls) call.settle(failure);
      for (const wake of this.waiters.splice(0)) wake();
      if (failure !== undefined && calls.length === 0) break;
    }
    this.running = undefined;
  }

  /** One transaction: catch up, run the calls, write their lines. Answers the error that failed it, if one did. */
  private async runTurn(calls: readonly Call[]): Promise<EmulatorError | undefined> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      // One round trip: begin, wait for the lock, read what the others wrote (`applied` is this process's own integer).
      const results = (await client.query(
        `BEGIN; SELECT pg_advisory_xact_lock(${STATE_LOCK}); SELECT seq, line FROM change_log WHERE seq > ${this.stale ? 0 : this.applied} ORDER BY seq`,
      )) as unknown as pg.QueryResult<Row>[];
      const rows = results.at(-1)?.rows ?? [];
      if (this.stale) {
        this.lines = [];
        this.replica.rebuild(this.loggedLines(rows));
        this.stale = false;
      } else {
        this.replica.apply(this.loggedLines(rows));
      }
      for (const call of calls) call.run();
      const lines = this.lines;
      this.lines = [];
      if (lines.length > 0) {
        const inserted = await client.query<{ seq: string }>(
          'INSERT INTO change_log (line) SELECT line FROM unnest($1::text[]) WITH ORDINALITY AS given(line, n) ORDER BY n RETURNING seq',
          [lines],
        );
        this.applied = Math.max(this.applied, ...inserted.rows.map(({ seq }) => Number(seq)));
      }
      await client.query('COMMIT');
      return undefined;
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      // What the calls did is in memory and not in the log: the next turn builds the replica afresh from the log.
      this.stale = true;
      this.lines = [];
      return new EmulatorError('StoreUnavailable', `The store is unavailable: PostgreSQL at ${shownUrl(this.url)} did not answer (${describe(error)}). Nothing was changed; try again.`);
    } finally {
      client?.release();
    }
  }

  private loggedLines(rows: readonly Row[]): LoggedLine[] {
    if (rows.length > 0) this.applied = Math.max(this.applied, Number(rows.at(-1)?.seq));
    return rows.map(({ seq, line }) => ({ json: parseLine(line, seq, this.url), where: `${shownUrl(this.url)}, change_log seq ${seq}` }));
  }
}

interface Row {
  readonly seq: string;
  readonly line: string;
}

function parseLine(line: string, seq: string, url: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new StoreError(`${shownUrl(url)}, change_log seq ${seq} is not a JSON record (${(error as Error).message}): the table was changed by something else than the emulator.`);
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}, ${message}` : message;
}
