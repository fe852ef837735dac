import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AccountSetup } from './acquire/accounts.js';
import { parseAccount, type AccountDocument, type FixtureMessage } from './acquire/setup.js';
import { storedChatMessage, type ChatMessage } from './contract/chat-message.js';
import type { ChatPresence, ChatSessionEntity, ChatTopicAgent, ChatTopicEntity, SoSystemInfoCarrier } from './contract/generated.js';
import { defaultSystemInfo } from './operations/principal.js';
import type { ReadContext } from './contract/codec.js';
import { SERVICES88_NS } from './contract/namespaces.js';
import { emptyPrincipal, principalCarrierType, SO_PRINCIPAL_CARRIER_FIELDS, type SoPrincipalCarrier } from './contract/principal.js';
import { strictReading, type JsonReading, type JsonValue } from './contract/schema.js';
import { schemaOf } from './contract/schemas.js';
import { clark, XS_NS } from './contract/wsdl-model.js';
import { applyChange, type Change, type ChangeTarget, type UserCodec } from './store/changes.js';
import type { ChatStore, TenantId } from './store/chat-store.js';
import type { User } from './store/credentials.js';
import { associateOf, newSession } from './store/records.js';
import { tenantKey } from './store/tenants.js';
import { webhookFromJson, type Webhook } from './webhooks/registry.js';

/**
 * The fixtures file: what the emulator starts with.
 *
 *   {
 *     "tickets": ["7T:..."],                      valid in every tenant
 *     "applicationTokens": ["1234567-1234-9876"], valid in every tenant
 *     "bearerTokens": ["..."],                    REST WebAPI Bearer tokens (Online), valid in every tenant
 *     "tenants": {
 *       "default":   { "sessions": [1, 2], "tickets": [...], "applicationTokens": [...], "messages": [ChatMessage, ...],
 *                      "users": [{ "UserName": "agent", "Password": "...", "AssociateId": 5, "FullName": "..." }] },
 *       "Cust12345": { ... }
 *     }
 *   }
 *
 * Messages use the contract's element names, enums by name and WhenPosted as an xs:dateTime string;
 * ChatMessageId is optional (assigned in order when absent). Users log in at SoPrincipal.svc: UserName and
 * Password, and any SoPrincipalCarrier field by its element name (see USER_DEFAULTS for the rest).
 * Every field is checked by the same codecs as SOAP.
 */
/** The fixtures file's JSON, as a type: what startEmulator({ fixtures }) takes in code as well. */
export interface FixturesDocument {
  tickets?: string[];
  applicationTokens?: string[];
  bearerTokens?: string[];
  tenants?: Record<string, TenantDocument>;
}

export interface TenantDocument {
  tickets?: string[];
  applicationTokens?: string[];
  bearerTokens?: string[];
  /** Session ids, or whole sessions (ChatSessionEntity by its element names). */
  sessions?: (number | string | Record<string, unknown>)[];
  /** Messages by the contract's element names; values as JSON numbers or strings, enums by name, dates as xs:dateTime. */
  messages?: Partial<Record<keyof ChatMessage, string | number | null>>[];
  users?: UserDocument[];
  /** Topics, their agents (User by the user's Name or AssociateId) and presence, by the contract's element names. */
  topics?: Record<string, unknown>[];
  topicAgents?: Record<string, unknown>[];
  presence?: Record<string, unknown>[];
  /** GetSystemInfo's answer: SoSystemInfoCarrier's fields by element name, over the emulator's defaults. */
  systemInfo?: Record<string, unknown>;
  /** Webhooks: Name, Events, TargetUrl, and optionally Secret, State and Headers. */
  webhooks?: Record<string, unknown>[];
  /** The Acquire.io account whose id is the tenant's name: API keys, users, contacts, cases and their messages. */
  acquire?: AccountDocument;
}

/**
 * A user: UserName and Password to log in with, SoPrincipalCarrier fields by element name, and `tickets` that
 * speak for the user without a login.
 */
export type UserDocument = { UserName: string; Password: string; FunctionRights?: string[]; SecondaryGroups?: number[]; tickets?: string[] } & Partial<
  Record<Exclude<keyof SoPrincipalCarrier, 'FunctionRights' | 'SecondaryGroups'>, string | number | boolean | null>
>;

/** Fixtures, checked and typed. */
export interface Fixtures {
  readonly tickets: readonly string[];
  readonly applicationTokens: readonly string[];
  readonly bearerTokens: readonly string[];
  readonly tenants: ReadonlyMap<TenantId, TenantFixtures>;
}

export interface TenantFixtures {
  readonly tickets: readonly string[];
  readonly applicationTokens: readonly string[];
  readonly bearerTokens: readonly string[];
  /** A bare id, or a whole session. */
  readonly sessions: readonly (number | ChatSessionEntity)[];
  readonly topics: readonly ChatTopicEntity[];
  readonly topicAgents: readonly ChatTopicAgent[];
  readonly presence: readonly ChatPresence[];
  /** GetSystemInfo's answer, when the fixtures give one. */
  readonly systemInfo: SoSystemInfoCarrier | null;
  readonly webhooks: readonly Webhook[];
  /** Messages with ChatMessageId undefined get the tenant's next id when loaded. */
  readonly messages: readonly (Omit<ChatMessage, 'ChatMessageId'> & { ChatMessageId: number | undefined })[];
  readonly users: readonly User[];
  /** The tenant as an Acquire.io account, when the fixtures make it one. */
  readonly acquire: { readonly setup: AccountSetup; readonly messages: readonly FixtureMessage[] } | null;
}

export const DEFAULT_FIXTURES_PATH = fileURLToPath(new URL('../../fixtures/default.json', import.meta.url));

/** The fixtures file is not what it should be; the message says where and what was expected. */
export class FixturesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixturesError';
  }
}

export async function readFixturesFile(path: string, context: ReadContext): Promise<Fixtures> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FixturesError(`Cannot read the fixtures file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FixturesError(`The fixtures file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseFixtures(json, path, context);
}

/** Checks a fixtures document (parsed JSON); `source` names it in errors. Dates of a time alone fall on the context's date. */
export function parseFixtures(json: unknown, source: string, context: ReadContext): Fixtures {
  const root = object(json, source);
  onlyKeys(root, ['tickets', 'applicationTokens', 'bearerTokens', 'tenants'], source);
  const tenants = new Map<TenantId, TenantFixtures>();
  const names = new Map<string, string>();
  for (const [tenant, value] of Object.entries(object(root['tenants'] ?? {}, `${source}: tenants`))) {
    const same = names.get(tenantKey(tenant));
    if (same !== undefined) throw new FixturesError(`${source}: tenants.${tenant}: the same tenant as tenants.${same} (CustIds are not case-sensitive).`);
    names.set(tenantKey(tenant), tenant);
    tenants.set(tenant, parseTenant(value, tenant, `${source}: tenants.${tenant}`, context));
  }
  return {
    tickets: strings(root['tickets'], `${source}: tickets`),
    applicationTokens: strings(root['applicationTokens'], `${source}: applicationTokens`),
    bearerTokens: strings(root['bearerTokens'], `${source}: bearerTokens`),
    tenants,
  };
}

/** Puts fixtures into the stores: all of them, or (`onlyTenant`) that tenant's part only. Returns the changes it made. */
export function loadFixtures(fixtures: Fixtures, target: ChangeTarget, onlyTenant?: TenantId): Change[] {
  const made: Change[] = [];
  for (const change of fixtureChanges(fixtures, target.store, onlyTenant)) {
    applyChange(change, target);
    made.push(change);
  }
  return made;
}

/**
 * Fixtures as the changes that load them, in order: credentials, users, sessions, topics, their agents (each named
 * user found in `store`, the changes before it applied), presence, system information, then messages.
 */
function* fixtureChanges(fixtures: Fixtures, store: ChatStore, onlyTenant?: TenantId): Generator<Change> {
  if (onlyTenant === undefined) yield* grants(null, fixtures);
  for (const [tenant, data] of fixtures.tenants) {
    if (onlyTenant !== undefined && tenant !== onlyTenant) continue;
    yield* grants(tenant, data);
    for (const user of data.users) {
      yield { kind: 'user', tenant, user };
      // A user is an associate of the tenant: the agent a session is transferred to, by name or id.
      yield { kind: 'put', tenant, collection: 'associates', record: associateOf(user.principal) };
    }
    for (const session of data.sessions) yield { kind: 'put', tenant, collection: 'sessions', record: typeof session === 'number' ? newSession(session) : session };
    for (const topic of data.topics) yield { kind: 'put', tenant, collection: 'topics', record: topic };
    for (const agent of data.topicAgents) yield { kind: 'put', tenant, collection: 'topicAgents', record: resolveAgent(agent, tenant, store) };
    for (const presence of data.presence) yield { kind: 'put', tenant, collection: 'presence', record: presence };
    if (data.systemInfo !== null) yield { kind: 'put', tenant, collection: 'systemInfo', record: data.systemInfo };
    for (const webhook of data.webhooks) yield { kind: 'webhook', tenant, webhook };
    for (const message of data.messages) yield { kind: 'add', tenant, message };
    if (data.acquire !== null) {
      yield { kind: 'acquire-account', tenant, setup: data.acquire.setup };
      for (const message of data.acquire.messages) yield { kind: 'acquire-message', tenant, message };
    }
  }
}

function* grants(tenant: TenantId | null, from: { readonly tickets: readonly string[]; readonly applicationTokens: readonly string[]; readonly bearerTokens: readonly string[] }): Generator<Change> {
  for (const secret of from.tickets) yield { kind: 'grant', tenant, credential: 'ticket', secret };
  for (const secret of from.applicationTokens) yield { kind: 'grant', tenant, credential: 'applicationToken', secret };
  for (const secret of from.bearerTokens) yield { kind: 'grant', tenant, credential: 'bearerToken', secret };
}

function parseTenant(json: unknown, name: string, where: string, context: ReadContext): TenantFixtures {
  const tenant = object(json, where);
  onlyKeys(tenant, ['tickets', 'applicationTokens', 'bearerTokens', 'sessions', 'messages', 'users', 'topics', 'topicAgents', 'presence', 'systemInfo', 'webhooks', 'acquire'], where);
  const messages = array(tenant['messages'] ?? [], `${where}.messages`).map((m, i) => parseMessage(m, `${where}.messages[${i}]`, context));
  const users = array(tenant['users'] ?? [], `${where}.users`).map((u, i) => parseUser(u, `${where}.users[${i}]`, context));
  const seen = new Map<string, number>();
  users.forEach((user, i) => {
    const first = seen.get(user.userName.toLowerCase());
    if (first !== undefined) throw new FixturesError(`${where}.users[${i}]: UserName '${user.userName}' is also users[${first}]'s (user names are not case-sensitive).`);
    seen.set(user.userName.toLowerCase(), i);
  });
  return {
    tickets: strings(tenant['tickets'], `${where}.tickets`),
    applicationTokens: strings(tenant['applicationTokens'], `${where}.applicationTokens`),
    bearerTokens: strings(tenant['bearerTokens'], `${where}.bearerTokens`),
    sessions: array(tenant['sessions'] ?? [], `${where}.sessions`).map((s, i) => parseSession(s, `${where}.sessions[${i}]`, context)),
    messages,
    users,
    topics: array(tenant['topics'] ?? [], `${where}.topics`).map((t, i) => parseRecord<ChatTopicEntity>('ChatTopicEntity', 'ChatTopicId', t, `${where}.topics[${i}]`, context)),
    topicAgents: array(tenant['topicAgents'] ?? [], `${where}.topicAgents`).map((a, i) => parseTopicAgent(a, `${where}.topicAgents[${i}]`, context)),
    presence: array(tenant['presence'] ?? [], `${where}.presence`).map((p, i) => parsePresence(p, `${where}.presence[${i}]`, context)),
    systemInfo: tenant['systemInfo'] === undefined ? null : parseSystemInfo(tenant['systemInfo'], name, `${where}.systemInfo`, context),
    webhooks: array(tenant['webhooks'] ?? [], `${where}.webhooks`).map((w, i) => parseWebhook(w, i + 1, `${where}.webhooks[${i}]`)),
    acquire: tenant['acquire'] === undefined ? null : parseAccount(tenant['acquire'], `${where}.acquire`, context, (at, problem) => new FixturesError(`${at}: ${problem}`)),
  };
}

/**
 * A webhook of the tenant: Name, Events, TargetUrl (http or https), and optionally Secret, State and Headers; its
 * id is its place in the list. Fixtures are not the REST registration: no test event is sent to the target.
 */
function parseWebhook(json: unknown, webhookId: number, where: string): Webhook {
  onlyKeys(object(json, where), ['Name', 'Events', 'TargetUrl', 'Secret', 'State', 'Headers'], where);
  const never = '0001-01-01T00:00:00Z';
  return webhookFromJson(json, { WebhookId: webhookId, Registered: never, Updated: never }, where, (at, problem) => new FixturesError(`${at}: ${problem}`));
}

/** The tenant's system information: the fields given, by SoSystemInfoCarrier's element names, over the emulator's own. */
function parseSystemInfo(json: unknown, tenant: string, where: string, context: ReadContext): SoSystemInfoCarrier {
  const given = object(json, where);
  const read = schemaOf('SoPrincipal').codec(clark(SERVICES88_NS, 'SoSystemInfoCarrier')).fromJson(given, where, fixturesReading(context)) as unknown as Record<string, unknown>;
  const info: Record<string, unknown> = { ...defaultSystemInfo({ tenant }) };
  for (const key of Object.keys(given)) info[key] = read[key];
  // Built from the defaults and the fields the schema read.
  return info as SoSystemInfoCarrier;
}

/** A record of a contract type, its id required: the schema reads every field and refuses any other key. */
function parseRecord<T>(type: string, idField: string, json: unknown, where: string, context: ReadContext): T {
  const fields = object(json, where);
  if (fields[idField] === undefined) throw new FixturesError(`${where}: ${idField} is required.`);
  return schemaOf('Chat').codec(clark(SERVICES88_NS, type)).fromJson(fields, where, fixturesReading(context)) as unknown as T;
}

function parsePresence(json: unknown, where: string, context: ReadContext): ChatPresence {
  return parseRecord<ChatPresence>('ChatPresence', 'UserId', json, where, context);
}

/** A topic's agent: its User names an associate of the tenant (a fixture user) by Name, UserName or AssociateId. */
function parseTopicAgent(json: unknown, where: string, context: ReadContext): ChatTopicAgent {
  const agent = parseRecord<ChatTopicAgent>('ChatTopicAgent', 'TopicId', json, where, context);
  if (agent.User === null) throw new FixturesError(`${where}.User is required: name a user of the tenant by Name, UserName or AssociateId.`);
  return agent;
}

/**
 * The associate a fixture topic agent names, among the tenant's associates when it is loaded (its users, these
 * fixtures' or loaded before): the agent is kept with the whole associate.
 */
function resolveAgent(agent: ChatTopicAgent, tenant: TenantId, store: ChatStore): ChatTopicAgent {
  const named = agent.User;
  const associates = store.list(tenant, 'associates');
  const found = associates.find(
    (associate) =>
      named !== null &&
      ((named.Name !== null && associate.Name?.toLowerCase() === named.Name.toLowerCase()) ||
        (named.UserName !== null && associate.Name?.toLowerCase() === named.UserName.toLowerCase()) ||
        (named.AssociateId !== 0 && associate.AssociateId === named.AssociateId)),
  );
  if (found === undefined) {
    const name = named?.Name ?? named?.UserName ?? String(named?.AssociateId ?? '');
    throw new FixturesError(`tenants.${tenant}.topicAgents: '${name}' is not a user of tenant '${tenant}' (its users: ${associates.map((a) => a.Name ?? '').join(', ') || 'none'}).`);
  }
  return { ...agent, User: found };
}

/** The contract's types the fixtures are read by, strictly (see JsonReading): exactly as SOAP reads them. */
const CHAT_MESSAGE = () => schemaOf('Chat').codec(clark(SERVICES88_NS, 'ChatMessage'));
const XS_INT = () => schemaOf('Chat').codec(clark(XS_NS, 'int'));
const CHAT_SESSION = () => schemaOf('Chat').codec(clark(SERVICES88_NS, 'ChatSessionEntity'));

function fixturesReading(context: ReadContext): JsonReading {
  return strictReading(context, (where, problem) => new FixturesError(`${where}: ${problem}`));
}

/** A session: its id alone (a session with every other field at its default), or a whole ChatSessionEntity. */
function parseSession(json: unknown, where: string, context: ReadContext): number | ChatSessionEntity {
  if (typeof json !== 'object' || json === null) return XS_INT().fromJson(json, where, fixturesReading(context)) as number;
  const fields = object(json, where);
  if (fields['ChatSessionId'] === undefined) throw new FixturesError(`${where}: ChatSessionId is required.`);
  // The schema read every field of ChatSessionEntity, by the types Chat.wsdl gives them, and refused any other key.
  return CHAT_SESSION().fromJson(fields, where, fixturesReading(context)) as unknown as ChatSessionEntity;
}

function parseMessage(json: unknown, where: string, context: ReadContext): TenantFixtures['messages'][number] {
  const fields = object(json, where);
  if (fields['ChatSessionId'] === undefined) throw new FixturesError(`${where}: ChatSessionId is required.`);
  // The schema read every field of ChatMessage, by the types Chat.wsdl gives them, and refused any other key.
  const message = CHAT_MESSAGE().fromJson(fields, where, fixturesReading(context)) as ChatMessage;
  // Kept for resets, a million of them maybe: as compact a literal as the store's.
  return storedChatMessage(fields['ChatMessageId'] === undefined ? undefined : message.ChatMessageId, message);
}

/**
 * What a fixture user is unless it says otherwise: an employee whose Associate (login name) is its UserName,
 * strings empty rather than nil, as the real service fills them, and no rights or secondary groups.
 */
const USER_DEFAULTS: Omit<SoPrincipalCarrier, 'Associate'> = { ...emptyPrincipal(''), UserType: 'InternalAssociate', IsPerson: true, RoleType: 'Employee', EjUserStatus: 'StatusNone' };

/** The SoPrincipalCarrier fields a fixture user may give: all but those the emulator answers empty. */
const PRINCIPAL_FIELDS = SO_PRINCIPAL_CARRIER_FIELDS.filter((name): name is keyof SoPrincipalCarrier => name !== 'Licenses' && name !== 'ProvidedCredentials');

function parseUser(json: unknown, where: string, context: ReadContext): User {
  const fields = object(json, where);
  onlyKeys(fields, ['UserName', 'Password', ...PRINCIPAL_FIELDS, 'tickets'], where);
  const { UserName: userName, Password: password, tickets, ...given } = fields;
  if (userName === undefined) throw new FixturesError(`${where}: UserName is required.`);
  if (password === undefined) throw new FixturesError(`${where}: Password is required.`);
  // Empty is allowed: the documented request sample logs in with an empty UserName and Password.
  if (typeof userName !== 'string') throw new FixturesError(`${where}.UserName: expected a string, found ${describe(userName)}.`);
  if (typeof password !== 'string') throw new FixturesError(`${where}.Password: expected a string, found ${describe(password)}.`);
  const reading = fixturesReading(context);
  // The user name is written into answers (the principal's Associate); the password never is.
  schemaOf('SoPrincipal').codec(clark(XS_NS, 'string')).fromJson(userName, `${where}.UserName`, reading);
  const read = principalCarrierType().fromJson(given, where, reading) as unknown as SoPrincipalCarrier & Record<string, unknown>;
  const principal: Record<string, unknown> = { ...USER_DEFAULTS, Associate: userName };
  for (const name of PRINCIPAL_FIELDS) if (given[name] !== undefined) principal[name] = read[name];
  // Built from USER_DEFAULTS and the fields the schema read, in contract order.
  return { userName, password, principal: principal as SoPrincipalCarrier, tickets: strings(tickets, `${where}.tickets`) };
}

/** A user as the change log keeps it: the fixtures' own format, read back by parseUser. */
export const FIXTURE_USERS: UserCodec = {
  toJson(user) {
    const principal = principalCarrierType().json(user.principal) as { readonly [field: string]: JsonValue };
    const fields = Object.fromEntries(PRINCIPAL_FIELDS.map((name) => [name, principal[name] ?? null]));
    return { UserName: user.userName, Password: user.password, ...fields, tickets: [...user.tickets] };
  },
  fromJson: (json, where, context) => parseUser(json, where, context),
};

/** A misspelt key would otherwise be ignored without a word. */
function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new FixturesError(`${where}: unknown key '${key}'; expected ${allowed.join(', ')}.`);
  }
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FixturesError(`${where}: expected an object, found ${describe(value)}.`);
  return value as Record<string, unknown>;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new FixturesError(`${where}: expected an array, found ${describe(value)}.`);
  return value;
}

function strings(value: unknown, where: string): string[] {
  return array(value ?? [], where).map((item, i) => {
    if (typeof item !== 'string' || item === '') throw new FixturesError(`${where}[${i}]: expected a non-empty string, found ${describe(item)}.`);
    return item;
  });
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `the string '${value}'` : `${typeof value} ${String(value)}`;
}
