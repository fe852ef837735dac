import { expect } from 'chai';
import type { Clock } from '../../src/clock.js';
import { instantFromEpochMilliseconds } from '../../src/contract/datetime.js';
import type { OperationName } from '../../src/contract/operations.js';
import type { FixturesDocument } from '../../src/index.js';
import { expectExceptionInfo } from '../support/assertions.js';
import { useEmulator } from '../support/emulator.js';
import { addChatMessageBody, envelope, getChatMessagesBody, postSoap, readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN, type Answer, type Node } from '../support/soap.js';

/** Two agents who log in, a system ticket (the chat widget's side), and a second tenant with its own agent. */
const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: {
      users: [
        { UserName: 'kari', Password: 'k', AssociateId: 5, FullName: 'Kari Nordmann', tickets: ['7T:kari=='] },
        { UserName: 'ola', Password: 'o', AssociateId: 6, FullName: 'Ola <Støtte> & Co', tickets: ['7T:ola=='] },
      ],
    },
    Cust2: { users: [{ UserName: 'kari', Password: 'k', AssociateId: 5, tickets: ['7T:cust2-kari=='] }] },
  },
};
const KARI = '7T:kari==';
const OLA = '7T:ola==';
const NOW = '2021-03-25T21:36:53Z';

describe('chat sessions over SOAP: create, queue, pick up, transfer, close, transcript', () => {
  let nowMs = Date.UTC(2021, 2, 25, 21, 36, 53);
  const clock: Clock = { now: () => instantFromEpochMilliseconds(nowMs) };
  const emulator = useEmulator({ fixtures: FIXTURES, clock });
  beforeEach(() => {
    nowMs = Date.UTC(2021, 2, 25, 21, 36, 53);
    emulator.current.reset();
  });

  const call = (operation: OperationName, body: string, ticket = SAMPLE_TICKET, tenant?: string) =>
    postSoap(`${emulator.current.url}${tenant === undefined ? '' : `/${tenant}`}/Remote/Services88/Chat.svc`, operation, envelope('1.1', body, { ticket }));
  const element = (name: string, value: string | number | boolean) => `<c:${name}>${value}</c:${name}>`;
  const withSession = (operation: OperationName, id: number, ticket?: string, extra = '') => call(operation, `<c:${operation}>${element('ChatSessionId', id)}${extra}</c:${operation}>`, ticket);

  /** The Response of a successful answer. */
  function result(answer: Answer, operation: OperationName): Node {
    expect(answer.status, answer.text).to.equal(200);
    const read = readAnswer(answer.text);
    expect(read.headers['Succeeded'], JSON.stringify(read.headers['ExceptionInfo'])).to.equal('true');
    return (read.body[`${operation === 'GetChatTranscript' ? 'GetChatTranscript' : operation}Response`] as Node)['Response'] as Node;
  }

  /** A minimal ChatSessionEntity: the fields given, the others absent (their defaults). */
  const entity = (fields: Record<string, string | number>) => `<c:ChatSessionEntity>${Object.entries(fields).map(([name, value]) => element(name, value)).join('')}</c:ChatSessionEntity>`;
  const createSession = async (fields: Record<string, string | number> = { CustomerName: 'Anne' }, tenant?: string, ticket = SAMPLE_TICKET) =>
    result(await call('SaveChatSessionEntity', `<c:SaveChatSessionEntity>${entity({ ChatSessionId: 0, ...fields })}</c:SaveChatSessionEntity>`, ticket, tenant), 'SaveChatSessionEntity');
  const getSession = async (id: number, ticket = SAMPLE_TICKET) => result(await call('GetChatSessionEntity', `<c:GetChatSessionEntity>${element('ChatSessionEntityId', id)}</c:GetChatSessionEntity>`, ticket), 'GetChatSessionEntity');
  const addMessage = (id: number, type: 'ToUser' | 'ToCustomer', text: string, author: string, ticket = SAMPLE_TICKET) =>
    call('AddChatMessage', addChatMessageBody(String(id), { Type: type, Message: text, Author: author }), ticket);
  /** Each message of a session as [Type, SpecialType, Author, Message, SpecialParam], nil as null. */
  async function messages(id: number): Promise<(string | null)[][]> {
    const answer = await call('GetChatMessages', getChatMessagesBody(String(id), '0'));
    const response = result(answer, 'GetChatMessages');
    const list = (response['ChatMessage'] ?? []) as Node[];
    const text = (node: unknown) => (typeof node === 'string' ? node : null);
    return list.map((m) => [text(m['Type']), text(m['SpecialType']), text(m['Author']), text(m['Message']), text(m['SpecialParam'])]);
  }
  /** The full entity of a stored session, as SaveChatSessionEntity takes it back, with some fields changed. */
  async function savedAs(id: number, changes: Record<string, string>, ticket: string): Promise<Node> {
    const answer = await call('GetChatSessionEntity', `<c:GetChatSessionEntity>${element('ChatSessionEntityId', id)}</c:GetChatSessionEntity>`, ticket);
    const match = /<Response( [^>]*)?>([\s\S]*)<\/Response>/.exec(answer.text);
    let inner = match?.[2] ?? '';
    for (const [name, value] of Object.entries(changes)) inner = inner.replace(new RegExp(`<${name}>[^<]*</${name}>`), `<${name}>${value}</${name}>`);
    const body = `<c:SaveChatSessionEntity><ChatSessionEntity xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">${inner}</ChatSessionEntity></c:SaveChatSessionEntity>`;
    return result(await call('SaveChatSessionEntity', body, ticket), 'SaveChatSessionEntity');
  }

  it('CreateDefaultChatSessionEntity: an unsaved session, id 0, queued, its dates at MinValue', async () => {
    const created = result(await call('CreateDefaultChatSessionEntity', '<c:CreateDefaultChatSessionEntity/>'), 'CreateDefaultChatSessionEntity');
    expect(created).to.deep.include({ ChatSessionId: '0', TopicId: '0', Status: 'InQueue', WhenRequested: '0001-01-01T00:00:00Z', WhenStarted: '0001-01-01T00:00:00Z', InitialQueuePos: '0', Flags: '' });
    expect(created['User']).to.deep.equal({ '@nil': 'true' });
    expect(await getSession(1)).to.deep.equal({ '@nil': 'true' });
  });

  it('plays the whole flow: created and queued, picked up, messages both ways, transferred, accepted, closed, transcript read', async () => {
    const created = await createSession({ CustomerName: 'Anne', CustomerEmail: 'anne@example.com' });
    expect(created).to.deep.include({ ChatSessionId: '1', Status: 'InQueue', CustomerName: 'Anne', WhenRequested: NOW, InitialQueuePos: '1' });
    expect((await createSession({ CustomerName: 'Bob' }))['InitialQueuePos']).to.equal('2');
    expect((await addMessage(1, 'ToUser', 'Hello?', 'Anne')).status).to.equal(200);
    expect(await getSession(1)).to.deep.include({ Status: 'InQueue', FirstMessage: 'Hello?', LastMessage: 'Hello?' });

    nowMs += 60_000;
    const picked = result(await withSession('PickUpChatSession', 1, KARI), 'PickUpChatSession');
    expect(picked).to.deep.include({ ChatSessionId: '1', Status: 'UserLast', WhenStarted: '2021-03-25T21:37:53Z', Rank: '1' });
    expect(picked['User']).to.deep.include({ AssociateId: '5', Name: 'kari', FullName: 'Kari Nordmann', UserName: 'kari', Type: 'InternalAssociate' });

    await addMessage(1, 'ToCustomer', 'Hi Anne, how can I help?', 'Kari', KARI);
    expect((await getSession(1))['Status']).to.equal('UserLast');
    await addMessage(1, 'ToUser', 'My order is late.', 'Anne');
    expect(await getSession(1)).to.deep.include({ Status: 'CustomerLast', FirstMessage: 'Hello?', LastMessage: 'My order is late.' });

    const offered = result(await withSession('TransferChatSession', 1, KARI, element('ToAssociate', 'ola')), 'TransferChatSession');
    expect((offered['User'] as Node)['AssociateId']).to.equal('5');
    expect((offered['TransferTo'] as Node)['AssociateId']).to.equal('6');
    const accepted = result(await withSession('AcceptChatSessionTransfer', 1, OLA), 'AcceptChatSessionTransfer');
    expect((accepted['User'] as Node)['AssociateId']).to.equal('6');
    expect(accepted['TransferTo']).to.deep.equal({ '@nil': 'true' });

    nowMs += 60_000;
    const closed = await savedAs(1, { Status: 'Finished' }, OLA);
    expect(closed).to.deep.include({ Status: 'Finished', WhenEnded: '2021-03-25T21:38:53Z', CustomerEmail: 'anne@example.com' });

    expect(await messages(1)).to.deep.equal([
      ['Special', 'NewSession', null, null, null],
      ['ToUser', 'None', 'Anne', 'Hello?', null],
      ['ToCustomer', 'Welcome', 'Kari Nordmann', null, null],
      ['ToCustomer', 'None', 'Kari', 'Hi Anne, how can I help?', null],
      ['ToUser', 'None', 'Anne', 'My order is late.', null],
      ['Special', 'TransferedSession', null, null, 'ola'],
      ['Special', 'ClosedByUser', null, null, null],
    ]);
    const transcript = result(await withSession('GetChatTranscript', 1, OLA, element('Html', false)), 'GetChatTranscript');
    expect(transcript).to.equal(
      [
        '[2021-03-25T21:36:53Z] System: NewSession',
        '[2021-03-25T21:36:53Z] Anne: Hello?',
        '[2021-03-25T21:37:53Z] Kari Nordmann: (Welcome)',
        '[2021-03-25T21:37:53Z] Kari: Hi Anne, how can I help?',
        '[2021-03-25T21:37:53Z] Anne: My order is late.',
        '[2021-03-25T21:37:53Z] System: TransferedSession: ola',
        '[2021-03-25T21:38:53Z] System: ClosedByUser',
      ].join('\n'),
    );
  });

  it('GetChatTranscript as HTML escapes every author and text', async () => {
    await createSession();
    await addMessage(1, 'ToUser', '&lt;b&gt;bold&lt;/b&gt; &amp; "quoted"', 'Anne &lt;anne@example.com&gt;');
    const html = result(await withSession('GetChatTranscript', 1, SAMPLE_TICKET, element('Html', true)), 'GetChatTranscript');
    expect(html).to.equal(
      '<table class="chat-transcript"><tr><th>When</th><th>Who</th><th>Message</th></tr>' +
        '<tr><td>2021-03-25T21:36:53Z</td><td>System</td><td>NewSession</td></tr>' +
        '<tr><td>2021-03-25T21:36:53Z</td><td>Anne &lt;anne@example.com&gt;</td><td>&lt;b&gt;bold&lt;/b&gt; &amp; "quoted"</td></tr></table>',
    );
  });

  it('a rejected transfer leaves the session with its agent, with a TransferRejected note', async () => {
    await createSession();
    await withSession('PickUpChatSession', 1, KARI);
    await withSession('TransferChatSession', 1, KARI, element('ToAssociate', '6'));
    const kept = result(await withSession('RejectChatSessionTransfer', 1, OLA), 'RejectChatSessionTransfer');
    expect((kept['User'] as Node)['AssociateId']).to.equal('5');
    expect(kept['TransferTo']).to.deep.equal({ '@nil': 'true' });
    expect((await messages(1)).slice(-2)).to.deep.equal([
      ['Special', 'TransferedSession', null, null, 'ola'],
      ['Special', 'TransferRejected', null, null, 'ola'],
    ]);
  });

  it('a reset puts the session back in the queue without its agent, and PickUpFirstChatSession takes the longest waiting', async () => {
    await createSession({ CustomerName: 'first' });
    nowMs += 1000;
    await createSession({ CustomerName: 'second' });
    expect((result(await call('PickUpFirstChatSession', '<c:PickUpFirstChatSession/>', KARI), 'PickUpFirstChatSession'))['CustomerName']).to.equal('first');
    const reset = result(await withSession('ResetChatSession', 1), 'ResetChatSession');
    expect(reset).to.deep.include({ Status: 'InQueue', WhenStarted: '0001-01-01T00:00:00Z', Rank: '0' });
    expect(reset['User']).to.deep.equal({ '@nil': 'true' });
    expect((result(await call('PickUpFirstChatSession', '<c:PickUpFirstChatSession/>', OLA), 'PickUpFirstChatSession'))['CustomerName']).to.equal('first');
    expect((result(await call('PickUpFirstChatSession', '<c:PickUpFirstChatSession/>', OLA), 'PickUpFirstChatSession'))).to.deep.include({ CustomerName: 'second', Rank: '2' });
    expect(await call('PickUpFirstChatSession', '<c:PickUpFirstChatSession/>', KARI).then((answer) => result(answer, 'PickUpFirstChatSession'))).to.deep.equal({ '@nil': 'true' });
  });

  it('ChatSessionsForUser lists the sessions the caller has, is offered, or could pick up', async () => {
    await createSession({ CustomerName: 'a' });
    await createSession({ CustomerName: 'b' });
    await createSession({ CustomerName: 'c' });
    await withSession('PickUpChatSession', 1, KARI);
    await withSession('PickUpChatSession', 2, OLA);
    const names = async (ticket: string) => (((result(await call('ChatSessionsForUser', '<c:ChatSessionsForUser/>', ticket), 'ChatSessionsForUser')['ChatSessionEntity'] ?? []) as Node[]) as Node[]).map((s) => s['CustomerName']);
    expect(await names(KARI)).to.deep.equal(['a', 'c']);
    await withSession('TransferChatSession', 2, OLA, element('ToAssociate', 'KARI'));
    expect(await names(KARI)).to.deep.equal(['a', 'b', 'c']);
  });

  it('DeleteChatSessionEntity deletes the session and its messages', async () => {
    await createSession();
    expect(result(await call('DeleteChatSessionEntity', `<c:DeleteChatSessionEntity>${element('ChatSessionEntityId', 1)}</c:DeleteChatSessionEntity>`), 'DeleteChatSessionEntity')).to.equal(undefined);
    expect(await getSession(1)).to.deep.equal({ '@nil': 'true' });
    expect(await messages(1)).to.deep.equal([]);
  });

  describe('refused moves', () => {
    it('an operation for the current user, with a ticket that speaks for no user', async () => {
      await createSession();
      expectExceptionInfo(await withSession('PickUpChatSession', 1), 'PickUpChatSessionResponse', 'SoSecurityException', 'PickUpChatSession acts for the current user, and this ticket speaks for none');
    });

    it('accepting or rejecting a transfer meant for someone else', async () => {
      await createSession();
      await withSession('PickUpChatSession', 1, KARI);
      await withSession('TransferChatSession', 1, KARI, element('ToAssociate', 'ola'));
      expectExceptionInfo(
        await withSession('AcceptChatSessionTransfer', 1, KARI),
        'AcceptChatSessionTransferResponse',
        'InvalidOperationException',
        'Chat session 1 is being transferred to associate 6 (ola), not to kari (5): only the agent it is offered to can accept it.',
      );
      expectExceptionInfo(await withSession('RejectChatSessionTransfer', 1, KARI), 'RejectChatSessionTransferResponse', 'InvalidOperationException', 'only the agent it is offered to can reject it.');
    });

    it('a session or an associate the tenant does not have', async () => {
      expectExceptionInfo(await withSession('PickUpChatSession', 9, KARI), 'PickUpChatSessionResponse', 'SoNotFoundException', "Chat session 9 does not exist in tenant 'default'.");
      await createSession();
      await withSession('PickUpChatSession', 1, KARI);
      expectExceptionInfo(
        await withSession('TransferChatSession', 1, KARI, element('ToAssociate', 'nobody')),
        'TransferChatSessionResponse',
        'SoNotFoundException',
        "ToAssociate 'nobody' is not an associate of tenant 'default': give a user name or an associate id of kari (5), ola (6).",
      );
    });

    it('as documented, picking up a session that is not queued answers nil, and transferring one not the caller\'s changes nothing', async () => {
      await createSession();
      await withSession('PickUpChatSession', 1, KARI);
      expect(result(await withSession('PickUpChatSession', 1, OLA), 'PickUpChatSession')).to.deep.equal({ '@nil': 'true' });
      const untouched = result(await withSession('TransferChatSession', 1, OLA, element('ToAssociate', 'ola')), 'TransferChatSession');
      expect(untouched['TransferTo']).to.deep.equal({ '@nil': 'true' });
      expect((await messages(1)).map((m) => m[1])).to.deep.equal(['NewSession', 'Welcome']);
    });
  });

  it('a customer writing to a finished session reopens it, with a ReopenedByCustomer note', async () => {
    await createSession();
    await withSession('PickUpChatSession', 1, KARI);
    await savedAs(1, { Status: 'Finished' }, KARI);
    await addMessage(1, 'ToUser', 'One more thing', 'Anne');
    expect((await getSession(1))['Status']).to.equal('CustomerLast');
    expect((await messages(1)).slice(-3).map((m) => m[1])).to.deep.equal(['ClosedByUser', 'ReopenedByCustomer', 'None']);
  });

  it('keeps two tenants apart', async () => {
    await createSession({ CustomerName: 'default one' });
    const other = await createSession({ CustomerName: 'Cust2 one' }, 'Cust2');
    expect(other['ChatSessionId']).to.equal('1');
    expect((await getSession(1))['CustomerName']).to.equal('default one');
    const picked = result(await call('PickUpChatSession', `<c:PickUpChatSession>${element('ChatSessionId', 1)}</c:PickUpChatSession>`, '7T:cust2-kari==', 'Cust2'), 'PickUpChatSession');
    expect(picked['CustomerName']).to.equal('Cust2 one');
    expect((await getSession(1))['Status']).to.equal('InQueue');
  });
});

describe('chat sessions in strict mode', () => {
  const emulator = useEmulator({ fixtures: FIXTURES, strict: true });
  beforeEach(() => emulator.current.reset());

  it('takes messages to a session created over the API, and refuses them to one that does not exist', async () => {
    const url = emulator.current.chatUrl;
    const saved = await postSoap(url, 'SaveChatSessionEntity', envelope('1.1', '<c:SaveChatSessionEntity><c:ChatSessionEntity><c:ChatSessionId>0</c:ChatSessionId></c:ChatSessionEntity></c:SaveChatSessionEntity>'));
    expect(readAnswer(saved.text).headers['Succeeded']).to.equal('true');
    const added = await postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Type: 'ToUser', Message: 'hi' })));
    expect(readAnswer(added.text).headers['Succeeded']).to.equal('true');
    expectExceptionInfo(await postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('2', { Message: 'hi' }))), 'AddChatMessageResponse', 'SoNotFoundException', "Chat session 2 does not exist in tenant 'default'.");
  });
});
