import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { expectDispatcherFault, expectExceptionInfo, expectStoredIds } from '../support/assertions.js';
import { addChatMessageBody, envelope, getChatMessagesBody, headerBlocks, post, postSoap, readAnswer } from '../support/soap.js';

describe('--strict', () => {
  const emulator = useEmulator({ strict: true });
  const url = () => emulator.current.chatUrl;

  it('answers a SOAP 1.2 request with HTTP 415, as WCF BasicHttpBinding does', async () => {
    const answer = await postSoap(url(), 'GetChatMessages', envelope('1.2', getChatMessagesBody('1', '0')), { version: '1.2' });
    expect(answer.status).to.equal(415);
    expect(answer.text).to.equal(
      "Cannot process the message because the content type 'application/soap+xml; charset=utf-8; action=\"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages\"' was not the expected type 'text/xml; charset=utf-8'.\n",
    );
  });

  it('answers the documented SOAP 1.2 sample with HTTP 415', async () => {
    const sample = readFileSync(new URL('../../../test/samples/AddChatMessage.request.xml', import.meta.url));
    const answer = await post(url(), sample, { 'Content-Type': 'application/soap+xml; charset=utf-8' });
    expect(answer.status).to.equal(415);
  });

  it('refuses a SOAP 1.2 envelope sent as text/xml with a VersionMismatch fault', async () => {
    const answer = await postSoap(url(), 'GetChatMessages', envelope('1.2', getChatMessagesBody('1', '0')), { headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
    expect(answer.status).to.equal(500);
    expect(readAnswer(answer.text).fault?.code).to.equal('s:VersionMismatch');
  });

  it('refuses headers placed directly under Envelope with HTTP 400, and stores nothing', async () => {
    const xml =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="http://www.superoffice.net/ws/crm/NetServer/Services88">' +
      `${headerBlocks()}<s:Body>${addChatMessageBody('1', { Message: 'x' })}</s:Body></s:Envelope>`;
    const answer = await postSoap(url(), 'AddChatMessage', xml);
    expect(answer.status).to.equal(400);
    expect(readAnswer(answer.text).fault?.reason).to.equal(
      'Found ApplicationToken, Credentials directly under Envelope: SOAP headers must be inside the Header element (strict mode).',
    );
    await expectStoredIds(url(), '1', []);
  });

  it('rejects a session the fixtures do not have, for both operations, and stores nothing', async () => {
    const add = await postSoap(url(), 'AddChatMessage', envelope('1.1', addChatMessageBody('77', { Message: 'x' })));
    expectExceptionInfo(add, 'AddChatMessageResponse', 'SoNotFoundException', "Chat session 77 does not exist in tenant 'default'");
    const get = await postSoap(url(), 'GetChatMessages', envelope('1.1', getChatMessagesBody('77', '0')));
    expectExceptionInfo(get, 'GetChatMessagesResponse', 'SoNotFoundException', 'Chat session 77 does not exist');
  });

  it('accepts a session the fixtures have', async () => {
    const add = await postSoap(url(), 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x' })));
    expect(readAnswer(add.text).headers['Succeeded']).to.equal('true');
    await expectStoredIds(url(), '1', ['1']);
  });

  it('dispatches on the action only: an empty SOAPAction is ActionNotSupported', async () => {
    const answer = await postSoap(url(), null, envelope('1.1', getChatMessagesBody('1', '0')), { action: '' });
    expectDispatcherFault(answer, '1.1', 'ActionNotSupported', ["Action ''"]);
  });
});
