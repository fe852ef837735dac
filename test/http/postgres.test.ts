import { expect } from 'chai';
import pg from 'pg';
import { ConfigError, startEmulator, StoreError, type FixturesDocument, type RunningEmulator } from '../../src/index.js';
import { expectStoredIds } from '../support/assertions.js';
import { freshDatabase } from '../support/postgres.js';
import { addChatMessageBody, envelope, postSoap, SAMPLE_TICKET, SAMPLE_TOKEN } from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: { sessions: [1] },
    acme: { acquire: { apiKeys: ['acme-key'], users: [{ id: 25 }], contacts: [{ id: 7 }], cases: [{ id: 100, contactId: 7, userIds: [25] }] } },
  },
};

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function addMessage(emulator: RunningEmulator, text: string): Promise<void> {
  const answer = await postSoap(emulator.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: text })));
  expect(answer.status, answer.text).to.equal(200);
}

async function addAcquireMessage(emulator: RunningEmulator, text: string): Promise<number> {
  const answer = await fetch(`${emulator.url}/acquire/acme/api/v1/crm/messenger/chat/add-message`, {
    method: 'POST',
    headers: { Authorization: 'Bearer acme-key', 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: { type: 'message', message: text }, caseId: 100 }),
  });
  expect(answer.status).to.equal(200);
  return ((await answer.json()) as { data: { id: number } }).data.id;
}

describe('--store: the change log in PostgreSQL (a real server)', function () {
  // The first test of a run may start the throwaway server.
  this.timeout(60_000);

  it('creates its schema at start, version 1, once even when two emulators start on the database together', async () => {
    const url = await freshDatabase();
    const emulators = await Promise.all([startEmulator({ store: url, fixtures: FIXTURES }), startEmulator({ store: url, fixtures: FIXTURES })]);
    await Promise.all(emulators.map((emulator) => emulator.stop()));
    expect(await query(url, 'SELECT version, name FROM emulator_schema ORDER BY version')).to.deep.equal([{ version: 1, name: 'the change log' }]);
  });

  it('keeps every acknowledged change across a restart: messages, Acquire messages, resets; ids go on', async () => {
    const url = await freshDatabase();
    const first = await startEmulator({ store: url, fixtures: FIXTURES });
    try {
      for (const text of ['one', 'two', 'three']) await addMessage(first, text);
      expect(await addAcquireMessage(first, 'from acme')).to.equal(1);
      first.reset('acme');
      expect(await addAcquireMessage(first, 'after the reset')).to.equal(1);
    } finally {
      await first.stop();
    }
    const second = await startEmulator({ store: url, fixtures: FIXTURES });
    try {
      await expectStoredIds(second.chatUrl, '1', ['1', '2', '3']);
      await addMessage(second, 'four');
      await expectStoredIds(second.chatUrl, '1', ['1', '2', '3', '4']);
      const listed = (await (await fetch(`${second.url}/__admin/tenants/acme/acquire/messages`)).json()) as { messages: { id: number; message: string }[] };
      expect(listed.messages.map(({ id, message }) => [id, message])).to.deep.equal([[1, 'after the reset']]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a database whose schema is newer than its own, saying so', async () => {
    const url = await freshDatabase();
    await (await startEmulator({ store: url })).stop();
    await query(url, "INSERT INTO emulator_schema (version, name) VALUES (99, 'from the future')");
    let refused: unknown;
    await startEmulator({ store: url }).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(StoreError);
    expect((refused as Error).message).to.equal(
      "The database's schema is version 99, newer than this emulator's (1): run the emulator that wrote it, or a newer one, or give another database.",
    );
  });

  it('refuses a database it cannot reach, without showing the password', async () => {
    let refused: unknown;
    await startEmulator({ store: 'postgres://chat:s3cret-password@127.0.0.1:1/chat' }).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(StoreError);
    expect((refused as Error).message).to.equal('Cannot use PostgreSQL at postgres://chat:***@127.0.0.1:1/chat: connect ECONNREFUSED 127.0.0.1:1.');
  });

  it('refuses a URL that is not PostgreSQL\'s, and a store together with a data directory', async () => {
    for (const [options, message] of [
      [{ store: 'mysql://x@y/z' }, 'store: not a PostgreSQL URL; give one that starts with postgres://, such as postgres://user:password@127.0.0.1:5432/chat.'],
      [{ store: 'postgres://x@y/z', dataDir: '/tmp/x' }, 'store and data directory: both keep the change log, in PostgreSQL or in a directory; give one of them.'],
    ] as const) {
      let refused: unknown;
      await startEmulator(options).catch((error: unknown) => (refused = error));
      expect(refused).to.be.instanceOf(ConfigError);
      expect((refused as Error).message).to.equal(message);
    }
  });
});
