// A bridge from Acquire.io to SuperOffice, tested against one emulator that plays both sides.
import { expect } from 'chai';
import { startEmulator, type RunningEmulator } from 'services88-chat-emulator';

// The code under test: reads a message from Acquire and posts it to a SuperOffice chat session as the customer's.
async function bridgeMessage(acquireBase: string, apiKey: string, messageId: number, chatEndpoint: string, ticket: string, appToken: string, session: number): Promise<void> {
  const read = await fetch(`${acquireBase}/api/v1/crm/objects/case-message/${messageId}`, { headers: { Authorization: `Bearer ${apiKey}` } });
  const { data } = (await read.json()) as { data: { message: string } };
  await fetch(chatEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"' },
    body:
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="http://www.superoffice.net/ws/crm/NetServer/Services88">' +
      `<s:Header><c:ApplicationToken>${appToken}</c:ApplicationToken><c:Credentials><c:Ticket>${ticket}</c:Ticket></c:Credentials></s:Header>` +
      `<s:Body><c:AddChatMessage><c:ChatSessionId>${session}</c:ChatSessionId>` +
      `<c:Message><c:Type>ToUser</c:Type><c:Message>${data.message}</c:Message></c:Message></c:AddChatMessage></s:Body></s:Envelope>`,
  });
}

describe('the Acquire to SuperOffice bridge', () => {
  let emulator: RunningEmulator;
  const acquire = () => `${emulator.url}/acquire/acme`;

  before(async () => {
    emulator = await startEmulator({
      fixtures: {
        tickets: ['ticket'],
        applicationTokens: ['token'],
        tenants: {
          default: { sessions: [1] },
          // The Acquire account "acme": an agent with an API key, a visitor, and their case.
          acme: { acquire: { apiKeys: ['acme-key'], users: [{ id: 25, name: 'Agent' }], contacts: [{ id: 7 }], cases: [{ id: 100, contactId: 7, userIds: [25] }] } },
        },
      },
    });
  });
  after(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it("takes the visitor's message from Acquire to the SuperOffice session", async () => {
    // The message in: the visitor writes in Acquire.
    const added = await fetch(`${acquire()}/api/v1/crm/messenger/chat/add-message?x-user-type=contact`, {
      method: 'POST',
      headers: { Authorization: 'Bearer acme-key', 'Content-Type': 'application/json' },
      body: JSON.stringify({ message: { type: 'message', message: 'Where is my order?' }, caseId: 100 }),
    });
    const { data } = (await added.json()) as { data: { id: number } };

    await bridgeMessage(acquire(), 'acme-key', data.id, emulator.chatUrl, 'ticket', 'token', 1);

    // The Acquire side: the bridge read the message, once.
    expect(emulator.requests({ tenant: 'acme', operation: 'GetMessage' }).requests.map((call) => call.status)).to.deep.equal([200]);
    // The SuperOffice side: the message out, to session 1, read as the real service reads it.
    const [call] = emulator.requests({ operation: 'AddChatMessage' }).requests;
    expect(call?.outcome).to.equal('ok');
    expect(call?.arguments).to.deep.include({ ChatSessionId: 1 });
    expect(call?.warnings).to.deep.equal([]);
  });
});
