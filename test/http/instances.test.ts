import { expect } from 'chai';
import pg from 'pg';
import { startEmulator, type FixturesDocument, type RunningEmulator } from '../../src/index.js';
import { freshDatabase } from '../support/postgres.js';
import { addChatMessageBody, envelope, getChatMessagesBody, loginBody, messagesOf, postSoap, readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN, type Node } from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: {
      sessions: [1, 2, ...Array.from({ length: 20 }, (_, i) => ({ ChatSessionId: 10 + i, Status: 'InQueue', CustomerName: `Customer ${i}` }))],
      users: [
        { UserName: 'agent', Password: 'secret', AssociateId: 5 },
        { UserName: 'kari', Password: 'k', AssociateId: 6, tickets: ['7T:kari=='] },
        { UserName: 'ola', Password: 'o', AssociateId: 7, tickets: ['7T:ola=='] },
      ],
    },
  },
};

/** Adds a message; answers the id it got, or undefined when the call did not succeed. */
async function add(emulator: RunningEmulator, session: string, text: string): Promise<number | undefined> {
  const answer = await postSoap(emulator.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody(session, { Message: text })));
  const id = /<ChatMessageId>(\d+)<\/ChatMessageId>/.exec(answer.text)?.[1];
  return answer.status === 200 && id !== undefined ? Number(id) : undefined;
}

/** The session's messages after `after`, as [id, text]. */
async function read(emulator: RunningEmulator, session: string, after: number, ticket = SAMPLE_TICKET): Promise<[number, string][]> {
  const answer = await postSoap(emulator.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody(session, String(after)), { ticket }));
  expect(answer.status, answer.text).to.equal(200);
  return messagesOf(readAnswer(answer.text), 'GetChatMessages').map((message) => [Number(message['ChatMessageId']), String(message['Message'])]);
}

describe('several instances on one PostgreSQL database', function () {
  // The first test of a run that needs PostgreSQL may start the throwaway server.
  this.timeout(120_000);
  let instances: RunningEmulator[] = [];

  beforeEach(async () => {
    const url = await freshDatabase();
    // One after the other: the second starts on the schema the first made.
    instances = [await startEmulator({ store: url, fixtures: FIXTURES })];
    instances.push(await startEmulator({ store: url, fixtures: FIXTURES }));
  });
  afterEach(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  it('2,000 concurrent adds over both: every id unique, 1 to 2,000, and every message read back the same from either', async () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `message ${i}`);
    let next = 0;
    const acknowledged = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 40 }, async (_, worker) => {
        for (let i = next++; i < texts.length; i = next++) {
          const text = texts[i] as string;
          const id = await add(instances[worker % 2] as RunningEmulator, '1', text);
          if (id !== undefined) acknowledged.set(text, id);
        }
      }),
    );
    expect(acknowledged.size).to.equal(2000);
    expect([...acknowledged.values()].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 2000 }, (_, i) => i + 1));
    const expected = [...acknowledged].map(([text, id]): [number, string] => [id, text]).sort(([a], [b]) => a - b);
    for (const instance of instances) expect(await read(instance, '1', 0)).to.deep.equal(expected);
  });

  it('a reader polling with After on one while both write misses nothing', async () => {
    let writing = true;
    const acknowledged: number[] = [];
    const writers = Array.from({ length: 10 }, async (_, worker) => {
      for (let i = 0; i < 60; i += 1) {
        const id = await add(instances[worker % 2] as RunningEmulator, '2', `w${worker}-${i}`);
        if (id !== undefined) acknowledged.push(id);
      }
    });
    const seen: number[] = [];
    const reader = (async () => {
      let after = 0;
      while (writing || seen.length < acknowledged.length) {
        const page = await read(instances[0] as RunningEmulator, '2', after);
        for (const [id] of page) seen.push(id);
        after = seen.at(-1) ?? after;
        if (!writing && page.length === 0) break;
      }
    })();
    await Promise.all(writers);
    writing = false;
    await reader;
    expect(acknowledged).to.have.length(600);
    expect(seen).to.deep.equal([...acknowledged].sort((a, b) => a - b));
  });

  it('a ticket issued by a login on one instance works on the other', async () => {
    const [first, second] = instances as [RunningEmulator, RunningEmulator];
    const login = await postSoap(first.principalUrl, 'AuthenticateUsernamePassword', envelope('1.1', loginBody('agent', 'secret'), { ticket: null }));
    const response = readAnswer(login.text).body['AuthenticateResponse'] as Node;
    expect(response['AuthenticationSucceeded']).to.equal('true');
    const ticket = (response['Credentials'] as Node)['Ticket'] as string;
    expect(await add(first, '1', 'before the login was used elsewhere')).to.equal(1);
    expect(await read(second, '1', 0, ticket)).to.deep.equal([[1, 'before the login was used elsewhere']]);
  });

  it('two agents picking up the same queued session on two instances: one gets it, the other nil, never two owners', async () => {
    const pickUp = async (instance: RunningEmulator, id: number, ticket: string): Promise<string | null> => {
      const answer = await postSoap(instance.chatUrl, 'PickUpChatSession', envelope('1.1', `<c:PickUpChatSession><c:ChatSessionId>${id}</c:ChatSessionId></c:PickUpChatSession>`, { ticket }));
      const read = readAnswer(answer.text);
      expect(read.headers['Succeeded'], answer.text).to.equal('true');
      const response = (read.body['PickUpChatSessionResponse'] as Node)['Response'] as Node;
      return response['@nil'] === 'true' ? null : String((response['User'] as Node)['AssociateId']);
    };
    for (let id = 10; id < 30; id += 1) {
      const owners = await Promise.all([pickUp(instances[0] as RunningEmulator, id, '7T:kari=='), pickUp(instances[1] as RunningEmulator, id, '7T:ola==')]);
      const winners = owners.filter((owner) => owner !== null);
      expect(winners, `session ${id}: ${JSON.stringify(owners)}`).to.have.length(1);
    }
  });

  it("one tenant reset again and again while another tenant's suite writes on both instances: the writer loses nothing", async () => {
    const addTo = async (instance: RunningEmulator, tenant: string, text: string): Promise<number | undefined> => {
      const answer = await postSoap(`${instance.url}/${tenant}/Remote/Services88/Chat.svc`, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: text })));
      const id = /<ChatMessageId>(\d+)<\/ChatMessageId>/.exec(answer.text)?.[1];
      return answer.status === 200 && id !== undefined ? Number(id) : undefined;
    };
    let writing = true;
    const resets = (async () => {
      for (let i = 0; writing; i += 1) {
        await addTo(instances[i % 2] as RunningEmulator, 'CustReset', `to be reset ${i}`);
        const reset = await fetch(`${(instances[(i + 1) % 2] as RunningEmulator).url}/__admin/reset?tenant=CustReset`, { method: 'POST' });
        expect(reset.status).to.equal(200);
      }
    })();
    const acknowledged: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, worker) => {
        for (let i = 0; i < 40; i += 1) {
          const id = await addTo(instances[worker % 2] as RunningEmulator, 'CustKeep', `w${worker}-${i}`);
          if (id !== undefined) acknowledged.push(id);
        }
      }),
    );
    writing = false;
    await resets;
    expect(acknowledged).to.have.length(400);
    const answer = await postSoap(`${(instances[1] as RunningEmulator).url}/CustKeep/Remote/Services88/Chat.svc`, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
    const stored = messagesOf(readAnswer(answer.text), 'GetChatMessages').map((message) => Number(message['ChatMessageId']));
    expect(stored).to.deep.equal([...acknowledged].sort((a, b) => a - b));
  });

  it('answers a fault while its database refuses connections, changes nothing, and recovers by itself when it is back', async () => {
    const url = await freshDatabase();
    const logged: string[] = [];
    const emulator = await startEmulator({ store: url, fixtures: FIXTURES, log: (line) => logged.push(line) });
    try {
      expect(await add(emulator, '1', 'before')).to.equal(1);
      await outage(url, true);
      const refused = await postSoap(emulator.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'during' })));
      expect(refused.status).to.equal(500);
      expect(readAnswer(refused.text).fault?.reason).to.match(/^The store is unavailable: PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/chat_test_[0-9a-f]+ did not answer \(.+\)\. Nothing was changed; try again\.$/);
      await outage(url, false);
      expect(await add(emulator, '1', 'after')).to.equal(2);
      expect(await read(emulator, '1', 0)).to.deep.equal([
        [1, 'before'],
        [2, 'after'],
      ]);
    } finally {
      await emulator.stop();
    }
  });
});

/** Closes the database to connections (and ends those it has), or opens it again: an outage of that database alone. */
async function outage(url: string, down: boolean): Promise<void> {
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS ${down ? 'false' : 'true'}`);
    if (down) await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  } finally {
    await admin.end();
  }
}
