import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { expectExceptionInfo } from '../support/assertions.js';
import { envelope, postSoap, readAnswer, type Node } from '../support/soap.js';

/** Every operation of the WSDLs is dispatched; one the emulator does not answer yet says so, as an application error. */
describe('an operation the WSDL lists that the emulator does not emulate yet', () => {
  const emulator = useEmulator();
  beforeEach(() => emulator.current.reset());
  const principalUrl = () => `${emulator.current.url}/Remote/Services88/SoPrincipal.svc`;
  const NOT_EMULATED =
    'is not emulated yet: the emulator answers AddChatMessage, GetChatMessages, CreateDefaultChatSessionEntity, SaveChatSessionEntity, GetChatSessionEntity, ' +
    'DeleteChatSessionEntity, PickUpChatSession, PickUpFirstChatSession, TransferChatSession, AcceptChatSessionTransfer, RejectChatSessionTransfer, ' +
    'ResetChatSession, ChatSessionsForUser, GetChatTranscript, AuthenticateUsernamePassword.';

  it('is an application error naming it (NotImplementedException), never ActionNotSupported, its result nil', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatTopicEntity', envelope('1.1', '<c:GetChatTopicEntity><c:ChatTopicEntityId>1</c:ChatTopicEntityId></c:GetChatTopicEntity>'));
    expect(answer.status).to.equal(200);
    const read = readAnswer(answer.text);
    expect(read.headers['Succeeded']).to.equal('false');
    const info = read.headers['ExceptionInfo'] as Node;
    expect(info['ExceptionType']).to.equal('NotImplementedException');
    expect(info['Message']).to.equal(`GetChatTopicEntity ${NOT_EMULATED} Every operation of the WSDL is accepted, and the others answer this error.`);
    expect(info['FriendlyText']).to.equal('GetChatTopicEntity is not available in this emulator yet.');
    expect(answer.text).to.include('<s:Body><GetChatTopicEntityResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Response i:nil="true"/></GetChatTopicEntityResponse></s:Body>');
    const [entry] = emulator.current.requests().requests;
    expect(entry?.operation).to.equal('GetChatTopicEntity');
    expect(entry?.outcome).to.equal('application error');
    expect(entry?.error).to.deep.equal({ code: 'NotEmulated', exceptionType: 'NotImplementedException', message: info['Message'] });
    expect(entry?.arguments).to.deep.equal({ ChatTopicEntityId: 1 });
  });

  it('checks the ticket first, as the real service would before running it', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatTranscript', envelope('1.1', '<c:GetChatTranscript/>', { ticket: '7T:unknown' }));
    expectExceptionInfo(answer, 'GetChatTranscriptResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'default'.");
  });

  it('is a fault with --error-style fault, and dispatched on the body element without an action, as the emulated ones are', async () => {
    const answer = await postSoap(emulator.current.chatUrl, null, envelope('1.1', '<c:DeleteChatTopicEntity><c:ChatTopicEntityId>1</c:ChatTopicEntityId></c:DeleteChatTopicEntity>'), { action: null });
    expect(readAnswer(answer.text).headers['ExceptionInfo']).to.deep.include({ ExceptionType: 'NotImplementedException' });
    expect(answer.headers.get('x-emulator-warning')).to.match(/^no-action: /);
  });

  it('at SoPrincipal.svc requires the application token only (GetSystemInfo answers a nil SystemInfo, not a Response)', async () => {
    const answer = await postSoap(principalUrl(), 'GetSystemInfo', envelope('1.1', '<c:GetSystemInfo/>', { ticket: null }));
    const read = readAnswer(answer.text);
    expect((read.headers['ExceptionInfo'] as Node)['ExceptionType']).to.equal('NotImplementedException');
    expect(answer.text).to.include('<SystemInfo i:nil="true"/></GetSystemInfoResponse></s:Body>');
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
