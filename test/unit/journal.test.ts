import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { instantFromEpochMilliseconds } from '../../src/contract/datetime.js';
import { Journal, maskPassword, maskSecret, type JournalEntry, type JournalRecord } from '../../src/journal/journal.js';

function entry(tenant: string, operation: JournalEntry['operation'] = 'GetChatMessages'): JournalRecord {
  return {
    tenant,
    service: 'Chat',
    operation,
    soapVersion: '1.1',
    headers: { applicationToken: 'app-token', ticket: null },
    arguments: { journalArguments: () => ({ ChatSessionId: 1, After: 0 }) },
    status: 200,
    outcome: 'ok',
    error: null,
    durationMs: 1,
    warnings: [],
  };
}

const at = (ms: number) => instantFromEpochMilliseconds(ms);

describe('Journal', () => {
  it('keeps the newest `size` entries in order, counting those it dropped, with ids that keep counting', () => {
    const journal = new Journal(3);
    for (let i = 0; i < 5; i += 1) journal.record(entry(`T${i}`), at(i));
    const page = journal.list();
    expect(page.requests.map((e) => [e.id, e.tenant])).to.deep.equal([
      [3, 'T2'],
      [4, 'T3'],
      [5, 'T4'],
    ]);
    expect(page.dropped).to.equal(2);
  });

  it('lists an entry with its id, then its arrival as an xs:dateTime in UTC, then what the request recorded, headers and arguments written out in place', () => {
    const journal = new Journal(2);
    journal.record(entry('A'), { epochSeconds: 1616708213, ticks: 1234567 });
    const [listed] = journal.list().requests;
    expect(listed).to.deep.equal({
      id: 1,
      time: '2021-03-25T21:36:53.1234567Z',
      ...entry('A'),
      headers: { ApplicationToken: maskSecret('app-token'), Ticket: null },
      arguments: { ChatSessionId: 1, After: 0 },
    });
    expect(Object.keys(listed ?? {})).to.deep.equal(['id', 'time', 'tenant', 'service', 'operation', 'soapVersion', 'headers', 'arguments', 'status', 'outcome', 'error', 'durationMs', 'warnings']);
  });

  it('lists headers given as already shown as they are, without masking them again', () => {
    const journal = new Journal(2);
    journal.record({ ...entry('A'), headers: { shown: { ApplicationToken: null, Ticket: 'Basic ***' } } }, at(0));
    expect(journal.list().requests[0]?.headers).to.deep.equal({ ApplicationToken: null, Ticket: 'Basic ***' });
  });

  it('filters by tenant, operation and time, and keeps the newest `limit`', () => {
    const journal = new Journal(10);
    journal.record(entry('A', 'AddChatMessage'), at(100));
    journal.record(entry('B'), at(200));
    journal.record(entry('A'), at(300));
    journal.record(entry('A'), at(400));
    expect(journal.list({ tenant: 'A' }).requests.map((e) => e.id)).to.deep.equal([1, 3, 4]);
    expect(journal.list({ operation: 'AddChatMessage' }).requests.map((e) => e.id)).to.deep.equal([1]);
    expect(journal.list({ sinceMs: 200 }).requests.map((e) => e.id)).to.deep.equal([2, 3, 4]);
    expect(journal.list({ tenant: 'A', limit: 2 }).requests.map((e) => e.id)).to.deep.equal([3, 4]);
    expect(journal.list({ limit: 0 }).requests).to.deep.equal([]);
  });

  it("clears a tenant's entries only, keeping order and room; a full clear resets the dropped count", () => {
    const journal = new Journal(3);
    ['A', 'B', 'A', 'B'].forEach((tenant, i) => journal.record(entry(tenant), at(i)));
    journal.clear('A');
    expect(journal.list().requests.map((e) => [e.id, e.tenant, e.time])).to.deep.equal([
      [2, 'B', '1970-01-01T00:00:00.001Z'],
      [4, 'B', '1970-01-01T00:00:00.003Z'],
    ]);
    journal.record(entry('C'), at(0));
    expect(journal.list().requests.map((e) => e.id)).to.deep.equal([2, 4, 5]);
    expect(journal.list().dropped).to.equal(1);
    journal.clear();
    expect(journal.list()).to.deep.equal({ requests: [], dropped: 0 });
  });

  it('masks secrets: a short start, the length and a digest prefix; passwords as ***', () => {
    const digest = createHash('sha256').update('7T:1234abcxyzExample==').digest('hex').slice(0, 8);
    expect(maskSecret('7T:1234abcxyzExample==')).to.equal(`7T:…(22 chars, sha256 ${digest})`);
    expect(maskSecret('abcd')).to.match(/^a…\(4 chars, sha256 [0-9a-f]{8}\)$/);
    expect(maskSecret('abc')).to.match(/^…\(3 chars, sha256 [0-9a-f]{8}\)$/);
    expect(maskSecret('a')).not.to.equal(maskSecret('b'));
    expect([maskSecret(null), maskSecret('')]).to.deep.equal([null, '']);
    expect([maskPassword('pw'), maskPassword(''), maskPassword(null)]).to.deep.equal(['***', '***', null]);
  });
});
