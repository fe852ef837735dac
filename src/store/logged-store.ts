import type { ChatMessage } from '../contract/chat-message.js';
import { chatMessageToJson } from '../contract/json.js';
import type { ChatStore, NewChatMessage, TenantId } from './chat-store.js';
import type { ChangeLog } from './change-log.js';

/**
 * A ChatStore that writes each message added by a call to the data directory's change log, as a fixtures
 * document holding that message with the id it got. Everything else goes straight to the store behind it.
 */
export class LoggedChatStore implements ChatStore {
  constructor(
    private readonly inner: ChatStore,
    private readonly log: ChangeLog,
  ) {}

  addMessage(tenant: TenantId, message: NewChatMessage): ChatMessage {
    const stored = this.inner.addMessage(tenant, message);
    this.log.append({ kind: 'fixtures', document: { tenants: { [tenant]: { messages: [chatMessageToJson(stored)] } } } });
    return stored;
  }

  restoreMessage(tenant: TenantId, message: ChatMessage): void {
    this.inner.restoreMessage(tenant, message);
  }

  messagesAfter(tenant: TenantId, chatSessionId: number, afterId: number): readonly ChatMessage[] {
    return this.inner.messagesAfter(tenant, chatSessionId, afterId);
  }

  hasMessage(tenant: TenantId, chatMessageId: number): boolean {
    return this.inner.hasMessage(tenant, chatMessageId);
  }

  addSession(tenant: TenantId, chatSessionId: number): void {
    this.inner.addSession(tenant, chatSessionId);
  }

  hasSession(tenant: TenantId, chatSessionId: number): boolean {
    return this.inner.hasSession(tenant, chatSessionId);
  }

  clear(tenant?: TenantId): void {
    this.inner.clear(tenant);
  }
}
