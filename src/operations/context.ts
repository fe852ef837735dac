import type { Clock } from '../clock.js';
import type { ChatStore, TenantId } from '../store/chat-store.js';

/** What an operation runs against: one tenant of the store, the clock, and the emulator's mode. */
export interface OperationContext {
  readonly tenant: TenantId;
  readonly store: ChatStore;
  readonly clock: Clock;
  /** Strict mode rejects what the real service rejects that the emulator otherwise lets through (unknown sessions). */
  readonly strict: boolean;
}
