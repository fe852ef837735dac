import { XSI_NS } from '../contract/namespaces.js';
import type { JsonValue, TypeCodec, Value } from '../contract/schema.js';
import { badValue, restAnswerOf, type EmulatorError } from '../errors.js';
import { escapeText, escapeUnwritable } from '../xml.js';
import type { AnswerZone } from './timezone.js';

/**
 * An answer of the REST WebAPI, written by its type's codec as JSON or XML: property names the contract's element
 * names, enums by name, dates in the zone SO-TimeZone asks for, nil as null. XML follows the JSON: the element
 * names, a list's items named by its item element, xsi:nil for null.
 */

export type AnswerFormat = 'json' | 'xml';

export interface Representation {
  readonly format: AnswerFormat;
  readonly zone: AnswerZone;
}

/** A value of `codec`'s type as the answer's body; with `select`, the other fields of the record (of each, for a list) are nulled out. */
export function represent(value: Value, codec: TypeCodec, how: Representation, select: ReadonlySet<string> | undefined): string {
  const json = selected(value === null ? null : codec.json(value, { date: how.zone }), select);
  if (how.format === 'json') return JSON.stringify(json);
  // The namespace of xsi:nil is bound once, on the root element.
  return elementXml(rootTag(codec), json, codec, ` xmlns:i="${XSI_NS}"`);
}

/**
 * `$select=Field,Field`: the fields of the record `codec` answers (of its items, for a list) to keep, named in any
 * case; the others are nulled out, as the WebAPI does. Undefined keeps every field.
 */
export function selectionOf(codec: TypeCodec, select: unknown): ReadonlySet<string> | undefined {
  if (select === undefined) return undefined;
  if (typeof select !== 'string') throw badValue('$select', 'give it once, as a comma-separated list of fields.');
  const record = codec.sequence?.repeated === true ? codec.sequence.codecAt(0) : codec;
  const fields = record.sequence?.names ?? [];
  const chosen = new Set<string>();
  for (const part of select.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const field = fields.find((name) => name.toLowerCase() === part.toLowerCase());
    if (field === undefined) throw badValue('$select', `'${part}' is not a field of ${record.typeName} (${fields.join(', ')}).`);
    chosen.add(field);
  }
  return chosen;
}

/** The error body: `{ "Error", "ErrorType", "Field"? }`, or the same as XML. */
export function representError(error: EmulatorError, format: AnswerFormat): string {
  const { message, errorType, field } = restAnswerOf(error);
  if (format === 'json') return JSON.stringify({ Error: message, ErrorType: errorType, ...(field === undefined ? {} : { Field: field }) });
  const fieldXml = field === undefined ? '' : `<Field>${escapeText(escapeUnwritable(field))}</Field>`;
  return `<Error><Error>${escapeText(escapeUnwritable(message))}</Error><ErrorType>${escapeText(errorType)}</ErrorType>${fieldXml}</Error>`;
}

function selected(json: JsonValue, select: ReadonlySet<string> | undefined): JsonValue {
  if (select === undefined) return json;
  const keep = (item: JsonValue): JsonValue =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).map(([key, value]) => [key, select.has(key) ? value : null])) : item;
  return Array.isArray(json) ? json.map(keep) : keep(json);
}

/** The root element of an answer: its type's name (`ChatMessage`, `ArrayOfChatMessage`, `boolean`). */
function rootTag(codec: TypeCodec): string {
  return codec.typeName.replace(/^xs:/, '');
}

function elementXml(tag: string, json: JsonValue, codec: TypeCodec, attributes = ''): string {
  if (json === null) return `<${tag}${attributes} i:nil="true"/>`;
  const sequence = codec.sequence;
  let content: string;
  if (sequence === undefined) content = typeof json === 'object' && !Array.isArray(json) ? '' : escapeText(Array.isArray(json) ? json.join(' ') : String(json));
  else if (sequence.repeated) content = (json as JsonValue[]).map((item) => elementXml(sequence.names[0] as string, item, sequence.codecAt(0))).join('');
  else {
    const record = json as { readonly [field: string]: JsonValue };
    content = sequence.names.map((name, i) => elementXml(name, record[name] ?? null, sequence.codecAt(i))).join('');
  }
  return `<${tag}${attributes}>${content}</${tag}>`;
}
