import { expect } from 'chai';
import type { FixturesDocument } from '../../src/index.js';
import { admin } from '../support/admin.js';
import { useEmulator } from '../support/emulator.js';
import { json, rest, type RestAnswer } from '../support/rest.js';
import { envelope, postSoap, readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN, type Node } from '../support/soap.js';

/** Kari manages topic 1 and answers in it; Ola answers in topic 2 only; Per is an administrator (admin-all). */
const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: {
      users: [
        { UserName: 'kari', Password: 'k', AssociateId: 5, FullName: 'Kari Nordmann', tickets: ['7T:kari=='] },
        { UserName: 'ola', Password: 'o', AssociateId: 6, FullName: 'Ola Nordmann', tickets: ['7T:ola=='] },
        { UserName: 'per', Password: 'p', AssociateId: 7, FullName: 'Per Admin', FunctionRights: ['admin-all'], tickets: ['7T:per=='] },
      ],
      topics: [
        { ChatTopicId: 1, Name: 'Sales', WelcomeMessage: 'Welcome to Sales!' },
        { ChatTopicId: 2, Name: 'Support' },
      ],
      topicAgents: [
        { TopicId: 1, User: { Name: 'kari' }, CanRespond: true, CanManage: true },
        { TopicId: 2, User: { AssociateId: 6 }, CanRespond: true, CanListen: true },
      ],
      presence: [{ UserId: 5, Present: true }],
    },
  },
};

type Json = Record<string, unknown>;

describe('topics, their agents, presence and opening hours', () => {
  const emulator = useEmulator({ fixtures: FIXTURES });
  beforeEach(async () => {
    emulator.current.reset();
    await admin(emulator.current.url, 'DELETE', '/clock');
  });

  const send = (method: string, path: string, body?: unknown, ticket = SAMPLE_TICKET) =>
    rest(`${emulator.current.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `SOTicket ${ticket}`, 'SO-AppToken': SAMPLE_TOKEN, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const agent = (operation: string, body: unknown, ticket = SAMPLE_TICKET) => send('POST', `/Agents/Chat/${operation}`, body, ticket);
  const ok = <T = Json>(answer: RestAnswer): T => {
    expect(answer.status, answer.text).to.equal(200);
    return json<T>(answer);
  };
  const refused = (answer: RestAnswer, status: number, errorType: string, message: string) => {
    expect(answer.status, answer.text).to.equal(status);
    expect(json(answer)).to.deep.include({ ErrorType: errorType, Error: message });
  };

  describe('topics', () => {
    it('creates, reads, saves, lists for a user and deletes a topic, over the resource and the agent', async () => {
      expect(ok(await send('GET', '/ChatTopic/default'))).to.deep.include({ ChatTopicId: 0, Name: null, OpeningHoursEnabled: false, Flags: [] });
      const created = ok(await send('POST', '/ChatTopic', { Name: 'Billing', Flags: ['PopupAlert', 'CollectConsent'], WelcomeMessage: 'Hi!' }));
      expect(created).to.deep.include({ ChatTopicId: 3, Name: 'Billing', Flags: ['PopupAlert', 'CollectConsent'] });
      expect(ok(await send('PUT', '/ChatTopic/3', { ...created, Name: 'Invoices' }))).to.deep.include({ ChatTopicId: 3, Name: 'Invoices' });
      expect(ok(await agent('GetChatTopicEntity', { ChatTopicEntityId: 3 }))).to.deep.include({ Name: 'Invoices', WelcomeMessage: 'Hi!' });
      expect(ok<Json[]>(await agent('ChatTopicsForUser', {}, '7T:kari==')).map((topic) => topic['Name'])).to.deep.equal(['Sales']);
      expect((await send('DELETE', '/ChatTopic/3')).status).to.equal(204);
      expect((await send('GET', '/ChatTopic/3')).status).to.equal(404);
      refused(await send('PUT', '/ChatTopic/9', { Name: 'x' }), 404, 'SoNotFoundException', "Chat topic 9 does not exist in tenant 'default'.");
    });

    it('deleting a topic deletes its agents', async () => {
      await agent('DeleteChatTopicEntity', { ChatTopicEntityId: 2 });
      expect(ok<Json[]>(await agent('ChatTopicsForUser', {}, '7T:ola=='))).to.deep.equal([]);
    });
  });

  describe('topic agents and their rights', () => {
    it('adds, reads, lists, updates and deletes an agent; an administrator may, and so may a manager of the topic', async () => {
      expect(ok(await agent('CreateDefaultChatTopicAgent', {}))).to.deep.equal({ TopicId: 0, User: null, CanListen: false, CanRespond: false, CanManage: false, CanNotify: false });
      const added = ok(await agent('AddChatTopicUserAgent', { ChatTopicId: 1, Useragent: { User: { Name: 'ola' }, CanRespond: true } }, '7T:kari=='));
      expect(added).to.deep.include({ TopicId: 1, CanRespond: true, CanManage: false });
      expect(added['User']).to.deep.include({ AssociateId: 6, Name: 'ola', FullName: 'Ola Nordmann' });
      expect(ok(await agent('GetChatTopicUserAgent', { ChatTopicId: 1, Username: 'OLA' }))).to.deep.include({ TopicId: 1, CanRespond: true });
      const updated = ok(await agent('UpdateChatTopicUserAgent', { ChatTopicId: 1, Username: 'ola', Useragent: { CanRespond: false, CanNotify: true } }, '7T:per=='));
      expect(updated).to.deep.include({ CanRespond: false, CanNotify: true });
      expect(ok<Json[]>(await agent('GetChatTopicUserAgentList', { ChatTopicId: 1 })).map((a) => [(a['User'] as Json)['Name'], a['CanRespond'], a['CanManage']])).to.deep.equal([
        ['kari', true, true],
        ['ola', false, false],
      ]);
      expect((await agent('DeleteChatTopicUserAgent', { ChatTopicId: 1, Username: 'ola' })).status).to.equal(204);
      expect((await agent('GetChatTopicUserAgent', { ChatTopicId: 1, Username: 'ola' })).text).to.equal('null');
    });

    it('refuses managing the agents of a topic to an agent without CanManage, and an unknown user name', async () => {
      refused(
        await agent('AddChatTopicUserAgent', { ChatTopicId: 2, Useragent: { User: { Name: 'kari' }, CanRespond: true } }, '7T:kari=='),
        403,
        'SoSecurityException',
        'AddChatTopicUserAgent: kari (5) may not manage the agents of chat topic 2: that takes CanManage in the topic, or an administrator (the functional right admin-all).',
      );
      refused(await agent('DeleteChatTopicUserAgent', { ChatTopicId: 1, Username: 'kari' }, '7T:ola=='), 403, 'SoSecurityException', 'DeleteChatTopicUserAgent: ola (6) may not manage the agents of chat topic 1: that takes CanManage in the topic, or an administrator (the functional right admin-all).');
      const unknown = await agent('GetChatTopicUserAgent', { ChatTopicId: 1, Username: 'nobody' });
      expect(unknown.status).to.equal(404);
      expect(json(unknown)).to.deep.include({ ErrorType: 'SoNotFoundException', Field: 'Username' });
    });

    it('lets only the agents who may respond in a topic pick up its sessions, and PickUpFirstChatSession look only there', async () => {
      ok(await send('POST', '/ChatSession', { CustomerName: 'to sales', TopicId: 1 }));
      ok(await send('POST', '/ChatSession', { CustomerName: 'to support', TopicId: 2 }));
      refused(await agent('PickUpChatSession', { ChatSessionId: 1 }, '7T:ola=='), 403, 'SoSecurityException', 'ola (6) may not pick up chat session 1: only the agents who may respond in its topic 1 can.');
      expect(ok(await agent('PickUpFirstChatSession', {}, '7T:ola=='))).to.deep.include({ CustomerName: 'to support', Status: 'UserLast' });
      expect((await agent('PickUpFirstChatSession', {}, '7T:ola==')).text).to.equal('null');
      const picked = ok(await agent('PickUpFirstChatSession', {}, '7T:kari=='));
      expect(picked).to.deep.include({ CustomerName: 'to sales' });
      const messages = ok<Json[]>(await send('GET', '/ChatSession/1/Messages'));
      expect(messages.at(-1)).to.deep.include({ SpecialType: 'Welcome', Message: 'Welcome to Sales!', Author: 'Kari Nordmann' });
    });
  });

  describe('the queue, by topic', () => {
    it('PickUpFirstChatSession takes the longest waiting session of the topics the caller may respond in, in queue order', async () => {
      const at = async (now: string, topic: number, name: string) => {
        await admin(emulator.current.url, 'PUT', '/clock', { now });
        ok(await send('POST', '/ChatSession', { CustomerName: name, TopicId: topic }));
      };
      await at('2021-03-25T10:00:00Z', 1, 'sales first');
      await at('2021-03-25T10:01:00Z', 2, 'support');
      await at('2021-03-25T10:02:00Z', 1, 'sales second');
      await at('2021-03-25T10:03:00Z', 0, 'no topic');
      const next = async (ticket: string) => {
        const answer = await agent('PickUpFirstChatSession', {}, ticket);
        return answer.text === 'null' ? null : ok(answer)['CustomerName'];
      };
      expect([await next('7T:kari=='), await next('7T:kari=='), await next('7T:kari=='), await next('7T:kari==')]).to.deep.equal(['sales first', 'sales second', 'no topic', null]);
      expect([await next('7T:ola=='), await next('7T:ola==')]).to.deep.equal(['support', null]);
    });
  });

  it('ChatSessionsForUser lists the sessions of the topics the caller is a member of, and the queued ones without a topic', async () => {
    ok(await send('POST', '/ChatSession', { CustomerName: 'sales', TopicId: 1 }));
    ok(await send('POST', '/ChatSession', { CustomerName: 'support', TopicId: 2 }));
    ok(await send('POST', '/ChatSession', { CustomerName: 'no topic' }));
    const names = async (ticket: string) => ok<Json[]>(await agent('ChatSessionsForUser', {}, ticket)).map((session) => session['CustomerName']);
    expect(await names('7T:kari==')).to.deep.equal(['sales', 'no topic']);
    expect(await names('7T:ola==')).to.deep.equal(['support', 'no topic']);
    expect(await names('7T:per==')).to.deep.equal(['no topic']);
  });

  describe('presence', () => {
    it('stores presence, counts each agent\'s ongoing chats, and lists only the present agents when asked', async () => {
      ok(await send('POST', '/ChatSession', { TopicId: 1 }));
      ok(await agent('PickUpChatSession', { ChatSessionId: 1 }, '7T:kari=='));
      expect((await agent('SaveChatPresence', { ChatPresence: [{ UserId: 6, Present: true }, { UserId: 5, Present: false }] })).status).to.equal(204);
      const presence = ok<Json[]>(await agent('GetChatPresence', {}));
      expect(presence.map((p) => [p['UserId'], p['DisplayName'], p['Present'], p['OngoingChats'], p['ChatTopics']])).to.deep.equal([
        [5, 'Kari Nordmann', false, 1, [1]],
        [6, 'Ola Nordmann', true, 0, [2]],
        [7, 'Per Admin', false, 0, []],
      ]);
      expect(ok<Json[]>(await agent('GetUserAgentList', { Flat: true, OnlyPresent: true })).map((item) => [item['Id'], item['Name'], item['ToolTip']])).to.deep.equal([[6, 'Ola Nordmann', 'ola']]);
      expect(ok<Json[]>(await agent('GetUserAgentList', { Flat: true, OnlyPresent: false })).map((item) => item['Id'])).to.deep.equal([5, 6, 7]);
    });
  });

  describe('opening hours', () => {
    /** Topic 3: Oslo time, weekdays 08:00 to 16:00, and all of Monday's first hours from midnight on the Monday. */
    async function openingHoursTopic(): Promise<void> {
      const weekday = { Start: '2021-01-01T08:00:00Z', Stop: '2021-01-01T16:00:00Z' };
      const hours: Json = { TzLocation: { TZLocationCode: 'Europe/Oslo' } };
      for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) Object.assign(hours, { [`${day}Enabled`]: true, [`${day}Start`]: weekday.Start, [`${day}Stop`]: weekday.Stop });
      Object.assign(hours, { MonStart: '2021-01-01T00:00:00Z' });
      ok(await send('POST', '/ChatTopic', { Name: 'Opening hours', OpeningHoursEnabled: true, OpeningHours: hours }));
    }
    const openAt = async (now: string): Promise<boolean> => {
      expect((await admin(emulator.current.url, 'PUT', '/clock', { now })).status).to.equal(200);
      return ok<boolean>(await agent('IsWithinOpeningHours', { ChatTopicId: 3 }));
    };

    it('decides in the topic\'s time zone, with summer time, on the clock the admin API sets, and across a weekday boundary', async () => {
      await openingHoursTopic();
      // Friday 26 March 2021, Oslo on CET (UTC+1): 08:30 is 07:30Z, 16:30 is 15:30Z.
      expect(await openAt('2021-03-26T07:30:00Z')).to.equal(true);
      expect(await openAt('2021-03-26T06:30:00Z')).to.equal(false);
      expect(await openAt('2021-03-26T15:30:00Z')).to.equal(false);
      // Saturday is closed.
      expect(await openAt('2021-03-27T10:00:00Z')).to.equal(false);
      // Summer time began on Sunday 28 March: Sunday 23:30 CEST (21:30Z) is closed, Monday 00:30 CEST (22:30Z on Sunday) is open.
      expect(await openAt('2021-03-28T21:30:00Z')).to.equal(false);
      expect(await openAt('2021-03-28T22:30:00Z')).to.equal(true);
      // Tuesday 30 March on CEST (UTC+2): 08:30 is 06:30Z, 07:30 is 05:30Z.
      expect(await openAt('2021-03-30T06:30:00Z')).to.equal(true);
      expect(await openAt('2021-03-30T05:30:00Z')).to.equal(false);
    });

    it('is always open with OpeningHoursEnabled false, and refuses a topic the tenant does not have or a zone it does not know', async () => {
      expect(ok<boolean>(await agent('IsWithinOpeningHours', { ChatTopicId: 1 }))).to.equal(true);
      refused(await agent('IsWithinOpeningHours', { ChatTopicId: 9 }), 404, 'SoNotFoundException', "Chat topic 9 does not exist in tenant 'default'.");
      refused(
        await send('POST', '/ChatTopic', { OpeningHoursEnabled: true, OpeningHours: { TzLocation: { TZLocationCode: 'Mars/Olympus' } } }),
        400,
        'ArgumentException',
        "The chat topic's time zone 'Mars/Olympus' is not known: give an IANA name such as Europe/Oslo in OpeningHours/TzLocation/TZLocationCode.",
      );
    });
  });

  it('answers the topic operations over SOAP as over REST', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatTopicUserAgentList', envelope('1.1', '<c:GetChatTopicUserAgentList><c:ChatTopicId>1</c:ChatTopicId></c:GetChatTopicUserAgentList>'));
    const read = readAnswer(answer.text);
    expect(read.headers['Succeeded']).to.equal('true');
    const agents = (read.body['GetChatTopicUserAgentListResponse'] as Node)['Response'] as Node;
    expect(((agents['ChatTopicAgent'] as Node)['User'] as Node)['Name']).to.equal('kari');
  });
});
