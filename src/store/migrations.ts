/**
 * The PostgreSQL schema, as versioned steps: each is applied once, in order, and recorded in `emulator_schema`.
 * A step is never changed once released; a change of schema is a new step.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'the change log',
    sql: `
      CREATE TABLE change_log (
        seq bigserial PRIMARY KEY,
        -- A group of changes as the JSON text a data directory's line holds: written and read as text, as the log is.
        line text NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
