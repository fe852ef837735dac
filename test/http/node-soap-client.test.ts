import { expect } from 'chai';
import soap from 'soap';
import { SERVICES88_NS } from '../../src/contract/namespaces.js';
import { SERVICES, type ServiceName } from '../../src/contract/operations.js';
import { useEmulator } from '../support/emulator.js';
import { callEveryOperation } from '../support/every-operation.js';
import { SAMPLE_TICKET, SAMPLE_TOKEN } from '../support/soap.js';

/** A node-soap client generated from the emulator's own ?wsdl, used the way an application would use it. */
describe('a node-soap client generated from ?wsdl', () => {
  const emulator = useEmulator();

  async function client(ticket: string, tenantPath = '/Cust4242'): Promise<soap.Client> {
    const generated = await soap.createClientAsync(`${emulator.current.url}${tenantPath}/Remote/Services88/Chat.svc?wsdl`);
    generated.addSoapHeader({ ApplicationToken: SAMPLE_TOKEN }, '', 'tns', SERVICES88_NS);
    generated.addSoapHeader({ Credentials: { Ticket: ticket } }, '', 'tns', SERVICES88_NS);
    return generated;
  }

  it('adds and reads messages', async () => {
    const chat = await client(SAMPLE_TICKET);
    const message = { ChatSessionId: 0, Type: 'ToCustomer', Message: 'Hello <b>&</b> Æøå', Author: 'Bot', ReadByCustomer: 1, SpecialType: 'None', SpecialParam: '', WhenPosted: '2021-03-25T21:36:53.1234567+01:00' };
    const [added, , addHeaders] = (await chat.AddChatMessageAsync({ ChatSessionId: 31, Message: message })) as [Record<string, Record<string, unknown>>, string, Record<string, unknown>];
    // node-soap reads header values as text: it does not apply the header's schema type.
    expect(addHeaders['Succeeded']).to.equal('true');
    expect(added['Response']).to.deep.include({ ChatMessageId: 1, ChatSessionId: 31, Type: 'ToCustomer', Message: 'Hello <b>&</b> Æøå', Author: 'Bot', ReadByCustomer: 1, SpecialType: 'None' });
    const [read] = (await chat.GetChatMessagesAsync({ ChatSessionId: 31, After: 0 })) as [Record<string, Record<string, Record<string, unknown>[]>>];
    const messages = read['Response']?.['ChatMessage'] ?? [];
    expect(messages).to.have.length(1);
    expect(messages[0]).to.deep.include({ ChatMessageId: 1, Message: 'Hello <b>&</b> Æøå', ReadByCustomer: 1 });
    // node-soap turns xs:dateTime into a Date, which keeps milliseconds only: the instant is the one stored.
    expect((messages[0]?.['WhenPosted'] as Date).toISOString()).to.equal('2021-03-25T20:36:53.123Z');
  });

  it('sees Succeeded=false and the ExceptionInfo header for an unknown ticket', async () => {
    const chat = await client('7T:unknown');
    const [result, , headers] = (await chat.GetChatMessagesAsync({ ChatSessionId: 31, After: 0 })) as [Record<string, unknown> | null, string, Record<string, Record<string, unknown>>];
    expect(headers['Succeeded']).to.equal('false');
    expect(headers['ExceptionInfo']?.['ExceptionType']).to.equal('SoAuthenticationException');
    expect(result?.['Response'] ?? null).to.equal(null);
  });

  it('logs in with a client generated from SoPrincipal.svc?wsdl, and the ticket works with the Chat client', async () => {
    const principal = await soap.createClientAsync(`${emulator.current.url}/Remote/Services88/SoPrincipal.svc?wsdl`);
    principal.addSoapHeader({ ApplicationToken: SAMPLE_TOKEN }, '', 'tns', SERVICES88_NS);
    const [result, , headers] = (await principal.AuthenticateUsernamePasswordAsync({ UserName: 'agent', Password: 'secret' })) as [
      Record<string, Record<string, unknown>>,
      string,
      Record<string, unknown>,
    ];
    expect(headers['Succeeded']).to.equal('true');
    expect(result['AuthenticationSucceeded']).to.equal(true);
    expect(result['Response']).to.deep.include({ UserType: 'InternalAssociate', Associate: 'agent', AssociateId: 5, FullName: 'Kari Nordmann', IsPerson: true });
    const ticket = result['Credentials']?.['Ticket'];
    expect(ticket).to.be.a('string');
    const chat = await client(ticket as string, '');
    const [, , chatHeaders] = (await chat.GetChatMessagesAsync({ ChatSessionId: 1, After: 0 })) as [unknown, string, Record<string, unknown>];
    expect(chatHeaders['Succeeded']).to.equal('true');
  });

  for (const service of ['Chat', 'SoPrincipal'] as const satisfies readonly ServiceName[]) {
    it(`calls every operation of ${SERVICES[service].file}?wsdl and gets an answer from each`, async () => {
      const outcomes = await callEveryOperation(emulator.current, service, `${emulator.current.url}/Remote/Services88/${SERVICES[service].file}?wsdl`);
      expect(outcomes).to.deep.equal(Object.fromEntries(SERVICES[service].operations.map((operation) => [operation, 'answered'])));
    });
  }
});
