import type { ChatMessage } from '../contract/chat-message.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import { changeToJson, type Change, type UserCodec } from './changes.js';
import type { ChatStore, CollectionName, NewChatMessage, RecordKey, RecordTypes, TenantId } from './chat-store.js';
import type { ChangeLog } from './change-log.js';
import { ticketDigest, type CredentialStore, type InMemoryCredentials, type SecretDigester, type TicketCheck, type TicketStatus } from './credentials.js';
import { newSession } from './records.js';

/**
 * A ChatStore that writes each change a call makes to the data directory's change log, as the change it is (a
 * message added, with the id it got; a record put or deleted). Reads go straight to the store behind it.
 */
export class LoggedChatStore implements ChatStore {
  constructor(
    private readonly inner: ChatStore,
    private readonly log: ChangeLog,
    private readonly users: UserCodec,
  ) {}

  addMessage(tenant: TenantId, message: NewChatMessage): ChatMessage {
    const stored = this.inner.addMessage(tenant, message);
    this.append({ kind: 'add', tenant, message: stored });
    return stored;
  }

  restoreMessage(tenant: TenantId, message: ChatMessage): void {
    this.inner.restoreMessage(tenant, message);
    this.append({ kind: 'add', tenant, message });
  }

  messagesAfter(tenant: TenantId, chatSessionId: number, afterId: number): readonly ChatMessage[] {
    return this.inner.messagesAfter(tenant, chatSessionId, afterId);
  }

  hasMessage(tenant: TenantId, chatMessageId: number): boolean {
    return this.inner.hasMessage(tenant, chatMessageId);
  }

  addSession(tenant: TenantId, chatSessionId: number): void {
    if (this.inner.hasSession(tenant, chatSessionId)) return;
    this.put(tenant, 'sessions', newSession(chatSessionId));
  }

  hasSession(tenant: TenantId, chatSessionId: number): boolean {
    return this.inner.hasSession(tenant, chatSessionId);
  }

  put<C extends CollectionName>(tenant: TenantId, collection: C, record: RecordTypes[C]): void {
    this.inner.put(tenant, collection, record);
    this.append({ kind: 'put', tenant, collection, record } as Change);
  }

  remove(tenant: TenantId, collection: CollectionName, key: RecordKey): boolean {
    const removed = this.inner.remove(tenant, collection, key);
    if (removed) this.append({ kind: 'delete', tenant, collection, key });
    return removed;
  }

  get<C extends CollectionName>(tenant: TenantId, collection: C, key: RecordKey): RecordTypes[C] | undefined {
    return this.inner.get(tenant, collection, key);
  }

  list<C extends CollectionName>(tenant: TenantId, collection: C): readonly RecordTypes[C][] {
    return this.inner.list(tenant, collection);
  }

  /** Clears are not changes of their own: a reset is logged as one, by the emulator's state. */
  clear(tenant?: TenantId): void {
    this.inner.clear(tenant);
  }

  private append(change: Change): void {
    this.log.append([changeToJson(change, this.users)]);
  }
}

/**
 * Credentials whose issued tickets are changes of the log, by their digests: with a shared log, a ticket issued
 * by one instance is known to every other. Checks go straight to the credentials behind it.
 */
export class LoggedCredentials implements CredentialStore {
  constructor(
    private readonly inner: InMemoryCredentials,
    private readonly log: ChangeLog,
    private readonly users: UserCodec,
  ) {}

  checkTicket(tenant: TenantId, ticket: string, nowMs: number, digester?: SecretDigester): TicketCheck {
    return this.inner.checkTicket(tenant, ticket, nowMs, digester);
  }

  ticketStatus(tenant: TenantId, ticket: string, nowMs: number, digester?: SecretDigester): TicketStatus {
    return this.inner.ticketStatus(tenant, ticket, nowMs, digester);
  }

  isKnownApplicationToken(tenant: TenantId, token: string, digester?: SecretDigester): boolean {
    return this.inner.isKnownApplicationToken(tenant, token, digester);
  }

  isKnownBearerToken(tenant: TenantId, token: string): boolean {
    return this.inner.isKnownBearerToken(tenant, token);
  }

  authenticate(tenant: TenantId, userName: string, password: string): SoPrincipalCarrier | undefined {
    return this.inner.authenticate(tenant, userName, password);
  }

  addIssuedTicket(tenant: TenantId, ticket: string, nowMs: number, expiresAtMs: number, user: SoPrincipalCarrier | null): void {
    const digest = ticketDigest(ticket);
    this.inner.addIssuedDigest(tenant, digest, nowMs, expiresAtMs, user);
    this.log.append([changeToJson({ kind: 'ticket', tenant, digest, issuedAtMs: nowMs, expiresAtMs, user }, this.users)]);
  }
}
