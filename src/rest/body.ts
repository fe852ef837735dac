import { parseContentType } from '../transport/content-type.js';
import { XSI_NS } from '../contract/namespaces.js';
import { parseXml, XmlReadError, type XmlElement } from '../xml.js';
import { EmulatorError } from '../errors.js';

/**
 * A request body, whatever its format, as the same tree of named values: JSON as parsed, XML elements by local
 * name (xsi:nil as null), form fields by name (`Message.Type` or `Message[Type]` nested).
 */
export type FieldValue = string | number | boolean | null | Fields | readonly FieldValue[];
export interface Fields {
  readonly [name: string]: FieldValue;
}

/** The formats the WebAPI documents for request bodies. */
const JSON_TYPES = ['application/json', 'text/json', 'application/json-patch+json', 'application/merge-patch+json'];
const XML_TYPES = ['application/xml', 'text/xml'];
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Refuses bytes that are not UTF-8; drops a byte order mark (ignoreBOM: false does that). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a body by its Content-Type. An empty body is no fields. */
export function readBody(body: unknown, contentTypeHeader: string | undefined): Fields {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new EmulatorError('BadRequestBody', 'The request body is not valid UTF-8.');
  }
  const contentType = parseContentType(contentTypeHeader);
  const charset = contentType.parameters.get('charset')?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new EmulatorError('UnsupportedMediaType', `The charset '${charset}' is not supported: send UTF-8.`);
  }
  if (JSON_TYPES.includes(contentType.mediaType) || contentType.mediaType === '') return readJson(text);
  if (XML_TYPES.includes(contentType.mediaType)) return readXml(text);
  if (contentType.mediaType === FORM_TYPE) return readForm(text);
  throw new EmulatorError(
    'UnsupportedMediaType',
    `The content type '${contentType.raw}' is not supported: send ${[...JSON_TYPES.slice(0, 2), ...XML_TYPES, FORM_TYPE].join(', ')}.`,
  );
}

function readJson(text: string): Fields {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EmulatorError('BadRequestBody', `The request body is not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new EmulatorError('BadRequestBody', 'The request body must be a JSON object.');
  return json as Fields;
}

function readXml(text: string): Fields {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlReadError) throw new EmulatorError('BadRequestBody', error.message);
    throw error;
  }
  return elementFields(root);
}

/** An element's children by local name (the first of a name wins), nesting only as deep as the contract does. */
function elementFields(element: XmlElement): Fields {
  const fields: Record<string, FieldValue> = {};
  for (const child of element.children) {
    if (child.localName in fields) continue;
    const nil = child.attributes.some((a) => a.namespace === XSI_NS && a.localName === 'nil' && (a.value.trim() === 'true' || a.value.trim() === '1'));
    fields[child.localName] = nil ? null : child.children.length > 0 ? elementFields(child) : child.text;
  }
  return fields;
}

function readForm(text: string): Fields {
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const nested = /^([^.[\]]+)(?:\.([^.[\]]+)|\[([^.[\]]+)\])$/.exec(key);
    if (nested === null) {
      fields[key] = value;
      continue;
    }
    const parent = nested[1] as string;
    const existing = fields[parent];
    const inner: Record<string, FieldValue> = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? { ...(existing as Fields) } : {};
    inner[(nested[2] ?? nested[3]) as string] = value;
    fields[parent] = inner;
  }
  return fields;
}

/** A field by name, not case-sensitive (as the WebAPI's JSON reader matches property names). */
export function fieldOf(fields: Fields, name: string): FieldValue | undefined {
  if (name in fields) return fields[name];
  const lower = name.toLowerCase();
  const key = Object.keys(fields).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : fields[key];
}
