import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect } from 'chai';
import type { FixturesDocument } from '../../src/index.js';
import { admin } from '../support/admin.js';
import { useEmulator } from '../support/emulator.js';
import { httpSampleAt } from '../support/rest.js';

type Json = Record<string, unknown>;

/** The seed: Acquire's documented add-message request, and its documented answer. */
const SEED_REQUEST = httpSampleAt('acquire/add-message.request.http');
const SEED_ANSWER = JSON.parse(readFileSync(new URL('../../../test/samples/acquire/add-message.response.json', import.meta.url), 'utf8')) as { data: Json };

/** An account made of what the seed's answer shows: its sender, the agent on the case, the contact and the case. */
function seedAccount(key: string): NonNullable<FixturesDocument['tenants']>[string]['acquire'] {
  const data = SEED_ANSWER.data;
  const conversation = data['case'] as Json;
  const { contact, users, threadId: _threadId, ...caseFields } = conversation;
  const agent = ((users as Json[])[0] as Json)['user'] as Json;
  return {
    apiKeys: [{ key, userId: (data['sender'] as Json)['id'] as number }],
    users: [data['sender'] as Json, agent],
    contacts: [contact as Json],
    cases: [
      { ...caseFields, contactId: (contact as Json)['id'], userIds: [agent['id']] },
      { id: 3001, contactId: (contact as Json)['id'], userIds: [], status: 'closed', title: 'a closed case' },
    ],
  };
}

const FIXTURES: FixturesDocument = {
  tenants: {
    acme: { acquire: seedAccount('acme-key') },
    globex: { acquire: seedAccount('globex-key') },
  },
};

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: Json;
}

/** One call, with the headers given (Host among them, which fetch would not send as given). */
function call(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

const ADD = '/api/v1/crm/messenger/chat/add-message';
const bearer = (key: string) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' });
const addMessage = (base: string, account: string, key: string, body: unknown, query = '') => call(base, 'POST', `/acquire/${account}${ADD}${query}`, bearer(key), JSON.stringify(body));
const text = (message: string, caseId = 2069) => ({ message: { type: 'message', message }, caseId });

/** The JSON type of a value as the seed shows it: null, an array, an object, or typeof. */
function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Every key of `expected` (recursively: objects, and the first item of arrays) is in `actual`, with the same JSON
 * type. Not inside `meta`: a meta object is free-form data, the account's own.
 */
function missingKeys(expected: unknown, actual: unknown, at: string): string[] {
  if (kind(expected) !== kind(actual)) return [`${at}: ${kind(expected)} expected, found ${kind(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) return expected.length === 0 ? [] : missingKeys(expected[0], actual[0], `${at}[0]`);
  if (kind(expected) !== 'object') return [];
  const found = actual as Json;
  return Object.entries(expected as Json).flatMap(([key, value]) => {
    if (!(key in found)) return [`${at}.${key}: missing`];
    if (key !== 'meta') return missingKeys(value, found[key], `${at}.${key}`);
    return kind(value) === kind(found[key]) ? [] : [`${at}.meta: ${kind(value)} expected, found ${kind(found[key])}`];
  });
}

describe("Acquire.io's add-message API, on the same engine", () => {
  const emulator = useEmulator({ fixtures: FIXTURES });
  const base = () => emulator.current.url;

  beforeEach(async () => {
    expect((await admin(base(), 'POST', '/reset')).status).to.equal(200);
    expect((await admin(base(), 'PUT', '/clock', { now: '2021-03-30T16:05:46Z' })).status).to.equal(200);
  });

  it("answers the seed's request, sent as published, with the seed's answer: every key, of the type it shows", async () => {
    const [method, target] = SEED_REQUEST.startLine.split(' ') as [string, string];
    const answer = await call(base(), method, `/acquire/acme${target}`, { ...SEED_REQUEST.headers, Host: 'localhost', Authorization: 'Bearer acme-key' }, SEED_REQUEST.body);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.contentType).to.equal('application/json; charset=utf-8');
    expect(missingKeys(SEED_ANSWER, answer.body, 'answer')).to.deep.equal([]);
    expect(Object.keys(answer.body['data'] as Json)).to.deep.equal(Object.keys(SEED_ANSWER.data));
    const data = answer.body['data'] as Json;
    // ?-x-user-type=contact: the case's contact writes (see the README); the message is new and not seen yet.
    expect({ ...data, case: undefined, sender: undefined }).to.deep.equal({
      channel: 'chat',
      senderType: 'contact',
      senderId: 597759,
      type: 'message',
      seen: 'no',
      message: 'Hey added from the api',
      meta: { additionalProp1: {} },
      dateCreated: '2021-03-30T16:05:46.000Z',
      case: undefined,
      sender: undefined,
      dateUpdated: null,
      id: 1,
      caseId: 2069,
      threadId: 1875,
      contactId: 597759,
    });
    const { users: seedUsers, ...seedCase } = SEED_ANSWER.data['case'] as Json;
    const { users, ...answeredCase } = data['case'] as Json;
    expect(answeredCase).to.deep.equal(seedCase);
    expect((users as Json[]).map((user) => [user['type'], user['userId'], (user['user'] as Json)['id']])).to.deep.equal((seedUsers as Json[]).map((user) => [user['type'], user['userId'], (user['user'] as Json)['id']]));
    expect(data['sender']).to.deep.include({ id: 597759, name: '#597759', type: 'contact' });
  });

  it('writes as the API key\'s user with x-user-type=user, or without it', async () => {
    for (const query of ['?x-user-type=user', '']) {
      const answer = await addMessage(base(), 'acme', 'acme-key', text(`from the agent ${query}`), query);
      expect(answer.status).to.equal(200);
      const data = answer.body['data'] as Json;
      expect([data['senderType'], data['senderId']]).to.deep.equal(['user', 25]);
      expect(data['sender']).to.deep.equal(SEED_ANSWER.data['sender']);
    }
  });

  it('refuses a missing or unknown API key with 401 ERROR_UNAUTHORIZED, and stores nothing', async () => {
    const none = await call(base(), 'POST', `/acquire/acme${ADD}`, { 'Content-Type': 'application/json' }, JSON.stringify(text('x')));
    expect([none.status, none.body]).to.deep.equal([401, { error: { type: 'ERROR_UNAUTHORIZED', message: 'No API key: send the header Authorization: Bearer <API key>.' } }]);
    const wrong = await addMessage(base(), 'acme', 'not-a-key', text('x'));
    expect([wrong.status, wrong.body]).to.deep.equal([401, { error: { type: 'ERROR_UNAUTHORIZED', message: "The API key is not one of account 'acme'." } }]);
    const otherAccounts = await addMessage(base(), 'acme', 'globex-key', text('x'));
    expect(otherAccounts.status).to.equal(401);
    const noAccount = await addMessage(base(), 'initech', 'acme-key', text('x'));
    expect([noAccount.status, noAccount.body]).to.deep.equal([401, { error: { type: 'ERROR_UNAUTHORIZED', message: "The API key is not one of account 'initech'." } }]);
    expect((await admin(base(), 'GET', '/tenants/acme/acquire/messages')).body).to.deep.equal({ tenant: 'acme', messages: [] });
  });

  it('refuses an unknown case with ERROR_RECORD_NOT_FOUND, and a case that is not active', async () => {
    const unknown = await addMessage(base(), 'acme', 'acme-key', text('x', 999));
    expect([unknown.status, unknown.body]).to.deep.equal([400, { error: { type: 'ERROR_RECORD_NOT_FOUND', message: "Case 999 is not found in account 'acme'.", field: 'caseId' } }]);
    const closed = await addMessage(base(), 'acme', 'acme-key', text('x', 3001));
    expect([closed.status, closed.body]).to.deep.equal([400, { error: { type: 'ERROR_INVALID_INPUT', message: 'Case 3001 is closed: only active cases may receive messages.', field: 'caseId' } }]);
  });

  it('refuses a bad body with 400 ERROR_INVALID_INPUT naming the field', async () => {
    const cases: [unknown, string, string][] = [
      [{ message: { type: 'message', message: 'x' } }, 'caseId', 'caseId is required: the id of an active case.'],
      [{ ...text('x'), caseId: '2069' }, 'caseId', "expected the id of a case (a positive integer), found the string '2069'."],
      [{ caseId: 2069 }, 'message', 'message is required: { "type": "message", "message": "..." }.'],
      [{ caseId: 2069, message: 'hello' }, 'message', `expected an object such as { "type": "message", "message": "..." }, found the string 'hello'.`],
      [{ caseId: 2069, message: { message: 'x' } }, 'message.type', 'message.type is required: one of message, note, event.'],
      [{ caseId: 2069, message: { type: 'chat', message: 'x' } }, 'message.type', "expected one of message, note, event, found the string 'chat'."],
      [{ caseId: 2069, message: { type: 'message', message: '' } }, 'message.message', "expected the message's text, a non-empty string, found the string ''."],
      [{ ...text('x'), channel: 'email' }, 'channel', "expected chat (this is the chat API), found the string 'email'."],
      [{ ...text('x'), meta: [] }, 'meta', 'expected an object, found an array.'],
      [{ ...text('x'), mentionUsers: 'all' }, 'mentionUsers', "expected an array of user ids, found the string 'all'."],
      [{ ...text('x'), delay: -1 }, 'delay', 'expected a number of milliseconds, 0 or more, found number -1.'],
      [[1, 2], 'body', 'expected a JSON object, found an array.'],
    ];
    for (const [body, field, message] of cases) {
      const answer = await addMessage(base(), 'acme', 'acme-key', body);
      expect([answer.status, answer.body], JSON.stringify(body)).to.deep.equal([400, { error: { type: 'ERROR_INVALID_INPUT', message, field } }]);
    }
    const notJson = await call(base(), 'POST', `/acquire/acme${ADD}`, bearer('acme-key'), '{"caseId": 2069,');
    expect([notJson.status, (notJson.body['error'] as Json)['field']]).to.deep.equal([400, 'body']);
    const userType = await addMessage(base(), 'acme', 'acme-key', text('x'), '?x-user-type=bot');
    expect([userType.status, (userType.body['error'] as Json)['field']]).to.deep.equal([400, 'x-user-type']);
    const contact = await addMessage(base(), 'acme', 'acme-key', text('x'), '?x-user-type=contact&contactId=12');
    expect([contact.status, contact.body]).to.deep.equal([400, { error: { type: 'ERROR_INVALID_INPUT', message: 'Contact 12 is not the contact of case 2069 (597759).', field: 'contactId' } }]);
    expect((await admin(base(), 'GET', '/tenants/acme/acquire/messages')).body).to.deep.equal({ tenant: 'acme', messages: [] });
  });

  it('answers the same path without the prefix when the Host is {account_id}.acquire.io', async () => {
    const answer = await call(base(), 'POST', ADD, { ...bearer('globex-key'), Host: 'globex.acquire.io' }, JSON.stringify(text('through the host name')));
    expect(answer.status).to.equal(200);
    expect((answer.body['data'] as Json)['message']).to.equal('through the host name');
    const other = await call(base(), 'POST', ADD, { ...bearer('globex-key'), Host: 'acme.acquire.io:443' }, JSON.stringify(text('x')));
    expect(other.status).to.equal(401);
    expect(((await admin(base(), 'GET', '/tenants/globex/acquire/messages')).body as Json)['messages']).to.have.length(1);
  });

  it('keeps two accounts apart: ids, messages, reads and resets', async () => {
    expect(((await addMessage(base(), 'acme', 'acme-key', text('acme 1'))).body['data'] as Json)['id']).to.equal(1);
    expect(((await addMessage(base(), 'acme', 'acme-key', text('acme 2'))).body['data'] as Json)['id']).to.equal(2);
    expect(((await addMessage(base(), 'globex', 'globex-key', text('globex 1'))).body['data'] as Json)['id']).to.equal(1);
    const messages = async (account: string) => (((await admin(base(), 'GET', `/tenants/${account}/acquire/messages`)).body as Json)['messages'] as Json[]).map((m) => m['message']);
    expect(await messages('acme')).to.deep.equal(['acme 1', 'acme 2']);
    expect(await messages('globex')).to.deep.equal(['globex 1']);
    const read = await call(base(), 'GET', '/acquire/globex/api/v1/crm/objects/case-message/2', bearer('globex-key'));
    expect([read.status, read.body]).to.deep.equal([400, { error: { type: 'ERROR_RECORD_NOT_FOUND', message: "Message 2 is not found in account 'globex'.", field: 'messageId' } }]);
    expect((await admin(base(), 'POST', '/reset?tenant=acme')).status).to.equal(200);
    expect(await messages('acme')).to.deep.equal([]);
    expect(await messages('globex')).to.deep.equal(['globex 1']);
    const none = await admin(base(), 'GET', '/tenants/initech/acquire/messages');
    expect([none.status, none.body]).to.deep.equal([404, { error: { status: 404, message: "Tenant 'initech' is not an Acquire.io account: give it an acquire section in the fixtures." } }]);
  });

  it("reads back a message, and a thread's cases with their last message, as Acquire documents them", async () => {
    await addMessage(base(), 'acme', 'acme-key', text('first'));
    await addMessage(base(), 'acme', 'acme-key', { ...text('second'), meta: { source: 'bridge' } }, '?x-user-type=contact');
    const one = await call(base(), 'GET', '/acquire/acme/api/v1/crm/objects/case-message/2', bearer('acme-key'));
    expect(one.status).to.equal(200);
    const message = one.body['data'] as Json;
    expect({ ...message, sender: undefined }).to.deep.equal({
      id: 2,
      caseId: 2069,
      channel: 'chat',
      senderId: 597759,
      senderType: 'contact',
      type: 'message',
      message: 'second',
      dateCreated: '2021-03-30T16:05:46.000Z',
      dateUpdated: null,
      seen: 'no',
      meta: { source: 'bridge' },
      sender: undefined,
    });
    const list = await call(base(), 'GET', '/acquire/acme/api/v1/crm/messenger/chat/messages?threadId=1875&contactId=597759', bearer('acme-key'));
    expect(list.status).to.equal(200);
    const cases = list.body['data'] as Json[];
    expect(cases.map((c) => [c['id'], c['threadId'], c['contactId'], (c['lastMessage'] as Json)['message']])).to.deep.equal([[2069, 1875, 597759, 'second']]);
    const missing = await call(base(), 'GET', '/acquire/acme/api/v1/crm/messenger/chat/messages?threadId=1875', bearer('acme-key'));
    expect([missing.status, missing.body]).to.deep.equal([400, { error: { type: 'ERROR_INVALID_INPUT', message: 'contactId is required.', field: 'contactId' } }]);
  });

  it('journals the calls (service Acquire, the key masked), and takes injected faults', async () => {
    await addMessage(base(), 'acme', 'acme-key', text('journaled'));
    const journal = (await admin(base(), 'GET', '/requests?tenant=acme&operation=AddMessage')).body as { requests: Json[] };
    expect(journal.requests).to.have.length(1);
    const entry = journal.requests[0] as Json;
    expect([entry['service'], entry['operation'], entry['status'], entry['outcome']]).to.deep.equal(['Acquire', 'AddMessage', 200, 'ok']);
    expect(JSON.stringify(entry)).to.not.include('acme-key');
    expect((entry['headers'] as Json)['Ticket']).to.match(/^ac…\(8 chars, sha256 [0-9a-f]{8}\)$/);

    expect((await admin(base(), 'POST', '/faults', { tenant: 'acme', operation: 'AddMessage', httpStatus: 503 })).status).to.equal(200);
    const faulted = await addMessage(base(), 'acme', 'acme-key', text('not stored'));
    expect([faulted.status, faulted.body]).to.deep.equal([503, { error: { type: 'ERROR_SERVER_ERROR', message: 'Injected HTTP 503.' } }]);
    expect((((await admin(base(), 'GET', '/tenants/acme/acquire/messages')).body as Json)['messages'] as Json[]).map((m) => m['message'])).to.deep.equal(['journaled']);
  });

  it('answers an unknown path or method of the API with 404 or 405 in its error shape', async () => {
    const path = await call(base(), 'GET', '/acquire/acme/api/v1/crm/objects/nothing', bearer('acme-key'));
    expect([path.status, (path.body['error'] as Json)['type']]).to.deep.equal([404, 'ERROR_RECORD_NOT_FOUND']);
    const method = await call(base(), 'GET', `/acquire/acme${ADD}`, bearer('acme-key'));
    expect([method.status, method.body]).to.deep.equal([405, { error: { type: 'ERROR_RECORD_NOT_FOUND', message: 'GET is not allowed on /api/v1/crm/messenger/chat/add-message: use POST.' } }]);
  });
});
