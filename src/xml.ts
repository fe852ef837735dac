import { XMLParser } from 'fast-xml-parser';
import { XMLNS_NS } from './contract/namespaces.js';

/**
 * A namespace-aware XML element. fast-xml-parser keeps prefixes as written; SOAP needs the namespace
 * each prefix stands for (clients choose prefixes freely), so this module resolves them once.
 */
export interface XmlElement {
  readonly localName: string;
  /** The namespace URI, or '' for an unqualified element. */
  readonly namespace: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** The element's own character data (text and CDATA), entities decoded. */
  readonly text: string;
}

export interface XmlAttribute {
  readonly localName: string;
  readonly namespace: string;
  readonly value: string;
}

/** The request body is not well-formed XML, or uses something the service refuses to read. */
export class XmlReadError extends Error {
  constructor(
    message: string,
    readonly kind: 'malformed' | 'dtd',
  ) {
    super(message);
    this.name = 'XmlReadError';
  }
}

const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';

/**
 * The parser leaves references alone (decodeReferences does them, in one pass) and keeps CDATA sections apart,
 * so that their content is not decoded. Its own entity handling cost a third of the parse: with htmlEntities,
 * which it needs to decode numeric references, it copies its HTML entity tables on every call.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: CDATA_KEY,
  // 101 levels at most (the root and 100 below it): the contract needs 6; a hostile body nests 100,000 deep.
  maxNestedTags: 100,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML's five entities and its character references, decoded in one pass (so `&amp;#65;` stays `&#65;`).
 * checkMarkup has already refused every other `&` and every reference to a character XML does not allow.
 */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (_reference, name: string | undefined, decimal: string | undefined, hex: string | undefined) =>
    name !== undefined ? (PREDEFINED_ENTITIES[name] as string) : String.fromCodePoint(decimal !== undefined ? Number(decimal) : parseInt(hex as string, 16)),
  );
}

type OrderedNode = Record<string, unknown>;
type Scope = ReadonlyMap<string, string>;

const ROOT_SCOPE: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

/** Parses a document with exactly one root element. Throws XmlReadError. */
export function parseXml(xml: string): XmlElement {
  checkMarkup(xml);
  let nodes: unknown;
  try {
    nodes = parser.parse(xml, true);
  } catch (error) {
    throw new XmlReadError(describeParserError(error), 'malformed');
  }
  const roots = (nodes as OrderedNode[]).filter((node) => !(TEXT_KEY in node) && !(CDATA_KEY in node));
  const strayText =
    (nodes as OrderedNode[]).some((node) => CDATA_KEY in node || (TEXT_KEY in node && String(node[TEXT_KEY]).trim() !== '')) || hasTextAfterRoot(xml);
  if (roots.length !== 1 || strayText) {
    throw new XmlReadError(`The document must have exactly one root element; it has ${roots.length}${strayText ? ' and text outside it' : ''}.`, 'malformed');
  }
  return toElement(roots[0] as OrderedNode, ROOT_SCOPE);
}

const MARKUP_TO_CHECK = /<!--|<!\[CDATA\[|<!DOCTYPE|&/gi;
const PREDEFINED_REFERENCE = /&(?:amp|lt|gt|quot|apos);/y;
const CHARACTER_REFERENCE = /&#(?:([0-9]+)|x([0-9a-fA-F]+));/y;
/** Characters XML 1.0 does not allow in a document, even escaped: C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SKIPPED_UNTIL: Readonly<Record<string, string>> = { '<!--': '-->', '<![CDATA[': ']]>' };

/**
 * Refuses what the parser would let through but XML or WCF refuse: characters XML does not allow; and, outside
 * comments and CDATA sections, a DOCTYPE (a DTD can declare entities that expand without bound or read files;
 * WCF prohibits DTDs) and an `&` that does not start one of XML's five entities or a character reference to an
 * allowed character (the parser would keep an undeclared `&foo;` as text, or expand an HTML entity such as `&nbsp;`).
 * One linear pass: the ends of comments and CDATA are found with indexOf, so hostile input cannot make it quadratic.
 */
function checkMarkup(xml: string): void {
  const forbidden = FORBIDDEN_CHARACTER.exec(xml);
  if (forbidden !== null) {
    throw new XmlReadError(
      `The request body is not well-formed XML: it contains the character U+${codePoint(forbidden[0])}, which XML does not allow (${lineAndColumn(xml, forbidden.index)}).`,
      'malformed',
    );
  }
  const candidates = new RegExp(MARKUP_TO_CHECK);
  for (let match = candidates.exec(xml); match !== null; match = candidates.exec(xml)) {
    const found = match[0];
    const closing = SKIPPED_UNTIL[found.toUpperCase()];
    if (closing !== undefined) {
      const close = xml.indexOf(closing, candidates.lastIndex);
      if (close === -1) return; // unterminated: the parser reports it
      candidates.lastIndex = close + closing.length;
      continue;
    }
    if (found !== '&') {
      throw new XmlReadError(`DTDs are prohibited in SOAP messages: the request contains a DOCTYPE declaration (${lineAndColumn(xml, match.index)}).`, 'dtd');
    }
    PREDEFINED_REFERENCE.lastIndex = match.index;
    if (PREDEFINED_REFERENCE.test(xml)) continue;
    CHARACTER_REFERENCE.lastIndex = match.index;
    const reference = CHARACTER_REFERENCE.exec(xml);
    if (reference !== null) {
      const value = reference[1] !== undefined ? Number(reference[1]) : parseInt(reference[2] as string, 16);
      if (isXmlCharacter(value)) continue;
      throw new XmlReadError(
        `The request body is not well-formed XML: '${reference[0]}' refers to a character XML does not allow (${lineAndColumn(xml, match.index)}).`,
        'malformed',
      );
    }
    const written = /^&[^;\s<&]{0,32};?/.exec(xml.slice(match.index, match.index + 40))?.[0] ?? '&';
    throw new XmlReadError(
      `The request body is not well-formed XML: '${written}' is not a declared entity (${lineAndColumn(xml, match.index)}); write & as &amp;, or use a character reference such as &#198;.`,
      'malformed',
    );
  }
}

function isXmlCharacter(value: number): boolean {
  return value === 0x9 || value === 0xa || value === 0xd || (value >= 0x20 && value <= 0xd7ff) || (value >= 0xe000 && value <= 0xfffd) || (value >= 0x10000 && value <= 0x10ffff);
}

function codePoint(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function lineAndColumn(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/** The parser drops text after a self-closing root element (`<a/>x`); anything but comments, processing instructions and whitespace may follow the root. */
function hasTextAfterRoot(xml: string): boolean {
  let end = xml.length;
  for (;;) {
    while (end > 0 && ' \t\r\n'.includes(xml[end - 1] as string)) end -= 1;
    const tail = xml.slice(Math.max(0, end - 3), end);
    if (tail === '-->') end = xml.lastIndexOf('<!--', end - 3);
    else if (tail.endsWith('?>')) end = xml.lastIndexOf('<?', end - 2);
    else return xml[end - 1] !== '>';
    if (end < 0) return true;
  }
}

function describeParserError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // fast-xml-parser appends ":line:column"; say it in words.
  const match = /^(.*):(\d+):(\d+|undefined)$/s.exec(message);
  if (!match) return `The request body is not well-formed XML: ${message}`;
  const where = match[3] === 'undefined' ? `line ${match[2]}` : `line ${match[2]}, column ${match[3]}`;
  return `The request body is not well-formed XML: ${match[1]} (${where}).`;
}

function toElement(node: OrderedNode, parentScope: Scope): XmlElement {
  const qualifiedName = Object.keys(node).find((key) => key !== ATTRIBUTES_KEY);
  if (qualifiedName === undefined) throw new XmlReadError('The request body is not well-formed XML: an element has no name.', 'malformed');
  const rawAttributes: Record<string, string> = {};
  for (const [name, value] of Object.entries((node[ATTRIBUTES_KEY] ?? {}) as Record<string, string>)) rawAttributes[name] = decodeReferences(value);
  const scope = declareNamespaces(rawAttributes, parentScope);
  const { prefix, localName } = splitName(qualifiedName);
  const namespace = resolvePrefix(prefix, scope, qualifiedName);

  const attributes: XmlAttribute[] = [];
  for (const [name, value] of Object.entries(rawAttributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const split = splitName(name);
    // Unprefixed attributes are in no namespace (not the default namespace), per Namespaces in XML.
    attributes.push({ localName: split.localName, namespace: split.prefix === '' ? '' : resolvePrefix(split.prefix, scope, name), value });
  }

  const children: XmlElement[] = [];
  let text = '';
  for (const child of node[qualifiedName] as OrderedNode[]) {
    if (TEXT_KEY in child) text += decodeReferences(String(child[TEXT_KEY]));
    else if (CDATA_KEY in child) text += (child[CDATA_KEY] as OrderedNode[]).map((part) => String(part[TEXT_KEY] ?? '')).join('');
    else children.push(toElement(child, scope));
  }
  return { localName, namespace, attributes, children, text };
}

function declareNamespaces(attributes: Record<string, string>, parent: Scope): Scope {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice('xmlns:'.length), value);
  }
  return scope ?? parent;
}

function splitName(qualifiedName: string): { prefix: string; localName: string } {
  const colon = qualifiedName.indexOf(':');
  if (colon === -1) return { prefix: '', localName: qualifiedName };
  const prefix = qualifiedName.slice(0, colon);
  const localName = qualifiedName.slice(colon + 1);
  if (prefix === '' || localName === '' || localName.includes(':')) {
    throw new XmlReadError(`The request body is not well-formed XML: '${qualifiedName}' is not a valid qualified name.`, 'malformed');
  }
  return { prefix, localName };
}

function resolvePrefix(prefix: string, scope: Scope, qualifiedName: string): string {
  if (prefix === 'xmlns') return XMLNS_NS;
  const namespace = scope.get(prefix);
  if (namespace !== undefined) return namespace;
  if (prefix === '') return '';
  throw new XmlReadError(`The request body is not well-formed XML: the prefix '${prefix}' of '${qualifiedName}' is not declared.`, 'malformed');
}

/** The first child with this local name and namespace, or undefined. */
export function childElement(parent: XmlElement, namespace: string, localName: string): XmlElement | undefined {
  return parent.children.find((child) => child.localName === localName && child.namespace === namespace);
}

export function attributeValue(element: XmlElement, namespace: string, localName: string): string | undefined {
  return element.attributes.find((a) => a.localName === localName && a.namespace === namespace)?.value;
}

/** Escapes character data for an element's content. CR is written as a reference so that it survives a parser's line-end normalisation. */
export function escapeText(text: string): string {
  // Most values need no escaping; testing first saves replace()'s copy (a third of writing 1,000 messages).
  return TEXT_TO_ESCAPE.test(text) ? text.replace(TEXT_TO_ESCAPE_ALL, escapeCharacter) : text;
}

const TEXT_TO_ESCAPE = /[&<>\r]/;
const TEXT_TO_ESCAPE_ALL = /[&<>\r]/g;
const escapeCharacter = (c: string): string => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;');

/** Escapes a value for a double-quoted attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\r\n\t]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
