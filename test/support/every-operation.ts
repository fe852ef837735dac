import soap from 'soap';
import { SERVICES88_NS } from '../../src/contract/namespaces.js';
import { SERVICES, type OperationName, type ServiceName } from '../../src/contract/operations.js';
import type { RunningEmulator } from '../../src/index.js';
import { SAMPLE_TICKET, SAMPLE_TOKEN } from './soap.js';

/** The arguments of each operation that make a successful call, whatever the order of the calls. */
const ARGUMENTS: Record<OperationName, object> = {
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

/**
 * Calls every operation of a service with a node-soap client built from `wsdl` (a URL or a file), at the emulator's
 * address of the service, as the bundled fixtures' agent (the operations that act for the current user need one),
 * with a topic it manages and three queued sessions to act on. Says how each went: `answered`, or the error.
 */
export async function callEveryOperation(emulator: RunningEmulator, service: ServiceName, wsdl: string): Promise<Record<string, string>> {
  const generated = await soap.createClientAsync(wsdl);
  generated.setEndpoint(`${emulator.url}/Remote/Services88/${SERVICES[service].file}`);
  generated.addSoapHeader({ ApplicationToken: SAMPLE_TOKEN }, '', 'tns', SERVICES88_NS);
  // AuthenticateImplicit renews the identity of the request's ticket: the SoPrincipal client sends one too.
  if (service === 'SoPrincipal') generated.addSoapHeader({ Credentials: { Ticket: SAMPLE_TICKET } }, '', 'tns', SERVICES88_NS);
  if (service === 'Chat') {
    emulator.loadFixtures({ tenants: { default: { topics: [{ ChatTopicId: 1, Name: 'Sales' }], topicAgents: [{ TopicId: 1, User: { Name: 'agent' }, CanRespond: true, CanManage: true }] } } });
    generated.addSoapHeader({ Credentials: { Ticket: await agentTicket(emulator) } }, '', 'tns', SERVICES88_NS);
    for (let i = 0; i < 3; i++) await (generated['SaveChatSessionEntityAsync'] as (args: object) => Promise<unknown>)({ ChatSessionEntity: { ChatSessionId: 0 } });
  }
  const outcomes: Record<string, string> = {};
  for (const operation of SERVICES[service].operations) {
    const call = generated[`${operation}Async`] as (args: object) => Promise<[unknown, string, Record<string, Record<string, string> | string>]>;
    const [, , headers] = await call(ARGUMENTS[operation]);
    const info = headers['ExceptionInfo'];
    outcomes[operation] = headers['Succeeded'] === 'true' ? 'answered' : typeof info === 'object' ? `${info['ExceptionType']}: ${info['Message']}` : 'no ExceptionInfo';
  }
  return outcomes;
}

/** A ticket of the bundled fixtures' agent, from a login. */
async function agentTicket(emulator: RunningEmulator): Promise<string> {
  const principal = await soap.createClientAsync(`${emulator.url}/Remote/Services88/SoPrincipal.svc?wsdl`);
  principal.addSoapHeader({ ApplicationToken: SAMPLE_TOKEN }, '', 'tns', SERVICES88_NS);
  const [result] = (await principal.AuthenticateUsernamePasswordAsync({ UserName: 'agent', Password: 'secret' })) as [Record<string, Record<string, string>>];
  return result['Credentials']?.['Ticket'] ?? '';
}
