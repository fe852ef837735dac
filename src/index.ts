/** The package's public surface: start an emulator from code. Everything else is internal. */
export { startEmulator, type RunningEmulator } from './emulator.js';
export { ConfigError, type EmulatorOptions } from './config.js';
export { FixturesError, type FixturesDocument, type TenantDocument } from './fixtures.js';
export type { Clock } from './clock.js';
export type { Instant } from './contract/datetime.js';
