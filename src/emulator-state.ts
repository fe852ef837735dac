import { AdjustableClock, type Clock } from './clock.js';
import { AdminInputError } from './admin/input.js';
import { FaultInjector } from './faults.js';
import { loadFixtures, type Fixtures } from './fixtures.js';
import { Journal } from './journal/journal.js';
import type { TenantId } from './store/chat-store.js';
import { InMemoryCredentials } from './store/credentials.js';
import { InMemoryChatStore } from './store/memory-store.js';

/** What the emulator starts from, and goes back to on reset. */
export interface StartingPoint {
  readonly fixtures: Fixtures;
  /** Tickets and application tokens from the options (--ticket, --app-token): valid in every tenant. */
  readonly tickets: readonly string[];
  readonly appTokens: readonly string[];
}

/**
 * Everything an emulator holds that a test may want to see or put back: the stores, the clock, the request
 * journal and the injected faults.
 */
export class EmulatorState {
  readonly store = new InMemoryChatStore();
  readonly credentials = new InMemoryCredentials();
  readonly clock: AdjustableClock;
  readonly journal: Journal;
  readonly faults = new FaultInjector();

  constructor(
    private readonly start: StartingPoint,
    baseClock: Clock,
    journalSize: number,
  ) {
    this.clock = new AdjustableClock(baseClock);
    this.journal = new Journal(journalSize);
    this.loadStart();
  }

  /**
   * Back to the starting point: messages, sessions, id counters, users and issued tickets, the journal, the
   * injected faults and the clock. With a tenant, only that tenant's part (the clock is everyone's and stays).
   */
  reset(tenant?: TenantId): void {
    this.store.clear(tenant);
    this.credentials.clear(tenant);
    this.journal.clear(tenant);
    this.faults.clear(tenant);
    if (tenant === undefined) {
      this.clock.set(null);
      this.loadStart();
    } else {
      loadFixtures(this.start.fixtures, this.store, this.credentials, tenant);
    }
  }

  /**
   * Adds fixtures to what is there. A message whose ChatMessageId its tenant already has is refused before
   * anything is loaded, so that a refused load changes nothing.
   */
  loadFixtures(fixtures: Fixtures): void {
    for (const [tenant, data] of fixtures.tenants) {
      const ids = new Set<number>();
      data.messages.forEach(({ ChatMessageId: id }, i) => {
        if (id === undefined) return;
        if (ids.has(id) || this.store.hasMessage(tenant, id)) {
          throw new AdminInputError(`tenants.${tenant}.messages[${i}].ChatMessageId: tenant '${tenant}' already has a message with id ${id}.`);
        }
        ids.add(id);
      });
    }
    loadFixtures(fixtures, this.store, this.credentials);
  }

  private loadStart(): void {
    loadFixtures(this.start.fixtures, this.store, this.credentials);
    for (const ticket of this.start.tickets) this.credentials.addTicket(ticket);
    for (const token of this.start.appTokens) this.credentials.addApplicationToken(token);
  }
}
