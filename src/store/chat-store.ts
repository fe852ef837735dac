import type { ChatMessage } from '../contract/chat-message.js';
import type { Associate, ChatPresence, ChatSessionEntity, ChatTopicAgent, ChatTopicEntity, SoSystemInfoCarrier } from '../contract/generated.js';
import type { ServiceName } from '../contract/operations.js';

/** A tenant's name: `default` for the on-site style address, otherwise the CustId of the address. */
export type TenantId = string;

export const DEFAULT_TENANT: TenantId = 'default';

/** A message as a client hands it in: everything but the id, which the store assigns. */
export type NewChatMessage = Omit<ChatMessage, 'ChatMessageId'>;

/** The records a tenant holds beside its messages, by collection, each of a type its service's WSDL declares. */
export interface RecordTypes {
  sessions: ChatSessionEntity;
  topics: ChatTopicEntity;
  topicAgents: ChatTopicAgent;
  presence: ChatPresence;
  associates: Associate;
  /** The tenant's system information (SoPrincipal's GetSystemInfo), at most one, under key 0. */
  systemInfo: SoSystemInfoCarrier;
}

export type CollectionName = keyof RecordTypes;
export type RecordKey = number | string;

/** Each collection's contract type (its local name in its service's WSDL), and the key a record is kept under. */
export const COLLECTIONS: { readonly [C in CollectionName]: { readonly service: ServiceName; readonly type: string; key(record: RecordTypes[C]): RecordKey } } = {
  sessions: { service: 'Chat', type: 'ChatSessionEntity', key: (session) => session.ChatSessionId },
  topics: { service: 'Chat', type: 'ChatTopicEntity', key: (topic) => topic.ChatTopicId },
  // An agent is a member of a topic once: the pair is the key.
  topicAgents: { service: 'Chat', type: 'ChatTopicAgent', key: (agent) => `${agent.TopicId}/${agent.User?.AssociateId ?? 0}` },
  presence: { service: 'Chat', type: 'ChatPresence', key: (presence) => presence.UserId },
  associates: { service: 'Chat', type: 'Associate', key: (associate) => associate.AssociateId },
  systemInfo: { service: 'SoPrincipal', type: 'SoSystemInfoCarrier', key: () => 0 },
};

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/**
 * Where a tenant's state lives: messages (tenants → sessions → messages in id order) and typed collections of
 * records. Message ids are assigned per tenant, from 1, and only ever increase, so each session's messages are in
 * id order by construction. Every write is one of the changes of changes.ts, so that a log of them replays it.
 */
export interface ChatStore {
  /** Stores a message with the tenant's next id and returns it as stored. Creates the session if needed. */
  addMessage(tenant: TenantId, message: NewChatMessage): ChatMessage;
  /** Stores a message with its own id (for fixtures and replay). The tenant's next id moves past it. */
  restoreMessage(tenant: TenantId, message: ChatMessage): void;
  /** The session's messages with ChatMessageId > afterId, ascending. Empty for an unknown session. */
  messagesAfter(tenant: TenantId, chatSessionId: number, afterId: number): readonly ChatMessage[];
  /** Whether the tenant has a message with this id, in any session. */
  hasMessage(tenant: TenantId, chatMessageId: number): boolean;
  /** Puts a session with ChatSessionId alone set (the others their defaults), unless the tenant has it. */
  addSession(tenant: TenantId, chatSessionId: number): void;
  hasSession(tenant: TenantId, chatSessionId: number): boolean;
  /** Stores a record under its key, in place of the one there. */
  put<C extends CollectionName>(tenant: TenantId, collection: C, record: RecordTypes[C]): void;
  /** Removes the record under a key; says whether there was one. */
  remove(tenant: TenantId, collection: CollectionName, key: RecordKey): boolean;
  get<C extends CollectionName>(tenant: TenantId, collection: C, key: RecordKey): RecordTypes[C] | undefined;
  /** The collection's records, in the order they were first put. */
  list<C extends CollectionName>(tenant: TenantId, collection: C): readonly RecordTypes[C][];
  /** Forgets every tenant, session, message and record; or one tenant's, id counter included. */
  clear(tenant?: TenantId): void;
}
