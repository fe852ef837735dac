import { badValue } from '../errors.js';
import { childElement, childElementsNamed, escapeText, type XmlElement } from '../xml.js';
import { InvalidValueError, notAValid, quoted, type ReadContext, type ValueCodec } from './codec.js';
import { DOTNET_MIN_VALUE, xsDateTime, type Instant } from './datetime.js';
import { clip, elementFault, isNil } from './read.js';
import { charCodec, durationCodec, enumCodec, guidCodec, xsBoolean, xsDouble, xsInt, xsShort, xsString } from './values.js';
import { clark, enumValues, XS_NS, type ClarkName, type ComplexType, type ContractDocument, type ElementDeclaration, type EnumType, type RestrictedType } from './wsdl-model.js';

/**
 * The contract's types, compiled from a contract document into readers and writers: one generic reader and writer
 * for every complex type, array, dictionary, enum, flags enum and simple type, driven by the WSDL alone.
 *
 * A value is what a handler sees: numbers, booleans, strings, Instants for xs:dateTime, enum names, flags as a
 * list of names, arrays as arrays, dictionaries as arrays of their key-value pairs, and a complex type as an object
 * of its fields, the base type's first, in contract order. `null` is xsi:nil.
 */
export type Value = null | boolean | number | string | Instant | readonly Value[] | { readonly [field: string]: Value };

/** How one type is read from an element and written into one. */
export interface TypeCodec {
  readonly name: ClarkName;
  /** The type as a fault names it: `xs:int`, `ChatMessageType`, `ChatMessage`. */
  readonly typeName: string;
  /** The value WCF's DataContractSerializer leaves when the element is absent: the type's default. */
  readonly whenAbsent: Value;
  /** Reads the content of an element that is not nil. `path` names it, for the fault of a bad value. */
  read(element: XmlElement, path: string, context: ReadContext): Value;
  /** Writes the content of an element holding `value` (not null): text, or child elements. */
  write(value: Value): string;
  /** Namespace declarations the element holding a value needs in its start tag, for children in another namespace. */
  readonly declarations: string;
  /**
   * The value as JSON: property names the element names, dates and doubles as their xs: text (dates in UTC, or as
   * `options.date` writes them: REST's SO-TimeZone), null for nil.
   */
  json(value: Value, options?: JsonOptions): JsonValue;
  /**
   * Reads the value from JSON, as `reading` says: REST's leniency or the contract's own rules. `where` names it
   * (`Message.Type`) in the error of a bad value; `null` is not asked here (the field decides whether it may be nil).
   */
  fromJson(json: unknown, where: string, reading: JsonReading): Value;
  /** An enum's names and their numbers, in contract order; `flags` when a value is a list of them. */
  readonly enumValues?: { readonly [name: string]: number };
  readonly flags?: boolean;
  /** A complex type's elements, in contract order: what the fidelity warnings hold a request's elements to. */
  readonly sequence?: Sequence;
  /**
   * Writes the content as UTF-8 pieces, for a type that holds an array of values that never change (see
   * SchemaOptions): each item's element is written once, into bytes, and served from a cache after.
   */
  readonly writeParts?: (value: Value) => WrittenParts;
}

/** XML written in pieces: text, and the UTF-8 bytes of cached elements. */
export type WrittenParts = readonly (string | Buffer)[];

/** The elements of a complex type or of an array, as the fidelity warnings look at a request's. */
export interface Sequence {
  /** Each element's local name, in contract order; for an array, its item's alone. */
  readonly names: readonly string[];
  /** The namespace the elements are in. */
  readonly namespace: string;
  /** An array's items repeat one element, which is neither out of order nor twice. */
  readonly repeated: boolean;
  /** The position of the element named so in the sequence, or -1. */
  indexOf(localName: string): number;
  /** The type of the element at a position. */
  codecAt(index: number): TypeCodec;
  /** Whether the element at a position may be nil (xsi:nil). */
  nillableAt(index: number): boolean;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * How JSON is read. Leniently, as SuperOffice's REST WebAPI reads it: property names and enum names in any case,
 * enums also by number, numbers and dates as JSON numbers or strings, unknown properties ignored. Or strictly, by
 * the contract's own rules, as the fixtures and the change log are read: names exactly as the contract spells
 * them, an unknown property refused, every value a string or a number read as its XML text is.
 */
export interface JsonReading {
  readonly context: ReadContext;
  readonly lenient: boolean;
  /** The error of a bad value at `where` (empty for the whole body). */
  fail(where: string, problem: string): Error;
}

/** REST's reading: a bad value is a 400 naming the field. */
export function restReading(context: ReadContext): JsonReading {
  return { context, lenient: true, fail: (where, problem) => badValue(where === '' ? 'body' : where, problem) };
}

/** The contract's own reading, its errors made by `fail`. */
export function strictReading(context: ReadContext, fail: (where: string, problem: string) => Error): JsonReading {
  return { context, lenient: false, fail };
}

/** How JSON writes what JSON has no type of its own for. */
export interface JsonOptions {
  /** Writes every xs:dateTime, of any type at any depth. */
  readonly date?: (value: Instant) => string;
}

/** A field of a complex type: its element, its type's codec, and how it is written. */
interface Field {
  readonly local: string;
  readonly namespace: string;
  readonly declaration: ElementDeclaration;
  readonly codec: () => TypeCodec;
}

/** Prefixes for the namespaces an answer's elements can be in besides the operation's own (the default namespace). */
const PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.microsoft.com/2003/10/Serialization/Arrays': 'a',
  'http://schemas.datacontract.org/2004/07/System.Security.Cryptography': 'b',
};

/**
 * What the schema may assume of the values it writes: `immutable` names the types whose values, once written, are
 * never changed (a stored ChatMessage), so that their XML, written once, can be written again from a cache.
 */
export interface SchemaOptions {
  readonly immutable?: readonly ClarkName[];
  /** The most bytes of XML the cache keeps; the oldest entries go first. */
  readonly cacheBytes?: number;
}

/** The types of a contract document, compiled once, by their Clark names. */
export class Schema {
  private readonly codecs = new Map<ClarkName, TypeCodec>();
  /** By element: an element and a type may have one name (the ChatMessage element is of the ChatMessage type). */
  private readonly wrappers = new Map<ClarkName, TypeCodec>();
  private readonly written: WrittenCache | undefined;

  constructor(
    private readonly document: ContractDocument,
    private readonly options: SchemaOptions = {},
  ) {
    this.written = options.immutable === undefined ? undefined : new WrittenCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  }

  /** The codec of a named type (simple or complex); throws for a type the document does not declare. */
  codec(name: ClarkName): TypeCodec {
    let codec = this.codecs.get(name);
    if (codec === undefined) {
      codec = this.compile(name);
      this.codecs.set(name, codec);
    }
    return codec;
  }

  /** The fields of a global element's type, in order: an operation's request or response wrapper. */
  wrapper(element: ClarkName): TypeCodec {
    let codec = this.wrappers.get(element);
    if (codec === undefined) {
      const declaration = this.document.elements.get(element);
      if (declaration === undefined) throw new Error(`No global element ${element}.`);
      codec = typeof declaration.type === 'string' ? this.codec(declaration.type) : this.complex(element, declaration.type);
      this.wrappers.set(element, codec);
    }
    return codec;
  }

  private compile(name: ClarkName): TypeCodec {
    const builtIn = BUILT_IN.get(name);
    if (builtIn !== undefined) return builtIn;
    const type = this.document.types.get(name);
    if (type === undefined) throw new Error(`The contract uses the type ${name}, which it does not declare.`);
    switch (type.kind) {
      case 'complex':
        return this.complex(name, type);
      case 'enum':
        return enumTypeCodec(name, type);
      case 'restricted':
        return restrictedCodec(name, type, this.codec(type.base));
    }
  }

  /** All the fields of a complex type, its base's first. */
  private fields(type: ComplexType): Field[] {
    const inherited = type.base === null ? [] : this.fields(this.complexType(type.base));
    return [...inherited, ...type.elements.map((declaration) => this.field(declaration))];
  }

  private complexType(name: ClarkName): ComplexType {
    const type = this.document.types.get(name);
    if (type?.kind !== 'complex') throw new Error(`${name} is not a complex type.`);
    return type;
  }

  private field(declaration: ElementDeclaration): Field {
    const close = declaration.name.indexOf('}');
    const type = declaration.type;
    const codec = typeof type === 'string' ? () => this.codec(type) : memo(() => this.complex(`${declaration.name}#anonymous`, type));
    return { local: declaration.name.slice(close + 1), namespace: declaration.name.slice(1, close), declaration, codec };
  }

  private complex(name: ClarkName, type: ComplexType): TypeCodec {
    const fields = this.fields(type);
    const only = fields.length === 1 ? (fields[0] as Field) : undefined;
    if (only !== undefined && only.declaration.maxOccurs === 'unbounded') return this.list(name, only);
    const codec = recordCodec(name, fields);
    // Only a type that holds a cached array itself (GetChatMessagesResponse) is written in parts: the others,
    // AddChatMessage's answer among them, are written as text, as before.
    return fields.some((field) => this.isCachedList(field.declaration.type)) ? { ...codec, writeParts: (value) => writeRecordParts(fields, value) } : codec;
  }

  /** Whether a field's type is an array of values that never change (see SchemaOptions), read from the document alone. */
  private isCachedList(type: ClarkName | ComplexType): boolean {
    if (this.written === undefined || typeof type !== 'string') return false;
    const declared = this.document.types.get(type);
    if (declared?.kind !== 'complex' || declared.base !== null || declared.elements.length !== 1) return false;
    const item = declared.elements[0] as ElementDeclaration;
    return item.maxOccurs === 'unbounded' && typeof item.type === 'string' && this.options.immutable?.includes(item.type) === true;
  }

  /** An array of a type whose values never change is written from the cache of their elements' bytes. */
  private list(name: ClarkName, item: Field): TypeCodec {
    const codec = listCodec(name, item);
    const written = this.written;
    const itemType = item.declaration.type;
    if (written === undefined || typeof itemType !== 'string' || this.options.immutable?.includes(itemType) !== true) return codec;
    const open = `<${codec.itemTag}>`;
    const close = `</${codec.itemTag}>`;
    const itemCodec = item.codec;
    return {
      ...codec,
      writeParts: (value) =>
        (value as readonly Value[]).map((itemValue) =>
          itemValue === null ? `<${codec.itemTag} i:nil="true"/>` : written.get(itemValue as object, () => open + itemCodec().write(itemValue) + close),
        ),
    };
  }
}

/** 8 MiB: about 23,000 ChatMessages of 350 bytes of XML. */
const DEFAULT_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * The UTF-8 bytes of the elements of immutable values, by the value itself, within a bound; the oldest goes first.
 * An element is cached when it is written as an item of an array (a GetChatMessages answer), where the same values
 * are read again and again; a value written alone (the answer to the AddChatMessage that stored it) is not.
 * Bytes, not text: joining 1,000 cached texts of 400 characters into an answer and counting its bytes took 1.6 ms
 * here, concatenating their bytes 0.05 ms.
 */
class WrittenCache {
  private readonly entries = new Map<object, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(value: object, write: () => string): Buffer {
    let element = this.entries.get(value);
    if (element === undefined) {
      element = Buffer.from(write(), 'utf8');
      this.entries.set(value, element);
      this.bytes += element.length;
      for (const [oldest, oldElement] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(oldest);
        this.bytes -= oldElement.length;
      }
    }
    return element;
  }
}

/** An ArrayOfX, or a dictionary: its one element, any number of times, read and written as an array. */
function listCodec(name: ClarkName, item: Field): TypeCodec & { readonly itemTag: string } {
  const prefix = PREFIXES[item.namespace];
  const tag = tagOf(item);
  return {
    name,
    typeName: localName(name),
    itemTag: tag,
    whenAbsent: null,
    declarations: prefix === undefined ? '' : ` xmlns:${prefix}="${item.namespace}"`,
    sequence: sequenceOf([item], true),
    read(element, path, context) {
      return childElementsNamed(element, item.namespace, item.local).map((child, i) => readElementValue(child, item, `${path}/${item.local}[${i + 1}]`, context));
    },
    write(value) {
      let xml = '';
      for (const itemValue of value as readonly Value[]) xml += writeElementValue(tag, item, itemValue);
      return xml;
    },
    json: (value, options) => (value as readonly Value[]).map((itemValue) => (itemValue === null ? null : item.codec().json(itemValue, options))),
    fromJson(json, where, reading) {
      if (!Array.isArray(json)) throw reading.fail(where, `expected an array of ${item.codec().typeName}, found ${describeJson(json, reading)}.`);
      return json.map((itemJson: unknown, i) => fieldFromJson(item, itemJson, `${where}[${i}]`, reading));
    },
  };
}

/** A field's value from JSON: null where the field may be nil, otherwise its type's reading. */
function fieldFromJson(field: Field, json: unknown, where: string, reading: JsonReading): Value {
  const codec = field.codec();
  if (json === null) {
    if (field.declaration.nillable || codec.whenAbsent === null) return null;
    // A client of the WebAPI sends an unset date as null: it is DateTime's default, as when it is left out.
    if (reading.lenient && codec.typeName === 'xs:dateTime') return codec.whenAbsent;
    throw reading.fail(where, reading.lenient ? `null is not allowed: expected ${codec.typeName}.` : `null is not allowed for ${codec.typeName}.`);
  }
  return codec.fromJson(json, where, reading);
}

/** A JSON value as an error names it: `string 'x'` (REST's words), `the string 'x'` (the fixtures'). */
function describeJson(json: unknown, reading: JsonReading): string {
  if (json === null) return 'null';
  if (Array.isArray(json)) return 'an array';
  if (typeof json === 'object') return 'an object';
  if (reading.lenient) return `${typeof json} ${quoted(String(json))}`;
  return typeof json === 'string' ? `the string ${quoted(json)}` : `${typeof json} ${String(json)}`;
}

/** A complex type's fields, as an object in contract order. */
function recordCodec(name: ClarkName, fields: readonly Field[]): TypeCodec {
  const prefixes = [...new Set(fields.map((field) => field.namespace))].filter((namespace) => PREFIXES[namespace] !== undefined);
  // The tags are made once: a GetChatMessages answer writes thousands of fields.
  const tags = fields.map(tagOf);
  const names: ReadonlySet<string> = new Set(fields.map((field) => field.local));
  return {
    name,
    typeName: localName(name),
    whenAbsent: null,
    declarations: prefixes.map((namespace) => ` xmlns:${PREFIXES[namespace] as string}="${namespace}"`).join(''),
    sequence: sequenceOf(fields, false),
    read(element, path, context) {
      const value: Record<string, Value> = {};
      for (const field of fields) {
        const child = childElement(element, field.namespace, field.local);
        value[field.local] = child === undefined ? field.codec().whenAbsent : readElementValue(child, field, `${path}/${field.local}`, context);
      }
      return value;
    },
    write(value) {
      const record = value as { readonly [field: string]: Value };
      let xml = '';
      for (let i = 0; i < fields.length; i++) xml += writeElementValue(tags[i] as string, fields[i] as Field, record[(fields[i] as Field).local] ?? null);
      return xml;
    },
    fromJson(json, where, reading) {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw reading.fail(where, reading.lenient ? `expected a ${localName(name)} object, found ${describeJson(json, reading)}.` : `expected an object, found ${describeJson(json, reading)}.`);
      }
      // Leniently, by names in any case; strictly, by the exact names, once no other name is there.
      const properties: { readonly [key: string]: unknown } = reading.lenient ? Object.fromEntries(Object.entries(json).map(([key, property]) => [key.toLowerCase(), property])) : (json as { readonly [key: string]: unknown });
      if (!reading.lenient) refuseUnknownKeys(json, names, where, reading);
      const value: Record<string, Value> = {};
      for (const field of fields) {
        const property = properties[reading.lenient ? field.local.toLowerCase() : field.local];
        const here = where === '' ? field.local : `${where}.${field.local}`;
        value[field.local] = property === undefined ? field.codec().whenAbsent : fieldFromJson(field, property, here, reading);
      }
      return value;
    },
    json(value, options) {
      const record = value as { readonly [field: string]: Value };
      const json: { [key: string]: JsonValue } = {};
      for (const field of fields) {
        const fieldValue = record[field.local] ?? null;
        json[field.local] = fieldValue === null ? null : field.codec().json(fieldValue, options);
      }
      return json;
    },
  };
}

/** Every property of an object is a field of the type: a misspelt name would otherwise be dropped silently. */
function refuseUnknownKeys(json: object, names: ReadonlySet<string>, where: string, reading: JsonReading): void {
  for (const key of Object.keys(json)) {
    if (!names.has(key)) throw reading.fail(where, `unknown key '${key}'; expected ${[...names].join(', ')}.`);
  }
}

function sequenceOf(fields: readonly Field[], repeated: boolean): Sequence | undefined {
  if (fields.length === 0) return undefined;
  const positions = new Map(fields.map((field, index) => [field.local, index]));
  return {
    names: fields.map((field) => field.local),
    namespace: (fields[0] as Field).namespace,
    repeated,
    indexOf: (local) => positions.get(local) ?? -1,
    codecAt: (index) => (fields[index] as Field).codec(),
    nillableAt: (index) => (fields[index] as Field).declaration.nillable,
  };
}

/** A record's content in parts: its cached arrays as their elements' bytes, the rest as text between them. */
function writeRecordParts(fields: readonly Field[], value: Value): WrittenParts {
  const record = value as { readonly [field: string]: Value };
  const parts: (string | Buffer)[] = [];
  let text = '';
  for (const field of fields) {
    const fieldValue = record[field.local] ?? null;
    const codec = field.codec();
    const tag = tagOf(field);
    if (fieldValue === null || codec.writeParts === undefined) {
      text += writeElementValue(tag, field, fieldValue);
      continue;
    }
    const content = codec.writeParts(fieldValue);
    if (content.length === 0) {
      text += `<${tag}${codec.declarations}/>`;
      continue;
    }
    parts.push(`${text}<${tag}${codec.declarations}>`, ...content);
    text = `</${tag}>`;
  }
  parts.push(text);
  return parts;
}

/** A field's tag as written: prefixed where its namespace is not the answer's default one. */
function tagOf(field: Field): string {
  const prefix = PREFIXES[field.namespace];
  return prefix === undefined ? field.local : `${prefix}:${field.local}`;
}

function readElementValue(element: XmlElement, field: Field, path: string, context: ReadContext): Value {
  if (isNil(element)) {
    if (field.declaration.nillable) return null;
    throw elementFault(path, `is nil (xsi:nil="true"), but ${field.codec().typeName} is not nillable`);
  }
  return field.codec().read(element, path, context);
}

function writeElementValue(tag: string, field: Field, value: Value): string {
  if (value === null) return `<${tag} i:nil="true"/>`;
  const codec = field.codec();
  const content = codec.write(value);
  return content === '' ? `<${tag}${codec.declarations}/>` : `<${tag}${codec.declarations}>${content}</${tag}>`;
}

/** A simple type's codec as a type codec: text content, checked by the value codec. */
function simpleCodec<T extends Value>(name: ClarkName, codec: ValueCodec<T>, whenAbsent: Value): TypeCodec {
  return {
    name,
    typeName: codec.typeName,
    whenAbsent,
    declarations: '',
    read(element, path, context) {
      if (element.children.length > 0) throw elementFault(path, `has child elements; expected a ${codec.typeName} value`);
      try {
        return codec.parse(element.text, context);
      } catch (error) {
        if (error instanceof InvalidValueError) throw elementFault(path, `has the value ${quoted(clip(element.text))}, which is ${notAValid(codec, error)}`);
        throw error;
      }
    },
    write(value) {
      const text = codec.format(value as T);
      return codec.markupFree ? text : escapeText(text);
    },
    json(value, options) {
      if (options?.date !== undefined && codec === (xsDateTime as ValueCodec<unknown>)) return options.date(value as Instant);
      return (typeof value === 'object' && value !== null && !Array.isArray(value)) || (typeof value === 'number' && !Number.isFinite(value)) ? codec.format(value as T) : (value as JsonValue);
    },
    fromJson(json, where, reading) {
      const isBoolean = codec.typeName === 'xs:boolean';
      if (!reading.lenient && typeof json !== 'string' && typeof json !== 'number' && !(isBoolean && typeof json === 'boolean')) {
        throw reading.fail(where, `expected ${isBoolean ? 'true or false' : 'a string or a number'}, found ${describeJson(json, reading)}.`);
      }
      if (typeof json === 'object') throw reading.fail(where, `expected ${codec.typeName}, found ${describeJson(json, reading)}.`);
      if (typeof json === 'boolean' && !isBoolean) throw reading.fail(where, `expected ${codec.typeName}, found ${String(json)}.`);
      try {
        return codec.parse(String(json), reading.context);
      } catch (error) {
        if (error instanceof InvalidValueError) throw reading.fail(where, `${quoted(String(json))} is ${notAValid(codec, error)}.`);
        throw error;
      }
    },
  };
}

function enumTypeCodec(name: ClarkName, type: EnumType): TypeCodec {
  const local = name.slice(name.indexOf('}') + 1);
  const values = enumValues(type);
  const single = enumCodec(local, values);
  // .NET's default of an enum is 0: the name whose value is 0, where there is one.
  const zero = Object.keys(values).find((enumName) => values[enumName] === 0) ?? null;
  const names = Object.keys(values);
  /** REST's reading of one name: in any case, or its number. */
  const restName = (json: unknown, where: string, reading: JsonReading): string => {
    const text = String(json).trim();
    const name = names.find((n) => n.toLowerCase() === text.toLowerCase()) ?? (/^[0-9]+$/.test(text) ? names.find((n) => values[n] === Number(text)) : undefined);
    if (name === undefined || (typeof json !== 'string' && typeof json !== 'number')) {
      throw reading.fail(where, `${quoted(String(json))} is not a ${local}: give one of ${names.map((n) => `${n} (${values[n] ?? ''})`).join(', ')}.`);
    }
    return name;
  };
  const oneName = simpleCodec(name, single, zero);
  if (!type.flags) return { ...oneName, enumValues: values, fromJson: (json, where, reading) => (reading.lenient ? restName(json, where, reading) : oneName.fromJson(json, where, reading)) };
  const flags: ValueCodec<readonly string[]> = {
    typeName: local,
    parse(text, context) {
      const names = text.split(/[ \t\r\n]+/).filter((part) => part !== '');
      return names.map((part) => single.parse(part, context));
    },
    format: (value) => value.join(' '),
    markupFree: single.markupFree,
  };
  return {
    ...simpleCodec(name, flags, []),
    enumValues: values,
    flags: true,
    // JSON gives flags as an array of names, or as one string of them (REST also takes commas, as .NET's enum parser does).
    fromJson(json, where, reading) {
      const parts: readonly unknown[] = Array.isArray(json) ? json : String(json).split(reading.lenient ? /[ ,]+/ : /[ \t\r\n]+/).filter((part) => part !== '');
      return parts.map((part, i) => (reading.lenient ? restName(part, `${where}[${i}]`, reading) : oneName.fromJson(part, `${where}[${i}]`, reading)));
    },
  };
}

function restrictedCodec(name: ClarkName, type: RestrictedType, base: TypeCodec): TypeCodec {
  const pattern = type.facets.find((facet) => facet.facet === 'pattern');
  if (pattern === undefined) return { ...base, name, typeName: localName(name) };
  const regex = new RegExp(`^(?:${pattern.value.replace(/\\d/g, '[0-9]')})$`);
  const local = name.slice(name.indexOf('}') + 1);
  return {
    ...base,
    name,
    typeName: local,
    read(element, path, context) {
      const value = base.read(element, path, context);
      if (typeof value === 'string' && !regex.test(value.trim())) {
        throw elementFault(path, `has the value ${quoted(clip(element.text))}, which is not a valid ${local} (not of the pattern ${pattern.value})`);
      }
      return value;
    },
  };
}

/** xs:base64Binary, kept as its base64 text without white space. */
const xsBase64Binary: ValueCodec<string> = {
  typeName: 'xs:base64Binary',
  parse(text) {
    const compact = text.replace(/[ \t\r\n]+/g, '');
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) throw new InvalidValueError('not base64');
    return compact;
  },
  format: (value) => value,
  markupFree: true,
};

const xs = (local: string) => clark(XS_NS, local);
/** WCF's own simple types, declared in its Serialization namespace as restrictions, read by .NET's rules, not by their facets. */
const serialization = (local: string) => clark('http://schemas.microsoft.com/2003/10/Serialization/', local);

const BUILT_IN: ReadonlyMap<ClarkName, TypeCodec> = new Map([
  [xs('string'), simpleCodec(xs('string'), xsString, null)],
  [xs('int'), simpleCodec(xs('int'), xsInt, 0)],
  [xs('short'), simpleCodec(xs('short'), xsShort, 0)],
  [xs('boolean'), simpleCodec(xs('boolean'), xsBoolean, false)],
  [xs('dateTime'), simpleCodec(xs('dateTime'), xsDateTime, DOTNET_MIN_VALUE)],
  [xs('double'), simpleCodec(xs('double'), xsDouble, 0)],
  [xs('base64Binary'), simpleCodec(xs('base64Binary'), xsBase64Binary, null)],
  [xs('duration'), simpleCodec(xs('duration'), durationCodec, 'PT0S')],
  [serialization('guid'), simpleCodec(serialization('guid'), guidCodec, '00000000-0000-0000-0000-000000000000')],
  [serialization('char'), simpleCodec(serialization('char'), charCodec, 0)],
  [serialization('duration'), simpleCodec(serialization('duration'), durationCodec, 'PT0S')],
]);

function localName(name: ClarkName): string {
  return name.slice(name.indexOf('}') + 1);
}

function memo<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

