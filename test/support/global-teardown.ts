import { stopTestPostgres } from './postgres.js';

/** Mocha's global teardown: after every test file, what the run started for all of them is stopped. */
export async function mochaGlobalTeardown(): Promise<void> {
  await stopTestPostgres();
}
