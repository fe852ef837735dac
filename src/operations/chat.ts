import { isDotNetMinValue } from '../contract/datetime.js';
import type { ChatMessage } from '../contract/chat-message.js';
import type { OperationRequests } from '../contract/generated.js';
import { EmulatorError } from '../errors.js';
import { unknownSessionWarning } from '../fidelity.js';
import type { OperationContext } from './context.js';

/**
 * The Chat agent's operations, independent of how they are called (SOAP today, REST later).
 * Each throws an application error (EmulatorError) when the real service would refuse the call.
 */

/** What a chatsession.message event says changed: the message's trigger variables, as SuperOffice's samples name them. */
export const MESSAGE_CHANGES = ['chatMessage.id', 'chatMessage.sessionId', 'chatMessage.message', 'chatMessage.author', 'chatMessage.type', 'chatMessage.whenPosted'];

/** Adds a message to a session and returns it as stored, with the id the server assigned. */
export function addChatMessage(context: OperationContext, request: OperationRequests['AddChatMessage']): ChatMessage {
  const { Message: message, ChatSessionId: chatSessionId } = request;
  if (message === null) {
    throw new EmulatorError('MessageNull', 'Value cannot be null. Parameter name: message', 'The message to add is missing.');
  }
  requireSession(context, chatSessionId);
  // The customer writing to a finished session reactivates it, as SuperOffice's chat lets them; the note says so.
  if (message.Type === 'ToUser' && context.store.get(context.tenant, 'sessions', chatSessionId)?.Status === 'Finished') {
    context.store.addMessage(context.tenant, { ChatSessionId: chatSessionId, Type: 'Special', Message: null, Author: null, ReadByCustomer: 0, SpecialType: 'ReopenedByCustomer', SpecialParam: null, WhenPosted: context.clock.now() });
    context.notify({ event: 'chatsession.changed', chatSessionId, changes: ['chatSession.status'] });
  }
  const { ChatMessageId: _ignoredClientId, ...fields } = message;
  context.notify({ event: 'chatsession.message', chatSessionId, changes: MESSAGE_CHANGES });
  return context.store.addMessage(context.tenant, {
    ...fields,
    // The wrapper's session id is the one the call is about; the message's own copy is ignored.
    ChatSessionId: chatSessionId,
    // An unset DateTime (absent or 0001-01-01T00:00:00) means "now", as the server stamps it.
    WhenPosted: isDotNetMinValue(message.WhenPosted) ? context.clock.now() : message.WhenPosted,
  });
}

/** The session's messages after message id `After`, in id order. */
export function getChatMessages(context: OperationContext, request: OperationRequests['GetChatMessages']): readonly ChatMessage[] {
  requireSession(context, request.ChatSessionId);
  return context.store.messagesAfter(context.tenant, request.ChatSessionId, request.After);
}

/** An unknown session is refused in strict mode, as the real service refuses it, and otherwise accepted with a warning. */
function requireSession(context: OperationContext, chatSessionId: number): void {
  if (context.store.hasSession(context.tenant, chatSessionId)) return;
  if (!context.strict) {
    context.warn(unknownSessionWarning(chatSessionId, context.tenant));
    return;
  }
  throw new EmulatorError('SessionUnknown', `Chat session ${chatSessionId} does not exist in tenant '${context.tenant}'.`, 'The chat session was not found.');
}
