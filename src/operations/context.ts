import type { Clock } from '../clock.js';
import type { FidelityWarning } from '../fidelity.js';
import type { ChatStore, TenantId } from '../store/chat-store.js';
import type { CredentialStore } from '../store/credentials.js';

/** What an operation runs against: one tenant of the stores, the clock, and the emulator's settings. */
export interface OperationContext {
  readonly tenant: TenantId;
  readonly store: ChatStore;
  readonly credentials: CredentialStore;
  readonly clock: Clock;
  /** Strict mode rejects what the real service rejects that the emulator otherwise lets through (unknown sessions). */
  readonly strict: boolean;
  /** How long a ticket issued by a login stays valid. */
  readonly ticketTtlMs: number;
  /** Notes something the emulator accepts but the real service would not (a fidelity warning). */
  warn(warning: FidelityWarning): void;
}
