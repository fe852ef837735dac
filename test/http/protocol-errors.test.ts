import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { expectDispatcherFault, expectNoInternals, expectStoredIds } from '../support/assertions.js';
import { addChatMessageBody, envelope, getChatMessagesBody, post, postSoap, readAnswer, type Answer } from '../support/soap.js';

function expectClientFault(answer: Answer, status: number, reasonIncludes: string, version: '1.1' | '1.2' = '1.1'): void {
  expect(answer.status).to.equal(status);
  const fault = readAnswer(answer.text).fault;
  expect(fault?.code).to.equal(version === '1.1' ? 's:Client' : 's:Sender');
  expect(fault?.reason).to.include(reasonIncludes);
  expectNoInternals(answer.text);
}

describe('protocol errors', () => {
  const emulator = useEmulator({ maxBodyBytes: 64 * 1024 });
  const url = () => emulator.current.chatUrl;

  it('answers malformed XML with HTTP 400 and a Fault that says where', async () => {
    const answer = await postSoap(url(), 'AddChatMessage', '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body></s:Envelop>');
    expectClientFault(answer, 400, 'not well-formed XML');
    expect(readAnswer(answer.text).fault?.reason).to.include('line 1');
  });

  it('answers malformed XML in the version the Content-Type announces', async () => {
    const answer = await postSoap(url(), 'AddChatMessage', '<oops', { version: '1.2' });
    expect(answer.contentType).to.equal('application/soap+xml; charset=utf-8');
    expectClientFault(answer, 400, 'not well-formed XML', '1.2');
  });

  it('refuses a DOCTYPE (no entity is expanded) with HTTP 400 and stores nothing', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY big "${'A'.repeat(100)}">]>` + envelope('1.1', addChatMessageBody('11', { Message: '&big;' }));
    const answer = await postSoap(url(), 'AddChatMessage', xml);
    expectClientFault(answer, 400, 'DTDs are prohibited');
    expect(answer.text).not.to.include('AAAA');
    await expectStoredIds(url(), '11', []);
  });

  it('refuses bytes that are not UTF-8 with HTTP 400 (not replaced by U+FFFD), and stores nothing', async () => {
    const [before, after] = envelope('1.1', addChatMessageBody('11', { Message: 'MARK' })).split('MARK') as [string, string];
    const body = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)]);
    const answer = await post(url(), body, { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"' });
    expectClientFault(answer, 400, 'it is not valid UTF-8');
    await expectStoredIds(url(), '11', []);
  });

  it('refuses characters XML does not allow, raw or as references, with HTTP 400, and stores nothing', async () => {
    for (const [text, reason] of [
      ['a&#1;b', "'&#1;' refers to a character XML does not allow"],
      ['a\u0007b', 'the character U+0007, which XML does not allow'],
    ] as const) {
      const answer = await postSoap(url(), 'AddChatMessage', envelope('1.1', addChatMessageBody('11', { Message: text })));
      expectClientFault(answer, 400, reason);
    }
    await expectStoredIds(url(), '11', []);
  });

  it('answers a document that is not an Envelope with HTTP 400', async () => {
    expectClientFault(await postSoap(url(), 'AddChatMessage', '<AddChatMessage/>'), 400, "The root element is 'AddChatMessage'");
    expectClientFault(await postSoap(url(), 'AddChatMessage', ''), 400, 'not well-formed XML');
  });

  it('answers an Envelope without a Body with HTTP 400', async () => {
    const answer = await postSoap(url(), 'AddChatMessage', '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header/></s:Envelope>');
    expectClientFault(answer, 400, 'has no Body element');
  });

  it('answers an Envelope of an unknown SOAP version with a VersionMismatch fault', async () => {
    const answer = await postSoap(url(), 'AddChatMessage', '<s:Envelope xmlns:s="urn:not-soap"><s:Body/></s:Envelope>');
    expect(answer.status).to.equal(500);
    expect(readAnswer(answer.text).fault?.code).to.equal('s:VersionMismatch');
  });

  for (const version of ['1.1', '1.2'] as const) {
    it(`answers an unknown action with WCF's ActionNotSupported fault (SOAP ${version}), naming the supported actions`, async () => {
      const action = 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/DeleteChatSession';
      const answer = await postSoap(url(), null, envelope(version, getChatMessagesBody('1', '0')), { version, action });
      expectDispatcherFault(answer, version, 'ActionNotSupported', [`Action '${action}'`, 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage']);
    });
  }

  it('answers an unknown body element without an action with ActionNotSupported', async () => {
    const answer = await postSoap(url(), null, envelope('1.1', '<c:DeleteChatSession/>'), { action: null });
    expectDispatcherFault(answer, '1.1', 'ActionNotSupported', ["Action ''"]);
  });

  it('faults when the body does not hold the element the action names, and stores nothing', async () => {
    const answer = await postSoap(url(), 'AddChatMessage', envelope('1.1', getChatMessagesBody('11', '0')));
    expectDispatcherFault(answer, '1.1', 'DeserializationFailed', ["operation 'AddChatMessage'", "Expected element 'AddChatMessage'", "found element 'GetChatMessages'"]);
    await expectStoredIds(url(), '11', []);
  });

  it('faults on a body element in the wrong namespace', async () => {
    const answer = await postSoap(url(), 'GetChatMessages', envelope('1.1', '<x:GetChatMessages xmlns:x="urn:wrong"/>'));
    expectDispatcherFault(answer, '1.1', 'DeserializationFailed', ["namespace 'urn:wrong'"]);
  });

  it('answers a body over the limit with HTTP 413 and a Fault', async () => {
    const answer = await postSoap(url(), 'AddChatMessage', envelope('1.1', addChatMessageBody('11', { Message: 'x'.repeat(70 * 1024) })));
    expectClientFault(answer, 413, 'larger than the limit of 65536 bytes');
    await expectStoredIds(url(), '11', []);
  });

  it('refuses a charset other than UTF-8 with HTTP 415', async () => {
    const answer = await post(url(), envelope('1.1', getChatMessagesBody('1', '0')), { 'Content-Type': 'text/xml; charset=iso-8859-1', SOAPAction: '""' });
    expect(answer.status).to.equal(415);
    expect(answer.text).to.equal("Cannot process the message because the charset 'iso-8859-1' is not supported: send UTF-8.\n");
  });

  it('answers a PUT with HTTP 405 and an Allow header', async () => {
    const response = await fetch(url(), { method: 'PUT', body: 'x' });
    expect(response.status).to.equal(405);
    expect(response.headers.get('allow')).to.equal('GET, POST');
  });

  it('answers an unknown path with HTTP 404 that names the service paths', async () => {
    const response = await fetch(`${emulator.current.url}/Remote/Services88/Contact.svc`, { method: 'POST', body: 'x' });
    expect(response.status).to.equal(404);
    expect(await response.text()).to.equal(
      'Nothing at /Remote/Services88/Contact.svc. The services are at /Remote/Services88/<Service>.svc and /<CustId>/Remote/Services88/<Service>.svc, ' +
        'where <Service>.svc is Chat.svc or SoPrincipal.svc; the REST WebAPI is at /api/v1/... and /<CustId>/api/v1/....\n',
    );
  });

  it('answers a plain GET of the endpoint with a page that links the WSDL', async () => {
    const response = await fetch(url());
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(await response.text()).to.include(`${url()}?wsdl`);
  });
});
