import fc from 'fast-check';
import { SERVICES88_NS, SOAP11_ENVELOPE_NS } from '../../src/contract/namespaces.js';
import { SAMPLE_TICKET as VALID_TICKET, SAMPLE_TOKEN as VALID_TOKEN } from './soap.js';

/**
 * Hostile request bodies, made by code: the named attacks a contract-testing emulator is fed on purpose, and
 * random mutations of a valid envelope. Shared by the test suite and the soak script.
 */


export function validEnvelope(session: number, text: string): string {
  return (
    `<s:Envelope xmlns:s="${SOAP11_ENVELOPE_NS}" xmlns:c="${SERVICES88_NS}">` +
    `<s:Header><c:ApplicationToken>${VALID_TOKEN}</c:ApplicationToken><c:Credentials><c:Ticket>${VALID_TICKET}</c:Ticket></c:Credentials></s:Header>` +
    `<s:Body><c:AddChatMessage><c:ChatSessionId>${session}</c:ChatSessionId><c:Message><c:Type>ToUser</c:Type><c:Message>${text}</c:Message>` +
    '<c:WhenPosted>2021-03-25T21:36:53Z</c:WhenPosted></c:Message></c:AddChatMessage></s:Body></s:Envelope>'
  );
}

export interface Attack {
  readonly name: string;
  readonly body: Buffer;
  /** The HTTP status the emulator answers it with. */
  readonly status: number;
  /** Text the fault reason includes, if it is a fault. */
  readonly reason?: string;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const inBody = (content: string) => validEnvelope(1, 'x').replace(/<s:Body>.*<\/s:Body>/, `<s:Body>${content}</s:Body>`);

/** The named attacks. `probeUrl` is a URL an external entity points to: the tests listen there and see no connection. */
export function namedAttacks(probeUrl: string): Attack[] {
  const deep = (levels: number) => `${'<x>'.repeat(levels)}${'</x>'.repeat(levels)}`;
  const laughs = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
  return [
    { name: 'a DOCTYPE', body: utf8(`<!DOCTYPE s:Envelope>${validEnvelope(1, 'x')}`), status: 400, reason: 'DTDs are prohibited' },
    { name: 'an external entity to a file (XXE)', body: utf8(`<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${validEnvelope(1, '&xxe;')}`), status: 400, reason: 'DTDs are prohibited' },
    { name: 'an external entity to a URL (XXE)', body: utf8(`<!DOCTYPE d [<!ENTITY xxe SYSTEM "${probeUrl}">]>${validEnvelope(1, '&xxe;')}`), status: 400, reason: 'DTDs are prohibited' },
    { name: 'a parameter entity to a URL', body: utf8(`<!DOCTYPE d [<!ENTITY % p SYSTEM "${probeUrl}"> %p;]>${validEnvelope(1, 'x')}`), status: 400, reason: 'DTDs are prohibited' },
    { name: 'entity expansion ("billion laughs")', body: utf8(`<?xml version="1.0"?><!DOCTYPE lolz [${laughs}]>${validEnvelope(1, '&lol9;')}`), status: 400, reason: 'DTDs are prohibited' },
    { name: 'an undeclared entity', body: utf8(validEnvelope(1, '&lol9;')), status: 400, reason: 'not well-formed' },
    { name: '100,000 nested elements', body: utf8(inBody(deep(100_000))), status: 400, reason: 'not well-formed' },
    { name: '100,000 nested elements in a value', body: utf8(validEnvelope(1, deep(100_000))), status: 400, reason: 'not well-formed' },
    { name: 'a 900 KB text where an xs:int goes', body: utf8(validEnvelope(1, 'x').replace('<c:ChatSessionId>1<', `<c:ChatSessionId>${'9'.repeat(900_000)}<`)), status: 500, reason: 'not a valid xs:int' },
    { name: 'a 900 KB attribute value', body: utf8(validEnvelope(1, 'x').replace('<c:AddChatMessage>', `<c:AddChatMessage a="${'a'.repeat(900_000)}">`)), status: 200 },
    { name: 'a 900 KB element name', body: utf8(inBody(`<c:${'n'.repeat(900_000)}/>`)), status: 500, reason: 'Expected element' },
    {
      name: '5,000 namespace declarations',
      body: utf8(validEnvelope(1, 'x').replace('<c:AddChatMessage>', `<c:AddChatMessage${Array.from({ length: 5000 }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('')}>`)),
      status: 200,
    },
    { name: '150,000 unknown elements', body: utf8(validEnvelope(1, 'x').replace('<c:Type>', `${'<c:E/>'.repeat(150_000)}<c:Type>`)), status: 200 },
    { name: 'bytes that are not UTF-8', body: Buffer.concat([utf8(validEnvelope(1, 'x').slice(0, 300)), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), utf8(validEnvelope(1, 'x').slice(300))]), status: 400, reason: 'not valid UTF-8' },
    { name: 'a NUL character', body: utf8(validEnvelope(1, 'a\u0000b')), status: 400, reason: 'not well-formed' },
    { name: 'a character reference to a character XML forbids', body: utf8(validEnvelope(1, 'a&#x1;b')), status: 400, reason: 'not well-formed' },
    { name: 'a surrogate encoded in UTF-8 (CESU-8)', body: Buffer.concat([utf8(validEnvelope(1, 'a').split('a</c:Message>')[0] as string), Buffer.from([0xed, 0xa0, 0x80]), utf8(`a</c:Message>${validEnvelope(1, 'a').split('a</c:Message>')[1] as string}`)]), status: 400, reason: 'not valid UTF-8' },
    { name: 'an empty body', body: Buffer.alloc(0), status: 400, reason: 'not well-formed' },
    { name: 'a truncated envelope', body: utf8(validEnvelope(1, 'x').slice(0, 250)), status: 400, reason: 'not well-formed' },
  ];
}

/** Pieces a mutation inserts: markup, entities and bytes that XML readers trip on. */
const HOSTILE_PIECES = [
  '<',
  '>',
  '&',
  '&amp',
  '&#0;',
  '&#xD800;',
  '&nope;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '<!DOCTYPE x>',
  '<!ENTITY e "v">',
  '<?xml version="1.0"?>',
  '</s:Body>',
  '<s:Envelope>',
  '"',
  "'",
  '\u0000',
  '\u0008',
  '\uFFFE',
  '\uD800',
  'xmlns:c="urn:other"',
  'xsi:nil="true"',
  '<c:x>'.repeat(1000),
];
const HOSTILE_BYTES = [Buffer.from([0xc3, 0x28]), Buffer.from([0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x90, 0x80]), Buffer.from([0xc0, 0xaf])];

/** One random mutation of a valid envelope: truncated, or with hostile pieces or bytes inserted, or bytes flipped. */
export function mutatedEnvelope(): fc.Arbitrary<Buffer> {
  const base = utf8(validEnvelope(1, 'fuzz'));
  const position = fc.integer({ min: 0, max: base.length });
  const insertion = fc.oneof(fc.constantFrom(...HOSTILE_PIECES).map(utf8), fc.constantFrom(...HOSTILE_BYTES), fc.string({ maxLength: 20, unit: 'binary' }).map(utf8));
  return fc.oneof(
    position.map((at) => base.subarray(0, at)),
    fc.array(fc.tuple(position, insertion), { minLength: 1, maxLength: 4 }).map((edits) => {
      let body = base;
      for (const [at, piece] of edits.sort((a, b) => b[0] - a[0])) body = Buffer.concat([body.subarray(0, at), piece, body.subarray(at)]);
      return body;
    }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const body = Buffer.from(base);
      for (const [at, value] of flips) body[at] = value;
      return body;
    }),
  );
}
