import type { AccountSetup, AcquireAccounts } from '../acquire/accounts.js';
import { messageFromJson, messageToJson, parseAccount, setupToJson, type FixtureMessage } from '../acquire/setup.js';
import { chatMessageType, type ChatMessage } from '../contract/chat-message.js';
import type { ReadContext } from '../contract/codec.js';
import { principalCarrierType, type SoPrincipalCarrier } from '../contract/principal.js';
import { strictReading, type JsonReading, type JsonValue } from '../contract/schema.js';
import { COLLECTION_NAMES, type ChatStore, type CollectionName, type NewChatMessage, type RecordKey, type RecordTypes, type TenantId } from './chat-store.js';
import type { InMemoryCredentials, User } from './credentials.js';
import { recordType } from './records.js';
import { webhookFromJson, type Webhook, type WebhookRegistry } from '../webhooks/registry.js';

/**
 * A change to the emulator's state, as data: what the change log writes and replays, what fixtures are loaded
 * as, and what a reset puts back. Records are put and deleted whole; messages are only ever added, with their id
 * (or, from fixtures, without one, to get the tenant's next).
 */
export type Change =
  | { readonly kind: 'add'; readonly tenant: TenantId; readonly message: NewChatMessage & { readonly ChatMessageId: number | undefined } }
  | PutChange
  | { readonly kind: 'delete'; readonly tenant: TenantId; readonly collection: CollectionName; readonly key: RecordKey }
  /** A ticket or token valid in a tenant, or in every tenant (null). */
  | { readonly kind: 'grant'; readonly tenant: TenantId | null; readonly credential: Credential; readonly secret: string }
  | { readonly kind: 'user'; readonly tenant: TenantId; readonly user: User }
  /** A webhook registered or changed (its state too), or deleted. */
  | { readonly kind: 'webhook'; readonly tenant: TenantId; readonly webhook: Webhook }
  | { readonly kind: 'webhook-delete'; readonly tenant: TenantId; readonly webhookId: number }
  /** An Acquire.io account set up (or added to), in the tenant of its account id; a message added to one of its cases. */
  | { readonly kind: 'acquire-account'; readonly tenant: TenantId; readonly setup: AccountSetup }
  | { readonly kind: 'acquire-message'; readonly tenant: TenantId; readonly message: FixtureMessage }
  /** A ticket issued by a login, by its digest: kept so that every instance sharing the log knows it. */
  | { readonly kind: 'ticket'; readonly tenant: TenantId; readonly digest: string; readonly issuedAtMs: number; readonly expiresAtMs: number; readonly user: SoPrincipalCarrier | null };

type PutChange = { readonly [C in CollectionName]: { readonly kind: 'put'; readonly tenant: TenantId; readonly collection: C; readonly record: RecordTypes[C] } }[CollectionName];

export type Credential = 'ticket' | 'applicationToken' | 'bearerToken';

/** A change as JSON, and back: how users are written and read is the fixtures' (see UserCodec). */
export interface UserCodec {
  toJson(user: User): JsonValue;
  fromJson(json: unknown, where: string, context: ReadContext): User;
}

/** What changes are applied to. */
export interface ChangeTarget {
  readonly store: ChatStore;
  readonly credentials: InMemoryCredentials;
  readonly webhooks: WebhookRegistry;
  readonly acquire: AcquireAccounts;
}

/** Applies a change to the store and the credentials. A message whose id its tenant already has is refused (see ChatStore). */
export function applyChange(change: Change, { store, credentials, webhooks, acquire }: ChangeTarget): void {
  switch (change.kind) {
    case 'add': {
      const { ChatMessageId: id, ...message } = change.message;
      if (id === undefined) store.addMessage(change.tenant, message);
      else store.restoreMessage(change.tenant, { ChatMessageId: id, ...message });
      return;
    }
    case 'put':
      store.put(change.tenant, change.collection, change.record as RecordTypes[typeof change.collection]);
      return;
    case 'delete':
      store.remove(change.tenant, change.collection, change.key);
      return;
    case 'grant':
      grant(credentials, change.credential, change.secret, change.tenant ?? undefined);
      return;
    case 'user':
      credentials.addUser(change.tenant, change.user);
      return;
    case 'webhook':
      webhooks.put(change.tenant, change.webhook);
      return;
    case 'webhook-delete':
      webhooks.remove(change.tenant, change.webhookId);
      return;
    case 'acquire-account':
      acquire.setUp(change.tenant, change.setup);
      return;
    case 'acquire-message': {
      const { id, ...message } = change.message;
      if (id === undefined) acquire.addMessage(change.tenant, message);
      else acquire.restoreMessage(change.tenant, { id, ...message });
      return;
    }
    case 'ticket':
      credentials.addIssuedDigest(change.tenant, change.digest, change.issuedAtMs, change.expiresAtMs, change.user);
  }
}

function grant(credentials: InMemoryCredentials, credential: Credential, secret: string, tenant: TenantId | undefined): void {
  if (credential === 'ticket') credentials.addTicket(secret, tenant);
  else if (credential === 'applicationToken') credentials.addApplicationToken(secret, tenant);
  else credentials.addBearerToken(secret, tenant);
}

/** A change as the log writes it: records and messages by their contract types' JSON (dates as xs:dateTime in UTC). */
export function changeToJson(change: Change, users: UserCodec): JsonValue {
  switch (change.kind) {
    case 'add': {
      const { ChatMessageId: id, ...message } = change.message;
      const json = chatMessageType().json({ ChatMessageId: id ?? 0, ...message } satisfies ChatMessage) as { [key: string]: JsonValue };
      if (id === undefined) delete json['ChatMessageId'];
      return { kind: 'add', tenant: change.tenant, message: json };
    }
    case 'put':
      return { kind: 'put', tenant: change.tenant, collection: change.collection, record: recordType(change.collection).json(change.record) };
    case 'delete':
      return { kind: 'delete', tenant: change.tenant, collection: change.collection, key: change.key };
    case 'grant':
      return { kind: 'grant', tenant: change.tenant, credential: change.credential, secret: change.secret };
    case 'user':
      return { kind: 'user', tenant: change.tenant, user: users.toJson(change.user) };
    case 'webhook':
      // The secret is kept, as the fixtures keep passwords: deliveries after a restart are signed with it.
      return { kind: 'webhook', tenant: change.tenant, webhook: { ...change.webhook, Events: [...change.webhook.Events], Headers: { ...change.webhook.Headers } } };
    case 'webhook-delete':
      return { kind: 'webhook-delete', tenant: change.tenant, webhookId: change.webhookId };
    case 'acquire-account':
      // API keys by their digests only: the data directory never holds a key.
      return { kind: 'acquire-account', tenant: change.tenant, setup: setupToJson(change.setup) };
    case 'acquire-message':
      return { kind: 'acquire-message', tenant: change.tenant, message: messageToJson(change.message) };
    case 'ticket':
      return { kind: 'ticket', tenant: change.tenant, digest: change.digest, issuedAtMs: change.issuedAtMs, expiresAtMs: change.expiresAtMs, user: change.user === null ? null : principalCarrierType().json(change.user) };
  }
}

/** Thrown for JSON that is not a change this emulator writes: `where` names the record. */
export class ChangeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangeFormatError';
  }
}

/** Reads a change the log wrote, by the contract's own rules (strictly: see JsonReading). */
export function changeFromJson(json: unknown, where: string, users: UserCodec, context: ReadContext): Change {
  const reading: JsonReading = strictReading(context, (at, problem) => new ChangeFormatError(`${at}: ${problem}`));
  const change = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as { readonly [key: string]: unknown };
  const tenant = change['tenant'];
  if (typeof tenant !== 'string' && !(change['kind'] === 'grant' && tenant === null)) throw new ChangeFormatError(`${where} is not a change this emulator wrote.`);
  switch (change['kind']) {
    case 'add': {
      const message = change['message'];
      const read = chatMessageType().fromJson(message, `${where}.message`, reading) as ChatMessage;
      const hasId = typeof message === 'object' && message !== null && 'ChatMessageId' in message;
      return { kind: 'add', tenant: tenant as TenantId, message: { ...read, ChatMessageId: hasId ? read.ChatMessageId : undefined } };
    }
    case 'put': {
      const collection = collectionOf(change['collection'], where);
      // The schema read the record by its collection's contract type.
      const record = recordType(collection).fromJson(change['record'], `${where}.record`, reading) as unknown as RecordTypes[typeof collection];
      return { kind: 'put', tenant: tenant as TenantId, collection, record } as PutChange;
    }
    case 'delete': {
      const key = change['key'];
      if (typeof key !== 'number' && typeof key !== 'string') throw new ChangeFormatError(`${where}.key: expected a number or a string.`);
      return { kind: 'delete', tenant: tenant as TenantId, collection: collectionOf(change['collection'], where), key };
    }
    case 'grant': {
      const credential = change['credential'];
      const secret = change['secret'];
      if ((credential !== 'ticket' && credential !== 'applicationToken' && credential !== 'bearerToken') || typeof secret !== 'string') {
        throw new ChangeFormatError(`${where} is not a grant this emulator wrote.`);
      }
      return { kind: 'grant', tenant: tenant as TenantId | null, credential, secret };
    }
    case 'user':
      return { kind: 'user', tenant: tenant as TenantId, user: users.fromJson(change['user'], `${where}.user`, context) };
    case 'webhook':
      return { kind: 'webhook', tenant: tenant as TenantId, webhook: webhookFromJson(change['webhook'], NO_WEBHOOK_DEFAULTS, `${where}.webhook`, (at, problem) => new ChangeFormatError(`${at}: ${problem}`)) };
    case 'webhook-delete': {
      const webhookId = change['webhookId'];
      if (typeof webhookId !== 'number') throw new ChangeFormatError(`${where}.webhookId: expected a number.`);
      return { kind: 'webhook-delete', tenant: tenant as TenantId, webhookId };
    }
    case 'acquire-account':
      return { kind: 'acquire-account', tenant: tenant as TenantId, setup: parseAccount(change['setup'], `${where}.setup`, context, changeFormatError).setup };
    case 'acquire-message':
      return { kind: 'acquire-message', tenant: tenant as TenantId, message: messageFromJson(change['message'], `${where}.message`, changeFormatError) };
    case 'ticket': {
      const { digest, issuedAtMs, expiresAtMs, user } = change;
      if (typeof digest !== 'string' || typeof issuedAtMs !== 'number' || typeof expiresAtMs !== 'number') throw new ChangeFormatError(`${where} is not a ticket this emulator wrote.`);
      const principal = user === null ? null : (principalCarrierType().fromJson(user, `${where}.user`, reading) as unknown as SoPrincipalCarrier);
      return { kind: 'ticket', tenant: tenant as TenantId, digest, issuedAtMs, expiresAtMs, user: principal };
    }
    default:
      throw new ChangeFormatError(`${where} is not a change this emulator wrote.`);
  }
}

const changeFormatError = (at: string, problem: string): ChangeFormatError => new ChangeFormatError(`${at}: ${problem}`);

/** The log writes every field of a webhook: none is left to a default but one it could not write wrong. */
const NO_WEBHOOK_DEFAULTS = { WebhookId: Number.NaN, Registered: '', Updated: '' };

function collectionOf(name: unknown, where: string): CollectionName {
  const collection = COLLECTION_NAMES.find((known) => known === name);
  if (collection === undefined) throw new ChangeFormatError(`${where}.collection: expected one of ${COLLECTION_NAMES.join(', ')}.`);
  return collection;
}
