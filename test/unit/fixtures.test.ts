import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcquireAccounts } from '../../src/acquire/accounts.js';
import type { ChatMessage } from '../../src/contract/chat-message.js';
import { DEFAULT_FIXTURES_PATH, FixturesError, loadFixtures, parseFixtures, readFixturesFile } from '../../src/fixtures.js';
import { InMemoryCredentials } from '../../src/store/credentials.js';
import { InMemoryChatStore } from '../../src/store/memory-store.js';
import { WebhookRegistry } from '../../src/webhooks/registry.js';
import { READ_CONTEXT } from '../support/context.js';

/** Seconds since the epoch of a UTC date, computed independently of the code under test. */
const utcSeconds = (year: number, month: number, day: number, hour: number, minute: number, second: number): number =>
  Date.UTC(year, month - 1, day, hour, minute, second) / 1000;

const FULL_DOCUMENT = {
  tickets: ['7T:global=='],
  applicationTokens: ['tok-global'],
  tenants: {
    default: { sessions: [1, 2] },
    Cust1: {
      sessions: [10, '12'],
      tickets: ['7T:cust1=='],
      applicationTokens: ['tok-cust1'],
      messages: [
        {
          ChatMessageId: 5,
          ChatSessionId: 10,
          Type: 'ToCustomer',
          Message: 'Hello',
          Author: 'Agent',
          ReadByCustomer: 1,
          SpecialType: 'None',
          SpecialParam: null,
          WhenPosted: '2021-03-25T23:36:53.5+02:00',
        },
        {
          ChatSessionId: 10,
          Type: 'Special',
          Message: null,
          Author: null,
          SpecialType: 'TransferedSession',
          SpecialParam: '7',
          WhenPosted: '2021-03-25T21:36:53Z',
        },
        {
          ChatMessageId: 2,
          ChatSessionId: 11,
          Type: 'ToUser',
          Message: '',
          ReadByCustomer: '0',
          WhenPosted: '2011-08-30T11:10:52.5641784+02:00',
        },
      ],
    },
  },
};

const HELLO: ChatMessage = {
  ChatMessageId: 5,
  ChatSessionId: 10,
  Type: 'ToCustomer',
  Message: 'Hello',
  Author: 'Agent',
  ReadByCustomer: 1,
  SpecialType: 'None',
  SpecialParam: null,
  WhenPosted: { epochSeconds: utcSeconds(2021, 3, 25, 21, 36, 53), ticks: 5_000_000 },
};
const TRANSFER: Omit<ChatMessage, 'ChatMessageId'> = {
  ChatSessionId: 10,
  Type: 'Special',
  Message: null,
  Author: null,
  ReadByCustomer: 0,
  SpecialType: 'TransferedSession',
  SpecialParam: '7',
  WhenPosted: { epochSeconds: utcSeconds(2021, 3, 25, 21, 36, 53), ticks: 0 },
};
const EMPTY: ChatMessage = {
  ChatMessageId: 2,
  ChatSessionId: 11,
  Type: 'ToUser',
  Message: '',
  Author: null,
  ReadByCustomer: 0,
  SpecialType: 'None',
  SpecialParam: null,
  WhenPosted: { epochSeconds: utcSeconds(2011, 8, 30, 9, 10, 52), ticks: 5_641_784 },
};

/** The FixturesError message `parse` throws; fails the test otherwise. */
function fixturesError(json: unknown): string {
  try {
    parseFixtures(json, 'test', READ_CONTEXT);
  } catch (error) {
    expect(error).to.be.instanceOf(FixturesError);
    return (error as FixturesError).message;
  }
  expect.fail('the fixtures were accepted');
}

/** A tenant Cust1 with one message holding `fields`. */
const withMessage = (fields: Record<string, unknown>) => ({ tenants: { Cust1: { messages: [fields] } } });

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  expect.fail('the promise was fulfilled');
}

describe('parseFixtures', () => {
  it('refuses a misspelt key at the top level and in a tenant, naming the allowed keys', () => {
    expect(() => parseFixtures({ ticket: ['x'] }, 'test', READ_CONTEXT)).to.throw(FixturesError, "test: unknown key 'ticket'; expected tickets, applicationTokens, bearerTokens, tenants.");
    expect(() => parseFixtures({ tenants: { Cust1: { session: [1] } } }, 'test', READ_CONTEXT)).to.throw(
      FixturesError,
      "test: tenants.Cust1: unknown key 'session'; expected tickets, applicationTokens, bearerTokens, sessions, messages, users, topics, topicAgents, presence, systemInfo, webhooks, acquire.",
    );
  });

  it('reads global tickets and tokens, tenants, sessions and messages', () => {
    const fixtures = parseFixtures(FULL_DOCUMENT, 'test', READ_CONTEXT);
    expect(fixtures.tickets).to.deep.equal(['7T:global==']);
    expect(fixtures.applicationTokens).to.deep.equal(['tok-global']);
    expect(fixtures.bearerTokens).to.deep.equal([]);
    expect([...fixtures.tenants.keys()]).to.deep.equal(['default', 'Cust1']);
    expect(fixtures.tenants.get('default')).to.deep.equal({ tickets: [], applicationTokens: [], bearerTokens: [], sessions: [1, 2], messages: [], users: [], topics: [], topicAgents: [], presence: [], systemInfo: null, webhooks: [], acquire: null });
    expect(fixtures.tenants.get('Cust1')).to.deep.equal({
      topics: [],
      topicAgents: [],
      presence: [],
      systemInfo: null,
      webhooks: [],
      acquire: null,
      users: [],
      bearerTokens: [],
      tickets: ['7T:cust1=='],
      applicationTokens: ['tok-cust1'],
      sessions: [10, 12],
      messages: [HELLO, { ChatMessageId: undefined, ...TRANSFER }, EMPTY],
    });
  });

  it('reads an empty document as no fixtures', () => {
    const fixtures = parseFixtures({}, 'test', READ_CONTEXT);
    expect(fixtures.tickets).to.deep.equal([]);
    expect(fixtures.applicationTokens).to.deep.equal([]);
    expect(fixtures.tenants.size).to.equal(0);
  });

  it('refuses a document that is not an object', () => {
    expect(fixturesError([])).to.equal('test: expected an object, found an array.');
    expect(fixturesError(null)).to.equal('test: expected an object, found null.');
    expect(fixturesError('x')).to.equal("test: expected an object, found the string 'x'.");
  });

  it('refuses tickets that are not an array', () => {
    expect(fixturesError({ tickets: '7T:x' })).to.equal("test: tickets: expected an array, found the string '7T:x'.");
  });

  it('refuses an empty ticket string, naming its index', () => {
    expect(fixturesError({ tickets: ['7T:x', ''] })).to.equal("test: tickets[1]: expected a non-empty string, found the string ''.");
  });

  it('refuses a tenant token that is not a string', () => {
    expect(fixturesError({ tenants: { Cust1: { applicationTokens: [12] } } })).to.equal(
      'test: tenants.Cust1.applicationTokens[0]: expected a non-empty string, found number 12.',
    );
  });

  it('refuses tenants given as an array', () => {
    expect(fixturesError({ tenants: [] })).to.equal('test: tenants: expected an object, found an array.');
  });

  it('refuses a session id that is not an xs:int', () => {
    expect(fixturesError({ tenants: { Cust1: { sessions: [1, 'x'] } } })).to.equal(
      "test: tenants.Cust1.sessions[1]: 'x' is not a valid xs:int (not an integer from -2147483648 to 2147483647).",
    );
    expect(fixturesError({ tenants: { Cust1: { sessions: [1.5] } } })).to.equal(
      "test: tenants.Cust1.sessions[0]: '1.5' is not a valid xs:int (not an integer from -2147483648 to 2147483647).",
    );
  });

  it('refuses an unknown message field, listing the fields', () => {
    expect(fixturesError(withMessage({ ChatSessionId: 1, Text: 'x' }))).to.equal(
      "test: tenants.Cust1.messages[0]: unknown key 'Text'; expected ChatMessageId, ChatSessionId, Type, Message, " +
        'Author, ReadByCustomer, SpecialType, SpecialParam, WhenPosted.',
    );
  });

  it('refuses a message without ChatSessionId', () => {
    expect(fixturesError(withMessage({ Message: 'x' }))).to.equal('test: tenants.Cust1.messages[0]: ChatSessionId is required.');
  });

  it('refuses a message that is not an object', () => {
    expect(fixturesError({ tenants: { Cust1: { messages: ['x'] } } })).to.equal(
      "test: tenants.Cust1.messages[0]: expected an object, found the string 'x'.",
    );
  });

  it('refuses an out-of-range ReadByCustomer, given as a number or a string', () => {
    const expected = "test: tenants.Cust1.messages[0].ReadByCustomer: '40000' is not a valid xs:short (out of range -32768 to 32767).";
    expect(fixturesError(withMessage({ ChatSessionId: 1, ReadByCustomer: 40000 }))).to.equal(expected);
    expect(fixturesError(withMessage({ ChatSessionId: 1, ReadByCustomer: '40000' }))).to.equal(expected);
  });

  it('refuses an enum name in the wrong case', () => {
    expect(fixturesError(withMessage({ ChatSessionId: 1, Type: 'toUser' }))).to.equal(
      "test: tenants.Cust1.messages[0].Type: 'toUser' is not a valid ChatMessageType (the names, case-sensitive, are Invalid, ToCustomer, ToUser, Special).",
    );
  });

  it('refuses an enum given by number', () => {
    expect(fixturesError(withMessage({ ChatSessionId: 1, SpecialType: 5 }))).to.match(
      /^test: tenants\.Cust1\.messages\[0\]\.SpecialType: '5' is not a valid ChatMessageSpecialType /,
    );
  });

  it('refuses a date that does not exist', () => {
    const message = fixturesError(withMessage({ ChatSessionId: 1, WhenPosted: '2021-02-30T00:00:00Z' }));
    expect(message).to.match(/^test: tenants\.Cust1\.messages\[0\]\.WhenPosted: '2021-02-30T00:00:00Z' is /);
    expect(message).to.contain('February 2021 has no day 30');
  });

  it('refuses null for a non-nillable field', () => {
    expect(fixturesError(withMessage({ ChatSessionId: 1, ReadByCustomer: null }))).to.equal(
      'test: tenants.Cust1.messages[0].ReadByCustomer: null is not allowed for xs:short.',
    );
    expect(fixturesError(withMessage({ ChatSessionId: null }))).to.equal(
      'test: tenants.Cust1.messages[0].ChatSessionId: null is not allowed for xs:int.',
    );
  });

  it('reads a user: UserName, Password and SoPrincipalCarrier fields, the others defaulted', () => {
    const fixtures = parseFixtures(
      { tenants: { Cust1: { users: [{ UserName: 'agent', Password: 'pw', AssociateId: 5, FullName: 'Kari Nordmann', IsPerson: false, RoleType: 'ExternalUser', EMailAddress: null, FunctionRights: ['chat'], SecondaryGroups: [2, '3'] }] } } },
      'test',
      READ_CONTEXT,
    );
    expect(fixtures.tenants.get('Cust1')?.users).to.deep.equal([
      {
        userName: 'agent',
        password: 'pw',
        principal: {
          UserType: 'InternalAssociate',
          Associate: 'agent',
          AssociateId: 5,
          IsPerson: false,
          PersonId: 0,
          CountryId: 0,
          HomeCountryId: 0,
          ContactId: 0,
          GroupId: 0,
          BusinessId: 0,
          CategoryId: 0,
          ContactOwner: 0,
          RoleId: 0,
          RoleName: '',
          RoleDescription: '',
          RoleType: 'ExternalUser',
          FullName: 'Kari Nordmann',
          EMailAddress: null,
          EjUserId: 0,
          EjAccessLevel: 0,
          EjUserStatus: 'StatusNone',
          DatabaseContextIdentifier: '',
          FunctionRights: ['chat'],
          SecondaryGroups: [2, 3],
        },
        tickets: [],
      },
    ]);
  });

  it('refuses a user without a UserName or a Password, an unknown user field, and a bad value', () => {
    const withUser = (user: Record<string, unknown>) => ({ tenants: { Cust1: { users: [user] } } });
    expect(fixturesError(withUser({ Password: 'x' }))).to.equal('test: tenants.Cust1.users[0]: UserName is required.');
    expect(fixturesError(withUser({ UserName: 'x' }))).to.equal('test: tenants.Cust1.users[0]: Password is required.');
    expect(fixturesError(withUser({ UserName: 'x', Password: 1 }))).to.equal('test: tenants.Cust1.users[0].Password: expected a string, found number 1.');
    expect(fixturesError(withUser({ UserName: 'x', Password: '', Name: 'y' }))).to.match(/^test: tenants\.Cust1\.users\[0\]: unknown key 'Name'; expected UserName, Password, UserType, Associate, /);
    expect(fixturesError(withUser({ UserName: 'x', Password: '', UserType: 'Boss' }))).to.equal(
      "test: tenants.Cust1.users[0].UserType: 'Boss' is not a valid UserType (the names, case-sensitive, are Unknown, InternalAssociate, ResourceAssociate, ExternalAssociate, AnonymousAssociate, SystemAssociate).",
    );
    expect(fixturesError(withUser({ UserName: 'x', Password: '', IsPerson: 'maybe' }))).to.equal(
      "test: tenants.Cust1.users[0].IsPerson: 'maybe' is not a valid xs:boolean (expected true, false, 1 or 0).",
    );
    expect(fixturesError(withUser({ UserName: 'x', Password: '', AssociateId: null }))).to.equal('test: tenants.Cust1.users[0].AssociateId: null is not allowed for xs:int.');
  });

  it('refuses two users of the same name in a tenant, in any case', () => {
    expect(fixturesError({ tenants: { Cust1: { users: [{ UserName: 'Agent', Password: 'a' }, { UserName: 'agent', Password: 'b' }] } } })).to.equal(
      "test: tenants.Cust1.users[1]: UserName 'agent' is also users[0]'s (user names are not case-sensitive).",
    );
  });

  it('refuses a value that is neither a string nor a number', () => {
    expect(fixturesError(withMessage({ ChatSessionId: true }))).to.equal(
      'test: tenants.Cust1.messages[0].ChatSessionId: expected a string or a number, found boolean true.',
    );
  });
});

/** Where loadFixtures puts what it loads: these stores, and empty others. */
function into(store: InMemoryChatStore, credentials: InMemoryCredentials) {
  return { store, credentials, webhooks: new WebhookRegistry(), acquire: new AcquireAccounts() };
}

describe('loadFixtures', () => {
  it('puts tickets, tokens, sessions and messages into the stores', () => {
    const store = new InMemoryChatStore();
    const credentials = new InMemoryCredentials();
    loadFixtures(parseFixtures(FULL_DOCUMENT, 'test', READ_CONTEXT), into(store, credentials));

    expect(credentials.ticketStatus('default', '7T:global==', 0)).to.equal('valid');
    expect(credentials.ticketStatus('Cust9', '7T:global==', 0)).to.equal('valid');
    expect(credentials.ticketStatus('Cust1', '7T:cust1==', 0)).to.equal('valid');
    expect(credentials.ticketStatus('default', '7T:cust1==', 0)).to.equal('unknown');
    expect(credentials.isKnownApplicationToken('Cust9', 'tok-global')).to.equal(true);
    expect(credentials.isKnownApplicationToken('Cust1', 'tok-cust1')).to.equal(true);
    expect(credentials.isKnownApplicationToken('default', 'tok-cust1')).to.equal(false);

    expect([1, 2, 10].map((s) => store.hasSession('default', s))).to.deep.equal([true, true, false]);
    expect([10, 11, 12, 1].map((s) => store.hasSession('Cust1', s))).to.deep.equal([true, true, true, false]);

    // The message without an id gets the tenant's next id after 5.
    expect(store.messagesAfter('Cust1', 10, 0)).to.deep.equal([HELLO, { ChatMessageId: 6, ...TRANSFER }]);
    expect(store.messagesAfter('Cust1', 11, 0)).to.deep.equal([EMPTY]);
    expect(store.messagesAfter('default', 10, 0)).to.deep.equal([]);
    expect(store.addMessage('Cust1', TRANSFER).ChatMessageId).to.equal(7);
    expect(store.addMessage('default', TRANSFER).ChatMessageId).to.equal(1);
  });

  it('numbers messages without ids from 1', () => {
    const store = new InMemoryChatStore();
    loadFixtures(
      parseFixtures({ tenants: { T: { messages: [{ ChatSessionId: 3, Message: 'a' }, { ChatSessionId: 3, Message: 'b' }] } } }, 'test', READ_CONTEXT),
      into(store, new InMemoryCredentials()),
    );
    expect(store.messagesAfter('T', 3, 0).map((m) => [m.ChatMessageId, m.Message])).to.deep.equal([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});

describe('readFixturesFile', () => {
  let directory = '';

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fixtures-test-'));
  });

  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads and checks a file, naming it in errors', async () => {
    const path = join(directory, 'bad-enum.json');
    await writeFile(path, JSON.stringify(withMessage({ ChatSessionId: 1, Type: 'Bogus' })));
    const error = await rejection(readFixturesFile(path, READ_CONTEXT));
    expect(error).to.be.instanceOf(FixturesError);
    expect(error.message).to.match(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: tenants\\.Cust1\\.messages\\[0\\]\\.Type: 'Bogus' is not`));
  });

  it('reads a valid file', async () => {
    const path = join(directory, 'good.json');
    await writeFile(path, JSON.stringify(FULL_DOCUMENT));
    const fixtures = await readFixturesFile(path, READ_CONTEXT);
    expect(fixtures.tenants.get('Cust1')?.messages).to.have.length(3);
  });

  it('reports a missing file with its path and the error code', async () => {
    const path = join(directory, 'missing.json');
    const error = await rejection(readFixturesFile(path, READ_CONTEXT));
    expect(error).to.be.instanceOf(FixturesError);
    expect(error.message).to.equal(`Cannot read the fixtures file ${path}: ENOENT.`);
  });

  it('reports invalid JSON with its path', async () => {
    const path = join(directory, 'invalid.json');
    await writeFile(path, '{ "tickets": [');
    const error = await rejection(readFixturesFile(path, READ_CONTEXT));
    expect(error).to.be.instanceOf(FixturesError);
    expect(error.message.startsWith(`The fixtures file ${path} is not valid JSON: `)).to.equal(true);
  });

  it('reads the bundled default fixtures with the documentation’s sample ticket and token', async () => {
    const fixtures = await readFixturesFile(DEFAULT_FIXTURES_PATH, READ_CONTEXT);
    expect(fixtures.tickets).to.include('7T:1234abcxyzExample==');
    expect(fixtures.applicationTokens).to.include('1234567-1234-9876');
    const credentials = new InMemoryCredentials();
    loadFixtures(fixtures, into(new InMemoryChatStore(), credentials));
    expect(credentials.ticketStatus('default', '7T:1234abcxyzExample==', 0)).to.equal('valid');
    expect(credentials.isKnownApplicationToken('Cust12345', '1234567-1234-9876')).to.equal(true);
  });
});
