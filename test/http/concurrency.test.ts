import { Agent } from 'node:http';
import { expect } from 'chai';
import { OPERATIONS } from '../../src/contract/operations.js';
import { postOnAgent } from '../support/agent-post.js';
import { useEmulator } from '../support/emulator.js';
import { validEnvelope } from '../support/hostile.js';
import { envelope, getChatMessagesBody } from '../support/soap.js';

const CONNECTIONS = 50;
const MESSAGES = 100_000;
const SESSIONS = [1, 2, 3, 4, 5];

const ADD_ACTION = `"${OPERATIONS.AddChatMessage.soapAction}"`;
const GET_ACTION = `"${OPERATIONS.GetChatMessages.soapAction}"`;
const readBody = (session: number) => envelope('1.1', getChatMessagesBody(String(session), '0'));

interface Acknowledged {
  readonly session: number;
  readonly id: number;
  readonly text: string;
  /** Order numbers: when the request was sent, and when its answer arrived. */
  readonly sent: number;
  readonly acked: number;
}

describe(`concurrency: ${CONNECTIONS} connections adding ${MESSAGES.toLocaleString('en')} messages to ${SESSIONS.length} sessions`, function () {
  this.timeout(600_000);
  const emulator = useEmulator({ journalSize: 100 });

  it('loses none; ids are unique and follow acknowledgement order; reads during the writes are complete and in order', async () => {
    const url = new URL(`${emulator.current.url}/Load/Remote/Services88/Chat.svc`);
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS + 2 });
    const acknowledged: Acknowledged[] = [];
    const ackedIds = new Map<number, number[]>(SESSIONS.map((session) => [session, []]));
    let clock = 0;
    let next = 0;
    let writing = true;
    let reads = 0;
    const readProblems: string[] = [];

    const writer = async () => {
      while (next < MESSAGES) {
        const n = next++;
        const session = SESSIONS[n % SESSIONS.length] as number;
        const text = `m${n}`;
        const sent = clock++;
        const answer = await postOnAgent(agent, url, ADD_ACTION, validEnvelope(session, text));
        const id = Number(/<ChatMessageId>(\d+)<\/ChatMessageId>/.exec(answer.text)?.[1]);
        if (answer.status !== 200 || !Number.isInteger(id)) throw new Error(`message ${n} not acknowledged: ${answer.status} ${answer.text.slice(0, 200)}`);
        acknowledged.push({ session, id, text, sent, acked: clock++ });
        ackedIds.get(session)?.push(id);
      }
    };
    // A reader checks, now and then, that a read holds every message of its session acknowledged before the read was
    // sent, in id order.
    const reader = async () => {
      while (writing) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const session = SESSIONS[Math.floor(Math.random() * SESSIONS.length)] as number;
        const before = [...(ackedIds.get(session) ?? [])];
        const answer = await postOnAgent(agent, url, GET_ACTION, readBody(session));
        const ids = [...answer.text.matchAll(/<ChatMessageId>(\d+)<\/ChatMessageId>/g)].map((m) => Number(m[1]));
        for (let i = 1; i < ids.length; i += 1) if ((ids[i] as number) <= (ids[i - 1] as number)) readProblems.push(`session ${session}: ids out of order`);
        const read = new Set(ids);
        reads += 1;
        for (const id of before) if (!read.has(id)) readProblems.push(`session ${session}: acknowledged id ${id} missing from a later read`);
      }
    };

    const writers = Array.from({ length: CONNECTIONS }, writer);
    const readers = [reader(), reader()];
    await Promise.all(writers);
    writing = false;
    await Promise.all(readers);
    agent.destroy();

    expect(readProblems.slice(0, 5)).to.deep.equal([]);
    expect(reads).to.be.greaterThan(10);
    expect(acknowledged).to.have.length(MESSAGES);
    expect(new Set(acknowledged.map((a) => a.id)).size, 'unique ids').to.equal(MESSAGES);
    // An answer acknowledged before another request was sent has the smaller id.
    const byAck = [...acknowledged].sort((a, b) => a.acked - b.acked);
    const maxIdAckedBefore: number[] = [];
    let max = 0;
    for (const a of byAck) maxIdAckedBefore.push((max = Math.max(max, a.id)));
    for (const a of acknowledged) {
      let low = 0;
      let high = byAck.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((byAck[middle] as Acknowledged).acked < a.sent) low = middle + 1;
        else high = middle;
      }
      if (low > 0) expect(a.id, `message ${a.text}`).to.be.greaterThan(maxIdAckedBefore[low - 1] as number);
    }
    // Every message is stored, in its session, once.
    for (const session of SESSIONS) {
      const answer = await postOnAgent(new Agent(), url, GET_ACTION, readBody(session));
      const texts = [...answer.text.matchAll(/<Message>(m\d+)<\/Message>/g)].map((m) => m[1]);
      const expected = acknowledged.filter((a) => a.session === session).sort((a, b) => a.id - b.id).map((a) => a.text);
      expect(texts).to.deep.equal(expected);
    }
  });
});
