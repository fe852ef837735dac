import type { ChatSessionEntity } from '../contract/generated.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import type { TypeCodec, Value } from '../contract/schema.js';
import { schemaOf } from '../contract/schemas.js';
import { clark } from '../contract/wsdl-model.js';
import { COLLECTIONS, type CollectionName } from './chat-store.js';

/** The codec of a collection's records: how the change log and the fixtures write and read them. */
export function recordType(collection: CollectionName): TypeCodec {
  return schemaOf('Chat').codec(clark(SERVICES88_NS, COLLECTIONS[collection].type));
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
