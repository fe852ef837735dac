import { expect } from 'chai';
import { OPERATION_NAMES } from '../../src/contract/operations.js';
import { EmulatorError } from '../../src/errors.js';
import type { OperationContext } from '../../src/operations/context.js';
import { OPERATION_TABLE, runOperation } from '../../src/operations/table.js';
import { expectExceptionInfo } from '../support/assertions.js';
import { useEmulator } from '../support/emulator.js';
import { envelope, postSoap, readAnswer, type Node } from '../support/soap.js';

/** Every operation of the WSDLs is dispatched, read by its WSDL's types and authorized before it runs. */
describe('every operation the WSDLs list', () => {
  const emulator = useEmulator();
  beforeEach(() => emulator.current.reset());
  const principalUrl = () => `${emulator.current.url}/Remote/Services88/SoPrincipal.svc`;

  it('has a row in the operation table: none answers "not emulated yet"', () => {
    expect(OPERATION_NAMES.filter((operation) => !(operation in OPERATION_TABLE))).to.deep.equal([]);
  });

  it('would answer an operation without a row with an application error naming it (NotImplementedException)', () => {
    const context = { tenant: 'default', user: null } as unknown as OperationContext;
    expect(() => runOperation(context, 'GetSystemInfo', {}, { AddChatMessage: OPERATION_TABLE.AddChatMessage }))
      .to.throw(EmulatorError, 'GetSystemInfo is not emulated yet: the emulator answers AddChatMessage. Every operation of the WSDL is accepted, and the others answer this error.')
      .with.property('code', 'NotEmulated');
  });

  it('checks the ticket first, as the real service would before running it', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatTranscript', envelope('1.1', '<c:GetChatTranscript/>', { ticket: '7T:unknown' }));
    expectExceptionInfo(answer, 'GetChatTranscriptResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'default'.");
  });

  it('is dispatched on the body element without an action, with a warning', async () => {
    const answer = await postSoap(emulator.current.chatUrl, null, envelope('1.1', '<c:DeleteChatTopicEntity><c:ChatTopicEntityId>1</c:ChatTopicEntityId></c:DeleteChatTopicEntity>'), { action: null });
    expect(readAnswer(answer.text).headers['Succeeded']).to.equal('true');
    expect(answer.headers.get('x-emulator-warning')).to.match(/^no-action: /);
  });

  it('at SoPrincipal.svc requires the application token only (GetSystemInfo answers its SystemInfo, not a Response)', async () => {
    const answer = await postSoap(principalUrl(), 'GetSystemInfo', envelope('1.1', '<c:GetSystemInfo/>', { ticket: null }));
    const read = readAnswer(answer.text);
    expect(read.headers['Succeeded']).to.equal('true');
    expect(((read.body['GetSystemInfoResponse'] as Node)['SystemInfo'] as Node)['BuildType']).to.equal('Release');
    const refused = await postSoap(principalUrl(), 'AuthenticateGeneric', envelope('1.1', '<c:AuthenticateGeneric/>', { token: 'unknown', ticket: null }));
    expectExceptionInfo(refused, 'AuthenticateResponse', 'SoApplicationTokenException', "The ApplicationToken is not known in tenant 'default'.");
  });

  it('reads its arguments as the WSDL declares them: a value the contract cannot hold is a fault, as in WCF', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'PickUpChatSession', envelope('1.1', '<c:PickUpChatSession><c:ChatSessionId>x</c:ChatSessionId></c:PickUpChatSession>'));
    expect(answer.status).to.equal(500);
    expect(readAnswer(answer.text).fault?.reason).to.equal(
      "The formatter threw an exception while trying to deserialize the message: element 'PickUpChatSession/ChatSessionId' has the value 'x', which is not a valid xs:int (not an integer from -2147483648 to 2147483647).",
    );
  });

  it('shows nested arguments in the journal as JSON: a ChatSessionEntity with its flags and dates', async () => {
    const entity = '<c:ChatSessionEntity><c:ChatSessionId>0</c:ChatSessionId><c:CustomerName>Kari</c:CustomerName><c:Flags>UserIsTyping</c:Flags><c:WhenRequested>2021-03-25T21:36:53+01:00</c:WhenRequested></c:ChatSessionEntity>';
    await postSoap(emulator.current.chatUrl, 'SaveChatSessionEntity', envelope('1.1', `<c:SaveChatSessionEntity>${entity}</c:SaveChatSessionEntity>`));
    const entry = emulator.current.requests().requests[0];
    const saved = (entry?.arguments as { ChatSessionEntity: Record<string, unknown> }).ChatSessionEntity;
    expect(saved).to.deep.include({ ChatSessionId: 0, CustomerName: 'Kari', Flags: ['UserIsTyping'], WhenRequested: '2021-03-25T20:36:53Z', Status: 'Invalid', User: null });
  });

  it('still faults for a request body that is not the operation\'s element', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'PickUpChatSession', envelope('1.1', '<c:GetChatMessages/>'));
    expect(answer.status).to.equal(500);
    expect(readAnswer(answer.text).fault?.reason).to.include("Expected element 'PickUpChatSession'");
  });
});
