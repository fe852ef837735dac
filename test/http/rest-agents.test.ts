import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { json, rest } from '../support/rest.js';
import { SAMPLE_TICKET, SAMPLE_TOKEN } from '../support/soap.js';

/** Every operation of Chat.svc at /api/v1/Agents/Chat/{Operation}, read by its WSDL's request type. */
describe('the REST agent endpoints of every Chat operation', () => {
  const emulator = useEmulator();
  beforeEach(() => emulator.current.reset());
  const ONLINE = { Authorization: `SOTicket ${SAMPLE_TICKET}`, 'SO-AppToken': SAMPLE_TOKEN, 'Content-Type': 'application/json' };
  const agent = (operation: string, body: unknown) => rest(`${emulator.current.url}/api/v1/Agents/Chat/${operation}`, { method: 'POST', headers: ONLINE, body: JSON.stringify(body) });
  it('answers any operation, its arguments in the journal: GetChatTopicEntity of an id the tenant does not have is null', async () => {
    const answer = await agent('GetChatTopicEntity', { ChatTopicEntityId: 1 });
    expect(answer.status).to.equal(200);
    expect(answer.text).to.equal('null');
    const [entry] = emulator.current.requests().requests;
    expect(entry?.service).to.equal('WebApi');
    expect(entry?.operation).to.equal('GetChatTopicEntity');
    expect(entry?.arguments).to.deep.equal({ ChatTopicEntityId: 1 });
  });

  it('reads the operation name in any case, and nested types as the WebAPI does: property names in any case, enums by name in any case', async () => {
    const answer = await agent('savechattopicentity', { chatTopicEntity: { name: 'Sales', Flags: ['popupalert', 'EMAILALERT'], LastAccept: '2021-03-25T21:36:53+01:00', widget: { theme: 'modern' } } });
    expect(answer.status).to.equal(200);
    const entity = (emulator.current.requests().requests[0]?.arguments as { ChatTopicEntity: Record<string, unknown> }).ChatTopicEntity;
    expect(entity).to.deep.include({ Name: 'Sales', Flags: ['PopupAlert', 'EmailAlert'], LastAccept: '2021-03-25T20:36:53Z', ChatTopicId: 0 });
    expect(entity['Widget']).to.deep.include({ Theme: 'Modern' });
    expect(json(answer)).to.deep.include({ ChatTopicId: 1, Name: 'Sales', Flags: ['PopupAlert', 'EmailAlert'] });
  });

  it('refuses a value the contract cannot hold with a 400 naming the field, as the other endpoints do', async () => {
    const answer = await agent('PickUpChatSession', { ChatSessionId: 'x' });
    expect(answer.status).to.equal(400);
    expect(json(answer)).to.deep.equal({
      Error: "ChatSessionId: 'x' is not a valid xs:int (not an integer from -2147483648 to 2147483647).",
      ErrorType: 'ArgumentException',
      Field: 'ChatSessionId',
    });
    const status = await agent('SaveChatSessionEntity', { ChatSessionEntity: { Status: 'Waiting' } });
    expect(json<{ Field: string }>(status).Field).to.equal('ChatSessionEntity.Status');
  });

  it('answers 404 for an operation Chat.svc does not have', async () => {
    const answer = await agent('DeleteEverything', {});
    expect(answer.status).to.equal(404);
    expect(json<{ Error: string; ErrorType: string }>(answer).Error).to.match(/^Chat has no operation 'DeleteEverything': the agent's operations are CreateDefaultChatTopicEntity, /);
  });

  it('still asks for credentials first', async () => {
    const answer = await rest(`${emulator.current.url}/api/v1/Agents/Chat/PickUpChatSession`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(answer.status).to.equal(401);
  });

  it("holds $select to the fields of the operation's own result, before it runs", async () => {
    const answer = await rest(`${emulator.current.url}/api/v1/Agents/Chat/GetChatTopicEntity?$select=Nope`, { method: 'POST', headers: ONLINE, body: '{"ChatTopicEntityId":1}' });
    expect(answer.status).to.equal(400);
    expect(json<{ Error: string; Field: string }>(answer).Error).to.match(/^\$select: 'Nope' is not a field of ChatTopicEntity \(TableRight, FieldProperties, ChatTopicId, /);
    await agent('SaveChatTopicEntity', { ChatTopicEntity: { Name: 'Sales', Description: 'Selling' } });
    const chosen = await rest(`${emulator.current.url}/api/v1/Agents/Chat/GetChatTopicEntity?$select=name,flags`, { method: 'POST', headers: ONLINE, body: '{"ChatTopicEntityId":1}' });
    expect(json(chosen)).to.deep.include({ ChatTopicId: null, Name: 'Sales', Description: null, Flags: [] });
  });
});

