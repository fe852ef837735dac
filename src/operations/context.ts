import type { Clock } from '../clock.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import type { FidelityWarning } from '../fidelity.js';
import type { ChatEvent } from '../webhooks/events.js';
import type { ChatStore, TenantId } from '../store/chat-store.js';
import type { CredentialStore } from '../store/credentials.js';

/** What an operation runs against: who is calling, one tenant of the stores, the clock, and the emulator's settings. */
export interface OperationContext {
  /** The tenant called: the one whose store the operation works on. */
  readonly tenant: TenantId;
  /** The user calling (logged in, or a fixture ticket's user); null for a system caller or a call that takes no ticket. */
  readonly user: SoPrincipalCarrier | null;
  readonly store: ChatStore;
  readonly credentials: CredentialStore;
  readonly clock: Clock;
  /** Strict mode rejects what the real service rejects that the emulator otherwise lets through (unknown sessions). */
  readonly strict: boolean;
  /** How long a ticket issued by a login stays valid. */
  readonly ticketTtlMs: number;
  /** Notes something the emulator accepts but the real service would not (a fidelity warning). */
  warn(warning: FidelityWarning): void;
  /** Raises a chat event for the tenant's webhooks: sent once the call's changes are acknowledged, not before. */
  notify(event: ChatEvent): void;
}
