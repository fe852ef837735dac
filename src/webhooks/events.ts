/**
 * The chat events SuperOffice documents for webhooks: a session created, a session changed, a message added to a
 * session (incoming or outgoing). There are no chatmessage.* events: a message's event is its session's.
 */
export type ChatEventName = 'chatsession.created' | 'chatsession.changed' | 'chatsession.message';

/** An event as an operation raises it: what happened, to which session, and the trigger variables it changed. */
export interface ChatEvent {
  readonly event: ChatEventName;
  /** The session's id: a delivery's PrimaryKey. */
  readonly chatSessionId: number;
  /** The names SuperOffice's triggers use for what changed (`chatMessage.id`, `chatSession.status`). */
  readonly changes: readonly string[];
}

/** Whether a webhook's event pattern takes an event: the name itself, `chatsession.*`, or `*`. */
export function eventMatches(pattern: string, event: string): boolean {
  const wanted = pattern.trim().toLowerCase();
  if (wanted === '*' || wanted === event) return true;
  return wanted.endsWith('.*') && event.startsWith(wanted.slice(0, -1));
}
