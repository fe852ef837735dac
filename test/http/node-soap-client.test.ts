import { expect } from 'chai';
import soap from 'soap';
import { SERVICES88_NS } from '../../src/contract/namespaces.js';
import { SERVICES, type OperationName, type ServiceName } from '../../src/contract/operations.js';
import { useEmulator } from '../support/emulator.js';
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

  /** The arguments of an emulated operation that make a successful call, whatever the order; the others are sent empty. */
  const ARGUMENTS: Partial<Record<OperationName, object>> = {
    AddChatMessage: { ChatSessionId: 1, Message: { Message: 'x' } },
    GetChatMessages: { ChatSessionId: 1, After: 0 },
    CreateDefaultChatSessionEntity: {},
    SaveChatSessionEntity: { ChatSessionEntity: { ChatSessionId: 0 } },
    GetChatSessionEntity: { ChatSessionEntityId: 1 },
    DeleteChatSessionEntity: { ChatSessionEntityId: 3 },
    PickUpChatSession: { ChatSessionId: 1 },
    PickUpFirstChatSession: {},
    TransferChatSession: { ChatSessionId: 1, ToAssociate: 'agent' },
    AcceptChatSessionTransfer: { ChatSessionId: 1 },
    RejectChatSessionTransfer: { ChatSessionId: 1 },
    ResetChatSession: { ChatSessionId: 2 },
    ChatSessionsForUser: {},
    GetChatTranscript: { ChatSessionId: 1, Html: false },
    CreateDefaultChatTopicEntity: {},
    SaveChatTopicEntity: { ChatTopicEntity: { ChatTopicId: 0, Name: 'Support' } },
    GetChatTopicEntity: { ChatTopicEntityId: 1 },
    DeleteChatTopicEntity: { ChatTopicEntityId: 99 },
    ChatTopicsForUser: {},
    CreateDefaultChatTopicAgent: {},
    AddChatTopicUserAgent: { ChatTopicId: 1, Useragent: { User: { Name: 'agent' }, CanRespond: true, CanManage: true } },
    GetChatTopicUserAgent: { ChatTopicId: 1, Username: 'agent' },
    GetChatTopicUserAgentList: { ChatTopicId: 1 },
    UpdateChatTopicUserAgent: { ChatTopicId: 1, Username: 'agent', Useragent: { CanRespond: true, CanManage: true } },
    DeleteChatTopicUserAgent: { ChatTopicId: 1, Username: 'agent' },
    GetUserAgentList: { Flat: true, OnlyPresent: false },
    GetChatPresence: {},
    SaveChatPresence: { ChatPresence: { ChatPresence: [{ UserId: 5, Present: true }] } },
    IsWithinOpeningHours: { ChatTopicId: 1 },
    AuthenticateUsernamePassword: { UserName: 'agent', Password: 'secret' },
    AuthenticateGeneric: {},
    AuthenticateImplicit: {},
    AuthenticateWithAccessToken: { AccessToken: 'not-a-known-token' },
    GetSystemInfo: {},
  };

  /** A ticket of the fixtures' agent, from a login: the session operations act for the current user. */
  async function agentTicket(): Promise<string> {
    const principal = await soap.createClientAsync(`${emulator.current.url}/Remote/Services88/SoPrincipal.svc?wsdl`);
    principal.addSoapHeader({ ApplicationToken: SAMPLE_TOKEN }, '', 'tns', SERVICES88_NS);
    const [result] = (await principal.AuthenticateUsernamePasswordAsync({ UserName: 'agent', Password: 'secret' })) as [Record<string, Record<string, string>>];
    return result['Credentials']?.['Ticket'] ?? '';
  }

  for (const service of ['Chat', 'SoPrincipal'] as const satisfies readonly ServiceName[]) {
    it(`calls every operation of ${SERVICES[service].file}?wsdl and gets an answer from each`, async () => {
      const generated = await soap.createClientAsync(`${emulator.current.url}/Remote/Services88/${SERVICES[service].file}?wsdl`);
      generated.addSoapHeader({ ApplicationToken: SAMPLE_TOKEN }, '', 'tns', SERVICES88_NS);
      // AuthenticateImplicit renews the identity of the request's ticket: the SoPrincipal client sends one too.
      if (service === 'SoPrincipal') generated.addSoapHeader({ Credentials: { Ticket: SAMPLE_TICKET } }, '', 'tns', SERVICES88_NS);
      if (service === 'Chat') {
        // A topic whose agent the fixtures' agent is, with the right to manage it, for the topic operations to act on.
        emulator.current.loadFixtures({ tenants: { default: { topics: [{ ChatTopicId: 1, Name: 'Sales' }], topicAgents: [{ TopicId: 1, User: { Name: 'agent' }, CanRespond: true, CanManage: true }] } } });
        generated.addSoapHeader({ Credentials: { Ticket: await agentTicket() } }, '', 'tns', SERVICES88_NS);
        // Three queued sessions for the session operations to act on.
        for (let i = 0; i < 3; i++) await (generated['SaveChatSessionEntityAsync'] as (args: object) => Promise<unknown>)({ ChatSessionEntity: { ChatSessionId: 0 } });
      }
      const outcomes: Record<string, string> = {};
      for (const operation of SERVICES[service].operations) {
        const call = generated[`${operation}Async`] as (args: object) => Promise<[unknown, string, Record<string, Record<string, string> | string>]>;
        const [, , headers] = await call(ARGUMENTS[operation] ?? {});
        const info = headers['ExceptionInfo'];
        outcomes[operation] = headers['Succeeded'] === 'true' ? 'answered' : typeof info === 'object' ? `${info['ExceptionType']}: ${info['Message']}` : 'no ExceptionInfo';
      }
      const expected = Object.fromEntries(SERVICES[service].operations.map((operation) => [operation, 'answered']));
      expect(outcomes).to.deep.equal(expected);
    });
  }
});

