import { storedChatMessage, type ChatMessage } from '../contract/chat-message.js';
import { newSession, sessionAfterMessage } from './records.js';
import { COLLECTIONS, type ChatStore, type CollectionName, type NewChatMessage, type RecordKey, type RecordTypes, type TenantId } from './chat-store.js';

interface TenantState {
  nextId: number;
  /** Each session's messages, in id order. */
  readonly messages: Map<number, ChatMessage[]>;
  readonly records: { readonly [C in CollectionName]: Map<RecordKey, RecordTypes[C]> };
}

/** The in-memory ChatStore: a sorted array per session, read by binary search, so a read costs O(log n + k). */
export class InMemoryChatStore implements ChatStore {
  private readonly tenants = new Map<TenantId, TenantState>();

  addMessage(tenant: TenantId, message: NewChatMessage): ChatMessage {
    const state = this.tenant(tenant);
    const stored = storedChatMessage(state.nextId, message);
    state.nextId += 1;
    this.session(state, stored.ChatSessionId).push(stored);
    this.follow(state, stored);
    return stored;
  }

  restoreMessage(tenant: TenantId, message: ChatMessage): void {
    const state = this.tenant(tenant);
    if (this.hasMessage(tenant, message.ChatMessageId)) {
      throw new Error(`Tenant '${tenant}' already has a message with ChatMessageId ${message.ChatMessageId}.`);
    }
    const messages = this.session(state, message.ChatSessionId);
    const stored = storedChatMessage(message.ChatMessageId, message);
    messages.splice(firstIndexAfter(messages, message.ChatMessageId - 1), 0, stored);
    state.nextId = Math.max(state.nextId, message.ChatMessageId + 1);
    this.follow(state, stored);
  }

  messagesAfter(tenant: TenantId, chatSessionId: number, afterId: number): readonly ChatMessage[] {
    const messages = this.tenants.get(tenant)?.messages.get(chatSessionId);
    if (messages === undefined) return [];
    return messages.slice(firstIndexAfter(messages, afterId));
  }

  hasMessage(tenant: TenantId, chatMessageId: number): boolean {
    const state = this.tenants.get(tenant);
    // Ids are unique per tenant. Only an id below the next one can be taken, and then by any session.
    if (state === undefined || chatMessageId >= state.nextId) return false;
    return [...state.messages.values()].some((messages) => holdsId(messages, chatMessageId));
  }

  addSession(tenant: TenantId, chatSessionId: number): void {
    const sessions = this.tenant(tenant).records.sessions;
    if (!sessions.has(chatSessionId)) sessions.set(chatSessionId, newSession(chatSessionId));
  }

  hasSession(tenant: TenantId, chatSessionId: number): boolean {
    return this.tenants.get(tenant)?.records.sessions.has(chatSessionId) ?? false;
  }

  put<C extends CollectionName>(tenant: TenantId, collection: C, record: RecordTypes[C]): void {
    this.tenant(tenant).records[collection].set(COLLECTIONS[collection].key(record), record);
  }

  /** A session removed takes its messages with it. */
  remove(tenant: TenantId, collection: CollectionName, key: RecordKey): boolean {
    const state = this.tenants.get(tenant);
    if (state === undefined) return false;
    if (collection === 'sessions' && typeof key === 'number') state.messages.delete(key);
    return state.records[collection].delete(key);
  }

  get<C extends CollectionName>(tenant: TenantId, collection: C, key: RecordKey): RecordTypes[C] | undefined {
    const records: Map<RecordKey, RecordTypes[C]> | undefined = this.tenants.get(tenant)?.records[collection];
    return records?.get(key);
  }

  list<C extends CollectionName>(tenant: TenantId, collection: C): readonly RecordTypes[C][] {
    const records: Map<RecordKey, RecordTypes[C]> | undefined = this.tenants.get(tenant)?.records[collection];
    return records === undefined ? [] : [...records.values()];
  }

  clear(tenant?: TenantId): void {
    if (tenant === undefined) this.tenants.clear();
    else this.tenants.delete(tenant);
  }

  private tenant(tenant: TenantId): TenantState {
    let state = this.tenants.get(tenant);
    if (state === undefined) {
      state = { nextId: 1, messages: new Map(), records: { sessions: new Map(), topics: new Map(), topicAgents: new Map(), presence: new Map(), associates: new Map(), systemInfo: new Map() } };
      this.tenants.set(tenant, state);
    }
    return state;
  }

  /** The session a message was added to follows it (see sessionAfterMessage). */
  private follow(state: TenantState, message: ChatMessage): void {
    const session = state.records.sessions.get(message.ChatSessionId);
    if (session !== undefined) state.records.sessions.set(message.ChatSessionId, sessionAfterMessage(session, message));
  }

  /** A session's messages; a message to a session the tenant does not have yet creates it, as the emulator's lenient mode lets it. */
  private session(state: TenantState, chatSessionId: number): ChatMessage[] {
    let messages = state.messages.get(chatSessionId);
    if (messages === undefined) {
      messages = [];
      state.messages.set(chatSessionId, messages);
      if (!state.records.sessions.has(chatSessionId)) state.records.sessions.set(chatSessionId, newSession(chatSessionId));
    }
    return messages;
  }
}

function holdsId(messages: readonly ChatMessage[], id: number): boolean {
  return messages[firstIndexAfter(messages, id - 1)]?.ChatMessageId === id;
}

/** The index of the first message whose id is greater than `afterId` (messages.length if none). */
function firstIndexAfter(messages: readonly ChatMessage[], afterId: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((messages[middle] as ChatMessage).ChatMessageId <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}
