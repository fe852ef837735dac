import { expect } from 'chai';
import type { Clock } from '../../src/clock.js';
import { instantFromEpochMilliseconds } from '../../src/contract/datetime.js';
import type { FixturesDocument } from '../../src/index.js';
import { useEmulator } from '../support/emulator.js';
import { json, rest, type RestAnswer } from '../support/rest.js';
import { readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN } from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: {
      users: [
        { UserName: 'kari', Password: 'k', AssociateId: 5, FullName: 'Kari Nordmann', tickets: ['7T:kari=='] },
        { UserName: 'ola', Password: 'o', AssociateId: 6, FullName: 'Ola Nordmann', tickets: ['7T:ola=='] },
      ],
    },
  },
};

type Session = Record<string, unknown>;

/** The same sessions over the REST WebAPI: the ChatSession resource and the agent's operations, on the handlers SOAP runs. */
describe('chat sessions over the REST WebAPI', () => {
  const nowMs = Date.UTC(2021, 2, 25, 21, 36, 53);
  const clock: Clock = { now: () => instantFromEpochMilliseconds(nowMs) };
  const emulator = useEmulator({ fixtures: FIXTURES, clock });
  beforeEach(() => emulator.current.reset());

  const headers = (ticket: string, extra: Record<string, string> = {}) => ({ Authorization: `SOTicket ${ticket}`, 'SO-AppToken': SAMPLE_TOKEN, 'Content-Type': 'application/json', ...extra });
  const api = (path: string) => `${emulator.current.url}/api/v1${path}`;
  const send = (method: string, path: string, body?: unknown, ticket = SAMPLE_TICKET, extra: Record<string, string> = {}) =>
    rest(api(path), { method, headers: headers(ticket, extra), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const agent = (operation: string, body: unknown, ticket = SAMPLE_TICKET) => send('POST', `/Agents/Chat/${operation}`, body, ticket);
  const ok = (answer: RestAnswer): Session => {
    expect(answer.status, answer.text).to.equal(200);
    return json<Session>(answer);
  };

  it('plays the flow: default, created, read, a message, picked up, transferred, accepted, closed with PUT, transcript, deleted', async () => {
    expect(ok(await send('GET', '/ChatSession/default'))).to.deep.include({ ChatSessionId: 0, Status: 'InQueue', WhenRequested: '0001-01-01T00:00:00Z', User: null });
    const created = ok(await send('POST', '/ChatSession', { CustomerName: 'Anne', customerEmail: 'anne@example.com' }));
    expect(created).to.deep.include({ ChatSessionId: 1, Status: 'InQueue', CustomerName: 'Anne', CustomerEmail: 'anne@example.com', WhenRequested: '2021-03-25T21:36:53Z', InitialQueuePos: 1 });
    expect(ok(await send('POST', '/ChatSession/1/Messages', { Type: 'ToUser', Message: 'Hello?', Author: 'Anne' }))).to.deep.include({ ChatMessageId: 2, Message: 'Hello?' });

    const picked = ok(await agent('PickUpChatSession', { ChatSessionId: 1 }, '7T:kari=='));
    expect(picked).to.deep.include({ Status: 'UserLast', WhenStarted: '2021-03-25T21:36:53Z', Rank: 1 });
    expect(picked['User']).to.deep.include({ AssociateId: 5, Name: 'kari', FullName: 'Kari Nordmann' });
    const offered = ok(await agent('TransferChatSession', { ChatSessionId: 1, ToAssociate: 'ola' }, '7T:kari=='));
    expect((offered['TransferTo'] as Session)['AssociateId']).to.equal(6);
    expect((ok(await agent('AcceptChatSessionTransfer', { chatSessionId: 1 }, '7T:ola=='))['User'] as Session)['AssociateId']).to.equal(6);

    const stored = ok(await send('GET', '/ChatSession/1'));
    const closed = ok(await send('PUT', '/ChatSession/1', { ...stored, Status: 'Finished' }, '7T:ola=='));
    expect(closed).to.deep.include({ ChatSessionId: 1, Status: 'Finished', WhenEnded: '2021-03-25T21:36:53Z', CustomerEmail: 'anne@example.com' });
    const transcript = await agent('GetChatTranscript', { ChatSessionId: 1, Html: false });
    expect(json(transcript)).to.equal(
      [
        '[2021-03-25T21:36:53Z] System: NewSession',
        '[2021-03-25T21:36:53Z] Anne: Hello?',
        '[2021-03-25T21:36:53Z] Kari Nordmann: (Welcome)',
        '[2021-03-25T21:36:53Z] System: TransferedSession: ola',
        '[2021-03-25T21:36:53Z] System: ClosedByUser',
      ].join('\n'),
    );

    const deleted = await send('DELETE', '/ChatSession/1');
    expect(deleted.status).to.equal(204);
    expect(deleted.text).to.equal('');
    const gone = await send('GET', '/ChatSession/1');
    expect(gone.status).to.equal(404);
    expect(json(gone)).to.deep.equal({ Error: "ChatSessionEntity 1 is not found in tenant 'default'.", ErrorType: 'NotFoundException' });
  });

  it('takes the agent operations\' ids as query parameters, answers a delete with 204, and a nil entity as null', async () => {
    await send('POST', '/ChatSession', { CustomerName: 'Anne' });
    expect(ok(await send('POST', '/Agents/Chat/GetChatSessionEntity?chatSessionEntityId=1'))).to.deep.include({ ChatSessionId: 1, CustomerName: 'Anne' });
    expect((await send('POST', '/Agents/Chat/DeleteChatSessionEntity?ChatSessionEntityId=1')).status).to.equal(204);
    const nil = await agent('GetChatSessionEntity', { ChatSessionEntityId: 1 });
    expect(nil.status).to.equal(200);
    expect(nil.text).to.equal('null');
  });

  it('answers in XML, with SO-TimeZone and $select, as the message endpoints do', async () => {
    await send('POST', '/ChatSession', { CustomerName: 'Anne & Co' });
    const xml = await send('GET', '/ChatSession/1?$select=CustomerName,WhenRequested', undefined, SAMPLE_TICKET, { Accept: 'application/xml', 'SO-TimeZone': 'Europe/Oslo' });
    expect(xml.contentType).to.equal('application/xml; charset=utf-8');
    expect(xml.text).to.match(/^<ChatSessionEntity xmlns:i="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance"><TableRight i:nil="true"\/>/);
    expect(xml.text).to.include('<CustomerName>Anne &amp; Co</CustomerName>');
    expect(xml.text).to.include('<WhenRequested>2021-03-25T22:36:53+01:00</WhenRequested>');
    expect(xml.text).to.include('<Status i:nil="true"/>');
  });

  it('refuses what the lifecycle and the caller do not allow, with the status the WebAPI would answer', async () => {
    const empty = await send('PUT', '/ChatSession/1');
    expect(empty.status).to.equal(400);
    expect(json(empty)).to.deep.equal({ Error: 'Entity to save is not in request body.', ErrorType: 'ArgumentNullException' });
    await send('POST', '/ChatSession', { CustomerName: 'Anne' });
    const system = await agent('PickUpChatSession', { ChatSessionId: 1 });
    expect(system.status).to.equal(403);
    expect(json<{ ErrorType: string }>(system).ErrorType).to.equal('SoSecurityException');
    await agent('PickUpChatSession', { ChatSessionId: 1 }, '7T:kari==');
    await agent('TransferChatSession', { ChatSessionId: 1, ToAssociate: '6' }, '7T:kari==');
    const notYours = await agent('AcceptChatSessionTransfer', { ChatSessionId: 1 }, '7T:kari==');
    expect(notYours.status).to.equal(409);
    expect(json<{ ErrorType: string }>(notYours).ErrorType).to.equal('InvalidOperationException');
    const unknown = await send('PUT', '/ChatSession/7', { CustomerName: 'x' });
    expect(unknown.status).to.equal(404);
    expect(json(unknown)).to.deep.equal({ Error: "Chat session 7 does not exist in tenant 'default'.", ErrorType: 'SoNotFoundException' });
    const nobody = await agent('TransferChatSession', { ChatSessionId: 1, ToAssociate: 'nobody' }, '7T:kari==');
    expect(nobody.status).to.equal(404);
    expect(json<{ Field: string }>(nobody).Field).to.equal('ToAssociate');
  });

  it('shares its sessions with SOAP: one created over REST is picked up over SOAP', async () => {
    await send('POST', '/ChatSession', { CustomerName: 'Anne' });
    const soap = await fetch(emulator.current.chatUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/PickUpChatSession"' },
      body:
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="http://www.superoffice.net/ws/crm/NetServer/Services88"><s:Header>' +
        `<c:ApplicationToken>${SAMPLE_TOKEN}</c:ApplicationToken><c:Credentials><c:Ticket>7T:ola==</c:Ticket></c:Credentials></s:Header>` +
        '<s:Body><c:PickUpChatSession><c:ChatSessionId>1</c:ChatSessionId></c:PickUpChatSession></s:Body></s:Envelope>',
    });
    expect(readAnswer(await soap.text()).headers['Succeeded']).to.equal('true');
    expect((ok(await send('GET', '/ChatSession/1'))['User'] as Session)['AssociateId']).to.equal(6);
  });
});
