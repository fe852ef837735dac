import type { Clock } from '../clock.js';
import { epochMillisecondsOf } from '../contract/datetime.js';
import type { JsonValue } from '../contract/schema.js';
import type { TenantId } from '../store/chat-store.js';
import type { AcquireAccounts, AcquireCase, AcquireMessage, AcquireUser, JsonObject, MessageType, SenderType } from './accounts.js';
import { describe, isoDate, MESSAGE_TYPES, SENDER_TYPES } from './setup.js';

/** The calls of Acquire's API the emulator answers, by the names the journal and the faults use. */
export const ACQUIRE_OPERATIONS = ['AddMessage', 'GetMessage', 'ListMessages'] as const;
export type AcquireOperation = (typeof ACQUIRE_OPERATIONS)[number];

/** Acquire's typed errors, with the HTTP status its documentation gives each. */
export const ACQUIRE_ERRORS = {
  ERROR_INVALID_INPUT: 400,
  ERROR_RECORD_NOT_FOUND: 400,
  ERROR_UNAUTHORIZED: 401,
  ERROR_UNAUTHORIZED_ACCESS: 403,
  ERROR_SERVER_ERROR: 500,
} as const;
export type AcquireErrorType = keyof typeof ACQUIRE_ERRORS;

/** A call Acquire refuses: its type, the field it is about (when one), and what was wrong. */
export class AcquireError extends Error {
  constructor(
    readonly type: AcquireErrorType,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AcquireError';
  }

  get status(): number {
    return ACQUIRE_ERRORS[this.type];
  }
}

/** Who makes a call: the account, and the user its API key speaks for; and where a new message is kept. */
export interface AcquireContext {
  readonly accounts: AcquireAccounts;
  readonly tenant: TenantId;
  readonly caller: AcquireUser;
  readonly clock: Clock;
  add(message: Omit<AcquireMessage, 'id'>): AcquireMessage;
}

/** add-message, as read from its body and query. */
export interface AddMessageInput {
  readonly caseId: number;
  readonly type: MessageType;
  readonly message: string;
  readonly translateLangKey: string | null;
  readonly channel: string;
  readonly meta: JsonObject;
  /** Who writes: the caller (an agent), or the case's contact. */
  readonly senderType: SenderType;
  /** The contact the query names, when it names one: it must be the case's. */
  readonly contactId: number | null;
}

/**
 * Reads add-message's body and query, field by field: `caseId` and the `message` object with its `type` and
 * `message` are required; `channel` is chat when given; `meta` an object, `mentionUsers` an array and `delay` a
 * number of milliseconds when given. `x-user-type` (also spelt `-x-user-type`) is `user` or `contact`.
 */
export function readAddMessage(body: unknown, query: URLSearchParams): AddMessageInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('body', `expected a JSON object, found ${describe(body)}.`);
  const fields = body as Record<string, unknown>;
  const caseId = fields['caseId'];
  if (caseId === undefined) throw invalid('caseId', 'caseId is required: the id of an active case.');
  if (typeof caseId !== 'number' || !Number.isSafeInteger(caseId) || caseId < 1) throw invalid('caseId', `expected the id of a case (a positive integer), found ${describe(caseId)}.`);
  const message = fields['message'];
  if (message === undefined) throw invalid('message', 'message is required: { "type": "message", "message": "..." }.');
  if (typeof message !== 'object' || message === null || Array.isArray(message)) throw invalid('message', `expected an object such as { "type": "message", "message": "..." }, found ${describe(message)}.`);
  const { type, message: text, translateLangKey } = message as Record<string, unknown>;
  if (type === undefined) throw invalid('message.type', `message.type is required: one of ${MESSAGE_TYPES.join(', ')}.`);
  const messageType = MESSAGE_TYPES.find((known) => known === type);
  if (messageType === undefined) throw invalid('message.type', `expected one of ${MESSAGE_TYPES.join(', ')}, found ${describe(type)}.`);
  if (typeof text !== 'string' || text === '') throw invalid('message.message', `expected the message's text, a non-empty string, found ${describe(text)}.`);
  if (translateLangKey !== undefined && typeof translateLangKey !== 'string') throw invalid('message.translateLangKey', `expected a language code such as en, found ${describe(translateLangKey)}.`);
  const channel = fields['channel'] ?? 'chat';
  if (channel !== 'chat') throw invalid('channel', `expected chat (this is the chat API), found ${describe(channel)}.`);
  const meta = fields['meta'] ?? {};
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw invalid('meta', `expected an object, found ${describe(meta)}.`);
  const mentionUsers = fields['mentionUsers'];
  if (mentionUsers !== undefined && (!Array.isArray(mentionUsers) || mentionUsers.some((id) => typeof id !== 'string' && typeof id !== 'number'))) {
    throw invalid('mentionUsers', `expected an array of user ids, found ${describe(mentionUsers)}.`);
  }
  const delay = fields['delay'];
  if (delay !== undefined && (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0)) throw invalid('delay', `expected a number of milliseconds, 0 or more, found ${describe(delay)}.`);
  return { caseId, type: messageType, message: text, translateLangKey: translateLangKey ?? null, channel, meta: meta as JsonObject, senderType: senderTypeOf(query), contactId: contactIdOf(query) };
}

/**
 * Adds a message to an active case of the account, from the caller or from the case's contact. Its `dateCreated`
 * is the emulator clock's time; it is not seen yet.
 */
export function addMessage(context: AcquireContext, input: AddMessageInput): AcquireMessage {
  const { accounts, tenant, caller, clock } = context;
  const conversation = accounts.caseOf(tenant, input.caseId);
  if (conversation === undefined) throw new AcquireError('ERROR_RECORD_NOT_FOUND', `Case ${input.caseId} is not found in account '${tenant}'.`, 'caseId');
  if (conversation.status !== 'active') throw invalid('caseId', `Case ${input.caseId} is ${conversation.status}: only active cases may receive messages.`);
  if (input.contactId !== null && input.contactId !== conversation.contactId) throw invalid('contactId', `Contact ${input.contactId} is not the contact of case ${input.caseId} (${conversation.contactId}).`);
  return context.add({
    caseId: conversation.id,
    threadId: conversation.threadId,
    contactId: conversation.contactId,
    channel: input.channel,
    senderType: input.senderType,
    senderId: input.senderType === 'contact' ? conversation.contactId : caller.id,
    type: input.type,
    seen: 'no',
    message: input.message,
    translateLangKey: input.translateLangKey,
    meta: input.meta,
    dateCreated: isoDate(epochMillisecondsOf(clock.now())),
    dateUpdated: null,
  });
}

/** One message of the account, with its sender. */
export function getMessage(context: AcquireContext, id: string): JsonObject {
  const messageId = Number(id);
  const message = Number.isSafeInteger(messageId) ? context.accounts.message(context.tenant, messageId) : undefined;
  if (message === undefined) throw new AcquireError('ERROR_RECORD_NOT_FOUND', `Message ${id} is not found in account '${context.tenant}'.`, 'messageId');
  const { id: _id, caseId, channel, senderId, senderType, type, message: text, dateCreated, dateUpdated, seen, meta } = message;
  return { id: message.id, caseId, channel, senderId, senderType, type, message: text, dateCreated, dateUpdated, seen, meta, sender: senderView(context.accounts, context.tenant, message) };
}

/**
 * The cases of a thread and contact, each with its last message, as Acquire documents "Retrieve a list of
 * messages": both `threadId` and `contactId` are required.
 */
export function listMessages(context: AcquireContext, query: URLSearchParams): JsonValue[] {
  const threadId = requiredInteger(query, 'threadId');
  const contactId = requiredInteger(query, 'contactId');
  const { accounts, tenant } = context;
  return accounts
    .cases(tenant)
    .filter((conversation) => conversation.threadId === threadId && conversation.contactId === contactId)
    .map((conversation) => {
      const last = accounts.messages(tenant, conversation.id).at(-1);
      const { contact: _contact, ...view } = caseView(accounts, tenant, conversation);
      return { ...view, contactId, lastMessage: last === undefined ? null : lastMessageView(last) };
    });
}

/** A message as add-message answers it, in the order of Acquire's documented answer, with its case and sender. */
export function addedMessageView(accounts: AcquireAccounts, tenant: TenantId, message: AcquireMessage): JsonObject {
  const conversation = accounts.caseView(tenant, message.caseId, (found) => caseView(accounts, tenant, found));
  return {
    channel: message.channel,
    senderType: message.senderType,
    senderId: message.senderId,
    type: message.type,
    seen: message.seen,
    message: message.message,
    meta: message.meta,
    dateCreated: message.dateCreated,
    case: conversation ?? null,
    sender: senderView(accounts, tenant, message),
    dateUpdated: message.dateUpdated,
    id: message.id,
    caseId: message.caseId,
    threadId: message.threadId,
    contactId: message.contactId,
  };
}

/** A case with its contact and the users on it (its agents, then its contact), as Acquire answers one. */
export function caseView(accounts: AcquireAccounts, tenant: TenantId, conversation: AcquireCase): JsonObject {
  const { threadId, contactId, userIds, ...own } = conversation;
  const contact = accounts.contact(tenant, contactId);
  const onCase = (i: number, type: 'user' | 'contact', userId: number, user: JsonValue): JsonObject => ({
    // The case's users have ids of their own: the case's id and their place on it.
    id: conversation.id * 100 + i + 1,
    caseId: conversation.id,
    type,
    userId,
    role: 'owner',
    status: 'active',
    dateCreated: own['dateCreated'] ?? null,
    dateLastAssigned: own['dateCreated'] ?? null,
    closed: 'no',
    meta: null,
    user,
  });
  const users = userIds.map((id, i) => onCase(i, 'user', id, accounts.user(tenant, id) ?? null));
  users.push(onCase(userIds.length, 'contact', contactId, { type: 'contact', id: contactId, name: contactName(contact, contactId), photo: contact?.['photo'] ?? null }));
  return { ...own, contact: contact ?? null, users, threadId };
}

function lastMessageView(message: AcquireMessage): JsonObject {
  const { id, caseId, channel, senderId, senderType, type, message: text, dateCreated, dateUpdated, seen, meta } = message;
  return { id, caseId, channel, senderId, senderType, type, message: text, dateCreated, dateUpdated, seen, meta };
}

/** The sender: the user as the account has it, or the contact in a user's shape (Acquire documents no other). */
function senderView(accounts: AcquireAccounts, tenant: TenantId, message: AcquireMessage): JsonValue {
  if (message.senderType === 'user') return accounts.user(tenant, message.senderId) ?? null;
  const contact = accounts.contact(tenant, message.senderId);
  const name = contactName(contact, message.senderId);
  return { roles: [], id: message.senderId, name, firstName: name, lastName: '', photo: '', email: '', clientId: '', meta: {}, parentId: 0, type: 'contact', accessLevel: null };
}

/** Acquire names a contact without a name by its id: `#597759`. */
function contactName(contact: JsonObject | undefined, id: number): string {
  const name = contact?.['name'];
  return typeof name === 'string' ? name : `#${id}`;
}

function senderTypeOf(query: URLSearchParams): SenderType {
  const given = query.get('x-user-type') ?? query.get('-x-user-type');
  if (given === null) return 'user';
  const senderType = SENDER_TYPES.find((known) => known === given);
  if (senderType === undefined) throw invalid('x-user-type', `expected user (an agent writes) or contact (the case's contact writes), found '${given}'.`);
  return senderType;
}

function contactIdOf(query: URLSearchParams): number | null {
  const given = query.get('contactId');
  if (given === null || given === '') return null;
  const contactId = Number(given);
  if (!Number.isSafeInteger(contactId)) throw invalid('contactId', `expected a contact id, found '${given}'.`);
  return contactId;
}

function requiredInteger(query: URLSearchParams, name: string): number {
  const given = query.get(name);
  if (given === null || given === '') throw invalid(name, `${name} is required.`);
  const value = Number(given);
  if (!Number.isSafeInteger(value)) throw invalid(name, `expected an integer, found '${given}'.`);
  return value;
}

function invalid(field: string, message: string): AcquireError {
  return new AcquireError('ERROR_INVALID_INPUT', message, field);
}
