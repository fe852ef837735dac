import type { ReadContext } from '../contract/codec.js';
import { epochMillisecondsOf } from '../contract/datetime.js';
import type { JsonValue } from '../contract/schema.js';
import { apiKeyDigest, type AccountSetup, type AcquireCase, type AcquireContact, type AcquireMessage, type AcquireUser, type ApiKey, type JsonObject, type MessageType, type SenderType } from './accounts.js';

/** Makes the error for a value that is not what it should be: `where` names it. */
export type Failure = (where: string, problem: string) => Error;

/** An account as the fixtures give it (API keys in clear), or as the change log keeps it (by digest). */
export interface AccountDocument {
  apiKeys?: (string | { key: string; userId?: number } | { digest: string; userId: number })[];
  users?: Record<string, unknown>[];
  contacts?: Record<string, unknown>[];
  cases?: Record<string, unknown>[];
  messages?: Record<string, unknown>[];
}

export const MESSAGE_TYPES: readonly MessageType[] = ['message', 'note', 'event'];
export const SENDER_TYPES: readonly SenderType[] = ['user', 'contact'];

/**
 * An account's setup and messages from its JSON. A key given in clear is kept by its digest; a key that names no
 * user speaks for the account's first. Users, contacts and cases take the fields of Acquire's answers (the seed's
 * example), each defaulted as there when not given; a case names its contact (`contactId`) and its users
 * (`userIds`), which must be the account's.
 */
export function parseAccount(json: unknown, where: string, context: ReadContext, fail: Failure): { setup: AccountSetup; messages: FixtureMessage[] } {
  const account = object(json, where, fail);
  onlyKeys(account, ['apiKeys', 'users', 'contacts', 'cases', 'messages'], where, fail);
  // The clock is read only when a default date is wanted: fixtures that give their dates never ask it.
  let now: string | undefined;
  const created = (): string => (now ??= isoDate(epochMillisecondsOf(context.now())));
  const users = array(account['users'], `${where}.users`, fail).map((user, i) => withDefaults(object(user, `${where}.users[${i}]`, fail), userDefaults, `${where}.users[${i}]`, created, fail) as AcquireUser);
  const contacts = array(account['contacts'], `${where}.contacts`, fail).map((contact, i) => withDefaults(object(contact, `${where}.contacts[${i}]`, fail), contactDefaults, `${where}.contacts[${i}]`, created, fail) as AcquireContact);
  unique(users, `${where}.users`, fail);
  unique(contacts, `${where}.contacts`, fail);
  const firstUser = users[0];
  const apiKeys = array(account['apiKeys'], `${where}.apiKeys`, fail).map((key, i): ApiKey => {
    const at = `${where}.apiKeys[${i}]`;
    if (typeof key === 'string' && key !== '') {
      if (firstUser === undefined) throw fail(at, 'an API key speaks for a user: give the account users first.');
      return { digest: apiKeyDigest(key), userId: firstUser.id };
    }
    const fields = object(key, at, fail);
    onlyKeys(fields, ['key', 'digest', 'userId'], at, fail);
    const userId = fields['userId'] === undefined ? firstUser?.id : integer(fields['userId'], `${at}.userId`, fail);
    if (userId === undefined || !users.some((user) => user.id === userId)) throw fail(`${at}.userId`, `not a user of the account (its users: ${users.map((user) => user.id).join(', ') || 'none'}).`);
    if (typeof fields['key'] === 'string' && fields['key'] !== '') return { digest: apiKeyDigest(fields['key']), userId };
    if (typeof fields['digest'] === 'string' && /^[0-9a-f]{64}$/.test(fields['digest'])) return { digest: fields['digest'], userId };
    throw fail(at, 'expected an API key: a non-empty string, or { "key": "...", "userId": N }.');
  });
  const cases = array(account['cases'], `${where}.cases`, fail).map((given, i) => {
    const at = `${where}.cases[${i}]`;
    const fields = object(given, at, fail);
    const contactId = integer(fields['contactId'], `${at}.contactId`, fail);
    if (!contacts.some((contact) => contact.id === contactId)) throw fail(`${at}.contactId`, `${contactId} is not a contact of the account (its contacts: ${contacts.map((contact) => contact.id).join(', ') || 'none'}).`);
    const userIds = array(fields['userIds'], `${at}.userIds`, fail).map((id, j) => integer(id, `${at}.userIds[${j}]`, fail));
    userIds.forEach((id, j) => {
      if (!users.some((user) => user.id === id)) throw fail(`${at}.userIds[${j}]`, `${id} is not a user of the account.`);
    });
    const read = withDefaults(fields, caseDefaults, at, created, fail);
    for (const key of ['contact', 'users']) if (key in fields) throw fail(`${at}.${key}`, `a case names its contact by contactId and its users by userIds; its ${key} is built from them.`);
    const parentId = read['parentId'];
    // Acquire's threadId is the parent case's id when there is one, else the case's own.
    const threadId = fields['threadId'] === undefined ? (typeof parentId === 'number' ? parentId : read.id) : integer(fields['threadId'], `${at}.threadId`, fail);
    const status = read['status'];
    if (typeof status !== 'string') throw fail(`${at}.status`, 'expected a string such as active or closed.');
    return { ...read, status, threadId, contactId, userIds };
  });
  unique(cases, `${where}.cases`, fail);
  const messages = array(account['messages'], `${where}.messages`, fail).map((given, i) => {
    const at = `${where}.messages[${i}]`;
    const caseId = integer(object(given, at, fail)['caseId'], `${at}.caseId`, fail);
    const conversation = cases.find((known) => known.id === caseId);
    if (conversation === undefined) throw fail(`${at}.caseId`, `${caseId} is not a case of the account.`);
    return parseMessage(given, conversation, created, at, fail);
  });
  return { setup: { apiKeys, users, contacts, cases }, messages };
}

/** A message of the fixtures, perhaps without its id (it then gets the account's next). */
export type FixtureMessage = Omit<AcquireMessage, 'id'> & { readonly id: number | undefined };

/**
 * A message of the fixtures: caseId and message required, the rest defaulted from its case as add-message makes
 * them; or (no case given) of the change log, which writes every field.
 */
function parseMessage(json: unknown, conversation: AcquireCase | null, created: () => string, where: string, fail: Failure): FixtureMessage {
  const fields = object(json, where, fail);
  onlyKeys(fields, ['id', 'caseId', 'threadId', 'contactId', 'channel', 'senderType', 'senderId', 'type', 'seen', 'message', 'translateLangKey', 'meta', 'dateCreated', 'dateUpdated'], where, fail);
  const caseId = integer(fields['caseId'], `${where}.caseId`, fail);
  const fromCase = (key: 'threadId' | 'contactId', value: number | undefined) => (fields[key] === undefined && value !== undefined ? value : integer(fields[key], `${where}.${key}`, fail));
  const threadId = fromCase('threadId', conversation?.threadId);
  const contactId = fromCase('contactId', conversation?.contactId);
  const text = fields['message'];
  if (typeof text !== 'string') throw fail(`${where}.message`, 'expected a string.');
  const senderType = oneOf(fields['senderType'] ?? 'user', SENDER_TYPES, `${where}.senderType`, fail);
  const defaultSender = senderType === 'contact' ? contactId : conversation?.userIds[0];
  return {
    id: fields['id'] === undefined ? undefined : integer(fields['id'], `${where}.id`, fail),
    caseId,
    threadId,
    contactId,
    channel: typeof fields['channel'] === 'string' ? fields['channel'] : 'chat',
    senderType,
    senderId: fields['senderId'] === undefined && defaultSender !== undefined ? defaultSender : integer(fields['senderId'], `${where}.senderId`, fail),
    type: oneOf(fields['type'] ?? 'message', MESSAGE_TYPES, `${where}.type`, fail),
    seen: oneOf(fields['seen'] ?? 'no', ['yes', 'no'] as const, `${where}.seen`, fail),
    message: text,
    translateLangKey: typeof fields['translateLangKey'] === 'string' ? fields['translateLangKey'] : null,
    meta: fields['meta'] === undefined ? {} : (object(fields['meta'], `${where}.meta`, fail) as JsonObject),
    dateCreated: fields['dateCreated'] === undefined && conversation !== null ? created() : date(fields['dateCreated'], `${where}.dateCreated`, fail),
    dateUpdated: fields['dateUpdated'] === undefined || fields['dateUpdated'] === null ? null : date(fields['dateUpdated'], `${where}.dateUpdated`, fail),
  };
}

/** A message as the change log keeps it: all its fields (the id too, unless fixtures left it to the account). */
export function messageToJson(message: FixtureMessage): JsonObject {
  const { id, ...fields } = message;
  return id === undefined ? { ...fields } : { id, ...fields };
}

/** A message the change log kept: every field is there. */
export function messageFromJson(json: unknown, where: string, fail: Failure): FixtureMessage {
  return parseMessage(json, null, () => '', where, fail);
}

/** An account's setup as the change log keeps it: keys by digest, cases with their ids of contact and users. */
export function setupToJson(setup: AccountSetup): JsonObject {
  return {
    apiKeys: setup.apiKeys.map(({ digest, userId }) => ({ digest, userId })),
    users: [...setup.users],
    contacts: [...setup.contacts],
    cases: [...setup.cases].map((conversation) => ({ ...conversation, userIds: [...conversation.userIds] })),
  };
}

/** Acquire writes dates in ISO 8601, UTC, with milliseconds. */
export function isoDate(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString();
}

// The defaults, and the order of the fields, are those of the add-message answer in Acquire's documentation.

function userDefaults(id: number): Defaults {
  return { roles: [], id, name: '', firstName: '', lastName: '', photo: '', email: '', clientId: '', meta: {}, parentId: 0, type: 'user', accessLevel: null };
}

/** Stands for the time the fixtures are read, in the defaults: replaced once the given fields are in. */
const NOW = Symbol('now');
type Defaults = { [key: string]: JsonValue | typeof NOW };

function contactDefaults(id: number): Defaults {
  return {
    dateCreated: NOW,
    dateUpdated: NOW,
    id,
    clientType: 'web',
    clientName: null,
    clientVersion: null,
    clientOsName: null,
    clientOsVersion: null,
    clientDeviceType: null,
    clientDeviceVendor: null,
    clientDeviceModel: null,
    clientDetails: {},
    meta: {},
    archive: 'no',
    companyId: null,
  };
}

function caseDefaults(id: number): Defaults {
  return {
    dateCreated: NOW,
    dateUpdated: NOW,
    id,
    closedBy: null,
    visitId: null,
    title: '',
    description: '',
    channel: 'chat',
    status: 'active',
    closingState: null,
    dateQueue: NOW,
    datePending: NOW,
    dateActive: NOW,
    dateClosed: null,
    queueId: null,
    queueOrder: null,
    meta: {},
    parentId: null,
    userId: null,
    waitTime: 0,
  };
}

/** The given fields over the defaults (in the defaults' order, then any other), the id required. */
function withDefaults(fields: Record<string, unknown>, defaults: (id: number) => Defaults, where: string, created: () => string, fail: Failure): JsonObject & { id: number } {
  const id = integer(fields['id'], `${where}.id`, fail);
  const merged: Defaults = defaults(id);
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'userIds' || key === 'contactId' || key === 'threadId') continue;
    merged[key] = json(value, `${where}.${key}`, fail);
  }
  const read: JsonObject = {};
  for (const [key, value] of Object.entries(merged)) read[key] = value === NOW ? created() : value;
  return { ...read, id };
}

function json(value: unknown, where: string, fail: Failure): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (Array.isArray(value)) return value.map((item, i) => json(item, `${where}[${i}]`, fail));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, json(item, `${where}.${key}`, fail)]));
  throw fail(where, `expected a JSON value, found ${typeof value}.`);
}

function unique(records: readonly { readonly id: number }[], where: string, fail: Failure): void {
  const seen = new Set<number>();
  records.forEach(({ id }, i) => {
    if (seen.has(id)) throw fail(`${where}[${i}].id`, `${id} is given twice.`);
    seen.add(id);
  });
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string, fail: Failure): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw fail(where, `expected one of ${allowed.join(', ')}, found ${describe(value)}.`);
  return found;
}

function date(value: unknown, where: string, fail: Failure): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw fail(where, `expected an ISO 8601 date such as 2021-03-30T16:05:46.000Z, found ${describe(value)}.`);
  return isoDate(Date.parse(value));
}

function integer(value: unknown, where: string, fail: Failure): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw fail(where, `expected an integer, found ${describe(value)}.`);
  return value;
}

function object(value: unknown, where: string, fail: Failure): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(where, `expected an object, found ${describe(value)}.`);
  return value as Record<string, unknown>;
}

function array(value: unknown, where: string, fail: Failure): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fail(where, `expected an array, found ${describe(value)}.`);
  return value;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], where: string, fail: Failure): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw fail(where, `unknown key '${key}'; expected ${allowed.join(', ')}.`);
}

export function describe(value: unknown): string {
  return value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `the string '${value}'` : `${typeof value} ${String(value)}`;
}
