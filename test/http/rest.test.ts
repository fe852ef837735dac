import { expect } from 'chai';
import type { Clock } from '../../src/clock.js';
import { instantFromEpochMilliseconds } from '../../src/contract/datetime.js';
import { CHAT_MESSAGE_FIELDS } from '../../src/contract/chat-message.js';
import type { FixturesDocument } from '../../src/index.js';
import { useEmulator } from '../support/emulator.js';
import { fieldsOf, messagesOf, postSoap, readAnswer, envelope, addChatMessageBody, getChatMessagesBody, loginBody, type Node } from '../support/soap.js';
import { httpSample, json, rest, type RestAnswer } from '../support/rest.js';

const TICKET = '7T:1234abcxyzExample==';
const APP_TOKEN = '1234567-1234-9876';
const BEARER = '8A:Cust1.AccessToken';

const FIXTURES: FixturesDocument = {
  tickets: [TICKET],
  applicationTokens: [APP_TOKEN],
  tenants: {
    default: { sessions: [1, 543, 606], users: [{ UserName: 'tje0', Password: 'Tje0', AssociateId: 1 }] },
    Cust1: { sessions: [1], bearerTokens: [BEARER], users: [{ UserName: 'agent', Password: 'pw', AssociateId: 2 }] },
    Cust2: { sessions: [1] },
  },
};

type MessageJson = Record<string, string | number | null>;

const ONLINE = { Authorization: `SOTicket ${TICKET}`, 'SO-AppToken': APP_TOKEN };
const JSON_BODY = { 'Content-Type': 'application/json' };

describe('the REST WebAPI (online mode)', () => {
  let nowMs = Date.UTC(2021, 2, 25, 21, 36, 53);
  const clock: Clock = { now: () => instantFromEpochMilliseconds(nowMs) };
  const emulator = useEmulator({ fixtures: FIXTURES, clock, ticketTtlSeconds: 60 });
  beforeEach(() => emulator.current.reset());
  const api = (path: string, tenant?: string) => `${emulator.current.url}${tenant === undefined ? '' : `/${tenant}`}/api/v1${path}`;
  const addViaRest = (body: object, tenant?: string, headers: Record<string, string> = {}) =>
    rest(api('/ChatSession/1/Messages', tenant), { method: 'POST', headers: { ...ONLINE, ...JSON_BODY, ...headers }, body: JSON.stringify(body) });

  describe('the endpoints, in JSON', () => {
    it('POST /ChatSession/{id}/Messages stores the message and answers it as stored', async () => {
      const answer = await addViaRest({ ChatMessageId: 99, ChatSessionId: 5, Type: 'ToUser', Message: 'Hej', Author: 'Kari', ReadByCustomer: 1, SpecialType: 'None', WhenPosted: '2021-03-25T23:36:53.1234567+02:00' });
      expect(answer.status).to.equal(200);
      expect(answer.contentType).to.equal('application/json; charset=utf-8');
      expect(answer.text).to.equal(
        '{"ChatMessageId":1,"ChatSessionId":1,"Type":"ToUser","Message":"Hej","Author":"Kari","ReadByCustomer":1,"SpecialType":"None","SpecialParam":null,"WhenPosted":"2021-03-25T21:36:53.1234567Z"}',
      );
    });

    it('GET /ChatSession/{id}/Messages?after=N answers the messages after N, as an array', async () => {
      for (const text of ['a', 'b', 'c']) await addViaRest({ Message: text });
      const answer = await rest(api('/ChatSession/1/Messages?after=1'), { headers: ONLINE });
      expect(json<MessageJson[]>(answer).map((m) => [m['ChatMessageId'], m['Message']])).to.deep.equal([
        [2, 'b'],
        [3, 'c'],
      ]);
      expect(json<unknown[]>(await rest(api('/ChatSession/1/Messages'), { headers: ONLINE }))).to.have.length(3);
    });

    it('POST /Agents/Chat/AddChatMessage takes {ChatSessionId, Message}; the wrapper session wins', async () => {
      const answer = await rest(api('/Agents/Chat/AddChatMessage'), {
        method: 'POST',
        headers: { ...ONLINE, ...JSON_BODY },
        body: JSON.stringify({ ChatSessionId: 1, Message: { ChatSessionId: 7, Type: 'Special', SpecialType: 'Options', SpecialParam: '["Yes","No"]' } }),
      });
      expect(json<MessageJson>(answer)).to.deep.include({ ChatMessageId: 1, ChatSessionId: 1, Type: 'Special', SpecialType: 'Options', SpecialParam: '["Yes","No"]' });
    });

    it('POST /Agents/Chat/GetChatMessages takes {ChatSessionId, After}, or the same as query parameters', async () => {
      for (const text of ['a', 'b']) await addViaRest({ Message: text });
      const body = await rest(api('/Agents/Chat/GetChatMessages'), { method: 'POST', headers: { ...ONLINE, ...JSON_BODY }, body: '{"ChatSessionId":1,"After":1}' });
      expect(json<MessageJson[]>(body).map((m) => m['Message'])).to.deep.equal(['b']);
      const query = await rest(api('/Agents/Chat/GetChatMessages?ChatSessionId=1&After=0'), { method: 'POST', headers: ONLINE });
      expect(json<MessageJson[]>(query).map((m) => m['Message'])).to.deep.equal(['a', 'b']);
    });

    it('serves each tenant under /<CustId>/api/v1, apart from the others', async () => {
      await addViaRest({ Message: 'in Cust1' }, 'Cust1');
      expect(json<unknown[]>(await rest(api('/ChatSession/1/Messages', 'Cust1'), { headers: ONLINE }))).to.have.length(1);
      expect(json<unknown[]>(await rest(api('/ChatSession/1/Messages', 'Cust2'), { headers: ONLINE }))).to.deep.equal([]);
    });
  });

  describe('content types', () => {
    it('reads an XML body (xsi:nil as null) and answers XML by Accept', async () => {
      const answer = await rest(api('/ChatSession/1/Messages'), {
        method: 'POST',
        headers: { ...ONLINE, 'Content-Type': 'application/xml', Accept: 'application/xml' },
        body: '<ChatMessage xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Type>ToCustomer</Type><Message>Hi &amp; bye</Message><Author i:nil="true"/><ReadByCustomer>1</ReadByCustomer><WhenPosted>2021-03-25T21:36:53Z</WhenPosted></ChatMessage>',
      });
      expect(answer.contentType).to.equal('application/xml; charset=utf-8');
      expect(answer.text).to.equal(
        '<ChatMessage xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><ChatMessageId>1</ChatMessageId><ChatSessionId>1</ChatSessionId><Type>ToCustomer</Type>' +
          '<Message>Hi &amp; bye</Message><Author i:nil="true"/><ReadByCustomer>1</ReadByCustomer><SpecialType>None</SpecialType><SpecialParam i:nil="true"/>' +
          '<WhenPosted>2021-03-25T21:36:53Z</WhenPosted></ChatMessage>',
      );
    });

    it('serves every endpoint in XML both ways: XML bodies in, XML answers out', async () => {
      const xml = { ...ONLINE, 'Content-Type': 'application/xml', Accept: 'application/xml' };
      const viaPath = await rest(api('/ChatSession/1/Messages'), { method: 'POST', headers: xml, body: '<ChatMessage><Message>one</Message></ChatMessage>' });
      expect(viaPath.text).to.match(/^<ChatMessage xmlns:i="[^"]+"><ChatMessageId>1<\/ChatMessageId>.*<Message>one<\/Message>/);
      const viaAgent = await rest(api('/Agents/Chat/AddChatMessage'), {
        method: 'POST',
        headers: xml,
        body: '<request><ChatSessionId>1</ChatSessionId><Message><Message>two</Message><Type>ToCustomer</Type></Message></request>',
      });
      expect(viaAgent.text).to.match(/^<ChatMessage xmlns:i="[^"]+"><ChatMessageId>2<\/ChatMessageId><ChatSessionId>1<\/ChatSessionId><Type>ToCustomer<\/Type><Message>two<\/Message>/);
      const read = await rest(api('/ChatSession/1/Messages?after=1'), { headers: { ...ONLINE, Accept: 'application/xml' } });
      expect([...read.text.matchAll(/<Message>(\w+)<\/Message>/g)].map((m) => m[1])).to.deep.equal(['two']);
      const agentRead = await rest(api('/Agents/Chat/GetChatMessages'), { method: 'POST', headers: xml, body: '<request><ChatSessionId>1</ChatSessionId><After>0</After></request>' });
      expect([...agentRead.text.matchAll(/<Message>(\w+)<\/Message>/g)].map((m) => m[1])).to.deep.equal(['one', 'two']);
      for (const answer of [viaPath, viaAgent, read, agentRead]) expect(answer.contentType).to.equal('application/xml; charset=utf-8');
    });

    it('takes text/json and text/xml as well, and answers text/xml when asked', async () => {
      await rest(api('/ChatSession/1/Messages'), { method: 'POST', headers: { ...ONLINE, 'Content-Type': 'text/json' }, body: '{"Message":"tj"}' });
      const answer = await rest(api('/Agents/Chat/GetChatMessages'), {
        method: 'POST',
        headers: { ...ONLINE, 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml' },
        body: '<request><ChatSessionId>1</ChatSessionId><After>0</After></request>',
      });
      expect(answer.contentType).to.equal('text/xml; charset=utf-8');
      expect(answer.text).to.match(/^<ArrayOfChatMessage xmlns:i="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance"><ChatMessage><ChatMessageId>1<\/ChatMessageId>.*<Message>tj<\/Message>/);
    });

    it('reads form-urlencoded bodies, Message.Field nested for the agent', async () => {
      await rest(api('/ChatSession/1/Messages'), { method: 'POST', headers: { ...ONLINE, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Message=Hello+form&Type=ToUser' });
      const agent = await rest(api('/Agents/Chat/AddChatMessage'), {
        method: 'POST',
        headers: { ...ONLINE, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'ChatSessionId=1&Message.Message=nested&Message%5BAuthor%5D=Kari',
      });
      expect(json<MessageJson>(agent)).to.deep.include({ ChatMessageId: 2, Message: 'nested', Author: 'Kari' });
      const read = json<MessageJson[]>(await rest(api('/ChatSession/1/Messages'), { headers: ONLINE }));
      expect(read.map((m) => [m['Message'], m['Type']])).to.deep.equal([
        ['Hello form', 'ToUser'],
        ['nested', 'Invalid'],
      ]);
    });

    it('answers JSON for */*, for no Accept and for types it does not serve; XML by preference q', async () => {
      await addViaRest({ Message: 'x' });
      for (const accept of ['*/*', '', 'text/html']) {
        expect((await rest(api('/ChatSession/1/Messages'), { headers: { ...ONLINE, Accept: accept } })).contentType).to.equal('application/json; charset=utf-8');
      }
      const preferred = await rest(api('/ChatSession/1/Messages'), { headers: { ...ONLINE, Accept: 'application/json;q=0.5, application/xml' } });
      expect(preferred.contentType).to.equal('application/xml; charset=utf-8');
    });

    it('refuses a body in another format with 415, and invalid JSON or XML with 400', async () => {
      const other = await rest(api('/ChatSession/1/Messages'), { method: 'POST', headers: { ...ONLINE, 'Content-Type': 'text/plain' }, body: 'hi' });
      expect(other.status).to.equal(415);
      expect(json<MessageJson>(other)['ErrorType']).to.equal('UnsupportedMediaTypeException');
      const badJson = await rest(api('/ChatSession/1/Messages'), { method: 'POST', headers: { ...ONLINE, ...JSON_BODY }, body: '{"Message":' });
      expect(badJson.status).to.equal(400);
      expect(json<MessageJson>(badJson)['Error']).to.match(/^The request body is not valid JSON: /);
      const badXml = await rest(api('/ChatSession/1/Messages'), { method: 'POST', headers: { ...ONLINE, 'Content-Type': 'application/xml' }, body: '<ChatMessage>' });
      expect(badXml.status).to.equal(400);
    });
  });

  describe('values', () => {
    it('$select nulls out the other fields, names in any case', async () => {
      await addViaRest({ Message: 'x', Author: 'Kari' });
      const answer = await rest(api('/Agents/Chat/GetChatMessages?$select=message,ChatMessageId'), { method: 'POST', headers: { ...ONLINE, ...JSON_BODY }, body: '{"ChatSessionId":1}' });
      expect(json<MessageJson[]>(answer)).to.deep.equal([
        { ChatMessageId: 1, ChatSessionId: null, Type: null, Message: 'x', Author: null, ReadByCustomer: null, SpecialType: null, SpecialParam: null, WhenPosted: null },
      ]);
    });

    it('reads enums by name in any case or by number, numbers also as strings, and null strings', async () => {
      const answer = await addViaRest({ Type: 'touser', SpecialType: 17, ReadByCustomer: '2', Message: null });
      expect(json<MessageJson>(answer)).to.deep.include({ Type: 'ToUser', SpecialType: 'Options', ReadByCustomer: 2, Message: null });
    });

    it('takes a null WhenPosted as unset, as when it is left out: the message is stamped now', async () => {
      const answer = await addViaRest({ Message: 'x', WhenPosted: null });
      expect(answer.status).to.equal(200);
      expect(json<MessageJson>(answer)['WhenPosted']).to.equal('2021-03-25T21:36:53Z');
    });

    it('converts WhenPosted in answers to SO-TimeZone: an IANA zone (with its summer time), an offset, UTC', async () => {
      await addViaRest({ Message: 'winter', WhenPosted: '2021-01-10T12:00:00Z' });
      await addViaRest({ Message: 'summer', WhenPosted: '2021-07-10T12:00:00.5Z' });
      const read = async (zone: string) => json<MessageJson[]>(await rest(api('/ChatSession/1/Messages'), { headers: { ...ONLINE, 'SO-TimeZone': zone } })).map((m) => m['WhenPosted']);
      expect(await read('Europe/Oslo')).to.deep.equal(['2021-01-10T13:00:00+01:00', '2021-07-10T14:00:00.5+02:00']);
      expect(await read('+05:30')).to.deep.equal(['2021-01-10T17:30:00+05:30', '2021-07-10T17:30:00.5+05:30']);
      expect(await read('UTC')).to.deep.equal(['2021-01-10T12:00:00Z', '2021-07-10T12:00:00.5Z']);
      const bad = await rest(api('/ChatSession/1/Messages'), { headers: { ...ONLINE, 'SO-TimeZone': 'Mars/Olympus' } });
      expect(bad.status).to.equal(400);
      expect(json<MessageJson>(bad)).to.deep.include({ Field: 'SO-TimeZone' });
    });

    for (const [name, body, field, message] of [
      ['a ReadByCustomer out of xs:short', { ReadByCustomer: 40000 }, 'ReadByCustomer', "ReadByCustomer: '40000' is not a valid xs:short (out of range -32768 to 32767)."],
      ['an unknown enum name', { Type: 'ToBot' }, 'Type', "Type: 'ToBot' is not a ChatMessageType: give one of Invalid (0), ToCustomer (1), ToUser (2), Special (3)."],
      ['an impossible date', { WhenPosted: '2021-02-30T00:00:00Z' }, 'WhenPosted', "WhenPosted: '2021-02-30T00:00:00Z' is not a valid xs:dateTime (February 2021 has no day 30)."],
      ['an object for a string', { Message: { text: 'x' } }, 'Message', 'Message: expected xs:string, found an object.'],
      ['null for a number', { ReadByCustomer: null }, 'ReadByCustomer', 'ReadByCustomer: null is not allowed: expected xs:short.'],
    ] as const) {
      it(`answers ${name} with 400 naming the field, and stores nothing`, async () => {
        const answer = await addViaRest(body);
        expect(answer.status).to.equal(400);
        expect(json(answer)).to.deep.equal({ Error: message, ErrorType: 'ArgumentException', Field: field });
        expect(json<unknown[]>(await rest(api('/ChatSession/1/Messages'), { headers: ONLINE }))).to.deep.equal([]);
      });
    }

    it('answers a malformed XML body with 400 saying what is wrong and where, and stores nothing', async () => {
      const answer = await rest(api('/ChatSession/1/Messages'), {
        method: 'POST',
        headers: { ...ONLINE, 'Content-Type': 'application/xml' },
        body: '<ChatMessage><Message>one</Mesage></ChatMessage>',
      });
      expect(answer.status).to.equal(400);
      expect(json(answer)).to.deep.equal({
        Error: "The request body is not well-formed XML: the end tag '</Mesage>' does not match the start tag '<Message>' (line 1, column 26).",
        ErrorType: 'ArgumentException',
      });
      expect(json<unknown[]>(await rest(api('/ChatSession/1/Messages'), { headers: ONLINE }))).to.deep.equal([]);
    });

    it('answers a path session id that is not an xs:int, and a missing message, with 400', async () => {
      const path = await rest(api('/ChatSession/abc/Messages'), { headers: ONLINE });
      expect(path.status).to.equal(400);
      expect(json<MessageJson>(path)['Field']).to.equal('chatSessionId');
      const missing = await rest(api('/Agents/Chat/AddChatMessage'), { method: 'POST', headers: { ...ONLINE, ...JSON_BODY }, body: '{"ChatSessionId":1}' });
      expect(json(missing)).to.deep.equal({ Error: 'Message: the message to add is missing.', ErrorType: 'ArgumentNullException', Field: 'Message' });
    });
  });

  describe('authorization', () => {
    const read = (headers: Record<string, string>, tenant?: string) => rest(api('/ChatSession/1/Messages', tenant), { headers });
    const expect401 = (answer: RestAnswer, errorType: string, error: string) => {
      expect(answer.status).to.equal(401);
      expect(answer.headers.get('www-authenticate')).to.equal('SOTicket realm="SuperOffice", Bearer realm="SuperOffice"');
      expect(json(answer)).to.deep.equal({ Error: error, ErrorType: errorType });
    };

    it('takes SOTicket with the scheme in any case, and a Bearer token of the tenant', async () => {
      for (const scheme of ['SOTicket', 'soticket', 'SoTicket']) expect((await read({ Authorization: `${scheme} ${TICKET}`, 'SO-AppToken': APP_TOKEN })).status).to.equal(200);
      expect((await read({ Authorization: `Bearer ${BEARER}`, 'SO-AppToken': APP_TOKEN }, 'Cust1')).status).to.equal(200);
    });

    it('answers 401 with WWW-Authenticate for each missing or bad credential', async () => {
      expect401(await read({ 'SO-AppToken': APP_TOKEN }), 'SoAuthenticationException', 'No Authorization header: send SOTicket <ticket> or Bearer <token>.');
      expect401(await read({ Authorization: `SOTicket ${TICKET}` }), 'SoApplicationTokenException', 'No SO-AppToken header: an Online installation requires the application token.');
      expect401(await read({ Authorization: `SOTicket ${TICKET}`, 'SO-AppToken': 'other' }), 'SoApplicationTokenException', "The SO-AppToken is not known in tenant 'default'.");
      expect401(await read({ Authorization: 'SOTicket 7T:unknown', 'SO-AppToken': APP_TOKEN }), 'SoAuthenticationException', "The ticket is not known in tenant 'default'.");
      expect401(await read({ Authorization: `Bearer ${BEARER}`, 'SO-AppToken': APP_TOKEN }, 'Cust2'), 'SoAuthenticationException', "The Bearer token is not known in tenant 'Cust2'.");
      expect401(await read({ Authorization: 'Basic dGplMDpUamUw', 'SO-AppToken': APP_TOKEN }), 'SoAuthenticationException', 'Basic authentication is for on-site installations: use SOTicket or Bearer.');
      expect401(await read({ Authorization: 'Digest x', 'SO-AppToken': APP_TOKEN }), 'SoAuthenticationException', "The Authorization scheme 'Digest' is not supported: send SOTicket <ticket> or Bearer <token>.");
    });

    it('takes a ticket from a SoPrincipal.svc login in its own tenant, and refuses it once expired', async () => {
      const login = await postSoap(`${emulator.current.url}/Cust1/Remote/Services88/SoPrincipal.svc`, 'AuthenticateUsernamePassword', envelope('1.1', loginBody('agent', 'pw'), { ticket: null }));
      const ticket = ((readAnswer(login.text).body['AuthenticateResponse'] as Node)['Credentials'] as Node)['Ticket'] as string;
      expect((await read({ Authorization: `SOTicket ${ticket}`, 'SO-AppToken': APP_TOKEN }, 'Cust1')).status).to.equal(200);
      expect401(await read({ Authorization: `SOTicket ${ticket}`, 'SO-AppToken': APP_TOKEN }, 'Cust2'), 'SoAuthenticationException', "The ticket is not known in tenant 'Cust2'.");
      nowMs += 60_000;
      expect401(await read({ Authorization: `SOTicket ${ticket}`, 'SO-AppToken': APP_TOKEN }, 'Cust1'), 'SoTicketExpiredException', 'The ticket has expired: log in again (SoPrincipal.svc AuthenticateUsernamePassword) for a new one.');
    });

    it('answers errors in XML when XML is asked for', async () => {
      const answer = await read({ Accept: 'application/xml' });
      expect(answer.status).to.equal(401);
      expect(answer.text).to.equal('<Error><Error>No SO-AppToken header: an Online installation requires the application token.</Error><ErrorType>SoApplicationTokenException</ErrorType></Error>');
    });
  });

  describe('one store for SOAP and REST', () => {
    const MESSAGE = { Type: 'ToCustomer', Message: 'Hej Æøå <&> "q"', Author: 'Bot', ReadByCustomer: '1', SpecialType: 'Url', SpecialParam: 'https://example.com/?a=1&b=2', WhenPosted: '2021-03-25T21:36:53.1234567Z' };

    it('reads over REST what SOAP wrote, every field equal', async () => {
      const soap = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { ...MESSAGE, Message: 'Hej Æøå &lt;&amp;&gt; "q"', SpecialParam: 'https://example.com/?a=1&amp;b=2' })));
      const written = Object.fromEntries(fieldsOf(messagesOf(readAnswer(soap.text), 'AddChatMessage')[0] as Node));
      const [read] = json<MessageJson[]>(await rest(api('/ChatSession/1/Messages'), { headers: ONLINE }));
      expect(Object.keys(read ?? {})).to.deep.equal([...CHAT_MESSAGE_FIELDS]);
      expect(Object.fromEntries(Object.entries(read ?? {}).map(([k, v]) => [k, v === null ? null : String(v)]))).to.deep.equal(written);
    });

    it('reads over SOAP what REST wrote, every field equal', async () => {
      const written = json<MessageJson>(await addViaRest({ ...MESSAGE, ReadByCustomer: 1 }));
      const soap = await postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
      const read = Object.fromEntries(fieldsOf(messagesOf(readAnswer(soap.text), 'GetChatMessages')[0] as Node));
      expect(read).to.deep.equal(Object.fromEntries(Object.entries(written).map(([k, v]) => [k, v === null ? null : String(v)])));
      expect(read['Message']).to.equal(MESSAGE.Message);
    });

    it('journals REST calls too, the credentials masked', async () => {
      await addViaRest({ Message: 'x' });
      const [entry] = emulator.current.requests().requests;
      expect(entry).to.deep.include({ service: 'WebApi', operation: 'AddChatMessage', soapVersion: null, status: 200, outcome: 'ok' });
      expect(entry?.headers.Ticket).to.match(/^SOTicket 7T:…\(22 chars, sha256 [0-9a-f]{8}\)$/);
    });
  });
});

describe('the REST WebAPI (onsite mode, strict)', () => {
  const emulator = useEmulator({ fixtures: FIXTURES, mode: 'onsite', strict: true });
  const api = (path: string) => `${emulator.current.url}/api/v1${path}`;
  const BASIC = { Authorization: 'Basic dGplMDpUamUw' };

  it('takes Basic for a fixture user without an SO-AppToken, and refuses a wrong password and Bearer', async () => {
    expect((await rest(api('/ChatSession/1/Messages'), { headers: BASIC })).status).to.equal(200);
    const wrong = await rest(api('/ChatSession/1/Messages'), { headers: { Authorization: `Basic ${Buffer.from('tje0:nope').toString('base64')}` } });
    expect(wrong.status).to.equal(401);
    expect(wrong.headers.get('www-authenticate')).to.equal('SOTicket realm="SuperOffice", Basic realm="SuperOffice", charset="UTF-8"');
    expect(json(wrong)).to.deep.equal({ Error: "The user name or password is wrong for tenant 'default'.", ErrorType: 'SoAuthenticationException' });
    const bearer = await rest(api('/ChatSession/1/Messages'), { headers: { Authorization: `Bearer ${BEARER}` } });
    expect(json<MessageJson>(bearer)['Error']).to.equal('Bearer authentication is for Online installations: use SOTicket or Basic.');
  });

  it('answers an unknown session with 404 in strict mode', async () => {
    const answer = await rest(api('/ChatSession/77/Messages'), { headers: BASIC });
    expect(answer.status).to.equal(404);
    expect(json(answer)).to.deep.equal({ Error: "Chat session 77 does not exist in tenant 'default'.", ErrorType: 'SoNotFoundException' });
  });

  describe('the documented samples', () => {
    /** The sample's JSON with each value replaced by its JSON type: the shape, not the generator's values. */
    const shape = (value: unknown): unknown => (Array.isArray(value) ? value.map(shape) : Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, v === null ? 'null' : typeof v])));

    it('POST ChatSession/{id}/Messages: the published request stores, the answer has the published response shape', async () => {
      const request = httpSample('AddChatMessage.request.http');
      const published = httpSample('AddChatMessage.response.http');
      const [method, path = ''] = request.startLine.split(' ');
      const answer = await rest(`${emulator.current.url}${path.replace('{chatSessionId}', '543')}`, { method, headers: request.headers, body: request.body });
      expect(`HTTP/1.1 ${answer.status} OK`).to.equal(published.startLine);
      expect(answer.contentType).to.equal(published.headers['Content-Type']);
      expect(shape(json(answer))).to.deep.equal(shape(JSON.parse(published.body)));
      expect(json<MessageJson>(answer)).to.deep.include({ ChatMessageId: 1, ChatSessionId: 543, ReadByCustomer: 677, SpecialType: 'Block', WhenPosted: '2017-08-13T16:25:50.1555956Z' });
    });

    it('POST Agents/Chat/GetChatMessages: the published request answers an array of the published shape', async () => {
      emulator.current.loadFixtures({ tenants: { default: { messages: [{ ChatMessageId: 149, ChatSessionId: 606, Type: 'ToCustomer', Message: 'after 148', Author: 'Bot', SpecialParam: '', WhenPosted: '2019-12-05T15:32:38.336574Z' }] } } });
      const request = httpSample('GetChatMessages.request.http');
      const published = httpSample('GetChatMessages.response.http');
      const [method, path = ''] = request.startLine.split(' ');
      const answer = await rest(`${emulator.current.url}${path}`, { method, headers: request.headers, body: request.body });
      expect(answer.status).to.equal(200);
      expect(answer.contentType).to.equal(published.headers['Content-Type']);
      expect(shape(json(answer))).to.deep.equal(shape(JSON.parse(published.body)));
      expect(json<MessageJson[]>(answer).map((m) => m['Message'])).to.deep.equal(['after 148']);
    });
  });
});
