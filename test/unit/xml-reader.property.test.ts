import { expect } from 'chai';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { SERVICES88_NS, SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS, XMLNS_NS, XSI_NS } from '../../src/contract/namespaces.js';
import { escapeAttribute, escapeText, parseXml, XmlReadError, type XmlAttribute, type XmlElement } from '../../src/xml.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/*
 * Generated documents: a tree with the choices a writer has (prefixes and where they are declared, quotes,
 * whitespace in tags, each character literal or as a reference, CDATA, comments, processing instructions), written
 * out, and the elements a reader must find in it, worked out alongside.
 */

const NAME_START = ['a', 'b', 'Z', '_', 'é', 'Ω', '中', '\u{10000}'];
const NAME_REST = [...NAME_START, '0', '9', '-', '.', '·', '\u0300'];
const ncName = fc
  .tuple(fc.constantFrom(...NAME_START), fc.array(fc.constantFrom(...NAME_REST), { maxLength: 5 }))
  .map(([first, rest]) => first + rest.join(''))
  .filter((name) => name !== 'xmlns');

/** Prefixes the root declares, so that any element may use them; elements below may redeclare them. */
const PREFIXES = ['p', 'q', 'é1'];
const NAMESPACES = ['urn:a', 'urn:b', 'http://example.com/x?y=1&z=<2>', 'urn:ü:😀'];

/** Characters for text and attribute values: markup, quotes, whitespace and line ends, non-ASCII, astral. */
const CHARACTERS = ['a', 'Z', '0', ' ', '\t', '\n', '\r', '<', '>', '&', '"', "'", ']', 'é', '€', '中', '\u00A0', '\uFFFD', '\u{1F600}', '\u{10FFFF}'];
const NAMED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
type Form = 'literal' | 'decimal' | 'hex' | 'named';
const written = fc.array(fc.tuple(fc.constantFrom(...CHARACTERS), fc.constantFrom<Form>('literal', 'decimal', 'hex', 'named')), { maxLength: 12 });

const whitespace = fc.constantFrom('', ' ', '\n', '\t', '  ', '\r\n');
const someWhitespace = fc.constantFrom(' ', '\n', '\t', ' \r\n ');

interface GeneratedAttribute {
  readonly prefix: string | undefined;
  readonly localName: string;
  readonly value: [string, Form][];
  readonly quote: '"' | "'";
  readonly before: string;
  readonly aroundEquals: [string, string];
}

interface GeneratedElement {
  readonly prefix: string | undefined;
  readonly localName: string;
  readonly declarations: { readonly prefix: string; readonly namespace: string }[];
  readonly attributes: GeneratedAttribute[];
  readonly content: GeneratedContent[];
  readonly emptyTag: boolean;
  readonly beforeClose: string;
  readonly inEndTag: string;
}

type GeneratedContent =
  | { readonly kind: 'text'; readonly text: [string, Form][] }
  | { readonly kind: 'cdata'; readonly text: string }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'pi'; readonly target: string; readonly data: string }
  | { readonly kind: 'element'; readonly element: GeneratedElement };

const attribute: fc.Arbitrary<GeneratedAttribute> = fc.record({
  prefix: fc.constantFrom(undefined, undefined, ...PREFIXES, 'xml'),
  localName: ncName,
  value: written,
  quote: fc.constantFrom<'"' | "'">('"', "'"),
  before: someWhitespace,
  aroundEquals: fc.tuple(whitespace, whitespace),
});

const declaration = fc.oneof(
  fc.record({ prefix: fc.constantFrom(...PREFIXES), namespace: fc.constantFrom(...NAMESPACES) }),
  fc.record({ prefix: fc.constant(''), namespace: fc.constantFrom('', ...NAMESPACES) }),
);

const plainText = fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '😀', '<', '&', ']', '>', '-', '?'), maxLength: 10 });

const { element: generatedElement } = fc.letrec<{ element: GeneratedElement; content: GeneratedContent }>((tie) => ({
  element: fc.record({
    prefix: fc.constantFrom(undefined, ...PREFIXES),
    localName: ncName,
    declarations: fc.array(declaration, { maxLength: 2 }),
    attributes: fc.array(attribute, { maxLength: 4 }),
    content: fc.array(tie('content'), { maxLength: 5 }),
    emptyTag: fc.boolean(),
    beforeClose: whitespace,
    inEndTag: whitespace,
  }),
  content: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'element' },
    fc.record({ kind: fc.constant('text' as const), text: written }),
    fc.record({ kind: fc.constant('cdata' as const), text: plainText.map((text) => text.replaceAll(']]>', ']] >')) }),
    fc.record({ kind: fc.constant('comment' as const), text: plainText.map((text) => text.replace(/-(?=-|$)/g, '=')) }),
    fc.record({ kind: fc.constant('pi' as const), target: fc.constantFrom('pi', 'xml-stylesheet', 'a.b'), data: plainText.map((text) => text.replaceAll('?>', '? >')) }),
    fc.record({ kind: fc.constant('element' as const), element: tie('element') }),
  ),
}));

const prolog = fc.array(fc.constantFrom('\n', ' ', '<!-- a comment -->', '<?pi data?>'), { maxLength: 3 }).map((items) => items.join(''));
const document = fc.record({
  declaration: fc.constantFrom('', '<?xml version="1.0"?>', "<?xml version='1.0' encoding='utf-8'?>\n", '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'),
  before: prolog,
  root: generatedElement,
  after: prolog,
});

/** One character as the writer chose to write it, and what a reader must read for it. */
function writeCharacter(character: string, form: Form, literalAllowed: boolean): string {
  if (form === 'literal' && literalAllowed) return character;
  const named = NAMED[character];
  if (form === 'named' && named !== undefined) return named;
  const code = character.codePointAt(0) as number;
  return form === 'hex' ? `&#x${code.toString(16)};` : `&#${code};`;
}

function writeText(text: readonly [string, Form][], tail: string): { xml: string; value: string } {
  let xml = '';
  for (const [character, form] of text) {
    // Literal CR would be read as LF; literal > would end ']]>' after two literal ]s.
    const literalAllowed = character !== '<' && character !== '&' && character !== '\r' && !(character === '>' && (tail + xml).endsWith(']]'));
    xml += writeCharacter(character, form, literalAllowed);
  }
  return { xml, value: text.map(([character]) => character).join('') };
}

function writeAttributeValue(text: readonly [string, Form][], quote: string): { xml: string; value: string } {
  let xml = '';
  for (const [character, form] of text) {
    // A literal tab, LF or CR would be read as a space.
    const literalAllowed = !['<', '&', quote, '\t', '\n', '\r'].includes(character);
    xml += writeCharacter(character, form, literalAllowed);
  }
  return { xml, value: text.map(([character]) => character).join('') };
}

function writeElement(element: GeneratedElement, outer: ReadonlyMap<string, string>, isRoot: boolean): { xml: string; expected: XmlElement } {
  const scope = new Map(outer);
  const declarations = element.declarations.filter((d, i) => element.declarations.findIndex((other) => other.prefix === d.prefix) === i);
  if (isRoot) {
    PREFIXES.forEach((prefix, i) => {
      if (!declarations.some((d) => d.prefix === prefix)) declarations.push({ prefix, namespace: NAMESPACES[i % NAMESPACES.length] as string });
    });
  }
  for (const { prefix, namespace } of declarations) scope.set(prefix, namespace);
  const qualifiedName = element.prefix === undefined ? element.localName : `${element.prefix}:${element.localName}`;
  let xml = `<${qualifiedName}`;
  for (const { prefix, namespace } of declarations) xml += ` ${prefix === '' ? 'xmlns' : `xmlns:${prefix}`}="${escapeAttribute(namespace)}"`;

  const attributes: XmlAttribute[] = [];
  const names = new Set<string>();
  for (const a of element.attributes) {
    const namespace = a.prefix === undefined ? '' : a.prefix === 'xml' ? XML_NS : (scope.get(a.prefix) as string);
    const name = a.prefix === undefined ? a.localName : `${a.prefix}:${a.localName}`;
    // A name written twice, or two prefixes for one namespace, would be a repeated attribute.
    if (names.has(name) || attributes.some((other) => other.localName === a.localName && other.namespace === namespace)) continue;
    names.add(name);
    const value = writeAttributeValue(a.value, a.quote);
    xml += `${a.before}${name}${a.aroundEquals[0]}=${a.aroundEquals[1]}${a.quote}${value.xml}${a.quote}`;
    attributes.push({ localName: a.localName, namespace, value: value.value });
  }

  const expected = {
    localName: element.localName,
    namespace: element.prefix === undefined ? (scope.get('') ?? '') : (scope.get(element.prefix) as string),
    attributes,
    children: [] as XmlElement[],
    text: '',
  };
  if (element.emptyTag && element.content.length === 0) return { xml: `${xml}${element.beforeClose}/>`, expected };

  xml += `${element.beforeClose}>`;
  for (const item of element.content) {
    if (item.kind === 'text') {
      const text = writeText(item.text, xml);
      xml += text.xml;
      expected.text += text.value;
    } else if (item.kind === 'cdata') {
      xml += `<![CDATA[${item.text}]]>`;
      expected.text += item.text;
    } else if (item.kind === 'comment') {
      xml += `<!--${item.text}-->`;
    } else if (item.kind === 'pi') {
      xml += `<?${item.target} ${item.data}?>`;
    } else {
      const child = writeElement(item.element, scope, false);
      xml += child.xml;
      expected.children.push(child.expected);
    }
  }
  return { xml: `${xml}</${qualifiedName}${element.inEndTag}>`, expected };
}

/** Any element written back out: one prefix per namespace, declared on the root. */
function writeBack(root: XmlElement): string {
  const prefixes = new Map<string, string>([
    [XML_NS, 'xml'],
    [XMLNS_NS, 'xmlns'],
  ]);
  const name = (localName: string, namespace: string) => {
    if (namespace === '') return localName;
    let prefix = prefixes.get(namespace);
    if (prefix === undefined) prefixes.set(namespace, (prefix = `n${prefixes.size}`));
    return `${prefix}:${localName}`;
  };
  const write = (element: XmlElement): string => {
    const tag = name(element.localName, element.namespace);
    const attributes = element.attributes.map((a) => ` ${name(a.localName, a.namespace)}="${escapeAttribute(a.value)}"`).join('');
    return `<${tag}${attributes}>${escapeText(element.text)}${element.children.map(write).join('')}</${tag}>`;
  };
  const body = write(root);
  const declarations = [...prefixes]
    .filter(([, prefix]) => prefix !== 'xml' && prefix !== 'xmlns')
    .map(([namespace, prefix]) => ` xmlns:${prefix}="${escapeAttribute(namespace)}"`)
    .join('');
  const nameEnd = body.search(/[\s>]/);
  return body.slice(0, nameEnd) + declarations + body.slice(nameEnd);
}

describe('parseXml on generated documents (fast-check)', () => {
  it('reads every generated tree, written with any prefixes, quotes, references, CDATA, comments and whitespace, as the tree', () => {
    fc.assert(
      fc.property(document, ({ declaration, before, root, after }) => {
        const { xml, expected } = writeElement(root, new Map(), true);
        expect(parseXml(`${declaration}${before}${xml}${after}`)).to.deep.equal(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads each element it returns, written back out, as the same element', () => {
    fc.assert(
      fc.property(generatedElement, (root) => {
        const first = parseXml(writeElement(root, new Map(), true).xml);
        expect(parseXml(writeBack(first))).to.deep.equal(first);
      }),
      { numRuns: 300 },
    );
  });
});

/*
 * Mutated envelopes: slices deleted, inserted and duplicated. fast-xml-parser's validator is the oracle one way
 * only: what it refuses, the reader must refuse. The reader refuses more (undeclared prefixes and entities, '<' in
 * attribute values, ']]>' in text, characters XML does not allow, more than one root), so the other way is not
 * checked against it; instead, whatever the reader accepts must survive being written back out and read again.
 */

const ENVELOPES = [
  `<s:Envelope xmlns:s="${SOAP11_ENVELOPE_NS}" xmlns:c="${SERVICES88_NS}"><s:Header><c:ApplicationToken>1234567-1234-9876</c:ApplicationToken>` +
    '<c:Credentials><c:Ticket>7T:1234abcxyzExample==</c:Ticket></c:Credentials></s:Header><s:Body><c:AddChatMessage><c:ChatSessionId>1</c:ChatSessionId>' +
    '<c:Message><c:Type>ToUser</c:Type><c:Message>hello</c:Message><c:WhenPosted>2021-03-25T21:36:53Z</c:WhenPosted></c:Message></c:AddChatMessage></s:Body></s:Envelope>',
  `<?xml version="1.0" encoding="utf-8"?>\r\n<env:Envelope xmlns:env="${SOAP12_ENVELOPE_NS}">\r\n  <env:Body>\r\n` +
    `    <AddChatMessage xmlns="${SERVICES88_NS}" xmlns:i="${XSI_NS}">\r\n      <ChatSessionId>1</ChatSessionId>\r\n` +
    `      <Message><Author i:nil="true"/><Message>a &amp; b &#xC6; <![CDATA[<x>]]></Message><!-- note --></Message>\r\n    </AddChatMessage>\r\n  </env:Body>\r\n</env:Envelope>\r\n`,
];
const PIECES = ['<', '>', '&', '&amp;', '&#65;', '&#0;', '&nope;', ']]>', '<![CDATA[x]]>', '<!-- c -->', '<!--', '-->', '<?pi x?>', '<?xml version="1.0"?>', '<!DOCTYPE x>'];
const MORE_PIECES = ['"', "'", '=', ' ', '\n', '\r', ':', '/', 'xmlns:c="urn:x"', 'xmlns=""', ' a="1"', 'é', '😀', '\uD800', '\u0001', '<x/>', '</x>', '<x>'];

type Mutation = readonly ['delete', number, number] | readonly ['insert', number, string] | readonly ['duplicate', number, number, number];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.nat({ max: 40 })),
  fc.tuple(fc.constant('insert' as const), fc.nat(), fc.oneof(fc.constantFrom(...PIECES, ...MORE_PIECES), fc.string({ maxLength: 8 }), fc.string({ maxLength: 4, unit: 'binary' }))),
  fc.tuple(fc.constant('duplicate' as const), fc.nat(), fc.nat({ max: 60 }), fc.nat()),
);

function mutate(xml: string, change: Mutation): string {
  const at = change[1] % (xml.length + 1);
  if (change[0] === 'delete') return xml.slice(0, at) + xml.slice(at + change[2]);
  if (change[0] === 'insert') return xml.slice(0, at) + change[2] + xml.slice(at);
  const to = change[3] % (xml.length + 1);
  return xml.slice(0, to) + xml.slice(at, at + change[2]) + xml.slice(to);
}

const mutatedEnvelope = fc
  .tuple(fc.constantFrom(...ENVELOPES), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([envelope, changes]) => changes.reduce(mutate, envelope));

function readOrRefuse(xml: string): XmlElement | XmlReadError {
  try {
    return parseXml(xml);
  } catch (error) {
    if (error instanceof XmlReadError) return error;
    throw error;
  }
}

describe('parseXml on mutated envelopes (fast-check)', () => {
  it('reads the envelopes unmutated', () => {
    for (const envelope of ENVELOPES) expect(readOrRefuse(envelope)).not.to.be.instanceOf(XmlReadError);
  });

  it('returns an element or throws XmlReadError, never another error', () => {
    fc.assert(
      fc.property(mutatedEnvelope, (xml) => {
        readOrRefuse(xml);
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses every mutation fast-xml-parser's validator refuses", () => {
    fc.assert(
      fc.property(mutatedEnvelope, (xml) => {
        const verdict = XMLValidator.validate(xml);
        // The validator does not know the astral characters XML 1.0 (fifth edition) allows in names.
        if (verdict === true || (/invalid name/.test(verdict.err.msg) && /[\uD800-\uDBFF]/.test(verdict.err.msg))) return;
        expect(readOrRefuse(xml), `${verdict.err.msg}\n${JSON.stringify(xml)}`).to.be.instanceOf(XmlReadError);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads each mutation it accepts, written back out, as the same element', () => {
    fc.assert(
      fc.property(mutatedEnvelope, (xml) => {
        const first = readOrRefuse(xml);
        if (first instanceof XmlReadError) return;
        expect(parseXml(writeBack(first))).to.deep.equal(first);
      }),
      { numRuns: 1000 },
    );
  });
});
