import { expect } from 'chai';
import { AdminInputError, ConfigError, FixturesError, startEmulator, type RunningEmulator } from '../src/index.js';
import { expectStoredIds } from './support/assertions.js';
import { addChatMessageBody, envelope, getChatMessagesBody, messagesOf, postSoap, readAnswer } from './support/soap.js';

/** startEmulator(): the API the command line uses, and that test suites embed. */
describe('startEmulator()', () => {
  const started: RunningEmulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((emulator) => emulator.stop()));
  });
  const start = async (...options: Parameters<typeof startEmulator>) => {
    const emulator = await startEmulator(...options);
    started.push(emulator);
    return emulator;
  };

  it('listens on a free port of 127.0.0.1 by default and says where, with a ticket and token that work', async () => {
    const emulator = await start();
    expect(emulator.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.chatUrl).to.equal(`${emulator.url}/Remote/Services88/Chat.svc`);
    expect(emulator.wsdlUrl).to.equal(`${emulator.chatUrl}?wsdl`);
    expect([emulator.ticket, emulator.appToken]).to.deep.equal(['7T:1234abcxyzExample==', '1234567-1234-9876']);
    expect((await fetch(emulator.wsdlUrl)).status).to.equal(200);
  });

  it('takes fixtures as a document, in the file’s JSON shape', async () => {
    const emulator = await start({
      fixtures: {
        tickets: ['t1'],
        applicationTokens: ['a1'],
        tenants: { default: { messages: [{ ChatMessageId: 148, ChatSessionId: 606, Type: 'ToCustomer', Message: 'hi', WhenPosted: '2021-03-25T21:36:53Z' }] } },
      },
    });
    const answer = await postSoap(emulator.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('606', '0'), { ticket: 't1', token: 'a1' }));
    expect(messagesOf(readAnswer(answer.text), 'GetChatMessages').map((m) => [m['ChatMessageId'], m['Message']])).to.deep.equal([['148', 'hi']]);
  });

  it('runs two emulators in one process with nothing shared', async () => {
    const [first, second] = await Promise.all([start({ mode: 'onsite' }), start({ mode: 'onsite' })]);
    expect(first.url).not.to.equal(second.url);
    const xml = envelope('1.1', '<c:AddChatMessage><c:ChatSessionId>1</c:ChatSessionId><c:Message><c:Message>x</c:Message></c:Message></c:AddChatMessage>');
    await postSoap(first.chatUrl, 'AddChatMessage', xml);
    const secondRead = await postSoap(second.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
    expect(messagesOf(readAnswer(secondRead.text), 'GetChatMessages')).to.deep.equal([]);
  });

  it('stops: the port no longer answers', async () => {
    const emulator = await startEmulator();
    await emulator.stop();
    let refused: unknown;
    try {
      await fetch(emulator.wsdlUrl);
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(TypeError);
  });

  for (const [name, options, message] of [
    ['a port out of range', { port: 70000 }, "port: '70000' is not a TCP port (an integer 0 to 65535)."],
    ['an unknown mode', { mode: 'cloud' as 'online' }, "mode: 'cloud' is not one of online, onsite."],
    ['an unknown error style', { errorStyle: 'soap' as 'fault' }, "error style: 'soap' is not one of exceptioninfo, fault."],
    ['an empty host', { host: ' ' }, 'host: the address is empty: give one such as 127.0.0.1, or 0.0.0.0 for every interface.'],
    ['an empty ticket', { tickets: [''] }, 'tickets and application tokens cannot be empty.'],
    [
      'a host other machines reach, without an admin token',
      { host: '0.0.0.0' },
      "host: '0.0.0.0' is reachable from other machines, and so would the admin API be (/__admin: reset, fixtures, journal): give an admin token (--admin-token) that it will require.",
    ],
    ['an empty admin token', { adminToken: ' ' }, 'admin token: the token is empty.'],
    ['a journal of 0 requests', { journalSize: 0 }, "journal size: '0' is not a positive number of requests."],
    ['a ticket TTL of 0', { ticketTtlSeconds: 0 }, "ticket TTL: '0' is not a positive number of seconds."],
  ] as const) {
    it(`refuses ${name} with a ConfigError that says so`, async () => {
      let error: unknown;
      try {
        await start(options);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ConfigError);
      expect((error as Error).message).to.equal(message);
    });
  }

  it('refuses a bad fixtures document with a FixturesError naming the field', async () => {
    let error: unknown;
    try {
      await start({ fixtures: { tenants: { Cust1: { messages: [{ ChatSessionId: 1, ReadByCustomer: 40000 }] } } } });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(FixturesError);
    expect((error as Error).message).to.equal(
      "the fixtures option: tenants.Cust1.messages[0].ReadByCustomer: '40000' is not a valid xs:short (out of range -32768 to 32767).",
    );
  });

  describe('the embedding API: reset, loadFixtures, requests, setClock', () => {
    const FIXTURES = { tickets: ['7T:1234abcxyzExample=='], applicationTokens: ['1234567-1234-9876'], tenants: { CustA: { sessions: [1] }, CustB: { sessions: [1] } } };
    const tenantUrl = (emulator: RunningEmulator, tenant: string) => `${emulator.url}/${tenant}/Remote/Services88/Chat.svc`;
    const add = (url: string, text: string) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: text })));

    it('reset() forgets messages and the journal; reset(tenant) only that tenant', async () => {
      const emulator = await start({ fixtures: FIXTURES });
      await add(tenantUrl(emulator, 'CustA'), 'a');
      await add(tenantUrl(emulator, 'CustB'), 'b');
      emulator.reset('CustA');
      expect(emulator.requests().requests.map((r) => r.tenant)).to.deep.equal(['CustB']);
      await expectStoredIds(tenantUrl(emulator, 'CustA'), '1', []);
      await expectStoredIds(tenantUrl(emulator, 'CustB'), '1', ['1']);
      emulator.reset();
      expect(emulator.requests()).to.deep.equal({ requests: [], dropped: 0 });
      await expectStoredIds(tenantUrl(emulator, 'CustB'), '1', []);
    });

    it('loadFixtures() adds to what is there, and changes nothing when it refuses', async () => {
      const emulator = await start({ fixtures: FIXTURES });
      emulator.loadFixtures({ tenants: { CustA: { messages: [{ ChatMessageId: 5, ChatSessionId: 1, Message: 'seeded' }] } } });
      await expectStoredIds(tenantUrl(emulator, 'CustA'), '1', ['5']);
      expect(() => emulator.loadFixtures({ tenants: { CustA: { messages: [{ ChatMessageId: 6, ChatSessionId: 1 }, { ChatMessageId: 5, ChatSessionId: 1 }] } } })).to.throw(
        AdminInputError,
        "tenants.CustA.messages[1].ChatMessageId: tenant 'CustA' already has a message with id 5.",
      );
      expect(() => emulator.loadFixtures({ tenants: { CustA: { sessions: ['x'] } } })).to.throw(FixturesError, /^loadFixtures: tenants\.CustA\.sessions\[0\]/);
      await expectStoredIds(tenantUrl(emulator, 'CustA'), '1', ['5']);
    });

    it('requests() filters like the admin API; setClock() stops, moves and restores the clock', async () => {
      const emulator = await start({ fixtures: FIXTURES });
      emulator.setClock({ now: '2021-03-25T21:36:53.1234567Z' });
      const added = messagesOf(readAnswer((await add(tenantUrl(emulator, 'CustA'), 'x')).text), 'AddChatMessage')[0];
      expect(added?.['WhenPosted']).to.equal('2021-03-25T21:36:53.1234567Z');
      emulator.setClock({ offsetMs: -24 * 60 * 60 * 1000 });
      await postSoap(tenantUrl(emulator, 'CustB'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
      emulator.setClock(null);
      expect(emulator.requests({ tenant: 'CustB' }).requests.map((r) => r.operation)).to.deep.equal(['GetChatMessages']);
      expect(emulator.requests({ operation: 'AddChatMessage', since: '2021-03-25T00:00:00Z', limit: 1 }).requests).to.have.length(1);
      expect(() => emulator.setClock({ now: 'soon' })).to.throw(AdminInputError, /^now: 'soon' is not a valid xs:dateTime/);
      expect(() => emulator.requests({ limit: -1 })).to.throw(AdminInputError, 'limit: expected an integer from 0 to 9007199254740991, found number -1.');
    });

    it('serves two tenants to two tests running at once, each resetting and checking its own', async () => {
      const emulator = await start({ fixtures: FIXTURES });
      const suite = async (tenant: string, count: number) => {
        emulator.reset(tenant);
        for (let i = 0; i < count; i += 1) await add(tenantUrl(emulator, tenant), `${tenant} ${i}`);
        await expectStoredIds(tenantUrl(emulator, tenant), '1', Array.from({ length: count }, (_, i) => String(i + 1)));
        const mine = emulator.requests({ tenant, operation: 'AddChatMessage' }).requests;
        expect(mine.map((r) => (r.arguments as { Message: { Message: string } }).Message.Message)).to.deep.equal(Array.from({ length: count }, (_, i) => `${tenant} ${i}`));
      };
      await Promise.all([suite('CustA', 20), suite('CustB', 13)]);
    });
  });
});
