import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { xsDateTime } from '../../src/contract/datetime.js';
import type { ChatMessage } from '../../src/contract/chat-message.js';
import { SERVICES88_NS, XSI_NS } from '../../src/contract/namespaces.js';
import { Schema, type JsonValue, type Value } from '../../src/contract/schema.js';
import { clark, readContractDocument, XS_NS, type ClarkName, type ComplexType, type ContractDocument } from '../../src/contract/wsdl-model.js';
import { EmulatorError } from '../../src/errors.js';
import { WSDL_PATHS } from '../../src/transport/wsdl.js';
import { parseXml } from '../../src/xml.js';
import { READ_CONTEXT } from '../support/context.js';

const documents: Record<'Chat' | 'SoPrincipal', ContractDocument> = {
  Chat: readContractDocument(readFileSync(WSDL_PATHS.Chat, 'utf8'), 'Chat.wsdl'),
  SoPrincipal: readContractDocument(readFileSync(WSDL_PATHS.SoPrincipal, 'utf8'), 'SoPrincipal.wsdl'),
};
const n = (local: string) => clark(SERVICES88_NS, local);
const PREFIXES: Record<string, string> = { [SERVICES88_NS]: '', 'http://schemas.microsoft.com/2003/10/Serialization/Arrays': 'a', 'http://schemas.datacontract.org/2004/07/System.Security.Cryptography': 'b' };

/** An element's content read with the schema, from XML written here, independently of the schema's writer. */
function read(schema: Schema, type: ClarkName, content: string, declarations = ''): Value {
  const root = parseXml(`<R xmlns="${SERVICES88_NS}" xmlns:i="${XSI_NS}" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:b="http://schemas.datacontract.org/2004/07/System.Security.Cryptography"${declarations}>${content}</R>`);
  return schema.codec(type).read(root, 'R', READ_CONTEXT);
}

/**
 * A full instance of a type as XML, every element present once (arrays twice), built from the contract document
 * alone: a sample value of every simple type, the first names of enums, recursion cut at a depth.
 */
function sampleContent(document: ContractDocument, type: ClarkName | ComplexType, depth: number): string {
  if (typeof type !== 'string') return complexContent(document, type, depth);
  const simple = SAMPLES.get(type);
  if (simple !== undefined) return simple;
  const declared = document.types.get(type);
  if (declared === undefined) throw new Error(`no type ${type}`);
  if (declared.kind === 'enum') return declared.flags ? declared.values.slice(0, 2).map((v) => v.name).join(' ') : (declared.values[1] ?? declared.values[0])?.name ?? '';
  if (declared.kind === 'restricted') return declared.base === clark(XS_NS, 'string') ? '0f8fad5b-d9cb-469f-a165-70867728950e' : '65';
  return complexContent(document, declared, depth);
}

function complexContent(document: ContractDocument, type: ComplexType, depth: number): string {
  const base = type.base === null ? '' : complexContent(document, document.types.get(type.base) as ComplexType, depth);
  let xml = base;
  for (const element of type.elements) {
    const close = element.name.indexOf('}');
    const prefix = PREFIXES[element.name.slice(1, close)] ?? '';
    const tag = `${prefix === '' ? '' : `${prefix}:`}${element.name.slice(close + 1)}`;
    const times = element.maxOccurs === 'unbounded' ? 2 : 1;
    for (let i = 0; i < times; i++) {
      const nested = typeof element.type !== 'string' || document.types.get(element.type)?.kind === 'complex';
      if (nested && depth <= 0) xml += element.nillable ? `<${tag} i:nil="true"/>` : '';
      else xml += `<${tag}>${sampleContent(document, element.type, depth - 1)}</${tag}>`;
    }
  }
  return xml;
}

const SAMPLES: ReadonlyMap<ClarkName, string> = new Map([
  [clark(XS_NS, 'string'), 'text &amp; more'],
  [clark(XS_NS, 'int'), '7'],
  [clark(XS_NS, 'short'), '-3'],
  [clark(XS_NS, 'boolean'), 'true'],
  [clark(XS_NS, 'dateTime'), '2021-03-25T21:36:53.1234567Z'],
  [clark(XS_NS, 'double'), '1.5'],
  [clark(XS_NS, 'base64Binary'), 'AAEC'],
]);

describe('Schema: the contract types compiled from the WSDLs', () => {
  for (const [service, document] of Object.entries(documents)) {
    it(`${service}: reads and writes back a full instance of every complex type, every field, base fields first`, () => {
      const schema = new Schema(document);
      const complex = [...document.types].filter(([, type]) => type.kind === 'complex');
      expect(complex.length).to.be.greaterThan(10);
      for (const [name] of complex) {
        const content = sampleContent(document, name, 3);
        const value = read(schema, name, content);
        const written = schema.codec(name).write(value);
        expect(read(schema, name, written), name).to.deep.equal(value);
      }
    });

    it(`${service}: compiles the request and response wrapper of every operation`, () => {
      const schema = new Schema(document);
      for (const operation of document.operations.values()) {
        for (const body of [operation.input.body, operation.output.body]) {
          const wrapper = schema.wrapper(body);
          expect(wrapper.write(wrapper.read(parseXml(`<W xmlns="${SERVICES88_NS}"/>`), 'W', READ_CONTEXT)), body).to.be.a('string');
        }
      }
    });
  }

  const chat = new Schema(documents.Chat);

  it('writes a ChatMessage as WCF does: every field in order, nil strings as i:nil, text escaped, dates in UTC to 100 ns', () => {
    const message: ChatMessage = {
      ChatMessageId: 3,
      ChatSessionId: 5,
      Type: 'ToUser',
      Message: 'Hej <&> "q"\r\n',
      Author: null,
      ReadByCustomer: -1,
      SpecialType: 'IllegalFileType',
      SpecialParam: '',
      WhenPosted: xsDateTime.parse('2021-03-25T21:36:53.1234567+02:00', READ_CONTEXT),
    };
    expect(chat.codec(n('ChatMessage')).write(message as unknown as Value)).to.equal(
      '<ChatMessageId>3</ChatMessageId><ChatSessionId>5</ChatSessionId><Type>ToUser</Type><Message>Hej &lt;&amp;&gt; "q"&#xD;\n</Message>' +
        '<Author i:nil="true"/><ReadByCustomer>-1</ReadByCustomer><SpecialType>IllegalFileType</SpecialType><SpecialParam/>' +
        '<WhenPosted>2021-03-25T19:36:53.1234567Z</WhenPosted>',
    );
  });

  it('reads absent elements as the serializer defaults them, nil as null, and flags as a list of names', () => {
    const value = read(chat, n('ChatSessionEntity'), '<Flags> UserIsTyping </Flags><CustomerAlias i:nil="true"/>') as Record<string, Value>;
    expect(value['ChatSessionId']).to.equal(0);
    expect(value['Status']).to.equal('Invalid');
    expect(value['Flags']).to.deep.equal(['UserIsTyping']);
    expect(value['CustomerAlias']).to.equal(null);
    expect(value['FirstMessage']).to.equal(null);
    expect(value['CustomerConsented']).to.equal(false);
    expect(value['WhenRequested']).to.deep.equal({ epochSeconds: -62_135_596_800, ticks: 0 });
    expect(Object.keys(value).slice(0, 2)).to.deep.equal(['TableRight', 'FieldProperties']);
  });

  it('writes an array of another namespace with its prefix declared where the array is', () => {
    const presence = chat.codec(n('ChatPresence'));
    const written = presence.write(read(chat, n('ChatPresence'), '<ChatTopics><a:int>4</a:int><a:int>2</a:int></ChatTopics>'));
    expect(written).to.include('<ChatTopics xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><a:int>4</a:int><a:int>2</a:int></ChatTopics>');
  });

  it('faults on a flag name that the enum does not have, naming the element and the value', () => {
    let error: unknown;
    try {
      read(chat, n('ChatSessionEntity'), '<Flags>UserIsTyping Nope</Flags>');
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(EmulatorError);
    expect((error as EmulatorError).message).to.match(/^The formatter threw an exception while trying to deserialize the message: element 'R\/Flags' has the value 'UserIsTyping Nope', which is not a valid ChatSessionFlags \(the names, case-sensitive, are /);
  });

  it('writes an array of immutable values from cached bytes, the same XML as written afresh, within its bound', () => {
    // A bound of 2 KB keeps some five of the messages: the others are written again and evicted as the reads go on.
    const cached = new Schema(documents.Chat, { immutable: [n('ChatMessage')], cacheBytes: 2048 });
    const response = cached.wrapper(n('GetChatMessagesResponse'));
    const plain = new Schema(documents.Chat).wrapper(n('GetChatMessagesResponse'));
    const messages = Array.from({ length: 20 }, (_, i) => ({
      ChatMessageId: i + 1,
      ChatSessionId: 1,
      Type: 'ToUser',
      Message: `Hej Æøå <&> ${i}`,
      Author: null,
      ReadByCustomer: 0,
      SpecialType: 'None',
      SpecialParam: null,
      WhenPosted: { epochSeconds: 1_616_708_213 + i, ticks: 0 },
    }));
    const expected = plain.write({ Response: messages } as Value);
    for (let read = 0; read < 3; read++) {
      const parts = response.writeParts?.({ Response: messages } as Value) ?? [];
      expect(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))).toString('utf8')).to.equal(expected);
    }
    expect(response.writeParts?.({ Response: [] } as Value)).to.deep.equal(['<Response/>']);
    expect(response.writeParts?.({ Response: null } as Value)).to.deep.equal(['<Response i:nil="true"/>']);
  });

  it('writes every xs:dateTime as JSON in UTC, or as the date option writes it, at any depth', () => {
    const value = read(chat, n('ChatTopicEntity'), '<LastAccept>2021-03-25T21:36:53+01:00</LastAccept><OpeningHours><MonStart>2021-03-25T08:00:00Z</MonStart></OpeningHours>');
    const plain = chat.codec(n('ChatTopicEntity')).json(value) as Record<string, JsonValue>;
    expect(plain['LastAccept']).to.equal('2021-03-25T20:36:53Z');
    const dated = chat.codec(n('ChatTopicEntity')).json(value, { date: (instant) => `at ${instant.epochSeconds}` }) as Record<string, Record<string, JsonValue>>;
    expect(dated['LastAccept']).to.equal('at 1616704613');
    expect(dated['OpeningHours']?.['MonStart']).to.equal('at 1616659200');
  });

  it("reads WCF's guid, char and duration by .NET's rules, not their facets, and writes them as .NET does", () => {
    const serialization = (local: string) => clark('http://schemas.microsoft.com/2003/10/Serialization/', local);
    const guid = read(chat, serialization('guid'), '{0F8FAD5B-D9CB-469F-A165-70867728950E}');
    expect(guid).to.equal('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(chat.codec(serialization('guid')).write(guid)).to.equal('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(chat.codec(serialization('guid')).whenAbsent).to.equal('00000000-0000-0000-0000-000000000000');
    expect(read(chat, serialization('char'), '65')).to.equal(65);
    expect(() => read(chat, serialization('char'), '65536')).to.throw(EmulatorError, "element 'R' has the value '65536', which is not a valid char (out of range 0 to 65535)");
    expect(chat.codec(serialization('duration')).write(read(chat, serialization('duration'), 'PT24H'))).to.equal('P1D');
    expect(chat.codec(clark(XS_NS, 'double')).write(read(chat, clark(XS_NS, 'double'), '1e15'))).to.equal('1E+15');
  });
});
