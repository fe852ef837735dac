import { expect } from 'chai';
import { ACQUIRE_OPERATIONS } from '../../src/acquire/operations.js';
import { OPERATION_NAMES } from '../../src/contract/operations.js';
import type { FixturesDocument, JournalEntry } from '../../src/index.js';
import { admin, expectAdminError } from '../support/admin.js';
import { useEmulator } from '../support/emulator.js';
import { expectExceptionInfo, expectStoredIds } from '../support/assertions.js';
import {
  addChatMessageBody,
  envelope,
  getChatMessagesBody,
  loginBody,
  messagesOf,
  postSoap,
  readAnswer,
  SAMPLE_TICKET,
  SAMPLE_TOKEN,
  type Node,
} from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: { sessions: [1, 2], messages: [{ ChatMessageId: 10, ChatSessionId: 1, Type: 'ToCustomer', Message: 'Welcome', WhenPosted: '2021-03-25T21:36:53Z' }] },
    Cust1: { sessions: [1], users: [{ UserName: 'agent', Password: 'pw-secret', AssociateId: 3 }] },
  },
};

describe('the admin API', () => {
  const emulator = useEmulator({ fixtures: FIXTURES, journalSize: 5 });
  const base = () => emulator.current.url;
  const chat = (tenant?: string) => `${base()}${tenant === undefined ? '' : `/${tenant}`}/Remote/Services88/Chat.svc`;
  const add = (text: string, tenant?: string, session = '1') => postSoap(chat(tenant), 'AddChatMessage', envelope('1.1', addChatMessageBody(session, { Message: text })));
  const requests = async (query = '') => (await admin(base(), 'GET', `/requests${query}`)).body as { requests: JournalEntry[]; dropped: number };

  beforeEach(async () => {
    expect((await admin(base(), 'POST', '/reset')).status).to.equal(200);
  });

  describe('health and description', () => {
    it('GET /health: ok, uptime and the clock', async () => {
      const answer = await admin(base(), 'GET', '/health');
      expect(answer.status).to.equal(200);
      expect(answer.body['status']).to.equal('ok');
      expect(answer.body['uptimeSeconds']).to.be.a('number');
      expect((answer.body['clock'] as Record<string, unknown>)['mode']).to.equal('base');
    });

    it('GET /openapi.json: an OpenAPI 3 document with every endpoint', async () => {
      const answer = await admin(base(), 'GET', '/openapi.json');
      expect(answer.body['openapi']).to.equal('3.0.3');
      expect(Object.keys(answer.body['paths'] as object)).to.deep.equal([
        '/health',
        '/reset',
        '/fixtures',
        '/tenants/{tenant}/sessions',
        '/tenants/{tenant}/sessions/{chatSessionId}/messages',
        '/tenants/{tenant}/acquire/messages',
        '/webhooks',
        '/webhooks/deliveries',
        '/webhooks/faults',
        '/requests',
        '/clock',
        '/faults',
        '/openapi.json',
      ]);
    });

    it('answers an unknown path with 404, a wrong method with 405 and Allow, bad JSON with 400, all as JSON', async () => {
      expectAdminError(await admin(base(), 'GET', '/nothing'), 404, 'No admin endpoint at /__admin/nothing: see /__admin/openapi.json.');
      const wrongMethod = await admin(base(), 'DELETE', '/health');
      expectAdminError(wrongMethod, 405, 'DELETE is not allowed on /__admin/health: use GET.');
      expect(wrongMethod.headers.get('allow')).to.equal('GET');
      expectAdminError(await admin(base(), 'PUT', '/clock', '{"now":'), 400, /^The request body is not valid JSON: /);
    });
  });

  describe('POST /reset', () => {
    it("puts messages, id counters, journal, faults and clock back to the fixtures' state", async () => {
      await add('one');
      await admin(base(), 'POST', '/faults', { operation: 'GetChatMessages', httpStatus: 503 });
      await admin(base(), 'PUT', '/clock', { now: '2030-01-01T00:00:00Z' });
      const answer = await admin(base(), 'POST', '/reset');
      expect(answer.body).to.deep.equal({ reset: 'everything' });
      expect((await requests()).requests).to.deep.equal([]);
      expect((await admin(base(), 'GET', '/faults')).body).to.deep.equal({ faults: [] });
      expect(((await admin(base(), 'GET', '/clock')).body)['mode']).to.equal('base');
      await expectStoredIds(chat(), '1', ['10']);
      // The next id follows the fixtures' highest again.
      expect(messagesOf(readAnswer((await add('again')).text), 'AddChatMessage')[0]?.['ChatMessageId']).to.equal('11');
    });

    it('?tenant=Cust1 resets that tenant only', async () => {
      await add('in default');
      await add('in Cust1', 'Cust1');
      expect((await admin(base(), 'POST', '/reset?tenant=Cust1')).body).to.deep.equal({ reset: 'Cust1' });
      expect((await requests()).requests.map((r) => r.tenant)).to.deep.equal(['default']);
      await expectStoredIds(chat('Cust1'), '1', []);
      await expectStoredIds(chat(), '1', ['10', '11']);
    });
  });

  describe('POST /fixtures and GET .../sessions', () => {
    it('loads whole sessions beside bare ids, and lists a tenant\'s sessions as the contract writes them', async () => {
      const answer = await admin(base(), 'POST', '/fixtures', {
        tenants: { cust3: { sessions: [4, { ChatSessionId: 5, CustomerName: 'Anne', Status: 'InQueue', Flags: ['UserIsTyping'], WhenRequested: '2021-03-25T23:36:53+02:00' }] } },
      });
      expect(answer.status).to.equal(200);
      const listed = await admin(base(), 'GET', '/tenants/CUST3/sessions');
      const sessions = listed.body['sessions'] as Record<string, unknown>[];
      expect(listed.body['tenant']).to.equal('cust3');
      expect(sessions.map((session) => [session['ChatSessionId'], session['Status'], session['CustomerName'], session['Flags'], session['WhenRequested']])).to.deep.equal([
        [4, 'Invalid', null, [], '0001-01-01T00:00:00Z'],
        [5, 'InQueue', 'Anne', ['UserIsTyping'], '2021-03-25T21:36:53Z'],
      ]);
      const refused = await admin(base(), 'POST', '/fixtures', { tenants: { cust3: { sessions: [{ CustomerName: 'no id' }] } } });
      expect(refused.status).to.equal(400);
      expect((refused.body['error'] as Record<string, unknown>)['message']).to.equal('the fixtures: tenants.cust3.sessions[0]: ChatSessionId is required.');
    });
  });

  describe('POST /fixtures and GET .../messages', () => {
    it('loads sessions, messages and users in addition; the messages read back as JSON', async () => {
      const answer = await admin(base(), 'POST', '/fixtures', {
        tenants: {
          Cust2: {
            sessions: [7],
            users: [{ UserName: 'bot', Password: 'b', AssociateId: 9 }],
            messages: [{ ChatSessionId: 7, Type: 'ToUser', Message: 'Æøå <&>', Author: 'Kari', ReadByCustomer: 1, WhenPosted: '2021-03-25T23:36:53.1234567+02:00' }],
          },
        },
      });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.deep.equal({ loaded: { tickets: 0, applicationTokens: 0, bearerTokens: 0, tenants: 1, sessions: 1, messages: 1, users: 1 } });
      const read = await admin(base(), 'GET', '/tenants/Cust2/sessions/7/messages');
      expect(read.body).to.deep.equal({
        tenant: 'Cust2',
        chatSessionId: 7,
        messages: [
          {
            ChatMessageId: 1,
            ChatSessionId: 7,
            Type: 'ToUser',
            Message: 'Æøå <&>',
            Author: 'Kari',
            ReadByCustomer: 1,
            SpecialType: 'None',
            SpecialParam: null,
            WhenPosted: '2021-03-25T21:36:53.1234567Z',
          },
        ],
      });
      const login = await postSoap(`${base()}/Cust2/Remote/Services88/SoPrincipal.svc`, 'AuthenticateUsernamePassword', envelope('1.1', loginBody('bot', 'b'), { ticket: null }));
      expect((readAnswer(login.text).body['AuthenticateResponse'] as Node)['AuthenticationSucceeded']).to.equal('true');
    });

    it('refuses a bad document with 400 naming the field, and a taken message id without loading anything', async () => {
      expectAdminError(
        await admin(base(), 'POST', '/fixtures', { tenants: { Cust2: { messages: [{ ChatSessionId: 1, ReadByCustomer: 40000 }] } } }),
        400,
        "the fixtures: tenants.Cust2.messages[0].ReadByCustomer: '40000' is not a valid xs:short (out of range -32768 to 32767).",
      );
      expectAdminError(
        await admin(base(), 'POST', '/fixtures', { tenants: { default: { messages: [{ ChatMessageId: 20, ChatSessionId: 2 }, { ChatMessageId: 10, ChatSessionId: 2 }] } } }),
        400,
        "tenants.default.messages[1].ChatMessageId: tenant 'default' already has a message with id 10.",
      );
      await expectStoredIds(chat(), '2', []);
    });

    it('answers an unknown session with 404 and a session id that is not an xs:int with 400', async () => {
      expectAdminError(await admin(base(), 'GET', '/tenants/default/sessions/99/messages'), 404, "Tenant 'default' has no chat session 99.");
      expectAdminError(await admin(base(), 'GET', '/tenants/default/sessions/x/messages'), 400, "The chat session id 'x' is not an xs:int (not an integer from -2147483648 to 2147483647).");
    });
  });

  describe('GET /requests (the journal)', () => {
    it('records each request: time, tenant, operation, version, masked headers, arguments, status, outcome, duration', async () => {
      await admin(base(), 'PUT', '/clock', { now: '2022-05-06T07:08:09.1234567Z' });
      await add('hello');
      const [entry] = (await requests()).requests;
      expect(entry).to.deep.include({
        id: entry?.id,
        time: '2022-05-06T07:08:09.1234567Z',
        tenant: 'default',
        service: 'Chat',
        operation: 'AddChatMessage',
        soapVersion: '1.1',
        status: 200,
        outcome: 'ok',
        error: null,
        warnings: [],
      });
      expect(entry?.arguments).to.deep.equal({
        ChatSessionId: 1,
        Message: { ChatMessageId: 0, ChatSessionId: 0, Type: 'Invalid', Message: 'hello', Author: null, ReadByCustomer: 0, SpecialType: 'None', SpecialParam: null, WhenPosted: '0001-01-01T00:00:00Z' },
      });
      expect(entry?.headers.Ticket).to.match(/^7T:…\(22 chars, sha256 [0-9a-f]{8}\)$/);
      expect(entry?.headers.ApplicationToken).to.match(/^123…\(17 chars, sha256 [0-9a-f]{8}\)$/);
      expect(entry?.durationMs).to.be.a('number').and.at.least(0);
    });

    it('never holds a ticket, a token or a password in clear', async () => {
      await postSoap(`${base()}/Cust1/Remote/Services88/SoPrincipal.svc`, 'AuthenticateUsernamePassword', envelope('1.1', loginBody('agent', 'pw-secret'), { ticket: null }));
      await add('x');
      const text = JSON.stringify(await requests());
      for (const secret of [SAMPLE_TICKET, SAMPLE_TOKEN, 'pw-secret']) expect(text).not.to.include(secret);
      expect(text).to.include('"Password":"***"');
    });

    it('records the outcome and error of refused requests', async () => {
      expectExceptionInfo(
        await postSoap(chat(), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: 'nope' })),
        'GetChatMessagesResponse',
        'SoAuthenticationException',
        'not known',
      );
      await postSoap(chat(), 'GetChatMessages', envelope('1.1', getChatMessagesBody('x', '0')));
      await postSoap(chat(), null, '<oops', { action: 'urn:x' });
      const entries = (await requests()).requests;
      expect(entries.map((e) => [e.outcome, e.status, e.error?.code, e.error?.exceptionType])).to.deep.equal([
        ['application error', 200, 'TicketUnknown', 'SoAuthenticationException'],
        ['fault', 500, 'DeserializationFailed', undefined],
        ['fault', 400, 'MalformedXml', undefined],
      ]);
      expect(entries[2]?.operation).to.equal(null);
      expect(entries[2]?.arguments).to.equal(null);
    });

    it('filters by tenant, operation, since and limit, and refuses a bad filter', async () => {
      await admin(base(), 'PUT', '/clock', { now: '2022-01-01T00:00:00Z' });
      await add('a');
      await admin(base(), 'PUT', '/clock', { now: '2022-01-02T00:00:00Z' });
      await add('b', 'Cust1');
      await postSoap(chat('Cust1'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
      expect((await requests('?tenant=Cust1')).requests.map((r) => r.operation)).to.deep.equal(['AddChatMessage', 'GetChatMessages']);
      expect((await requests('?operation=AddChatMessage')).requests.map((r) => r.tenant)).to.deep.equal(['default', 'Cust1']);
      expect((await requests('?since=2022-01-02T00:00:00Z')).requests).to.have.length(2);
      expect((await requests('?limit=1')).requests.map((r) => r.operation)).to.deep.equal(['GetChatMessages']);
      expectAdminError(await admin(base(), 'GET', '/requests?operation=Nope'), 400, `operation: 'Nope' is not one of ${[...OPERATION_NAMES, ...ACQUIRE_OPERATIONS].join(', ')}.`);
      expectAdminError(await admin(base(), 'GET', '/requests?since=yesterday'), 400, /^since: 'yesterday' is not a valid xs:dateTime/);
      expectAdminError(await admin(base(), 'GET', '/requests?verb=GET'), 400, "the request filter: unknown field 'verb'; expected tenant, operation, since, limit.");
    });

    it('keeps the newest --journal-size entries and counts the dropped ones; DELETE empties it', async () => {
      for (let i = 0; i < 7; i += 1) await add(`m${i}`);
      const page = await requests();
      expect(page.requests).to.have.length(5);
      expect(page.dropped).to.equal(2);
      expect(page.requests.map((r) => (r.arguments as { Message: { Message: string } }).Message.Message)).to.deep.equal(['m2', 'm3', 'm4', 'm5', 'm6']);
      expect((await admin(base(), 'DELETE', '/requests')).body).to.deep.equal({ cleared: true });
      expect(await requests()).to.deep.equal({ requests: [], dropped: 0 });
    });
  });

  describe('the clock', () => {
    it('PUT {now} stops the clock there: WhenPosted is stamped with it; DELETE gives real time back', async () => {
      expect((await admin(base(), 'PUT', '/clock', { now: '2021-03-25T21:36:53.5Z' })).body).to.deep.equal({ now: '2021-03-25T21:36:53.5Z', mode: 'fixed' });
      const added = messagesOf(readAnswer((await add('stamped')).text), 'AddChatMessage')[0];
      expect(added?.['WhenPosted']).to.equal('2021-03-25T21:36:53.5Z');
      const back = await admin(base(), 'DELETE', '/clock');
      expect(back.body['mode']).to.equal('base');
      expect(Math.abs(Date.parse(back.body['now'] as string) - Date.now())).to.be.below(60_000);
    });

    it('PUT {offsetMs} moves it: a login ticket expires after the TTL', async () => {
      const login = await postSoap(`${base()}/Cust1/Remote/Services88/SoPrincipal.svc`, 'AuthenticateUsernamePassword', envelope('1.1', loginBody('agent', 'pw-secret'), { ticket: null }));
      const ticket = ((readAnswer(login.text).body['AuthenticateResponse'] as Node)['Credentials'] as Node)['Ticket'] as string;
      const moved = await admin(base(), 'PUT', '/clock', { offsetMs: 6 * 60 * 60 * 1000 });
      expect(moved.body).to.deep.include({ mode: 'offset', offsetMs: 21_600_000 });
      expectExceptionInfo(
        await postSoap(chat('Cust1'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket })),
        'GetChatMessagesResponse',
        'SoTicketExpiredException',
        'The ticket has expired',
      );
    });

    it('refuses neither or both of now and offsetMs, and a bad date', async () => {
      const both = 'The clock takes exactly one of "now" (an xs:dateTime such as 2021-03-25T21:36:53Z) and "offsetMs" (milliseconds).';
      expectAdminError(await admin(base(), 'PUT', '/clock', {}), 400, both);
      expectAdminError(await admin(base(), 'PUT', '/clock', { now: '2021-01-01T00:00:00Z', offsetMs: 1 }), 400, both);
      expectAdminError(await admin(base(), 'PUT', '/clock', { now: '2021-13-01T00:00:00Z' }), 400, /^now: '2021-13-01T00:00:00Z' is not a valid xs:dateTime \(month 13/);
      expectAdminError(await admin(base(), 'PUT', '/clock', { offsetMs: 1.5 }), 400, 'offsetMs: expected an integer number of milliseconds, found number 1.5.');
    });
  });

  describe('POST /faults', () => {
    const get = (tenant?: string) => postSoap(chat(tenant), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));

    it('exceptionInfo: the next matching call answers that application error, then the normal answer', async () => {
      const injected = await admin(base(), 'POST', '/faults', { operation: 'GetChatMessages', exceptionInfo: { exceptionType: 'SoDatabaseException', message: 'DB down' } });
      expect(injected.body).to.deep.equal({
        fault: { id: (injected.body['fault'] as { id: number }).id, operation: 'GetChatMessages', times: 1, remaining: 1, delayMs: 0, exceptionInfo: { exceptionType: 'SoDatabaseException', message: 'DB down', friendlyText: 'DB down' } },
      });
      expect(readAnswer((await add('not matched')).text).headers['Succeeded']).to.equal('true');
      expectExceptionInfo(await get(), 'GetChatMessagesResponse', 'SoDatabaseException', 'DB down');
      expect(readAnswer((await get()).text).headers['Succeeded']).to.equal('true');
      const outcomes = (await requests('?operation=GetChatMessages')).requests.map((r) => r.outcome);
      expect(outcomes).to.deep.equal(['injected', 'ok']);
    });

    it('soapFault and httpStatus, for `times` calls, in one tenant only', async () => {
      await admin(base(), 'POST', '/faults', { tenant: 'Cust1', times: 2, soapFault: { code: 'Sender', message: 'Nope' } });
      expect((await get()).status).to.equal(200);
      for (let i = 0; i < 2; i += 1) {
        const answer = await get('Cust1');
        expect(answer.status).to.equal(500);
        expect(readAnswer(answer.text).fault).to.deep.equal({ code: 's:Client', subcode: undefined, reason: 'Nope' });
      }
      expect((await get('Cust1')).status).to.equal(200);
      await admin(base(), 'POST', '/faults', { httpStatus: 503 });
      const unavailable = await get();
      expect(unavailable.status).to.equal(503);
      expect(unavailable.text).to.equal('Injected HTTP 503.\n');
    });

    it('delayMs holds the answer back at least that long, then answers normally', async () => {
      await admin(base(), 'POST', '/faults', { delayMs: 300 });
      const started = Date.now();
      const answer = await get();
      expect(Date.now() - started).to.be.at.least(290);
      expect(readAnswer(answer.text).headers['Succeeded']).to.equal('true');
    });

    it('drop closes the connection without an answer; truncate cuts the answer off; the emulator goes on', async () => {
      await admin(base(), 'POST', '/faults', { drop: true });
      let dropped: unknown;
      await get().catch((error: unknown) => (dropped = error));
      expect(dropped).to.be.instanceOf(TypeError);
      await admin(base(), 'POST', '/faults', { truncate: true });
      let truncated: unknown;
      await get().catch((error: unknown) => (truncated = error));
      expect(truncated).to.be.instanceOf(Error);
      expect(readAnswer((await get()).text).headers['Succeeded']).to.equal('true');
      const entries = (await requests()).requests;
      expect(entries.map((e) => [e.outcome, e.status])).to.deep.equal([
        ['injected', null],
        ['injected', 200],
        ['ok', 200],
      ]);
    });

    it('lists and clears faults; refuses a fault that does two things or nothing, and unknown fields', async () => {
      await admin(base(), 'POST', '/faults', { httpStatus: 500, times: 3 });
      expect(((await admin(base(), 'GET', '/faults')).body['faults'] as unknown[]).length).to.equal(1);
      expect((await admin(base(), 'DELETE', '/faults')).body).to.deep.equal({ cleared: 1 });
      expect((await get()).status).to.equal(200);
      expectAdminError(await admin(base(), 'POST', '/faults', { drop: true, httpStatus: 500 }), 400, 'A fault does one thing: found httpStatus and drop; give one of exceptionInfo, soapFault, httpStatus, drop, truncate (a delayMs may go with it).');
      expectAdminError(await admin(base(), 'POST', '/faults', { times: 2 }), 400, 'A fault needs one of exceptionInfo, soapFault, httpStatus, drop, truncate, or a delayMs above 0.');
      expectAdminError(await admin(base(), 'POST', '/faults', { httpStatus: 99 }), 400, 'httpStatus: expected an integer from 200 to 599, found number 99.');
      expectAdminError(await admin(base(), 'POST', '/faults', { status: 500 }), 400, /^the fault: unknown field 'status'; expected tenant, operation, times, delayMs, /);
    });
  });
});

describe('the admin API with --admin-token', () => {
  const emulator = useEmulator({ fixtures: FIXTURES, adminToken: 'let-me-in' });

  it('refuses a request without the token, or with another, with 401 and WWW-Authenticate; accepts the token', async () => {
    const missing = await admin(emulator.current.url, 'GET', '/health');
    expectAdminError(missing, 401, 'The admin API requires the admin token: send Authorization: Bearer <token>.');
    expect(missing.headers.get('www-authenticate')).to.equal('Bearer realm="__admin"');
    expectAdminError(await admin(emulator.current.url, 'GET', '/health', undefined, 'guess'), 401, 'The admin token is not the one this emulator was started with.');
    expect((await admin(emulator.current.url, 'GET', '/health', undefined, 'let-me-in')).status).to.equal(200);
  });

  it('leaves the services as they are: they need no admin token', async () => {
    await expectStoredIds(`${emulator.current.url}/Remote/Services88/Chat.svc`, '1', ['10']);
  });
});
