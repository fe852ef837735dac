// An integration test of your own code against the emulator, with mocha and chai.
import { expect } from 'chai';
import { startEmulator, type RunningEmulator } from 'services88-chat-emulator';

// The code under test: here, a minimal client that posts a customer's message to Chat.svc.
async function postCustomerMessage(endpoint: string, ticket: string, appToken: string, session: number, text: string): Promise<number> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"' },
    body:
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="http://www.superoffice.net/ws/crm/NetServer/Services88">' +
      `<s:Header><c:ApplicationToken>${appToken}</c:ApplicationToken><c:Credentials><c:Ticket>${ticket}</c:Ticket></c:Credentials></s:Header>` +
      `<s:Body><c:AddChatMessage><c:ChatSessionId>${session}</c:ChatSessionId>` +
      `<c:Message><c:Type>ToUser</c:Type><c:Message>${text}</c:Message></c:Message></c:AddChatMessage></s:Body></s:Envelope>`,
  });
  return response.status;
}

describe('posting a customer message', () => {
  let emulator: RunningEmulator;

  before(async () => {
    // Port 0: a free port, so that test files can run their own emulators side by side.
    emulator = await startEmulator({ fixtures: { tickets: ['ticket'], applicationTokens: ['token'], tenants: { default: { sessions: [1] } } } });
  });
  after(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('sends the message, to the right session, in a way the real service reads the same', async () => {
    emulator.setClock({ now: '2021-03-25T21:36:53Z' });
    expect(await postCustomerMessage(emulator.chatUrl, 'ticket', 'token', 1, 'Hello')).to.equal(200);

    const [call] = emulator.requests({ operation: 'AddChatMessage' }).requests;
    expect(call?.outcome).to.equal('ok');
    expect(call?.arguments).to.deep.include({ ChatSessionId: 1 });
    expect(call?.warnings).to.deep.equal([]);
  });

  it('is told when the ticket is wrong', async () => {
    await postCustomerMessage(emulator.chatUrl, 'expired', 'token', 1, 'Hello');
    const [call] = emulator.requests().requests;
    expect(call?.outcome).to.equal('application error');
    expect(call?.error?.exceptionType).to.equal('SoAuthenticationException');
  });
});
