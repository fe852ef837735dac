import { expect } from 'chai';
import { Agent, request } from 'node:http';
import { OPERATIONS } from '../../src/contract/operations.js';
import { SERVICES88_NS } from '../../src/contract/namespaces.js';
import { useEmulator } from '../support/emulator.js';
import { expectExceptionInfo, expectNoInternals, expectStoredIds } from '../support/assertions.js';
import { addChatMessageBody, envelope, getChatMessagesBody, postSoap, readAnswer, type Credentials } from '../support/soap.js';

const CASES: { name: string; credentials: Credentials; exceptionType: string; message: string }[] = [
  { name: 'a missing ticket', credentials: { ticket: null }, exceptionType: 'SoAuthenticationException', message: 'No ticket' },
  { name: 'an unknown ticket', credentials: { ticket: '7T:bm90IGEgdGlja2V0' }, exceptionType: 'SoAuthenticationException', message: "The ticket is not known in tenant 'default'" },
  { name: 'a missing ApplicationToken', credentials: { token: null }, exceptionType: 'SoApplicationTokenException', message: 'No ApplicationToken header' },
  { name: 'an unknown ApplicationToken', credentials: { token: 'nope' }, exceptionType: 'SoApplicationTokenException', message: "The ApplicationToken is not known in tenant 'default'" },
];

describe('credentials in online mode (the default)', () => {
  const emulator = useEmulator();

  for (const { name, credentials, exceptionType, message } of CASES) {
    it(`refuses AddChatMessage with ${name}: Succeeded=false, ExceptionInfo, nil Response, nothing stored`, async () => {
      const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('3', { Message: 'x' }), credentials));
      expectExceptionInfo(answer, 'AddChatMessageResponse', exceptionType, message);
      expectNoInternals(answer.text);
      await expectStoredIds(emulator.current.chatUrl, '3', []);
    });

    it(`refuses GetChatMessages with ${name}`, async () => {
      const answer = await postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope('1.2', getChatMessagesBody('3', '0'), credentials), { version: '1.2' });
      expectExceptionInfo(answer, 'GetChatMessagesResponse', exceptionType, message);
    });
  }

  it('refuses a nil Message as ArgumentNullException and stores nothing', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('3', null)));
    expectExceptionInfo(answer, 'AddChatMessageResponse', 'ArgumentNullException', 'Value cannot be null');
    await expectStoredIds(emulator.current.chatUrl, '3', []);
  });

  it('says so when the Credentials header was sent in another namespace', async () => {
    const xml = envelope('1.1', getChatMessagesBody('3', '0'), { ticket: null }).replace(
      '</s:Header>',
      '<x:Credentials xmlns:x="urn:wrong"><x:Ticket>7T:1234abcxyzExample==</x:Ticket></x:Credentials></s:Header>',
    );
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatMessages', xml);
    expectExceptionInfo(answer, 'GetChatMessagesResponse', 'SoAuthenticationException', "Credentials (namespace 'urn:wrong')");
  });

  it('accepts the headers with mustUnderstand and xsi:type attributes', async () => {
    const xml = envelope('1.1', getChatMessagesBody('3', '0'), { token: null, ticket: null }).replace(
      '<s:Header>',
      `<s:Header><c:ApplicationToken s:mustUnderstand="1" xsi:type="xsd:string" xmlns:xsd="http://www.w3.org/2001/XMLSchema">1234567-1234-9876</c:ApplicationToken>` +
        `<c:Credentials s:mustUnderstand="true"><c:Ticket>7T:1234abcxyzExample==</c:Ticket></c:Credentials>`,
    );
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatMessages', xml);
    expect(answer.status).to.equal(200);
    expect(readAnswer(answer.text).headers['Succeeded']).to.equal('true');
  });
});

describe('credentials on one keep-alive connection', () => {
  const emulator = useEmulator();

  /** Posts over `agent` (one socket, kept alive); answers with the status, Succeeded and the client's local port. */
  function postOver(agent: Agent, xml: string): Promise<{ status: number; succeeded: unknown; port: number | undefined }> {
    return new Promise((resolve, reject) => {
      const call = request(
        emulator.current.chatUrl,
        { method: 'POST', agent, headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${OPERATIONS.GetChatMessages.soapAction}"` } },
        (response) => {
          const port = response.socket.localPort;
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, succeeded: readAnswer(text).headers['Succeeded'], port }));
        },
      );
      call.on('error', reject);
      call.end(xml);
    });
  }

  it('checks each request\'s own secrets when they change from request to request on the same connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const sent: Credentials[] = [{}, { ticket: '7T:bm90IGEgdGlja2V0' }, {}, { token: 'nope' }, { ticket: '7T:other' }, {}, { token: 'nope', ticket: '7T:other' }, {}];
      const answers = [];
      for (const credentials of sent) answers.push(await postOver(agent, envelope('1.1', getChatMessagesBody('3', '0'), credentials)));
      expect(answers.map(({ status, succeeded }) => [status, succeeded])).to.deep.equal(sent.map((credentials) => [200, Object.keys(credentials).length === 0 ? 'true' : 'false']));
      expect(new Set(answers.map(({ port }) => port)).size).to.equal(1);
    } finally {
      agent.destroy();
    }
  });
});

describe('credentials in onsite mode', () => {
  const emulator = useEmulator({ mode: 'onsite' });

  it('does not check the ApplicationToken', async () => {
    for (const token of [null, 'anything']) {
      const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('3', { Message: 'x' }), { token }));
      expect(answer.status).to.equal(200);
      expect(readAnswer(answer.text).headers['Succeeded']).to.equal('true');
    }
  });

  it('still requires a known ticket', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('3', '0'), { ticket: 'unknown' }));
    expectExceptionInfo(answer, 'GetChatMessagesResponse', 'SoAuthenticationException', 'not known');
  });
});

describe('--ticket and --app-token', () => {
  const emulator = useEmulator({ tickets: ['extra-ticket'], appTokens: ['extra-token'] });

  it('accepts the extra ticket and token in every tenant', async () => {
    for (const path of ['/Remote/Services88/Chat.svc', '/Cust98765/Remote/Services88/Chat.svc']) {
      const answer = await postSoap(`${emulator.current.url}${path}`, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { token: 'extra-token', ticket: 'extra-ticket' }));
      expect(readAnswer(answer.text).headers['Succeeded']).to.equal('true');
    }
  });
});

describe('--error-style fault', () => {
  const emulator = useEmulator({ errorStyle: 'fault' });

  for (const version of ['1.1', '1.2'] as const) {
    it(`turns an application error into a SOAP ${version} Fault with HTTP 500 and stores nothing`, async () => {
      const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope(version, addChatMessageBody('3', { Message: 'x' }), { ticket: 'unknown' }), { version });
      expect(answer.status).to.equal(500);
      const fault = readAnswer(answer.text).fault;
      expect(fault?.code).to.equal(version === '1.1' ? 's:Client' : 's:Sender');
      expect(fault?.reason).to.equal("The ticket is not known in tenant 'default'.");
      expect(answer.text).not.to.include('<detail');
      expect(answer.text).not.to.include(SERVICES88_NS);
      await expectStoredIds(emulator.current.chatUrl, '3', [], version);
    });
  }
});
