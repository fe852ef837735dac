import type { ChatMessage } from '../contract/chat-message.js';
import { formatXsDateTime, isDotNetMinValue, DOTNET_MIN_VALUE } from '../contract/datetime.js';
import { TYPE_FIELDS, type ChatMessageSpecialType, type ChatSessionEntity, type ChatSessionStatus, type OperationRequests, type OperationResponses } from '../contract/generated.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import { EmulatorError } from '../errors.js';
import { associateOf, newSession } from '../store/records.js';
import { escapeText } from '../xml.js';
import type { OperationContext } from './context.js';
import { MESSAGE_CHANGES } from './chat.js';
import { associateNamed, currentUser } from './people.js';
import { isMember, mayRespond } from './topics.js';

/**
 * Chat sessions and their lifecycle, independent of how they are called. What SuperOffice documents is followed
 * (the IChatAgent reference: PickUpChatSession "Returns NULL if session was not in queue", a transfer of a session
 * that is not the caller's "nothing happens"); where it is silent, the README's "Chat sessions" says what the
 * emulator decided.
 */

type Responses = OperationResponses;

/** A new, unsaved session: id 0, queued, every date at .NET's MinValue, as SaveChatSessionEntity then takes it. */
export function createDefaultChatSessionEntity(): Responses['CreateDefaultChatSessionEntity'] {
  return { Response: { ...newSession(0), Status: 'InQueue' } };
}

/**
 * Creates a session (id 0): the tenant's next id, requested now unless it says when, queued behind the sessions
 * already waiting, and a NewSession note as its first message. Or updates one: a session saved as Finished or Closed
 * ends now, with a note of who closed it; one saved back from Finished is reopened by the customer.
 */
export function saveChatSessionEntity(context: OperationContext, request: OperationRequests['SaveChatSessionEntity']): Responses['SaveChatSessionEntity'] {
  const given = request.ChatSessionEntity;
  if (given === null) throw new EmulatorError('EntityNull', 'Value cannot be null. Parameter name: chatSessionEntity', 'The chat session to save is missing.');
  if (given.ChatSessionId === 0) return { Response: createSession(context, given) };
  const stored = knownSession(context, given.ChatSessionId);
  let saved: ChatSessionEntity = given;
  if (ENDED.has(given.Status) && !ENDED.has(stored.Status)) {
    saved = { ...given, WhenEnded: isDotNetMinValue(given.WhenEnded) ? context.clock.now() : given.WhenEnded };
    changeSession(context, saved);
    note(context, saved, context.user === null ? 'ClosedByCustomer' : 'ClosedByUser', null);
  } else {
    if (stored.Status === 'Finished' && ACTIVE.has(given.Status)) note(context, stored, 'ReopenedByCustomer', null);
    changeSession(context, saved);
  }
  return { Response: knownSession(context, saved.ChatSessionId) };
}

/** The session, or nil for an id the tenant does not have (NetServer's Get of an entity answers null). */
export function getChatSessionEntity(context: OperationContext, request: OperationRequests['GetChatSessionEntity']): Responses['GetChatSessionEntity'] {
  return { Response: context.store.get(context.tenant, 'sessions', request.ChatSessionEntityId) ?? null };
}

/** Deletes the session and its messages; an id the tenant does not have is nothing to delete. */
export function deleteChatSessionEntity(context: OperationContext, request: OperationRequests['DeleteChatSessionEntity']): Responses['DeleteChatSessionEntity'] {
  context.store.remove(context.tenant, 'sessions', request.ChatSessionEntityId);
  return {};
}

/** The caller answers a queued session: its agent from now, the session off the queue, a Welcome to the customer. Nil when it was not queued. */
export function pickUpChatSession(context: OperationContext, request: OperationRequests['PickUpChatSession']): Responses['PickUpChatSession'] {
  const user = currentUser(context, 'PickUpChatSession');
  const session = knownSession(context, request.ChatSessionId);
  if (!mayRespond(context, session.TopicId, user)) {
    throw new EmulatorError(
      'NotAllowed',
      `${user.Associate ?? ''} (${user.AssociateId}) may not pick up chat session ${session.ChatSessionId}: only the agents who may respond in its topic ${session.TopicId} can.`,
      'You may not answer chats in this topic.',
    );
  }
  return { Response: session.Status === 'InQueue' ? pickUp(context, session, user) : null };
}

/** The caller answers the session that has waited longest in the queue of the topics they may respond in; nil when none waits. */
export function pickUpFirstChatSession(context: OperationContext): Responses['PickUpFirstChatSession'] {
  const user = currentUser(context, 'PickUpFirstChatSession');
  const queued = context.store.list(context.tenant, 'sessions').filter((session) => session.Status === 'InQueue' && mayRespond(context, session.TopicId, user));
  const first = queued.reduce<ChatSessionEntity | undefined>((oldest, session) => (oldest === undefined || waitedLonger(session, oldest) ? session : oldest), undefined);
  return { Response: first === undefined ? null : pickUp(context, first, user) };
}

/**
 * Offers the caller's session to another agent (by user name or associate id), with a TransferedSession note; the
 * session stays with the caller until the other accepts. A session that is not the caller's is left as it is.
 */
export function transferChatSession(context: OperationContext, request: OperationRequests['TransferChatSession']): Responses['TransferChatSession'] {
  const user = currentUser(context, 'TransferChatSession');
  const session = knownSession(context, request.ChatSessionId);
  const target = associateNamed(context, request.ToAssociate);
  if (session.User?.AssociateId !== user.AssociateId || !ACTIVE.has(session.Status)) return { Response: session };
  const offered: ChatSessionEntity = { ...session, TransferTo: target };
  changeSession(context, offered);
  note(context, offered, 'TransferedSession', target.Name);
  return { Response: knownSession(context, offered.ChatSessionId) };
}

/** The agent a session is offered to takes it. A session not being transferred is left as it is; one offered to another agent is refused. */
export function acceptChatSessionTransfer(context: OperationContext, request: OperationRequests['AcceptChatSessionTransfer']): Responses['AcceptChatSessionTransfer'] {
  const user = currentUser(context, 'AcceptChatSessionTransfer');
  const session = offeredSession(context, request.ChatSessionId, user, 'accept');
  if (session.TransferTo === null) return { Response: session };
  const accepted: ChatSessionEntity = { ...session, User: session.TransferTo, TransferTo: null };
  changeSession(context, accepted);
  return { Response: accepted };
}

/** The agent a session is offered to declines it: it stays with its agent, with a TransferRejected note. */
export function rejectChatSessionTransfer(context: OperationContext, request: OperationRequests['RejectChatSessionTransfer']): Responses['RejectChatSessionTransfer'] {
  const user = currentUser(context, 'RejectChatSessionTransfer');
  const session = offeredSession(context, request.ChatSessionId, user, 'reject');
  if (session.TransferTo === null) return { Response: session };
  const kept: ChatSessionEntity = { ...session, TransferTo: null };
  changeSession(context, kept);
  note(context, kept, 'TransferRejected', associateOf(user).Name);
  return { Response: knownSession(context, kept.ChatSessionId) };
}

/** Puts a session back in the queue for pickup, without its agent, as a bot hands a session over to a human. */
export function resetChatSession(context: OperationContext, request: OperationRequests['ResetChatSession']): Responses['ResetChatSession'] {
  const session = knownSession(context, request.ChatSessionId);
  const queued: ChatSessionEntity = { ...session, Status: 'InQueue', User: null, TransferTo: null, WhenStarted: DOTNET_MIN_VALUE, Rank: 0 };
  changeSession(context, queued);
  return { Response: queued };
}

/**
 * The sessions the caller is a member of: theirs, those transferred to them, and those of the topics they are a
 * member of ("at least one of: Can Respond, Notifications, Listen or Manager"); of a session without a topic, the
 * ones waiting in the queue.
 */
export function chatSessionsForUser(context: OperationContext): Responses['ChatSessionsForUser'] {
  const user = currentUser(context, 'ChatSessionsForUser');
  const sessions = context.store.list(context.tenant, 'sessions');
  const hasTopic = (session: ChatSessionEntity) => context.store.get(context.tenant, 'topics', session.TopicId) !== undefined;
  return {
    Response: sessions.filter(
      (session) =>
        session.User?.AssociateId === user.AssociateId ||
        session.TransferTo?.AssociateId === user.AssociateId ||
        (hasTopic(session) ? isMember(context, session.TopicId, user) : session.Status === 'InQueue'),
    ),
  };
}

/** The conversation as text, a line a message, or as an HTML table; every value escaped for HTML. */
export function getChatTranscript(context: OperationContext, request: OperationRequests['GetChatTranscript']): Responses['GetChatTranscript'] {
  knownSession(context, request.ChatSessionId);
  const lines = context.store.messagesAfter(context.tenant, request.ChatSessionId, 0).map(transcriptLine);
  if (!request.Html) return { Response: lines.map(({ when, author, text }) => `[${when}] ${author}: ${text}`).join('\n') };
  const rows = lines.map(({ when, author, text }) => `<tr><td>${escapeText(when)}</td><td>${escapeText(author)}</td><td>${escapeText(text)}</td></tr>`);
  return { Response: `<table class="chat-transcript"><tr><th>When</th><th>Who</th><th>Message</th></tr>${rows.join('')}</table>` };
}

/** Statuses of a session in conversation: where a transfer can be made and a finished session reopens to. */
const ACTIVE: ReadonlySet<ChatSessionStatus> = new Set(['CustomerLast', 'UserLast']);
const ENDED: ReadonlySet<ChatSessionStatus> = new Set(['Finished', 'Closed', 'ClosedFromQueue', 'Deleted']);

function createSession(context: OperationContext, given: ChatSessionEntity): ChatSessionEntity {
  const sessions = context.store.list(context.tenant, 'sessions');
  const id = sessions.reduce((highest, session) => Math.max(highest, session.ChatSessionId), 0) + 1;
  const status: ChatSessionStatus = given.Status === 'Invalid' ? 'InQueue' : given.Status;
  const created: ChatSessionEntity = {
    ...given,
    ChatSessionId: id,
    Status: status,
    WhenRequested: isDotNetMinValue(given.WhenRequested) ? context.clock.now() : given.WhenRequested,
    // "The number of pending sessions + 1" when it was requested.
    InitialQueuePos: status === 'InQueue' ? sessions.filter((session) => session.Status === 'InQueue').length + 1 : 0,
  };
  changeSession(context, created);
  note(context, created, 'NewSession', null);
  return knownSession(context, id);
}

function pickUp(context: OperationContext, session: ChatSessionEntity, user: SoPrincipalCarrier): ChatSessionEntity {
  const agent = associateOf(user);
  const taken = context.store.list(context.tenant, 'sessions').filter((other) => other.User?.AssociateId === user.AssociateId && ACTIVE.has(other.Status));
  const picked: ChatSessionEntity = { ...session, User: agent, WhenStarted: context.clock.now(), Rank: lowestFreeRank(taken.map((other) => other.Rank)) };
  changeSession(context, picked);
  // "The welcome message is sent to the customer": from the agent, so the session is now the agent's to answer.
  addNote(context, picked, { Type: 'ToCustomer', SpecialType: 'Welcome', Author: agent.FullName ?? agent.Name, Message: topicWelcome(context, picked), SpecialParam: null });
  return knownSession(context, picked.ChatSessionId);
}

/** "Lowest possible unique number for active sessions for user ... Starting at 1." */
function lowestFreeRank(ranks: readonly number[]): number {
  let rank = 1;
  while (ranks.includes(rank)) rank += 1;
  return rank;
}

function topicWelcome(context: OperationContext, session: ChatSessionEntity): string | null {
  return context.store.get(context.tenant, 'topics', session.TopicId)?.WelcomeMessage ?? null;
}

function waitedLonger(session: ChatSessionEntity, than: ChatSessionEntity): boolean {
  const a = session.WhenRequested;
  const b = than.WhenRequested;
  if (a.epochSeconds !== b.epochSeconds) return a.epochSeconds < b.epochSeconds;
  if (a.ticks !== b.ticks) return a.ticks < b.ticks;
  return session.ChatSessionId < than.ChatSessionId;
}

/** A session offered to the caller, or not being transferred at all; one offered to another agent is refused. */
function offeredSession(context: OperationContext, chatSessionId: number, user: SoPrincipalCarrier, move: 'accept' | 'reject'): ChatSessionEntity {
  const session = knownSession(context, chatSessionId);
  const target = session.TransferTo;
  if (target !== null && target.AssociateId !== user.AssociateId) {
    throw new EmulatorError(
      'SessionMoveRefused',
      `Chat session ${chatSessionId} is being transferred to associate ${target.AssociateId} (${target.Name ?? ''}), not to ${user.Associate ?? ''} (${user.AssociateId}): only the agent it is offered to can ${move} it.`,
      `The chat session is offered to another agent.`,
    );
  }
  return session;
}

/**
 * The tenant's session with this id, as stored now (after the notes a move wrote, which it follows); an id it
 * does not have is the application error of an unknown session.
 */
function knownSession(context: OperationContext, chatSessionId: number): ChatSessionEntity {
  const session = context.store.get(context.tenant, 'sessions', chatSessionId);
  if (session === undefined) throw new EmulatorError('SessionUnknown', `Chat session ${chatSessionId} does not exist in tenant '${context.tenant}'.`, 'The chat session was not found.');
  return session;
}

/** A system note in the session, as SuperOffice writes one: a Special message naming what happened. */
function note(context: OperationContext, session: ChatSessionEntity, specialType: ChatMessageSpecialType, specialParam: string | null): void {
  addNote(context, session, { Type: 'Special', SpecialType: specialType, Author: null, Message: null, SpecialParam: specialParam });
}

function addNote(context: OperationContext, session: ChatSessionEntity, fields: Pick<ChatMessage, 'Type' | 'SpecialType' | 'Author' | 'Message' | 'SpecialParam'>): void {
  context.store.addMessage(context.tenant, { ChatSessionId: session.ChatSessionId, ReadByCustomer: 0, WhenPosted: context.clock.now(), ...fields });
  context.notify({ event: 'chatsession.message', chatSessionId: session.ChatSessionId, changes: MESSAGE_CHANGES });
}

/** Stores a session a move changed: a chatsession.changed event for the webhooks ("session has changed state"). */
function changeSession(context: OperationContext, session: ChatSessionEntity): void {
  const before = context.store.get(context.tenant, 'sessions', session.ChatSessionId);
  context.store.put(context.tenant, 'sessions', session);
  const changes = before === undefined ? [] : SESSION_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(session[field])).map((field) => `chatSession.${field.charAt(0).toLowerCase()}${field.slice(1)}`);
  context.notify({ event: before === undefined ? 'chatsession.created' : 'chatsession.changed', chatSessionId: session.ChatSessionId, changes });
}

const SESSION_FIELDS = TYPE_FIELDS.ChatSessionEntity;

/** A message as a transcript line: when (UTC), who, and its text, or what a system note says. */
function transcriptLine(message: ChatMessage): { when: string; author: string; text: string } {
  const when = formatXsDateTime(message.WhenPosted);
  const author = message.Author ?? (message.Type === 'ToUser' ? 'Customer' : 'Agent');
  // A marked message without text (a Welcome with no topic text) says what it is.
  if (message.Type !== 'Special') return { when, author, text: message.Message ?? (message.SpecialType === 'None' ? '' : `(${message.SpecialType})`) };
  return { when, author: 'System', text: `${message.SpecialType}${message.SpecialParam === null ? '' : `: ${message.SpecialParam}`}` };
}
