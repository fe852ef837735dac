import type { ChatMessage } from '../contract/chat-message.js';

/** A tenant's name: `default` for the on-site style address, otherwise the CustId of the address. */
export type TenantId = string;

export const DEFAULT_TENANT: TenantId = 'default';

/** A message as a client hands it in: everything but the id, which the store assigns. */
export type NewChatMessage = Omit<ChatMessage, 'ChatMessageId'>;

/**
 * Where chat messages live: tenants → sessions → messages in id order. Ids are assigned per tenant,
 * from 1, and only ever increase, so each session's messages are in id order by construction.
 */
export interface ChatStore {
  /** Stores a message with the tenant's next id and returns it as stored. Creates the session if needed. */
  addMessage(tenant: TenantId, message: NewChatMessage): ChatMessage;
  /** Stores a message with its own id (for fixtures). The tenant's next id moves past it. */
  restoreMessage(tenant: TenantId, message: ChatMessage): void;
  /** The session's messages with ChatMessageId > afterId, ascending. Empty for an unknown session. */
  messagesAfter(tenant: TenantId, chatSessionId: number, afterId: number): readonly ChatMessage[];
  /** Whether the tenant has a message with this id, in any session. */
  hasMessage(tenant: TenantId, chatMessageId: number): boolean;
  addSession(tenant: TenantId, chatSessionId: number): void;
  hasSession(tenant: TenantId, chatSessionId: number): boolean;
  /** Forgets every tenant, session and message; or one tenant's, id counter included. */
  clear(tenant?: TenantId): void;
}
