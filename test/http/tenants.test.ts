import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { expectExceptionInfo, expectStoredIds } from '../support/assertions.js';
import { addChatMessageBody, envelope, getChatMessagesBody, messagesOf, postSoap, readAnswer } from '../support/soap.js';

describe('tenants', () => {
  const emulator = useEmulator({
    fixtures: {
      tickets: ['7T:1234abcxyzExample=='],
      applicationTokens: ['1234567-1234-9876'],
      tenants: { Cust55555: { tickets: ['cust55555-only'] } },
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

  it('accepts a tenant-scoped ticket in its own tenant only', async () => {
    const own = await postSoap(tenantUrl('Cust55555'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: 'cust55555-only' }));
    expect(readAnswer(own.text).headers['Succeeded']).to.equal('true');
    const other = await postSoap(tenantUrl('Cust12345'), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: 'cust55555-only' }));
    expectExceptionInfo(other, 'GetChatMessagesResponse', 'SoAuthenticationException', "The ticket is not valid in tenant 'Cust12345': it belongs to another tenant.");
  });
});
