import type { ChatMessage } from '../contract/chat-message.js';
import type { Associate, ChatSessionEntity, ChatSessionStatus } from '../contract/generated.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import type { TypeCodec, Value } from '../contract/schema.js';
import { schemaOf } from '../contract/schemas.js';
import { clark } from '../contract/wsdl-model.js';
import { COLLECTIONS, type CollectionName } from './chat-store.js';

/** The codec of a collection's records: how the change log and the fixtures write and read them. */
export function recordType(collection: CollectionName): TypeCodec {
  return schemaOf(COLLECTIONS[collection].service).codec(clark(SERVICES88_NS, COLLECTIONS[collection].type));
}

/** A record of the collection's type with every field at its default (the value an absent element takes), then `fields`. */
export function newRecord(collection: CollectionName, fields: { readonly [field: string]: Value }): { [field: string]: Value } {
  const sequence = recordType(collection).sequence;
  const record: { [field: string]: Value } = {};
  sequence?.names.forEach((name, i) => (record[name] = fields[name] ?? sequence.codecAt(i).whenAbsent));
  return record;
}

/** A session known by its id alone: what fixtures' `sessions` and a first message to a new session make. */
export function newSession(chatSessionId: number): ChatSessionEntity {
  // The schema builds every field of ChatSessionEntity, in contract order.
  return newRecord('sessions', { ChatSessionId: chatSessionId }) as unknown as ChatSessionEntity;
}

/**
 * What a message does to its session: FirstMessage and LastMessage copy its text, WhenIdle is when it was posted,
 * and the status says who wrote last (a Welcome or another message marked special moves the status alone). A message from the agent or a bot (ToCustomer) takes the session off the
 * queue to UserLast, as SuperOffice's bot guide documents ("Posting a message will set the chat session status to
 * 6 (user last) ... This keeps the session off the queue"); a message from the customer (ToUser) makes an active
 * session CustomerLast, and a finished one too (the customer reactivates it), but leaves a queued one queued. A
 * special message (a system note) changes nothing. It is the store's rule, so that a replayed log repeats it.
 */
export function sessionAfterMessage(session: ChatSessionEntity, message: ChatMessage): ChatSessionEntity {
  if (message.Type === 'Special' || message.Type === 'Invalid') return session;
  // A conversation's own message is copied; a Welcome or another marked one moves the status alone.
  const text = message.SpecialType === 'None' ? (message.Message ?? '') : null;
  return {
    ...session,
    FirstMessage: text !== null && (session.FirstMessage === null || session.FirstMessage === '') ? text : session.FirstMessage,
    LastMessage: text ?? session.LastMessage,
    WhenIdle: message.WhenPosted,
    Status: message.Type === 'ToCustomer' ? (AGENT_MOVES_TO_USER_LAST.has(session.Status) ? 'UserLast' : session.Status) : CUSTOMER_MOVES_TO_CUSTOMER_LAST.has(session.Status) ? 'CustomerLast' : session.Status,
  };
}

const AGENT_MOVES_TO_USER_LAST: ReadonlySet<ChatSessionStatus> = new Set(['Invalid', 'PreChatForm', 'Faq', 'InQueue', 'CustomerLast', 'UserLast']);
const CUSTOMER_MOVES_TO_CUSTOMER_LAST: ReadonlySet<ChatSessionStatus> = new Set(['Invalid', 'CustomerLast', 'UserLast', 'Finished']);

/** An associate as a session names its agent: from the principal a user logs in as. */
export function associateOf(principal: SoPrincipalCarrier): Associate {
  return {
    ...(newRecord('associates', {}) as unknown as Associate),
    AssociateId: principal.AssociateId,
    Name: principal.Associate,
    PersonId: principal.PersonId,
    Type: principal.UserType,
    GroupIdx: principal.GroupId,
    FullName: principal.FullName,
    FormalName: principal.FullName,
    EjUserId: principal.EjUserId,
    UserName: principal.Associate,
  };
}
