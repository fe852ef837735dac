import { hash, timingSafeEqual } from 'node:crypto';
import type { JsonValue } from '../contract/schema.js';
import type { TenantId } from '../store/chat-store.js';

/** A JSON object as Acquire's answers carry them: fields the emulator keeps as given. */
export type JsonObject = { [key: string]: JsonValue };

/** An agent of the account (Acquire's "user"): the fields its answers show, as the fixtures give them. */
export type AcquireUser = JsonObject & { readonly id: number };
/** A visitor of the account (Acquire's "contact"). */
export type AcquireContact = JsonObject & { readonly id: number };
/**
 * A conversation (Acquire's "case"): its own fields as given, and the ids of its contact and of the users on it, from
 * which its `contact` and `users` are built when it is answered.
 */
export type AcquireCase = JsonObject & { readonly id: number; readonly threadId: number; readonly contactId: number; readonly userIds: readonly number[]; readonly status: string };

export type MessageType = 'message' | 'note' | 'event';
export type SenderType = 'user' | 'contact';

export interface AcquireMessage {
  readonly id: number;
  readonly caseId: number;
  readonly threadId: number;
  readonly contactId: number;
  readonly channel: string;
  readonly senderType: SenderType;
  readonly senderId: number;
  readonly type: MessageType;
  readonly seen: 'yes' | 'no';
  readonly message: string;
  readonly translateLangKey: string | null;
  readonly meta: JsonObject;
  /** ISO 8601 in UTC with milliseconds, as Acquire writes dates. */
  readonly dateCreated: string;
  readonly dateUpdated: string | null;
}

/** An API key, by the SHA-256 digest of its text (the key itself is never kept), and the user it speaks for. */
export interface ApiKey {
  readonly digest: string;
  readonly userId: number;
}

/** What an account is set up with: its keys, users, contacts and cases. */
export interface AccountSetup {
  readonly apiKeys: readonly ApiKey[];
  readonly users: readonly AcquireUser[];
  readonly contacts: readonly AcquireContact[];
  readonly cases: readonly AcquireCase[];
}

interface Account {
  readonly apiKeys: ApiKey[];
  /** The keys' digests as bytes, in the order of apiKeys: what a presented key is compared with. */
  readonly digests: Buffer[];
  readonly users: Map<number, AcquireUser>;
  readonly contacts: Map<number, AcquireContact>;
  readonly cases: Map<number, AcquireCase>;
  /** Each case as answers show it, built once (until the account is set up again): every added message answers with its case. */
  readonly caseViews: Map<number, JsonObject>;
  /** In id order: ids only increase. */
  readonly messages: AcquireMessage[];
  readonly byId: Map<number, AcquireMessage>;
  nextId: number;
}

/** The SHA-256 digest of an API key, as accounts keep it. */
export function apiKeyDigest(key: string): string {
  return hash('sha256', key, 'hex');
}

/**
 * Acquire.io's accounts, one per tenant (the account id is the tenant's name): their API keys, users, contacts and
 * cases, and the messages added to the cases, with ids assigned per account.
 */
export class AcquireAccounts {
  private readonly accounts = new Map<TenantId, Account>();

  has(tenant: TenantId): boolean {
    return this.accounts.has(tenant);
  }

  /** Adds to the account (creating it): keys are added, users, contacts and cases put in place of those with their ids. */
  setUp(tenant: TenantId, setup: AccountSetup): void {
    const account = this.accountOf(tenant);
    account.apiKeys.push(...setup.apiKeys);
    account.digests.push(...setup.apiKeys.map(({ digest }) => Buffer.from(digest, 'hex')));
    for (const user of setup.users) account.users.set(user.id, user);
    for (const contact of setup.contacts) account.contacts.set(contact.id, contact);
    for (const conversation of setup.cases) account.cases.set(conversation.id, conversation);
    account.caseViews.clear();
  }

  /** The case as `build` shows it, built once until the account is set up again; undefined for an unknown case. */
  caseView(tenant: TenantId, caseId: number, build: (conversation: AcquireCase) => JsonObject): JsonObject | undefined {
    const account = this.accounts.get(tenant);
    const conversation = account?.cases.get(caseId);
    if (account === undefined || conversation === undefined) return undefined;
    let view = account.caseViews.get(caseId);
    if (view === undefined) account.caseViews.set(caseId, (view = build(conversation)));
    return view;
  }

  /**
   * The user an API key speaks for in the account, or undefined. The key is compared by digest, in constant time
   * whatever the key and however many the account has.
   */
  userOfKey(tenant: TenantId, key: string): AcquireUser | undefined {
    const account = this.accounts.get(tenant);
    if (account === undefined) return undefined;
    const given = hash('sha256', key, 'buffer');
    let found: ApiKey | undefined;
    account.digests.forEach((digest, i) => {
      if (timingSafeEqual(given, digest) && found === undefined) found = account.apiKeys[i];
    });
    return found === undefined ? undefined : account.users.get(found.userId);
  }

  user(tenant: TenantId, id: number): AcquireUser | undefined {
    return this.accounts.get(tenant)?.users.get(id);
  }

  contact(tenant: TenantId, id: number): AcquireContact | undefined {
    return this.accounts.get(tenant)?.contacts.get(id);
  }

  caseOf(tenant: TenantId, id: number): AcquireCase | undefined {
    return this.accounts.get(tenant)?.cases.get(id);
  }

  cases(tenant: TenantId): readonly AcquireCase[] {
    return [...(this.accounts.get(tenant)?.cases.values() ?? [])];
  }

  /** Stores a message with the account's next id, and returns it as stored. */
  addMessage(tenant: TenantId, message: Omit<AcquireMessage, 'id'>): AcquireMessage {
    const account = this.accountOf(tenant);
    const stored: AcquireMessage = { id: account.nextId, ...message };
    this.keep(account, stored);
    return stored;
  }

  /** Stores a message with its own id (fixtures, replay): the account's next id moves past it. Refuses an id it has. */
  restoreMessage(tenant: TenantId, message: AcquireMessage): void {
    const account = this.accountOf(tenant);
    if (account.byId.has(message.id)) throw new Error(`account '${tenant}' already has a message with id ${message.id}.`);
    this.keep(account, message);
  }

  message(tenant: TenantId, id: number): AcquireMessage | undefined {
    return this.accounts.get(tenant)?.byId.get(id);
  }

  /** The account's messages in id order; those of one case when it is given. */
  messages(tenant: TenantId, caseId?: number): readonly AcquireMessage[] {
    const all = this.accounts.get(tenant)?.messages ?? [];
    return caseId === undefined ? all : all.filter((message) => message.caseId === caseId);
  }

  /** The accounts' names. */
  tenants(): TenantId[] {
    return [...this.accounts.keys()];
  }

  /** Forgets every account, or one. */
  clear(tenant?: TenantId): void {
    if (tenant === undefined) this.accounts.clear();
    else this.accounts.delete(tenant);
  }

  private keep(account: Account, message: AcquireMessage): void {
    // Messages from fixtures may come in any id order; added ones always come last.
    const last = account.messages.at(-1);
    if (last === undefined || last.id < message.id) account.messages.push(message);
    else account.messages.splice(account.messages.findIndex((kept) => kept.id > message.id), 0, message);
    account.byId.set(message.id, message);
    account.nextId = Math.max(account.nextId, message.id + 1);
  }

  private accountOf(tenant: TenantId): Account {
    let account = this.accounts.get(tenant);
    if (account === undefined) {
      account = { apiKeys: [], digests: [], users: new Map(), contacts: new Map(), cases: new Map(), caseViews: new Map(), messages: [], byId: new Map(), nextId: 1 };
      this.accounts.set(tenant, account);
    }
    return account;
  }
}
