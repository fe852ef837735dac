import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InvalidValueError, notAValid, quoted, type ReadContext, type ValueCodec } from './contract/codec.js';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS, type ChatMessage, type FieldContract } from './contract/chat-message.js';
import { SO_PRINCIPAL_CONTRACT, type SoPrincipal, type SoPrincipalCarrier } from './contract/principal.js';
import { xsBoolean, xsInt, xsString } from './contract/values.js';
import type { ChatStore, TenantId } from './store/chat-store.js';
import type { InMemoryCredentials, User } from './store/credentials.js';
import { tenantKey } from './store/tenants.js';

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
  sessions?: (number | string)[];
  /** Messages by the contract's element names; values as JSON numbers or strings, enums by name, dates as xs:dateTime. */
  messages?: Partial<Record<keyof ChatMessage, string | number | null>>[];
  users?: UserDocument[];
}

/**
 * A user: UserName and Password to log in with, SoPrincipalCarrier fields by element name, and `tickets` that
 * speak for the user without a login.
 */
export type UserDocument = { UserName: string; Password: string; FunctionRights?: string[]; SecondaryGroups?: number[]; tickets?: string[] } & Partial<
  Record<keyof SoPrincipal, string | number | boolean | null>
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
  readonly sessions: readonly number[];
  /** Messages with ChatMessageId undefined get the tenant's next id when loaded. */
  readonly messages: readonly (Omit<ChatMessage, 'ChatMessageId'> & { ChatMessageId: number | undefined })[];
  readonly users: readonly User[];
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
    tenants.set(tenant, parseTenant(value, `${source}: tenants.${tenant}`, context));
  }
  return {
    tickets: strings(root['tickets'], `${source}: tickets`),
    applicationTokens: strings(root['applicationTokens'], `${source}: applicationTokens`),
    bearerTokens: strings(root['bearerTokens'], `${source}: bearerTokens`),
    tenants,
  };
}

/** Puts fixtures into the stores: all of them, or (`onlyTenant`) that tenant's part only. */
export function loadFixtures(fixtures: Fixtures, store: ChatStore, credentials: InMemoryCredentials, onlyTenant?: TenantId): void {
  if (onlyTenant === undefined) {
    for (const ticket of fixtures.tickets) credentials.addTicket(ticket);
    for (const token of fixtures.applicationTokens) credentials.addApplicationToken(token);
    for (const token of fixtures.bearerTokens) credentials.addBearerToken(token);
  }
  for (const [tenant, data] of fixtures.tenants) {
    if (onlyTenant !== undefined && tenant !== onlyTenant) continue;
    for (const ticket of data.tickets) credentials.addTicket(ticket, tenant);
    for (const token of data.applicationTokens) credentials.addApplicationToken(token, tenant);
    for (const token of data.bearerTokens) credentials.addBearerToken(token, tenant);
    for (const user of data.users) credentials.addUser(tenant, user);
    for (const session of data.sessions) store.addSession(tenant, session);
    for (const { ChatMessageId: id, ...message } of data.messages) {
      if (id === undefined) store.addMessage(tenant, message);
      else store.restoreMessage(tenant, { ChatMessageId: id, ...message });
    }
  }
}

function parseTenant(json: unknown, where: string, context: ReadContext): TenantFixtures {
  const tenant = object(json, where);
  onlyKeys(tenant, ['tickets', 'applicationTokens', 'bearerTokens', 'sessions', 'messages', 'users'], where);
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
    sessions: array(tenant['sessions'] ?? [], `${where}.sessions`).map((s, i) => parseValue(s, xsInt, `${where}.sessions[${i}]`, context)),
    messages,
    users,
  };
}

function parseMessage(json: unknown, where: string, context: ReadContext): TenantFixtures['messages'][number] {
  const fields = object(json, where);
  onlyKeys(fields, CHAT_MESSAGE_FIELDS, where);
  const read = <K extends keyof ChatMessage>(name: K): ChatMessage[K] => {
    const field = CHAT_MESSAGE_CONTRACT[name];
    const value = fields[name];
    if (value === undefined) return field.whenAbsent;
    if (value === null) {
      if (field.nillable) return null as ChatMessage[K];
      throw new FixturesError(`${where}.${name}: null is not allowed for ${field.codec.typeName}.`);
    }
    return parseValue(value, field.codec, `${where}.${name}`, context);
  };
  if (fields['ChatSessionId'] === undefined) throw new FixturesError(`${where}: ChatSessionId is required.`);
  return {
    ChatMessageId: fields['ChatMessageId'] === undefined ? undefined : read('ChatMessageId'),
    ChatSessionId: read('ChatSessionId'),
    Type: read('Type'),
    Message: read('Message'),
    Author: read('Author'),
    ReadByCustomer: read('ReadByCustomer'),
    SpecialType: read('SpecialType'),
    SpecialParam: read('SpecialParam'),
    WhenPosted: read('WhenPosted'),
  };
}

/**
 * What a fixture user is unless it says otherwise: an employee whose Associate (login name) is its UserName,
 * strings empty rather than nil, as the real service fills them.
 */
const USER_DEFAULTS: Omit<SoPrincipal, 'Associate'> = {
  UserType: 'InternalAssociate',
  AssociateId: 0,
  IsPerson: true,
  PersonId: 0,
  CountryId: 0,
  HomeCountryId: 0,
  ContactId: 0,
  GroupId: 0,
  BusinessId: 0,
  CategoryId: 0,
  ContactOwner: 0,
  RoleId: 0,
  RoleName: '',
  RoleDescription: '',
  RoleType: 'Employee',
  FullName: '',
  EMailAddress: '',
  EjUserId: 0,
  EjAccessLevel: 0,
  EjUserStatus: 'StatusNone',
  DatabaseContextIdentifier: '',
};

function parseUser(json: unknown, where: string, context: ReadContext): User {
  const fields = object(json, where);
  const principalFields = Object.keys(SO_PRINCIPAL_CONTRACT) as (keyof SoPrincipal)[];
  onlyKeys(fields, ['UserName', 'Password', ...principalFields, 'FunctionRights', 'SecondaryGroups', 'tickets'], where);
  const userName = fields['UserName'];
  const password = fields['Password'];
  if (userName === undefined) throw new FixturesError(`${where}: UserName is required.`);
  if (password === undefined) throw new FixturesError(`${where}: Password is required.`);
  // Empty is allowed: the documented request sample logs in with an empty UserName and Password.
  if (typeof userName !== 'string') throw new FixturesError(`${where}.UserName: expected a string, found ${describe(userName)}.`);
  if (typeof password !== 'string') throw new FixturesError(`${where}.Password: expected a string, found ${describe(password)}.`);
  // The user name is written into answers (the principal's Associate); the password never is.
  parseValue(userName, xsString, `${where}.UserName`, context);
  const principal: SoPrincipal = { ...USER_DEFAULTS, Associate: userName };
  for (const name of principalFields) {
    if (fields[name] !== undefined) setPrincipalField(principal, name, fields[name], `${where}.${name}`, context);
  }
  const carrier = {
    ...principal,
    FunctionRights: strings(fields['FunctionRights'], `${where}.FunctionRights`),
    SecondaryGroups: array(fields['SecondaryGroups'] ?? [], `${where}.SecondaryGroups`).map((g, i) => parseValue(g, xsInt, `${where}.SecondaryGroups[${i}]`, context)),
  } satisfies SoPrincipalCarrier;
  return { userName, password, principal: carrier, tickets: strings(fields['tickets'], `${where}.tickets`) };
}

function setPrincipalField<K extends keyof SoPrincipal>(principal: SoPrincipal, name: K, value: unknown, where: string, context: ReadContext): void {
  const field: FieldContract<SoPrincipal[K]> = SO_PRINCIPAL_CONTRACT[name];
  if (value !== null) principal[name] = parseValue(value, field.codec, where, context);
  else if (field.nillable) principal[name] = null as SoPrincipal[K];
  else throw new FixturesError(`${where}: null is not allowed for ${field.codec.typeName}.`);
}

/** Reads a JSON value with the same codec as the SOAP element, so that fixtures are checked exactly as requests are. */
function parseValue<T>(value: unknown, codec: ValueCodec<T>, where: string, context: ReadContext): T {
  const isBoolean = (codec as ValueCodec<unknown>) === xsBoolean;
  if (typeof value !== 'string' && typeof value !== 'number' && !(isBoolean && typeof value === 'boolean')) {
    throw new FixturesError(`${where}: expected ${isBoolean ? 'true or false' : 'a string or a number'}, found ${describe(value)}.`);
  }
  try {
    return codec.parse(String(value), context);
  } catch (error) {
    if (error instanceof InvalidValueError) throw new FixturesError(`${where}: ${quoted(String(value))} is ${notAValid(codec, error)}.`);
    throw error;
  }
}

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
