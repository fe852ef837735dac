import { AcquireAccounts, type AcquireMessage } from './acquire/accounts.js';
import { AdjustableClock, type Clock } from './clock.js';
import { AdminInputError } from './admin/input.js';
import type { ChatMessage } from './contract/chat-message.js';
import type { ChatSessionEntity } from './contract/generated.js';
import { FaultInjector, type FaultSpec, type InjectedFault } from './faults.js';
import { FIXTURE_USERS, FixturesError, loadFixtures, parseFixtures, type Fixtures } from './fixtures.js';
import { Journal, type JournalFilter, type JournalPage } from './journal/journal.js';
import { applyChange, ChangeFormatError, changeFromJson, changeToJson, type Change, type ChangeTarget } from './store/changes.js';
import { DataDirError, IN_MEMORY_ONLY, type ChangeLog, type Durability, type LoggedLine } from './store/change-log.js';
import type { ChatStore, TenantId } from './store/chat-store.js';
import { InMemoryCredentials, type CredentialStore } from './store/credentials.js';
import { LoggedChatStore, LoggedCredentials } from './store/logged-store.js';
import { InMemoryChatStore } from './store/memory-store.js';
import { TenantNames } from './store/tenants.js';
import { DEFAULT_WEBHOOK_SETTINGS, WebhookDispatcher, type PendingDelivery, type WebhookSettings } from './webhooks/dispatcher.js';
import { WebhookRegistry, type Webhook } from './webhooks/registry.js';

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
  /** The messages, behind `store`: fixtures are loaded here directly, the change log keeping their document instead. */
  private readonly memory = new InMemoryChatStore();
  /** The store calls go to: with a data directory, each message added is written to its change log. */
  readonly store: ChatStore;
  readonly credentials = new InMemoryCredentials();
  /** The credentials calls use: with a log, the tickets they issue are changes of it. */
  readonly callCredentials: CredentialStore;
  /** Which name each tenant goes by: CustIds are not case-sensitive. */
  readonly tenants = new TenantNames();
  readonly clock: AdjustableClock;
  readonly journal: Journal;
  readonly faults = new FaultInjector();
  /** What answers wait for before they acknowledge a change. */
  readonly durability: Durability;
  /** The tenants' webhooks, and what sends them their events. */
  readonly webhooks = new WebhookRegistry();
  readonly deliveries: WebhookDispatcher;
  /** The Acquire.io accounts, one per tenant that fixtures make one. */
  readonly acquire = new AcquireAccounts();
  /** Deliveries the replayed log holds that were not done, by tenant, webhook and event. */
  private readonly pendingDeliveries = new Map<string, PendingDelivery>();

  constructor(
    private readonly start: StartingPoint,
    baseClock: Clock,
    journalSize: number,
    private readonly log?: ChangeLog,
    webhookSettings: WebhookSettings = DEFAULT_WEBHOOK_SETTINGS,
  ) {
    this.clock = new AdjustableClock(baseClock);
    this.journal = new Journal(journalSize);
    this.store = log === undefined ? this.memory : new LoggedChatStore(this.memory, log, FIXTURE_USERS);
    this.callCredentials = log === undefined ? this.credentials : new LoggedCredentials(this.credentials, log, FIXTURE_USERS);
    this.durability = log ?? IN_MEMORY_ONLY;
    // A webhook switched off by its failures stays off after a restart.
    this.deliveries = new WebhookDispatcher(this.webhooks, this.clock, this.durability, webhookSettings, (tenant, webhook) => this.putWebhook(tenant, webhook), {
      // With a data directory, a delivery is kept until it is done: one pending at a crash is sent after the restart.
      queued: (delivery) => this.log?.append([{ kind: 'delivery', ...delivery }]),
      done: (delivery) => this.log?.append([{ kind: 'delivery-done', ...delivery }]),
    });
    this.loadStart();
  }

  /** Registers or changes a webhook, and keeps the change with a data directory. */
  putWebhook(tenant: TenantId, webhook: Webhook): void {
    this.webhooks.put(tenant, webhook);
    this.log?.append([changeToJson({ kind: 'webhook', tenant, webhook }, FIXTURE_USERS)]);
  }

  /** Adds a message to an Acquire.io account, and keeps it with a data directory. */
  addAcquireMessage(tenant: TenantId, message: Omit<AcquireMessage, 'id'>): AcquireMessage {
    const stored = this.acquire.addMessage(tenant, message);
    this.log?.append([changeToJson({ kind: 'acquire-message', tenant, message: stored }, FIXTURE_USERS)]);
    return stored;
  }

  deleteWebhook(tenant: TenantId, webhookId: number): boolean {
    const removed = this.webhooks.remove(tenant, webhookId);
    if (removed) this.log?.append([changeToJson({ kind: 'webhook-delete', tenant, webhookId }, FIXTURE_USERS)]);
    return removed;
  }

  /**
   * Applies the changes a data directory holds, in order, on top of the starting point. A line holds its changes;
   * a line written before changes were data is a fixtures document or a reset, and is read as one.
   */
  replay(lines: readonly LoggedLine[]): void {
    this.pendingDeliveries.clear();
    this.applyLogged(lines);
  }

  /**
   * Builds the state afresh from a whole log: the starting point, then every line. The journal, the clock and the
   * injected faults are this instance's own, and stay.
   */
  rebuild(lines: readonly LoggedLine[]): void {
    this.memory.clear();
    this.credentials.clear();
    this.webhooks.clear();
    this.acquire.clear();
    this.loadStart();
    this.replay(lines);
  }

  /** Applies lines of the log on top of the state as it is: those other instances wrote, when the log is shared. */
  applyLogged(lines: readonly LoggedLine[]): void {
    for (const { json, where } of lines) {
      const changes = typeof json === 'object' && json !== null && 'changes' in json && Array.isArray(json.changes) ? (json.changes as unknown[]) : [json];
      try {
        for (const change of changes) this.replayChange(change, where);
      } catch (error) {
        if (error instanceof ChangeFormatError) throw new DataDirError(`${error.message} The file is damaged; move it away to start afresh.`);
        if (error instanceof FixturesError || error instanceof AdminInputError) {
          throw new DataDirError(`${error.message} The data directory does not fit these fixtures: give the fixtures it was written with, or another directory.`);
        }
        throw error;
      }
    }
  }

  /** Sends again what was pending when the log was written: the deliveries not yet done. */
  restorePendingDeliveries(): void {
    for (const pending of this.pendingDeliveries.values()) this.deliveries.restore(pending);
    this.pendingDeliveries.clear();
  }

  /** One change of the log: a reset, a fixtures document (written before changes were data), or a change as data. */
  private replayChange(json: unknown, where: string): void {
    const change = (typeof json === 'object' && json !== null ? json : {}) as { readonly kind?: unknown; readonly tenant?: unknown; readonly document?: unknown };
    if (change.kind === 'delivery' || change.kind === 'delivery-done') {
      this.replayDelivery(json as Record<string, unknown>, where);
      return;
    }
    if (change.kind === 'reset' && (change.tenant === undefined || typeof change.tenant === 'string')) {
      const tenant = change.tenant === undefined ? undefined : this.tenants.find(change.tenant);
      this.resetState(tenant);
      for (const [key, pending] of this.pendingDeliveries) if (tenant === undefined || pending.tenant === tenant) this.pendingDeliveries.delete(key);
      return;
    }
    if (change.kind === 'fixtures' && typeof change.document === 'object' && change.document !== null) {
      this.loadUnlogged(parseFixtures(change.document, where, this.clock));
      return;
    }
    const read = changeFromJson(json, where, FIXTURE_USERS, this.clock);
    // The tenant goes by the name it had when the change was made: known by it again, in any case, from now on.
    const named = read.tenant === null ? read : { ...read, tenant: this.tenants.resolve(read.tenant) };
    if (named.kind === 'add' && named.message.ChatMessageId !== undefined && this.memory.hasMessage(named.tenant, named.message.ChatMessageId)) {
      throw new AdminInputError(`${where}: tenant '${named.tenant}' already has a message with id ${named.message.ChatMessageId}.`);
    }
    applyChange(named, this.unlogged());
  }

  private replayDelivery(change: Record<string, unknown>, where: string): void {
    const { tenant, webhookId, eventId, event, body } = change;
    if (typeof tenant !== 'string' || typeof webhookId !== 'number' || typeof eventId !== 'string') throw new DataDirError(`${where} is not a delivery this emulator wrote: the file is damaged; move it away to start afresh.`);
    const key = `${tenant}/${webhookId}/${eventId}`;
    if (change['kind'] === 'delivery-done') this.pendingDeliveries.delete(key);
    else if (typeof event === 'string' && typeof body === 'string') this.pendingDeliveries.set(key, { tenant: this.tenants.resolve(tenant), webhookId, eventId, event, body });
    else throw new DataDirError(`${where} is not a delivery this emulator wrote: the file is damaged; move it away to start afresh.`);
  }

  /**
   * Back to the starting point: messages, sessions, id counters, users and issued tickets, the journal, the
   * injected faults and the clock. With a tenant, only that tenant's part (the clock is everyone's and stays).
   */
  reset(tenant?: string): void {
    const named = tenant === undefined ? undefined : this.tenants.find(tenant);
    this.resetState(named);
    this.log?.append([named === undefined ? { kind: 'reset' } : { kind: 'reset', tenant: named }]);
  }

  private resetState(tenant: TenantId | undefined): void {
    this.memory.clear(tenant);
    this.credentials.clear(tenant);
    this.journal.clear(tenant);
    this.faults.clear(tenant);
    this.webhooks.clear(tenant);
    this.deliveries.clear(tenant);
    this.acquire.clear(tenant);
    if (tenant === undefined) this.deliveries.clearFaults();
    this.tenants.clear(tenant);
    if (tenant === undefined) {
      this.clock.set(null);
      this.loadStart();
    } else {
      loadFixtures(this.startingFixtures(), this.unlogged(), tenant);
    }
  }

  /** The journal's entries that the filter picks; its tenant in any case. */
  requests(filter: JournalFilter): JournalPage {
    return this.journal.list(filter.tenant === undefined ? filter : { ...filter, tenant: this.tenants.find(filter.tenant) });
  }

  /** Injects a fault; its tenant in any case, and that tenant known by that name from now on if it was not yet. */
  injectFault(spec: FaultSpec): InjectedFault {
    return this.faults.add(spec.tenant === undefined ? spec : { ...spec, tenant: this.tenants.resolve(spec.tenant) });
  }

  /** A tenant's sessions (the tenant in any case), in the order they were created. */
  sessions(tenant: string): { tenant: TenantId; sessions: readonly ChatSessionEntity[] } {
    const named = this.tenants.find(tenant);
    return { tenant: named, sessions: this.store.list(named, 'sessions') };
  }

  /** A session's messages, or undefined when the tenant (in any case) has no such session. */
  sessionMessages(tenant: string, chatSessionId: number): { tenant: TenantId; messages: readonly ChatMessage[] } | undefined {
    const named = this.tenants.find(tenant);
    if (!this.store.hasSession(named, chatSessionId)) return undefined;
    return { tenant: named, messages: this.store.messagesAfter(named, chatSessionId, 0) };
  }

  /**
   * Adds fixtures (checked) to what is there, and logs the changes they made as one. A message whose ChatMessageId
   * its tenant already has is refused before anything is loaded, so that a refused load changes nothing.
   */
  loadFixtures(document: Fixtures): void {
    const made = this.loadUnlogged(document);
    this.log?.append(made.map((change) => changeToJson(change, FIXTURE_USERS)));
  }

  /** Loads fixtures, their tenants by the names the tenants go by; returns the changes they made. */
  private loadUnlogged(document: Fixtures): Change[] {
    const fixtures = withTenantNames(document, (name) => this.tenants.resolve(name));
    for (const [tenant, data] of fixtures.tenants) {
      const ids = new Set<number>();
      data.messages.forEach(({ ChatMessageId: id }, i) => {
        if (id === undefined) return;
        if (ids.has(id) || this.memory.hasMessage(tenant, id)) {
          throw new AdminInputError(`tenants.${tenant}.messages[${i}].ChatMessageId: tenant '${tenant}' already has a message with id ${id}.`);
        }
        ids.add(id);
      });
      const acquireIds = new Set<number>();
      data.acquire?.messages.forEach(({ id }, i) => {
        if (id === undefined) return;
        if (acquireIds.has(id) || this.acquire.message(tenant, id) !== undefined) {
          throw new AdminInputError(`tenants.${tenant}.acquire.messages[${i}].id: account '${tenant}' already has a message with id ${id}.`);
        }
        acquireIds.add(id);
      });
      // A topic agent names a user of the tenant: one already there, or one of these fixtures.
      const known = [
        ...this.memory.list(tenant, 'associates').map((associate) => ({ name: associate.Name ?? '', id: associate.AssociateId })),
        ...data.users.map((user) => ({ name: user.userName, id: user.principal.AssociateId })),
      ];
      data.topicAgents.forEach(({ User: named }, i) => {
        const found = known.some(({ name, id }) => (named?.Name ?? named?.UserName ?? '').toLowerCase() === name.toLowerCase() || (named !== null && named.AssociateId !== 0 && named.AssociateId === id));
        if (!found) throw new AdminInputError(`tenants.${tenant}.topicAgents[${i}].User: not a user of tenant '${tenant}' (its users: ${known.map(({ name }) => name).join(', ') || 'none'}).`);
      });
    }
    return loadFixtures(fixtures, this.unlogged());
  }

  private loadStart(): void {
    loadFixtures(this.startingFixtures(), this.unlogged());
    for (const ticket of this.start.tickets) this.credentials.addTicket(ticket);
    for (const token of this.start.appTokens) this.credentials.addApplicationToken(token);
  }

  /** Where changes go when they are not to be logged: replayed, or loaded from fixtures that are logged whole. */
  private unlogged(): ChangeTarget {
    return { store: this.memory, credentials: this.credentials, webhooks: this.webhooks, acquire: this.acquire };
  }

  /** The starting fixtures, their tenants by the names the tenants go by (a fixture's own name, unless used first). */
  private startingFixtures(): Fixtures {
    return withTenantNames(this.start.fixtures, (name) => this.tenants.resolveFixture(name));
  }
}

/** Fixtures whose tenants are named as `nameOf` says. */
function withTenantNames(fixtures: Fixtures, nameOf: (name: string) => TenantId): Fixtures {
  return { ...fixtures, tenants: new Map([...fixtures.tenants].map(([name, data]) => [nameOf(name), data])) };
}
