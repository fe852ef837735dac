import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { FixturesDocument } from '../../src/index.js';
import { admin } from '../support/admin.js';
import { useEmulator } from '../support/emulator.js';
import { json, rest, type RestAnswer } from '../support/rest.js';
import { addChatMessageBody, envelope, postSoap, SAMPLE_TICKET, SAMPLE_TOKEN } from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: { sessions: [1], users: [{ UserName: 'kari', Password: 'k', AssociateId: 5, FullName: 'Kari Nordmann', tickets: ['7T:kari=='] }] },
    Cust2: { sessions: [1] },
  },
};

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A webhook receiver on loopback: it records what it gets, and answers with the status it is told. */
class Receiver {
  readonly received: Received[] = [];
  status = 200;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(this.status).end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await new Promise((resolve) => this.server?.once('listening', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The deliveries of an event, the registration's test events aside. */
  of(event: string): Received[] {
    return this.received.filter((received) => received.headers['x-superoffice-event'] === event);
  }
}

type Json = Record<string, unknown>;

describe('webhooks: chat events delivered, signed and retried as SuperOffice does', () => {
  const logged: string[] = [];
  const emulator = useEmulator({ fixtures: FIXTURES, log: (line) => logged.push(line) });
  const receiver = new Receiver();
  before(() => receiver.start());
  after(() => receiver.stop());
  beforeEach(async () => {
    emulator.current.reset();
    await admin(emulator.current.url, 'DELETE', '/clock');
    receiver.received.splice(0);
    receiver.status = 200;
  });

  const send = (method: string, path: string, body?: unknown, tenant = '', ticket = SAMPLE_TICKET) =>
    rest(`${emulator.current.url}${tenant}/api/v1${path}`, {
      method,
      headers: { Authorization: `SOTicket ${ticket}`, 'SO-AppToken': SAMPLE_TOKEN, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = (answer: RestAnswer): Json => {
    expect(answer.status, answer.text).to.equal(200);
    return json<Json>(answer);
  };
  const register = (events: string[], tenant = '', extra: Json = {}) => send('POST', '/Webhook', { Name: 'bot', Events: events, TargetUrl: receiver.url, Secret: 's3cret', ...extra }, tenant);
  const addOverSoap = (text: string, tenant = '') =>
    postSoap(`${emulator.current.url}${tenant}/Remote/Services88/Chat.svc`, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Type: 'ToUser', Message: text })));

  it('registers a webhook over REST after the target accepts a signed test event, and never answers its secret', async () => {
    const created = ok(await register(['chatsession.message']));
    expect(created).to.deep.include({ WebhookId: 1, Name: 'bot', Events: ['chatsession.message'], TargetUrl: receiver.url, Secret: null, State: 'Active', Type: 'webhook' });
    const [test] = receiver.of('test');
    expect(test?.headers['x-hook-test']).to.equal('true');
    expect(test?.headers['x-superoffice-signature']).to.equal(createHmac('sha256', 's3cret').update(test?.body ?? '').digest('base64'));
    expect(json<Json[]>(await send('GET', '/Webhook'))).to.have.length(1);
    expect(ok(await send('GET', '/Webhook/1'))['Secret']).to.equal(null);
    expect(ok(await send('PUT', '/Webhook/1', { Name: 'renamed' }))).to.deep.include({ Name: 'renamed', Events: ['chatsession.message'] });
    expect((await send('DELETE', '/Webhook/1')).status).to.equal(204);
    expect((await send('GET', '/Webhook/1')).status).to.equal(404);
  });

  it('refuses a target that is not http, not on this machine, the emulator itself, or that does not accept the test event', async () => {
    const field = async (answer: Promise<RestAnswer>) => {
      const done = await answer;
      expect(done.status, done.text).to.equal(400);
      return json<{ Field: string; Error: string }>(done);
    };
    expect((await field(register(['*'], '', { TargetUrl: 'ftp://127.0.0.1/x' }))).Error).to.equal("TargetUrl: 'ftp://127.0.0.1/x' is not http or https.");
    expect((await field(register(['*'], '', { TargetUrl: 'https://example.com/hook' }))).Error).to.match(/^TargetUrl: deliveries go to this machine only/);
    expect((await field(register(['*'], '', { TargetUrl: `${emulator.current.url}/hook` }))).Error).to.match(/is this emulator: give the address of the receiver\.$/);
    receiver.status = 500;
    expect((await field(register(['*']))).Error).to.equal("TargetUrl: the target did not accept the test event (HTTP 500): a webhook's target must answer it with 2xx.");
  });

  it('delivers one chatsession.message for a SOAP AddChatMessage, signed as documented, after the answer', async () => {
    ok(await register(['chatsession.message']));
    await admin(emulator.current.url, 'PUT', '/clock', { now: '2021-03-25T21:36:53Z' });
    expect((await addOverSoap('Hello')).status).to.equal(200);
    const { body } = await admin(emulator.current.url, 'GET', '/webhooks/deliveries?wait=5000&event=chatsession.message');
    const deliveries = body['deliveries'] as Json[];
    expect(deliveries).to.have.length(1);
    expect(deliveries[0]).to.deep.include({ event: 'chatsession.message', state: 'delivered', webhookName: 'bot' });
    const [received] = receiver.of('chatsession.message');
    const payload = JSON.parse(received?.body ?? '{}') as Json;
    expect(payload).to.deep.include({ Event: 'chatsession.message', PrimaryKey: 1, Entity: 'chatsession', ContextIdentifier: 'Default', ChangedByAssociateId: 0, WebhookName: 'bot', Timestamp: '2021-03-25T21:36:53Z' });
    expect(payload['Changes']).to.include('chatMessage.id');
    expect(received?.headers['x-superoffice-eventid']).to.equal(payload['EventId']);
    expect(received?.headers['x-superoffice-retry']).to.equal('0');
    // Verified independently: the base64 HMAC-SHA256 of the raw body, keyed with the secret.
    expect(received?.headers['x-superoffice-signature']).to.equal(createHmac('sha256', 's3cret').update(received?.body ?? '', 'utf8').digest('base64'));
  });

  it('delivers chatsession.created and chatsession.changed from the session flow, with who made the change', async () => {
    ok(await register(['chatsession.*']));
    ok(await send('POST', '/ChatSession', { CustomerName: 'Anne' }));
    ok(await send('POST', '/Agents/Chat/PickUpChatSession', { ChatSessionId: 2 }, '', '7T:kari=='));
    const { deliveries } = await emulator.current.webhookDeliveries({ event: 'chatsession.changed' }, { waitMs: 5000 });
    expect(deliveries).to.have.length(1);
    const created = JSON.parse(receiver.of('chatsession.created')[0]?.body ?? '{}') as Json;
    expect(created).to.deep.include({ Event: 'chatsession.created', PrimaryKey: 2, ChangedByAssociateId: 0 });
    const changed = JSON.parse(receiver.of('chatsession.changed')[0]?.body ?? '{}') as Json;
    expect(changed).to.deep.include({ Event: 'chatsession.changed', PrimaryKey: 2, ChangedByAssociateId: 5 });
    expect(changed['Changes']).to.include.members(['chatSession.user', 'chatSession.whenStarted']);
  });

  it('retries a failing receiver with backoff on the emulator clock, and switches off a webhook that keeps failing', async () => {
    ok(await register(['chatsession.message']));
    receiver.status = 503;
    await admin(emulator.current.url, 'PUT', '/clock', { now: '2021-03-25T21:00:00Z' });
    await addOverSoap('one');
    const tries = async (count: number) => (await emulator.current.webhookDeliveries({ event: 'chatsession.message' }, { waitMs: 5000, count })).deliveries;
    expect((await tries(1))[0]?.attempts.map((a) => a.status)).to.deep.equal([503]);
    // Not before the first backoff (1 s of the emulator clock)...
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await tries(1))[0]?.attempts).to.have.length(1);
    // ...and at once when the clock is moved past it.
    await admin(emulator.current.url, 'PUT', '/clock', { now: '2021-03-25T21:00:01Z' });
    await waitUntil(async () => ((await tries(1))[0]?.attempts.length ?? 0) === 2);
    await admin(emulator.current.url, 'PUT', '/clock', { now: '2021-03-25T21:00:05Z' });
    await waitUntil(async () => (await tries(1))[0]?.state === 'failed');
    expect((await tries(1))[0]?.attempts.map((a) => [a.status, a.error, a.time])).to.deep.equal([
      [503, 'HTTP 503', '2021-03-25T21:00:00Z'],
      [503, 'HTTP 503', '2021-03-25T21:00:01Z'],
      [503, 'HTTP 503', '2021-03-25T21:00:05Z'],
    ]);
    // Two more failing deliveries make 9 failed tries in a row: the webhook goes to TooManyErrors.
    for (const [i, text] of ['two', 'three'].entries()) {
      await addOverSoap(text);
      await waitUntil(async () => ((await tries(2 + i))[1 + i]?.attempts.length ?? 0) === 1);
      await admin(emulator.current.url, 'PUT', '/clock', { now: `2021-03-25T21:0${2 + i}:01Z` });
      await waitUntil(async () => ((await tries(2 + i))[1 + i]?.attempts.length ?? 0) === 2);
      await admin(emulator.current.url, 'PUT', '/clock', { now: `2021-03-25T21:0${2 + i}:05Z` });
      await waitUntil(async () => (await tries(2 + i))[1 + i]?.state === 'failed');
    }
    expect(ok(await send('GET', '/Webhook/1'))['State']).to.equal('TooManyErrors');
    await addOverSoap('four');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await tries(3)).to.have.length(3);
  });

  it('takes faults injected into deliveries: a drop is a failed try, retried; an injected status answers in the receiver\'s place', async () => {
    ok(await register(['chatsession.message']));
    await admin(emulator.current.url, 'PUT', '/clock', { now: '2021-03-25T21:00:00Z' });
    expect((await admin(emulator.current.url, 'POST', '/webhooks/faults', { drop: true })).status).to.equal(200);
    expect((await admin(emulator.current.url, 'POST', '/webhooks/faults', { httpStatus: 502, delayMs: 50 })).status).to.equal(200);
    await addOverSoap('x');
    const attempts = async () => (await emulator.current.webhookDeliveries({}, { waitMs: 5000 })).deliveries[0]?.attempts ?? [];
    expect((await attempts()).map((a) => [a.status, a.error])).to.deep.equal([[null, 'dropped by an injected fault']]);
    await admin(emulator.current.url, 'PUT', '/clock', { now: '2021-03-25T21:00:01Z' });
    await waitUntil(async () => (await attempts()).length === 2);
    await admin(emulator.current.url, 'PUT', '/clock', { now: '2021-03-25T21:00:05Z' });
    await waitUntil(async () => (await attempts()).length === 3);
    expect((await attempts()).map((a) => [a.status, a.error])).to.deep.equal([
      [null, 'dropped by an injected fault'],
      [502, 'HTTP 502 (an injected fault)'],
      [200, null],
    ]);
    expect(receiver.of('chatsession.message')).to.have.length(1);
    expect((await admin(emulator.current.url, 'GET', '/webhooks/faults')).body).to.deep.equal({ faults: [] });
  });

  it('delivers a tenant\'s events to its own webhooks only', async () => {
    ok(await register(['chatsession.message'], '/Cust2'));
    await addOverSoap('default tenant');
    await addOverSoap('Cust2', '/Cust2');
    const { deliveries } = await emulator.current.webhookDeliveries({}, { waitMs: 5000 });
    expect(deliveries.map((delivery) => delivery.tenant)).to.deep.equal(['Cust2']);
    expect(JSON.parse(receiver.of('chatsession.message')[0]?.body ?? '{}')).to.deep.include({ ContextIdentifier: 'Cust2' });
  });

  it('takes webhooks from the fixtures, and delivers to them', async () => {
    emulator.current.loadFixtures({ tenants: { Cust3: { sessions: [1], webhooks: [{ Name: 'from fixtures', Events: ['chatsession.*'], TargetUrl: receiver.url, Secret: 'f' }] } } });
    await addOverSoap('to Cust3', '/Cust3');
    const { deliveries } = await emulator.current.webhookDeliveries({ tenant: 'cust3' }, { waitMs: 5000 });
    expect(deliveries.map((delivery) => [delivery.tenant, delivery.webhookName, delivery.state])).to.deep.equal([['Cust3', 'from fixtures', 'delivered']]);
    const [received] = receiver.of('chatsession.message');
    expect(received?.headers['x-superoffice-signature']).to.equal(createHmac('sha256', 'f').update(received?.body ?? '').digest('base64'));
  });

  it('never shows the secret: not in the journal, the admin API or the log', async () => {
    ok(await register(['chatsession.message']));
    await addOverSoap('x');
    await emulator.current.webhookDeliveries({}, { waitMs: 5000 });
    const everything = JSON.stringify([emulator.current.requests(), (await admin(emulator.current.url, 'GET', '/webhooks')).body, (await admin(emulator.current.url, 'GET', '/webhooks/deliveries')).body, logged]);
    expect(everything).to.not.include('s3cret');
  });
});

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition was not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
