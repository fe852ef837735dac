import { expect } from 'chai';
import { AcquireAccounts } from '../../src/acquire/accounts.js';
import type { ChatSessionEntity } from '../../src/contract/generated.js';
import { FIXTURE_USERS, parseFixtures } from '../../src/fixtures.js';
import { applyChange, ChangeFormatError, changeFromJson, changeToJson, type Change } from '../../src/store/changes.js';
import { InMemoryCredentials } from '../../src/store/credentials.js';
import { InMemoryChatStore } from '../../src/store/memory-store.js';
import { newRecord, newSession } from '../../src/store/records.js';
import { WebhookRegistry } from '../../src/webhooks/registry.js';
import { READ_CONTEXT } from '../support/context.js';

const WHEN = { epochSeconds: 1_616_708_213, ticks: 5_000_000 };

/** A session with nested records, flags, dates and nils: what a change must carry whole. */
const SESSION = {
  ...newSession(7),
  TopicId: 2,
  User: newRecord('associates', { AssociateId: 5, Name: 'agent', Type: 'InternalAssociate', FullName: 'Kari Nordmann' }),
  CustomerName: 'Ola',
  Status: 'InQueue',
  Flags: ['UserIsTyping'],
  WhenRequested: WHEN,
} as unknown as ChatSessionEntity;

const roundTrip = (change: Change) => changeFromJson(JSON.parse(JSON.stringify(changeToJson(change, FIXTURE_USERS))), 'line 1', FIXTURE_USERS, READ_CONTEXT);

describe('changes as data', () => {
  it('writes a record put as its contract type writes it as JSON, and reads it back the same', () => {
    const change: Change = { kind: 'put', tenant: 'Cust1', collection: 'sessions', record: SESSION };
    const json = changeToJson(change, FIXTURE_USERS) as { record: Record<string, unknown> };
    expect(json).to.deep.include({ kind: 'put', tenant: 'Cust1', collection: 'sessions' });
    expect(json.record['User']).to.deep.include({ AssociateId: 5, Name: 'agent', Type: 'InternalAssociate', FullName: 'Kari Nordmann' });
    expect(json.record).to.deep.include({ ChatSessionId: 7, Status: 'InQueue', Flags: ['UserIsTyping'], WhenRequested: '2021-03-25T21:36:53.5Z', WhenStarted: '0001-01-01T00:00:00Z', Person: null });
    expect(roundTrip(change)).to.deep.equal(change);
  });

  it("writes an Acquire account by its keys' digests, never a key, and reads it and its messages back the same", () => {
    const fixtures = parseFixtures(
      {
        tenants: {
          acme: {
            acquire: {
              apiKeys: ['the-secret-key'],
              users: [{ id: 25, name: 'a' }],
              contacts: [{ id: 9, dateCreated: '2021-03-26T08:34:29Z', dateUpdated: '2021-03-26T08:34:29Z' }],
              cases: [{ id: 2069, contactId: 9, userIds: [25], parentId: 1875, dateCreated: '2021-03-30T16:04:10Z', dateUpdated: '2021-03-30T16:04:10Z', dateQueue: null, datePending: null, dateActive: null }],
              messages: [{ id: 4, caseId: 2069, message: 'hi', dateCreated: '2021-03-30T16:05:46Z' }],
            },
          },
        },
      },
      'test',
      READ_CONTEXT,
    );
    const account = fixtures.tenants.get('acme')?.acquire;
    if (account === undefined || account === null) expect.fail('no account');
    const setup: Change = { kind: 'acquire-account', tenant: 'acme', setup: account.setup };
    expect(JSON.stringify(changeToJson(setup, FIXTURE_USERS))).to.not.include('the-secret-key');
    expect(roundTrip(setup)).to.deep.equal(setup);
    const [message] = account.messages;
    if (message === undefined) expect.fail('no message');
    expect(message).to.deep.include({ id: 4, threadId: 1875, contactId: 9, senderType: 'user', senderId: 25, seen: 'no', dateCreated: '2021-03-30T16:05:46.000Z' });
    const added: Change = { kind: 'acquire-message', tenant: 'acme', message };
    expect(roundTrip(added)).to.deep.equal(added);
    const target = { store: new InMemoryChatStore(), credentials: new InMemoryCredentials(), webhooks: new WebhookRegistry(), acquire: new AcquireAccounts() };
    applyChange(roundTrip(setup), target);
    expect(target.acquire.userOfKey('acme', 'the-secret-key')?.id).to.equal(25);
    expect(target.acquire.userOfKey('acme', 'the-secret-kez')).to.equal(undefined);
  });

  it('reads back a delete, a grant, a user and a message added with and without its id', () => {
    const message = { ChatSessionId: 1, Type: 'ToUser', Message: 'x', Author: null, ReadByCustomer: 0, SpecialType: 'None', SpecialParam: null, WhenPosted: WHEN } as const;
    const [user] = parseFixtures({ tenants: { T: { users: [{ UserName: 'agent', Password: 'pw', AssociateId: 5, FunctionRights: ['chat'] }] } } }, 'test', READ_CONTEXT).tenants.get('T')?.users ?? [];
    if (user === undefined) expect.fail('no user');
    const changes: Change[] = [
      { kind: 'delete', tenant: 'T', collection: 'topicAgents', key: '1/5' },
      { kind: 'grant', tenant: null, credential: 'applicationToken', secret: 'tok' },
      { kind: 'user', tenant: 'T', user },
      { kind: 'add', tenant: 'T', message: { ChatMessageId: 9, ...message } },
      { kind: 'add', tenant: 'T', message: { ChatMessageId: undefined, ...message } },
    ];
    for (const change of changes) expect(roundTrip(change), change.kind).to.deep.equal(change);
  });

  it('refuses what it did not write, naming the line and the field', () => {
    expect(() => changeFromJson({ kind: 'move', tenant: 'T' }, 'line 3', FIXTURE_USERS, READ_CONTEXT)).to.throw(ChangeFormatError, 'line 3 is not a change this emulator wrote.');
    expect(() => changeFromJson({ kind: 'put', tenant: 'T', collection: 'rooms', record: {} }, 'line 3', FIXTURE_USERS, READ_CONTEXT)).to.throw(
      ChangeFormatError,
      'line 3.collection: expected one of sessions, topics, topicAgents, presence, associates, systemInfo.',
    );
    expect(() => changeFromJson({ kind: 'put', tenant: 'T', collection: 'topics', record: { ChatTopicId: 'x' } }, 'line 3', FIXTURE_USERS, READ_CONTEXT)).to.throw(
      ChangeFormatError,
      "line 3.record.ChatTopicId: 'x' is not a valid xs:int (not an integer from -2147483648 to 2147483647).",
    );
  });

  it('applies each change to the store and the credentials', () => {
    const target = { store: new InMemoryChatStore(), credentials: new InMemoryCredentials(), webhooks: new WebhookRegistry(), acquire: new AcquireAccounts() };
    applyChange({ kind: 'put', tenant: 'T', collection: 'sessions', record: SESSION }, target);
    applyChange({ kind: 'grant', tenant: 'T', credential: 'ticket', secret: '7T:t' }, target);
    expect(target.store.get('T', 'sessions', 7)).to.equal(SESSION);
    expect(target.credentials.ticketStatus('T', '7T:t', 0)).to.equal('valid');
    expect(target.credentials.ticketStatus('U', '7T:t', 0)).to.equal('unknown');
    applyChange({ kind: 'delete', tenant: 'T', collection: 'sessions', key: 7 }, target);
    expect(target.store.hasSession('T', 7)).to.equal(false);
  });
});
