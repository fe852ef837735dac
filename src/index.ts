/** The package's public surface: start an emulator from code. Everything else is internal. */
export { startEmulator, type ClockInput, type RequestFilter, type RunningEmulator } from './emulator.js';
export { AdminInputError } from './admin/input.js';
export { DataDirError } from './store/change-log.js';
export { StoreError } from './store/postgres.js';
export type { JournalEntry, JournalPage, Outcome } from './journal/journal.js';
export type { FidelityWarning, WarningCode } from './fidelity.js';
export { ConfigError, type EmulatorOptions } from './config.js';
export { FixturesError, type FixturesDocument, type TenantDocument } from './fixtures.js';
export type { Clock } from './clock.js';
export type { Instant } from './contract/datetime.js';
