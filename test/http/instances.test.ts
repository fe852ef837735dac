import { expect } from 'chai';
import { startEmulator, type FixturesDocument, type RunningEmulator } from '../../src/index.js';
import { freshDatabase } from '../support/postgres.js';
import { addChatMessageBody, envelope, getChatMessagesBody, loginBody, messagesOf, postSoap, readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN, type Node } from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: { default: { sessions: [1, 2], users: [{ UserName: 'agent', Password: 'secret', AssociateId: 5 }] } },
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
});
