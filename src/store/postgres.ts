import pg from 'pg';
import { GroupCommitLog, type LoggedLine, type OpenedLog } from './change-log.js';
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

/**
 * The change log in PostgreSQL: a row per group of changes, in the order written, inserted in one statement per
 * group (one round trip for the adds of a turn). What a data directory's file does, on a database.
 */
export class PostgresChangeLog extends GroupCommitLog {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {
    super();
  }

  /** Connects, brings the schema up to date, and reads what the log holds. */
  static async open(url: string, log: (line: string) => void): Promise<OpenedLog> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection that the server drops is an error of the pool's; the next query opens another.
    pool.on('error', (error) => log(`PostgreSQL at ${shownUrl(url)}: an idle connection failed (${error.message}); the next query reconnects.`));
    try {
      await migrate(pool);
      const rows = (await pool.query<{ seq: string; line: unknown }>('SELECT seq, line FROM change_log ORDER BY seq')).rows;
      const lines: LoggedLine[] = rows.map(({ seq, line }) => ({ json: line, where: `${shownUrl(url)}, change_log seq ${seq}` }));
      return { log: new PostgresChangeLog(pool, url), lines, repaired: undefined };
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Cannot use PostgreSQL at ${shownUrl(url)}: ${describe(error)}.`);
    }
  }

  protected async writeGroup(lines: readonly string[]): Promise<void> {
    await this.pool.query('INSERT INTO change_log (line) SELECT line::jsonb FROM unnest($1::text[]) WITH ORDINALITY AS given(line, n) ORDER BY n', [lines]);
  }

  protected failed(error: unknown): Error {
    return new StoreError(`PostgreSQL at ${shownUrl(this.url)} did not take a change: ${describe(error)}.`);
  }

  override async close(): Promise<void> {
    await super.close();
    await this.pool.end();
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}, ${message}` : message;
}
