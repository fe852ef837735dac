import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InvalidValueError, notAValid, type ValueCodec } from './contract/codec.js';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS, type ChatMessage } from './contract/chat-message.js';
import { xsInt } from './contract/values.js';
import type { ChatStore, TenantId } from './store/chat-store.js';
import type { InMemoryCredentials } from './store/credentials.js';

/**
 * The fixtures file: what the emulator starts with.
 *
 *   {
 *     "tickets": ["7T:..."],                      valid in every tenant
 *     "applicationTokens": ["1234567-1234-9876"], valid in every tenant
 *     "tenants": {
 *       "default":   { "sessions": [1, 2], "tickets": [...], "applicationTokens": [...], "messages": [ChatMessage, ...] },
 *       "Cust12345": { ... }
 *     }
 *   }
 *
 * Messages use the contract's element names, enums by name and WhenPosted as an xs:dateTime string;
 * ChatMessageId is optional (assigned in order when absent). Every field is checked by the same codecs as SOAP.
 */
/** The fixtures file's JSON, as a type: what startEmulator({ fixtures }) takes in code as well. */
export interface FixturesDocument {
  tickets?: string[];
  applicationTokens?: string[];
  tenants?: Record<string, TenantDocument>;
}

export interface TenantDocument {
  tickets?: string[];
  applicationTokens?: string[];
  sessions?: (number | string)[];
  /** Messages by the contract's element names; values as JSON numbers or strings, enums by name, dates as xs:dateTime. */
  messages?: Partial<Record<keyof ChatMessage, string | number | null>>[];
}

/** Fixtures, checked and typed. */
export interface Fixtures {
  readonly tickets: readonly string[];
  readonly applicationTokens: readonly string[];
  readonly tenants: ReadonlyMap<TenantId, TenantFixtures>;
}

export interface TenantFixtures {
  readonly tickets: readonly string[];
  readonly applicationTokens: readonly string[];
  readonly sessions: readonly number[];
  /** Messages with ChatMessageId undefined get the tenant's next id when loaded. */
  readonly messages: readonly (Omit<ChatMessage, 'ChatMessageId'> & { ChatMessageId: number | undefined })[];
}

export const DEFAULT_FIXTURES_PATH = fileURLToPath(new URL('../../fixtures/default.json', import.meta.url));

/** The fixtures file is not what it should be; the message says where and what was expected. */
export class FixturesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixturesError';
  }
}

export async function readFixturesFile(path: string): Promise<Fixtures> {
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
  return parseFixtures(json, path);
}

/** Checks a fixtures document (parsed JSON); `source` names it in errors. */
export function parseFixtures(json: unknown, source: string): Fixtures {
  const root = object(json, source);
  onlyKeys(root, ['tickets', 'applicationTokens', 'tenants'], source);
  const tenants = new Map<TenantId, TenantFixtures>();
  for (const [tenant, value] of Object.entries(object(root['tenants'] ?? {}, `${source}: tenants`))) {
    tenants.set(tenant, parseTenant(value, `${source}: tenants.${tenant}`));
  }
  return {
    tickets: strings(root['tickets'], `${source}: tickets`),
    applicationTokens: strings(root['applicationTokens'], `${source}: applicationTokens`),
    tenants,
  };
}

/** Puts fixtures into the stores. */
export function loadFixtures(fixtures: Fixtures, store: ChatStore, credentials: InMemoryCredentials): void {
  for (const ticket of fixtures.tickets) credentials.addTicket(ticket);
  for (const token of fixtures.applicationTokens) credentials.addApplicationToken(token);
  for (const [tenant, data] of fixtures.tenants) {
    for (const ticket of data.tickets) credentials.addTicket(ticket, tenant);
    for (const token of data.applicationTokens) credentials.addApplicationToken(token, tenant);
    for (const session of data.sessions) store.addSession(tenant, session);
    for (const { ChatMessageId: id, ...message } of data.messages) {
      if (id === undefined) store.addMessage(tenant, message);
      else store.restoreMessage(tenant, { ChatMessageId: id, ...message });
    }
  }
}

function parseTenant(json: unknown, where: string): TenantFixtures {
  const tenant = object(json, where);
  onlyKeys(tenant, ['tickets', 'applicationTokens', 'sessions', 'messages'], where);
  const messages = array(tenant['messages'] ?? [], `${where}.messages`).map((m, i) => parseMessage(m, `${where}.messages[${i}]`));
  return {
    tickets: strings(tenant['tickets'], `${where}.tickets`),
    applicationTokens: strings(tenant['applicationTokens'], `${where}.applicationTokens`),
    sessions: array(tenant['sessions'] ?? [], `${where}.sessions`).map((s, i) => parseValue(s, xsInt, `${where}.sessions[${i}]`)),
    messages,
  };
}

function parseMessage(json: unknown, where: string): TenantFixtures['messages'][number] {
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
    return parseValue(value, field.codec, `${where}.${name}`);
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

/** Reads a JSON value with the same codec as the SOAP element, so that fixtures are checked exactly as requests are. */
function parseValue<T>(value: unknown, codec: ValueCodec<T>, where: string): T {
  if (typeof value !== 'string' && typeof value !== 'number') throw new FixturesError(`${where}: expected a string or a number, found ${describe(value)}.`);
  try {
    return codec.parse(String(value));
  } catch (error) {
    if (error instanceof InvalidValueError) throw new FixturesError(`${where}: '${String(value)}' is ${notAValid(codec, error)}.`);
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
