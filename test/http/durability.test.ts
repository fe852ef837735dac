import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { DataDirError, startEmulator, type FixturesDocument, type RunningEmulator } from '../../src/index.js';
import { admin } from '../support/admin.js';
import { expectStoredIds } from '../support/assertions.js';
import { validEnvelope } from '../support/hostile.js';
import { post } from '../support/soap.js';
import { rest } from '../support/rest.js';

const FIXTURES: FixturesDocument = { tickets: ['7T:1234abcxyzExample=='], applicationTokens: ['1234567-1234-9876'], tenants: { default: { sessions: [1, 2] } } };
const SOAP11 = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"' };

describe('--data-dir: a durable change log', () => {
  let dir = '';
  const running: RunningEmulator[] = [];
  const start = async (log: (line: string) => void = () => undefined) => {
    const emulator = await startEmulator({ fixtures: FIXTURES, dataDir: dir, log });
    running.push(emulator);
    return emulator;
  };
  const restart = async (emulator: RunningEmulator) => {
    await emulator.stop();
    running.splice(running.indexOf(emulator), 1);
    return start();
  };
  const add = (emulator: RunningEmulator, text: string, session = 1, tenant?: string) =>
    post(`${emulator.url}${tenant === undefined ? '' : `/${tenant}`}/Remote/Services88/Chat.svc`, validEnvelope(session, text), SOAP11);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chat-emulator-data-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps messages added over SOAP and REST, admin loads and resets, across a restart; ids go on from there', async () => {
    const first = await start();
    for (const text of ['a', 'b']) expect((await add(first, text)).status).to.equal(200);
    expect((await add(first, 'c', 1, 'CustX')).status).to.equal(200);
    const viaRest = await rest(`${first.url}/api/v1/ChatSession/2/Messages`, {
      method: 'POST',
      headers: { Authorization: 'SOTicket 7T:1234abcxyzExample==', 'SO-AppToken': '1234567-1234-9876', 'Content-Type': 'application/json' },
      body: '{"Message":"over REST"}',
    });
    expect(viaRest.status).to.equal(200);
    expect((await admin(first.url, 'POST', '/fixtures', { tenants: { CustY: { messages: [{ ChatMessageId: 40, ChatSessionId: 1, Message: 'loaded' }] } } })).status).to.equal(200);
    expect((await admin(first.url, 'POST', '/reset?tenant=CustX')).status).to.equal(200);

    const second = await restart(first);
    await expectStoredIds(second.chatUrl, '1', ['1', '2']);
    await expectStoredIds(second.chatUrl, '2', ['3']);
    await expectStoredIds(`${second.url}/CustX/Remote/Services88/Chat.svc`, '1', []);
    await expectStoredIds(`${second.url}/CustY/Remote/Services88/Chat.svc`, '1', ['40']);
    expect((await add(second, 'd')).text).to.include('<ChatMessageId>4</ChatMessageId>');
    const third = await restart(second);
    await expectStoredIds(third.chatUrl, '1', ['1', '2', '4']);
  });

  it('refuses to start on a change it did not write, naming the file, the line and the field', async () => {
    await writeFile(join(dir, 'changes.jsonl'), `${JSON.stringify({ changes: [{ kind: 'put', tenant: 'default', collection: 'sessions', record: { ChatSessionId: 'one' } }] })}\n`);
    const damaged = await start().catch((error: unknown) => error);
    expect(damaged).to.be.instanceOf(DataDirError);
    expect((damaged as Error).message).to.equal(
      `${join(dir, 'changes.jsonl')}, line 1.record.ChatSessionId: 'one' is not a valid xs:int (not an integer from -2147483648 to 2147483647). The file is damaged; move it away to start afresh.`,
    );
  });

  it('keeps sessions and their moves across a restart: created, picked up, their notes and messages', async () => {
    const withAgent: FixturesDocument = { ...FIXTURES, tenants: { default: { users: [{ UserName: 'kari', Password: 'k', AssociateId: 5, tickets: ['7T:kari=='] }] } } };
    const first = await startEmulator({ fixtures: withAgent, dataDir: dir, log: () => undefined });
    running.push(first);
    const call = (emulator: RunningEmulator, method: string, path: string, body: unknown, ticket = '7T:1234abcxyzExample==') =>
      rest(`${emulator.url}/api/v1${path}`, { method, headers: { Authorization: `SOTicket ${ticket}`, 'SO-AppToken': '1234567-1234-9876', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await call(first, 'POST', '/ChatSession', { CustomerName: 'Anne' })).status).to.equal(200);
    expect((await call(first, 'POST', '/Agents/Chat/PickUpChatSession', { ChatSessionId: 1 }, '7T:kari==')).status).to.equal(200);
    const before = await call(first, 'GET', '/ChatSession/1', undefined);
    await first.stop();
    running.splice(0);
    const second = await startEmulator({ fixtures: withAgent, dataDir: dir, log: () => undefined });
    running.push(second);
    const after = await call(second, 'GET', '/ChatSession/1', undefined);
    expect(after.text).to.equal(before.text);
    expect(JSON.parse(after.text)).to.deep.include({ CustomerName: 'Anne', Status: 'UserLast' });
    const messages = JSON.parse((await call(second, 'GET', '/ChatSession/1/Messages', undefined)).text) as { SpecialType: string }[];
    expect(messages.map((message) => message.SpecialType)).to.deep.equal(['NewSession', 'Welcome']);
    expect(JSON.parse((await call(second, 'POST', '/ChatSession', { CustomerName: 'Bob' })).text)).to.deep.include({ ChatSessionId: 2, InitialQueuePos: 1 });
  });

  it('keeps the webhooks, and delivers after a restart what was still pending (at least once)', async () => {
    let status = 503;
    const received: string[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        // The registration's test event is accepted; deliveries get the status of the moment.
        const answered = request.headers['x-hook-test'] === 'true' ? 200 : status;
        received.push(`${String(request.headers['x-superoffice-event'])} ${answered}`);
        response.writeHead(answered).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    try {
      const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const first = await start();
      const registered = await rest(`${first.url}/api/v1/Webhook`, {
        method: 'POST',
        headers: { Authorization: 'SOTicket 7T:1234abcxyzExample==', 'SO-AppToken': '1234567-1234-9876', 'Content-Type': 'application/json' },
        body: JSON.stringify({ Name: 'bot', Events: ['chatsession.message'], TargetUrl: target, Secret: 'k' }),
      });
      expect(registered.status).to.equal(200);
      await add(first, 'while the receiver is down');
      const failed = await first.webhookDeliveries({}, { waitMs: 5000 });
      expect(failed.deliveries.map((delivery) => [delivery.state, delivery.attempts.length])).to.deep.equal([['pending', 1]]);
      await first.stop();
      running.splice(0);
      status = 200;
      const second = await start();
      const delivered = await second.webhookDeliveries({}, { waitMs: 5000 });
      expect(delivered.deliveries.map((delivery) => [delivery.event, delivery.state])).to.deep.equal([['chatsession.message', 'delivered']]);
      expect(received).to.deep.equal(['test 200', 'chatsession.message 503', 'chatsession.message 200']);
      const kept = await rest(`${second.url}/api/v1/Webhook/1`, { headers: { Authorization: 'SOTicket 7T:1234abcxyzExample==', 'SO-AppToken': '1234567-1234-9876' } });
      expect(JSON.parse(kept.text)).to.deep.include({ Name: 'bot', State: 'Active', Secret: null });
    } finally {
      receiver.close();
    }
  });

  it('knows a tenant by the name it had before the restart, in any case', async () => {
    const first = await start();
    expect((await add(first, 'a', 1, 'CustZ')).status).to.equal(200);
    const second = await restart(first);
    await expectStoredIds(`${second.url}/custz/Remote/Services88/Chat.svc`, '1', ['1']);
    expect((await add(second, 'b', 1, 'CUSTZ')).text).to.include('<ChatMessageId>2</ChatMessageId>');
    const third = await restart(second);
    await expectStoredIds(`${third.url}/CustZ/Remote/Services88/Chat.svc`, '1', ['1', '2']);
  });

  it('writes one JSON line per acknowledged change: the changes it made, as data (a message added, a reset)', async () => {
    const emulator = await start();
    await add(emulator, 'x');
    await admin(emulator.url, 'POST', '/reset');
    const lines = (await readFile(join(dir, 'changes.jsonl'), 'utf8')).split('\n');
    expect(lines).to.have.length(3);
    expect(JSON.parse(lines[0] as string)).to.deep.equal({
      changes: [
        {
          kind: 'add',
          tenant: 'default',
          message: { ChatMessageId: 1, ChatSessionId: 1, Type: 'ToUser', Message: 'x', Author: null, ReadByCustomer: 0, SpecialType: 'None', SpecialParam: null, WhenPosted: '2021-03-25T21:36:53Z' },
        },
      ],
    });
    expect(JSON.parse(lines[1] as string)).to.deep.equal({ changes: [{ kind: 'reset' }] });
    expect(lines[2]).to.equal('');
  });

  it('replays a log written before changes were data: a line that is a fixtures document or a reset', async () => {
    const message = (id: number, text: string) => ({ ChatMessageId: id, ChatSessionId: 1, Type: 'ToUser', Message: text, WhenPosted: '2021-03-25T21:36:53Z' });
    await writeFile(
      join(dir, 'changes.jsonl'),
      [
        { kind: 'fixtures', document: { tenants: { default: { messages: [message(1, 'old')] }, CustX: { messages: [message(1, 'gone')] } } } },
        { kind: 'reset', tenant: 'CustX' },
        { kind: 'fixtures', document: { tenants: { default: { messages: [message(2, 'older')] } } } },
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(''),
    );
    const emulator = await start();
    await expectStoredIds(emulator.chatUrl, '1', ['1', '2']);
    await expectStoredIds(`${emulator.url}/CustX/Remote/Services88/Chat.svc`, '1', []);
    expect((await add(emulator, 'new')).text).to.include('<ChatMessageId>3</ChatMessageId>');
  });

  it('cuts off a torn last record (a crash in the middle of a write), says so, and starts with the rest', async () => {
    const emulator = await start();
    await add(emulator, 'kept');
    await emulator.stop();
    running.splice(0);
    const torn = '{"kind":"fixtures","document":{"tenants":{"default":{"mess';
    await appendFile(join(dir, 'changes.jsonl'), torn);
    const logged: string[] = [];
    const again = await start((line) => logged.push(line));
    await expectStoredIds(again.chatUrl, '1', ['1']);
    expect(logged).to.have.length(1);
    expect(logged[0]).to.equal(`${join(dir, 'changes.jsonl')} ended in a torn record of ${torn.length} bytes (a write cut off by a crash): it was never acknowledged, and is removed.`);
    expect((await readFile(join(dir, 'changes.jsonl'), 'utf8')).endsWith('}\n')).to.equal(true);
  });

  it('refuses to start on a damaged record, or on fixtures the directory does not fit, naming the file and line', async () => {
    await writeFile(join(dir, 'changes.jsonl'), '{"kind":"reset"}\nnot json\n');
    const damaged = await start().catch((error: unknown) => error);
    expect(damaged).to.be.instanceOf(DataDirError);
    expect((damaged as Error).message).to.match(/changes\.jsonl, line 2 is not a JSON record \(.*\): the file is damaged; move it away to start afresh\.$/);
    await writeFile(join(dir, 'changes.jsonl'), `${JSON.stringify({ kind: 'fixtures', document: { tenants: { default: { messages: [{ ChatMessageId: 1, ChatSessionId: 1 }, { ChatMessageId: 1, ChatSessionId: 1 }] } } } })}\n`);
    const mismatch = await start().catch((error: unknown) => error);
    expect(mismatch).to.be.instanceOf(DataDirError);
    expect((mismatch as Error).message).to.include('The data directory does not fit these fixtures');
  });
});
