import { InvalidValueError, notAValid, quoted, type ReadContext, type ValueCodec } from '../contract/codec.js';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS, CHAT_MESSAGE_SPECIAL_TYPE, CHAT_MESSAGE_TYPE, type ChatMessage } from '../contract/chat-message.js';
import { XSI_NS } from '../contract/namespaces.js';
import { xsInt } from '../contract/values.js';
import { escapeText, escapeUnwritable } from '../xml.js';
import { fieldOf, type FieldValue, type Fields } from './body.js';
import { badValue, EmulatorError, restAnswerOf } from '../errors.js';
import type { AnswerZone } from './timezone.js';

/**
 * ChatMessage over REST: read from a body of any format with the SOAP contract's codecs, and written as JSON or
 * XML. Property names are the contract's element names; enums by name (a number is also read, as the WebAPI's
 * JSON reader does); ReadByCustomer a number; WhenPosted an ISO 8601 date-time.
 */

export type AnswerFormat = 'json' | 'xml';

const ENUM_VALUES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Type: CHAT_MESSAGE_TYPE,
  SpecialType: CHAT_MESSAGE_SPECIAL_TYPE,
};

export function readRestChatMessage(fields: Fields, path: string, context: ReadContext): ChatMessage {
  const message: Record<string, unknown> = {};
  for (const name of CHAT_MESSAGE_FIELDS) {
    const value = fieldOf(fields, name);
    const field = CHAT_MESSAGE_CONTRACT[name];
    const where = `${path}${name}`;
    if (value === undefined) message[name] = field.whenAbsent;
    else if (value === null) {
      if (!field.nillable && name !== 'WhenPosted') throw badValue(where, `null is not allowed: expected ${field.codec.typeName}.`);
      message[name] = field.whenAbsent;
    } else if (ENUM_VALUES[name] !== undefined) message[name] = readEnum(value, ENUM_VALUES[name], field.codec, where);
    else message[name] = readScalar(value, field.codec as ValueCodec<unknown>, where, context);
  }
  // Every field was set above, each by its contract codec.
  return message as unknown as ChatMessage;
}

/** An xs:int parameter (ChatSessionId, After) from the body, the query string or the path. */
export function readRestInt(value: FieldValue | undefined, where: string, whenAbsent: number, context: ReadContext): number {
  if (value === undefined || value === '') return whenAbsent;
  return readScalar(value, xsInt, where, context);
}

function readScalar<T>(value: FieldValue, codec: ValueCodec<T>, where: string, context: ReadContext): T {
  if (typeof value === 'object' && value !== null) throw badValue(where, `expected ${codec.typeName}, found ${Array.isArray(value) ? 'an array' : 'an object'}.`);
  if (typeof value === 'boolean' && codec.typeName !== 'xs:boolean') throw badValue(where, `expected ${codec.typeName}, found ${value}.`);
  try {
    return codec.parse(String(value), context);
  } catch (error) {
    if (error instanceof InvalidValueError) throw badValue(where, `${quoted(String(value))} is ${notAValid(codec, error)}.`);
    throw error;
  }
}

function readEnum(value: FieldValue, values: Readonly<Record<string, number>>, codec: ValueCodec<unknown>, where: string): string {
  const names = Object.keys(values);
  if (typeof value === 'string') {
    const name = names.find((n) => n.toLowerCase() === value.trim().toLowerCase());
    if (name !== undefined) return name;
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^[0-9]+$/.test(value.trim()))) {
    const name = names.find((n) => values[n] === Number(value));
    if (name !== undefined) return name;
  }
  throw badValue(where, `${quoted(String(value))} is not a ${codec.typeName}: give one of ${names.map((n) => `${n} (${values[n]})`).join(', ')}.`);
}

/** `$select=Field,Field`: the fields to keep; the others are nulled out. Undefined keeps every field. */
export function parseSelect(select: unknown): ReadonlySet<keyof ChatMessage> | undefined {
  if (select === undefined) return undefined;
  if (typeof select !== 'string') throw badValue('$select', 'give it once, as a comma-separated list of fields.');
  const chosen = new Set<keyof ChatMessage>();
  for (const part of select.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const field = CHAT_MESSAGE_FIELDS.find((name) => name.toLowerCase() === part.toLowerCase());
    if (field === undefined) throw badValue('$select', `'${part}' is not a field of ChatMessage (${CHAT_MESSAGE_FIELDS.join(', ')}).`);
    chosen.add(field);
  }
  return chosen;
}

export interface Representation {
  readonly format: AnswerFormat;
  readonly zone: AnswerZone;
  readonly select: ReadonlySet<keyof ChatMessage> | undefined;
}

export function representMessage(message: ChatMessage, how: Representation): string {
  return how.format === 'json' ? JSON.stringify(messageJson(message, how)) : `<ChatMessage xmlns:i="${XSI_NS}">${messageXml(message, how)}</ChatMessage>`;
}

export function representMessages(messages: readonly ChatMessage[], how: Representation): string {
  if (how.format === 'json') return JSON.stringify(messages.map((m) => messageJson(m, how)));
  return `<ArrayOfChatMessage xmlns:i="${XSI_NS}">${messages.map((m) => `<ChatMessage>${messageXml(m, how)}</ChatMessage>`).join('')}</ArrayOfChatMessage>`;
}

/** The error body: `{ "Error", "ErrorType", "Field"? }`, or the same as XML. */
export function representError(error: EmulatorError, format: AnswerFormat): string {
  const { message, errorType, field } = restAnswerOf(error);
  if (format === 'json') return JSON.stringify({ Error: message, ErrorType: errorType, ...(field === undefined ? {} : { Field: field }) });
  const fieldXml = field === undefined ? '' : `<Field>${escapeText(escapeUnwritable(field))}</Field>`;
  return `<Error><Error>${escapeText(escapeUnwritable(message))}</Error><ErrorType>${escapeText(errorType)}</ErrorType>${fieldXml}</Error>`;
}

function messageJson(message: ChatMessage, how: Representation): Record<string, string | number | null> {
  const json: Record<string, string | number | null> = {};
  for (const name of CHAT_MESSAGE_FIELDS) json[name] = how.select !== undefined && !how.select.has(name) ? null : fieldValue(message, name, how.zone);
  return json;
}

function messageXml(message: ChatMessage, how: Representation): string {
  let xml = '';
  for (const name of CHAT_MESSAGE_FIELDS) {
    const value = how.select !== undefined && !how.select.has(name) ? null : fieldValue(message, name, how.zone);
    xml += value === null ? `<${name} i:nil="true"/>` : `<${name}>${escapeText(String(value))}</${name}>`;
  }
  return xml;
}

function fieldValue(message: ChatMessage, name: keyof ChatMessage, zone: AnswerZone): string | number | null {
  if (name === 'WhenPosted') return zone(message.WhenPosted);
  return message[name];
}
