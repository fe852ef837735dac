import { expect } from 'chai';
import { SERVICES88_NS, SOAP11_ENVELOPE_NS } from '../../src/contract/namespaces.js';
import type { FidelityWarning } from '../../src/index.js';
import { useEmulator } from '../support/emulator.js';
import { expectDispatcherFault, expectExceptionInfo, expectStoredIds } from '../support/assertions.js';
import { addChatMessageBody, envelope, headerBlocks, post, postSoap, readAnswer, type Answer } from '../support/soap.js';

/** AddChatMessage to session 1 with this ChatMessage content (elements in the `c` prefix). */
const addWith = (messageXml: string) => `<c:AddChatMessage><c:ChatSessionId>1</c:ChatSessionId><c:Message>${messageXml}</c:Message></c:AddChatMessage>`;

interface Case {
  readonly name: string;
  readonly warning: FidelityWarning;
  send(url: string): Promise<Answer>;
}

/** WCF's answer to a Content-Type other than text/xml: the strict refusal, and the lenient warning's text. */
const wrongContentType = (contentType: string) => `Cannot process the message because the content type '${contentType}' was not the expected type 'text/xml; charset=utf-8'.`;

const CASES: readonly Case[] = [
  {
    name: 'a SOAP 1.1 envelope sent as application/json',
    warning: { code: 'content-type', message: wrongContentType('application/json') },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' })), { headers: { 'Content-Type': 'application/json' } }),
  },
  {
    name: 'a SOAP 1.1 envelope sent as text/plain',
    warning: { code: 'content-type', message: wrongContentType('text/plain; charset=utf-8') },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' })), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
  },
  {
    name: 'a SOAP 1.1 envelope sent without a Content-Type',
    warning: { code: 'content-type', message: wrongContentType('') },
    send: (url) =>
      post(url, Buffer.from(envelope('1.1', addChatMessageBody('1', { Message: 'x' }))), { SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"' }),
  },
  {
    name: 'a SOAP 1.1 envelope sent as application/soap+xml',
    warning: { code: 'content-type', message: wrongContentType('application/soap+xml; charset=utf-8') },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' })), { headers: { 'Content-Type': 'application/soap+xml; charset=utf-8' } }),
  },
  {
    name: 'a SOAP 1.2 envelope',
    warning: { code: 'soap-1.2', message: 'The request is SOAP 1.2: the real Chat.svc (WCF BasicHttpBinding) accepts SOAP 1.1 only and answers HTTP 415.' },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.2', addChatMessageBody('1', { Message: 'x' })), { version: '1.2' }),
  },
  {
    name: 'headers directly under Envelope',
    warning: { code: 'header-outside-header', message: 'ApplicationToken, Credentials directly under Envelope: the real service reads headers only inside Header and would not see them.' },
    send: (url) =>
      postSoap(
        url,
        'AddChatMessage',
        `<s:Envelope xmlns:s="${SOAP11_ENVELOPE_NS}" xmlns:c="${SERVICES88_NS}">${headerBlocks()}<s:Body>${addChatMessageBody('1', { Message: 'x' })}</s:Body></s:Envelope>`,
      ),
  },
  {
    name: 'no action',
    warning: {
      code: 'no-action',
      message: 'No SOAPAction and no action parameter: the emulator dispatched on the body element AddChatMessage; WCF dispatches on the action only and would answer ActionNotSupported.',
    },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' })), { action: null }),
  },
  {
    name: 'xsi:type attributes',
    warning: {
      code: 'xsi-type',
      message:
        "xsi:type attributes (SOAP encoding) on 2 elements, the first AddChatMessage/ChatSessionId: the emulator ignores them; WCF's DataContractSerializer reads xsi:type as the type to deserialize and refuses types it does not expect.",
    },
    send: (url) =>
      postSoap(
        url,
        'AddChatMessage',
        envelope('1.1', addChatMessageBody('1', { Message: 'x' }).replace('<c:ChatSessionId>', '<c:ChatSessionId xsi:type="xsd:int">').replace('<c:Message>x', '<c:Message xsi:type="xsd:string">x')),
      ),
  },
  {
    name: 'fields out of contract order',
    warning: {
      code: 'field-order',
      message:
        'AddChatMessage/Message/Message is out of contract order (ChatMessageId, ChatSessionId, Type, Message, Author, ReadByCustomer, SpecialType, SpecialParam, WhenPosted): WCF would skip it and leave Message unset.',
    },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addWith('<c:Author>Kari</c:Author><c:Message>x</c:Message>'))),
  },
  {
    name: 'an element the contract does not have',
    warning: { code: 'unknown-element', message: "AddChatMessage/Message/Mood (namespace 'urn:other') is not in the contract: WCF would ignore it." },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addWith('<c:Message>x</c:Message><o:Mood xmlns:o="urn:other">happy</o:Mood>'))),
  },
  {
    name: 'a dateTime without a time zone',
    warning: {
      code: 'date-without-zone',
      message: "AddChatMessage/Message/WhenPosted '2021-03-25T21:36:53' has no time zone: the emulator reads it as UTC; WCF reads it as a local time of the server.",
    },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addWith('<c:Message>x</c:Message><c:WhenPosted>2021-03-25T21:36:53</c:WhenPosted>'))),
  },
  {
    name: 'a ticket with white space around it',
    warning: {
      code: 'credential-whitespace',
      message: 'The Ticket has white space around it: the real service compares it as sent and would not know it; the emulator trimmed it.',
    },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' }), { ticket: '\n      7T:1234abcxyzExample==\n    ' })),
  },
  {
    name: 'an ApplicationToken with white space around it',
    warning: {
      code: 'credential-whitespace',
      message: 'The ApplicationToken has white space around it: the real service compares it as sent and would not know it; the emulator trimmed it.',
    },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' }), { token: ' 1234567-1234-9876\t' })),
  },
  {
    name: 'a chat session the real service does not have',
    warning: {
      code: 'unknown-session',
      message: "Chat session 99 does not exist in tenant 'default': the real service would refuse it (SoNotFoundException); the emulator accepts it.",
    },
    send: (url) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('99', { Message: 'x' }))),
  },
];

describe('fidelity warnings', () => {
  const emulator = useEmulator();
  beforeEach(() => emulator.current.reset());

  it('a request the real service reads the same way gets none', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x', WhenPosted: '2021-03-25T21:36:53Z' })));
    expect(readAnswer(answer.text).headers['Succeeded']).to.equal('true');
    expect(answer.headers.get('x-emulator-warning')).to.equal(null);
    expect(emulator.current.requests().requests[0]?.warnings).to.deep.equal([]);
  });

  for (const { name, warning, send } of CASES) {
    it(`${name}: accepted, with the warning in X-Emulator-Warning and in the journal`, async () => {
      const answer = await send(emulator.current.chatUrl);
      expect(answer.status).to.equal(200);
      expect(readAnswer(answer.text).headers['Succeeded']).to.equal('true');
      expect(answer.headers.get('x-emulator-warning')).to.equal(`${warning.code}: ${warning.message}`);
      expect(emulator.current.requests().requests[0]?.warnings).to.deep.equal([warning]);
    });
  }

  it('holds every type of the contract to its sequence: a ChatSessionEntity, its base fields first, and its dates', async () => {
    const entity = '<c:ChatSessionEntity><c:ChatSessionId>0</c:ChatSessionId><c:TableRight/><c:WhenRequested>2021-03-25T21:36:53</c:WhenRequested><c:Colour>red</c:Colour></c:ChatSessionEntity>';
    await postSoap(emulator.current.chatUrl, 'SaveChatSessionEntity', envelope('1.1', `<c:SaveChatSessionEntity>${entity}</c:SaveChatSessionEntity>`));
    const warnings = emulator.current.requests().requests[0]?.warnings ?? [];
    expect(warnings.map((w) => w.code)).to.deep.equal(['field-order', 'date-without-zone', 'unknown-element']);
    expect(warnings[0]?.message).to.match(/^SaveChatSessionEntity\/ChatSessionEntity\/TableRight is out of contract order \(TableRight, FieldProperties, ChatSessionId, /);
    expect(warnings[1]?.message).to.equal(
      "SaveChatSessionEntity/ChatSessionEntity/WhenRequested '2021-03-25T21:36:53' has no time zone: the emulator reads it as UTC; WCF reads it as a local time of the server.",
    );
    expect(warnings[2]?.message).to.equal('SaveChatSessionEntity/ChatSessionEntity/Colour is not in the contract: WCF would ignore it.');
  });

  it('lists 16 warnings at most, and then how many more there were', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addWith(`<c:Message>x</c:Message>${'<c:Extra/>'.repeat(200)}`)));
    expect(answer.status).to.equal(200);
    const warnings = emulator.current.requests().requests[0]?.warnings ?? [];
    expect(warnings).to.have.length(17);
    expect(warnings.slice(0, 16).every((w) => w.code === 'unknown-element')).to.equal(true);
    expect(warnings[16]).to.deep.equal({ code: 'more-warnings', message: '184 more warnings are not listed.' });
  });

  it('gives each warning its own header line, and non-ASCII as \\u escapes', async () => {
    const xml = envelope('1.2', addWith('<c:Author>x</c:Author><c:Message>x</c:Message><c:Blåbær>1</c:Blåbær>'));
    const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', xml, { version: '1.2' });
    const codes = emulator.current.requests().requests[0]?.warnings.map((w) => w.code);
    expect(codes).to.deep.equal(['soap-1.2', 'field-order', 'unknown-element']);
    // fetch joins repeated header lines with ", ".
    expect(answer.headers.get('x-emulator-warning')).to.match(/^soap-1\.2: .*, field-order: .*, unknown-element: AddChatMessage\/Message\/Bl\\u00e5b\\u00e6r is not in the contract/);
  });
});

describe('fidelity warnings in --strict mode', () => {
  const emulator = useEmulator({ strict: true, fixtures: { tickets: ['7T:1234abcxyzExample=='], applicationTokens: ['1234567-1234-9876'], tenants: { default: { sessions: [1] } } } });

  for (const { name, warning, send } of CASES.filter((c) => c.warning.code === 'content-type')) {
    it(`${name}: refused with HTTP 415 and the warning's text, nothing stored`, async () => {
      const answer = await send(emulator.current.chatUrl);
      expect(answer.status).to.equal(415);
      expect(answer.text).to.equal(`${warning.message}\n`);
      await expectStoredIds(emulator.current.chatUrl, '1', []);
    });
  }

  it('a ticket with white space around it: an unknown ticket, as the real service answers it, nothing stored', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' }), { ticket: ' 7T:1234abcxyzExample== ' }));
    expectExceptionInfo(answer, 'AddChatMessageResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'default'.");
    await expectStoredIds(emulator.current.chatUrl, '1', []);
  });

  it('an ApplicationToken with white space around it: an unknown application token', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' }), { token: '\n1234567-1234-9876\n' }));
    expectExceptionInfo(answer, 'AddChatMessageResponse', 'SoApplicationTokenException', "The ApplicationToken is not known in tenant 'default'.");
  });

  for (const { name, warning, send } of CASES.filter((c) => ['xsi-type', 'field-order', 'unknown-element', 'date-without-zone'].includes(c.warning.code))) {
    it(`${name}: refused as DeserializationFailed, nothing stored`, async () => {
      const answer = await send(emulator.current.chatUrl);
      expectDispatcherFault(answer, '1.1', 'DeserializationFailed', [`Strict mode refuses what the real service would read differently: ${warning.message}`]);
      await expectStoredIds(emulator.current.chatUrl, '1', []);
    });
  }
});
