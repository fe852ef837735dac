import { expect } from 'chai';
import { startEmulator } from '../../src/index.js';
import { admin } from '../support/admin.js';
import { useEmulator } from '../support/emulator.js';
import { expectExceptionInfo, expectStoredIds } from '../support/assertions.js';
import { json, rest } from '../support/rest.js';
import { addChatMessageBody, envelope, getChatMessagesBody, loginBody, messagesOf, postSoap, readAnswer, textOf, type Node } from '../support/soap.js';

describe('tenants', () => {
  const emulator = useEmulator({
    fixtures: {
      tickets: ['7T:1234abcxyzExample=='],
      applicationTokens: ['1234567-1234-9876'],
      tenants: { Cust55555: { tickets: ['cust55555-only'], users: [{ UserName: 'agent', Password: 'pw' }, { UserName: 'bot', Password: 'pw', tickets: ['7T:bot-of-cust55555'] }] } },
    },
  });
  const tenantUrl = (custId: string) => `${emulator.current.url}/${custId}/Remote/Services88/Chat.svc`;
  const add = (url: string, text: string) => postSoap(url, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: text })));

  it('keeps separate messages and id counters per CustId, and for the on-site style default', async () => {
    const ids = async (url: string, text: string) => messagesOf(readAnswer((await add(url, text)).text), 'AddChatMessage')[0]?.['ChatMessageId'];
    expect(await ids(tenantUrl('Cust12345'), 'a1')).to.equal('1');
    expect(await ids(tenantUrl('Cust12345'), 'a2')).to.equal('2');
    expect(await ids(tenantUrl('Cust67890'), 'b1')).to.equal('1');
    expect(await ids(emulator.current.chatUrl, 'c1')).to.equal('1');
    await expectStoredIds(tenantUrl('Cust12345'), '1', ['1', '2']);
    await expectStoredIds(tenantUrl('Cust67890'), '1', ['1']);
    const texts = messagesOf(readAnswer((await postSoap(tenantUrl('Cust67890'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')))).text), 'GetChatMessages');
    expect(texts.map((m) => m['Message'])).to.deep.equal(['b1']);
  });

  it('accepts a tenant-scoped ticket in its own tenant only, and elsewhere answers it as unknown', async () => {
    const own = await postSoap(tenantUrl('Cust55555'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: 'cust55555-only' }));
    expect(readAnswer(own.text).headers['Succeeded']).to.equal('true');
    const other = await postSoap(tenantUrl('Cust12345'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: 'cust55555-only' }));
    expectExceptionInfo(other, 'GetChatMessagesResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'Cust12345'.");
  });

  it("accepts a fixture ticket bound to a user in the user's tenant only", async () => {
    const own = await postSoap(tenantUrl('Cust55555'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: '7T:bot-of-cust55555' }));
    expect(readAnswer(own.text).headers['Succeeded']).to.equal('true');
    const other = await postSoap(tenantUrl('Cust12345'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: '7T:bot-of-cust55555' }));
    expectExceptionInfo(other, 'GetChatMessagesResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'Cust12345'.");
  });

  describe('a CustId in any case', () => {
    beforeEach(() => emulator.current.reset());
    const principalUrl = (custId: string) => `${emulator.current.url}/${custId}/Remote/Services88/SoPrincipal.svc`;
    const login = async (custId: string) => {
      const answer = await postSoap(principalUrl(custId), 'AuthenticateUsernamePassword', envelope('1.1', loginBody('agent', 'pw'), { ticket: null }));
      return textOf(((readAnswer(answer.text).body['AuthenticateResponse'] as Node)['Credentials'] as Node)['Ticket']);
    };

    it('is one tenant: one store and one id counter, as the paths are one installation on IIS', async () => {
      expect(messagesOf(readAnswer((await add(tenantUrl('Cust12345'), 'a')).text), 'AddChatMessage')[0]?.['ChatMessageId']).to.equal('1');
      expect(messagesOf(readAnswer((await add(tenantUrl('CUST12345'), 'b')).text), 'AddChatMessage')[0]?.['ChatMessageId']).to.equal('2');
      await expectStoredIds(tenantUrl('cust12345'), '1', ['1', '2']);
    });

    it('takes a ticket issued at /Cust55555/ at /cust55555/ and /CUST55555/, and the tenant-scoped fixture ticket too', async () => {
      const ticket = await login('Cust55555');
      for (const custId of ['cust55555', 'CUST55555']) {
        for (const credential of [ticket, 'cust55555-only']) {
          const answer = await postSoap(tenantUrl(custId), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: credential }));
          expect(readAnswer(answer.text).headers['Succeeded'], `${custId}, ${credential}`).to.equal('true');
        }
      }
    });

    it("keeps the fixture's name in what it answers: the ticket's CustId, errors, the journal", async () => {
      const ticket = await login('CUST55555');
      expect(Buffer.from(ticket.slice(3), 'base64').toString('utf16le')).to.match(/;Cust55555$/);
      const refused = await postSoap(tenantUrl('cUsT55555'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: 'made-up' }));
      expectExceptionInfo(refused, 'GetChatMessagesResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'Cust55555'.");
      const journal = emulator.current.requests({ tenant: 'cust55555' }).requests;
      expect(journal.map((entry) => entry.tenant)).to.deep.equal(['Cust55555', 'Cust55555']);
    });

    it('keeps the spelling of its first use when no fixture names it, until it is reset', async () => {
      await add(tenantUrl('CustABC'), 'first');
      await add(tenantUrl('CUSTABC'), 'second');
      const refused = await postSoap(tenantUrl('custabc'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: 'made-up' }));
      expectExceptionInfo(refused, 'GetChatMessagesResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'CustABC'.");
      const stored = await admin(emulator.current.url, 'GET', '/tenants/CUSTabc/sessions/1/messages');
      expect(stored.status).to.equal(200);
      expect(stored.body['tenant']).to.equal('CustABC');
      expect((stored.body['messages'] as { Message: string }[]).map((m) => m.Message)).to.deep.equal(['first', 'second']);
      expect((await admin(emulator.current.url, 'POST', '/reset?tenant=custabc')).status).to.equal(200);
      await expectStoredIds(tenantUrl('custabc'), '1', []);
      await add(tenantUrl('custabc'), 'after the reset');
      expect(emulator.current.requests({ tenant: 'CUSTABC', operation: 'AddChatMessage' }).requests.map((entry) => entry.tenant)).to.deep.equal(['custabc']);
    });

    it('is one tenant over REST as well, and across SOAP and REST', async () => {
      await add(tenantUrl('cust12345'), 'over SOAP');
      const headers = { Authorization: 'SOTicket 7T:1234abcxyzExample==', 'SO-AppToken': '1234567-1234-9876' };
      const read = await rest(`${emulator.current.url}/CUST12345/api/v1/ChatSession/1/Messages`, { headers });
      expect(json<{ Message: string }[]>(read).map((m) => m.Message)).to.deep.equal(['over SOAP']);
    });

    it('injects a fault for a tenant named in another case', async () => {
      await admin(emulator.current.url, 'POST', '/faults', { tenant: 'CUST12345', operation: 'AddChatMessage', httpStatus: 503 });
      expect((await add(tenantUrl('cust12345'), 'x')).status).to.equal(503);
    });
  });

  describe('default: the on-site style tenant', () => {
    beforeEach(() => emulator.current.reset());

    it('is /Remote/..., /default/Remote/... and /DEFAULT/Remote/...: the name the admin API and the fixtures give it', async () => {
      await add(emulator.current.chatUrl, 'on-site');
      await add(tenantUrl('DEFAULT'), 'by name');
      await expectStoredIds(tenantUrl('default'), '1', ['1', '2']);
      const stored = await admin(emulator.current.url, 'GET', '/tenants/Default/sessions/1/messages');
      expect(stored.body['tenant']).to.equal('default');
    });
  });

  it('refuses fixtures that name one tenant twice, in two cases', async () => {
    let error: unknown;
    try {
      await startEmulator({ port: 0, fixtures: { tenants: { Cust1: { sessions: [1] }, cust1: { sessions: [2] } } } });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).to.equal('the fixtures option: tenants.cust1: the same tenant as tenants.Cust1 (CustIds are not case-sensitive).');
  });
});
