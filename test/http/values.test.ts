import { useEmulator } from '../support/emulator.js';
import { expectDispatcherFault, expectNoInternals, expectStoredIds } from '../support/assertions.js';
import { addChatMessageBody, envelope, getChatMessagesBody, postSoap, type MessageFields } from '../support/soap.js';

/** Values the real service could not deserialize: each a DeserializationFailed fault naming element, value and type. */
const BAD_MESSAGES: { field: string; fields: MessageFields; expected: string[] }[] = [
  { field: 'ReadByCustomer 32768', fields: { ReadByCustomer: '32768' }, expected: ["'AddChatMessage/Message/ReadByCustomer'", "'32768'", 'xs:short'] },
  { field: 'ReadByCustomer -32769', fields: { ReadByCustomer: '-32769' }, expected: ["'AddChatMessage/Message/ReadByCustomer'", "'-32769'", 'xs:short'] },
  { field: 'ChatMessageId 2^31', fields: { ChatMessageId: '2147483648' }, expected: ["'AddChatMessage/Message/ChatMessageId'", "'2147483648'", 'xs:int'] },
  { field: 'ChatSessionId non-numeric', fields: { ChatSessionId: 'twelve' }, expected: ["'AddChatMessage/Message/ChatSessionId'", "'twelve'", 'xs:int'] },
  { field: 'Type toUser (wrong case)', fields: { Type: 'toUser' }, expected: ["'AddChatMessage/Message/Type'", "'toUser'", 'ChatMessageType'] },
  { field: 'SpecialType 4 (a number, not a name)', fields: { SpecialType: '4' }, expected: ["'AddChatMessage/Message/SpecialType'", "'4'", 'ChatMessageSpecialType'] },
  { field: 'WhenPosted month 13', fields: { WhenPosted: '2021-13-01T00:00:00Z' }, expected: ["'AddChatMessage/Message/WhenPosted'", "'2021-13-01T00:00:00Z'", 'month 13'] },
  { field: 'WhenPosted not a date', fields: { WhenPosted: 'yesterday' }, expected: ["'AddChatMessage/Message/WhenPosted'", "'yesterday'", 'YYYY-MM-DD'] },
  { field: 'ReadByCustomer nil', fields: { ReadByCustomer: null }, expected: ["'AddChatMessage/Message/ReadByCustomer'", 'not nillable'] },
];

for (const version of ['1.1', '1.2'] as const) {
  describe(`bad values over SOAP ${version}`, () => {
    const emulator = useEmulator();

    for (const { field, fields, expected } of BAD_MESSAGES) {
      it(`faults on ${field} and stores nothing`, async () => {
        const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope(version, addChatMessageBody('5', { Message: 'x', ...fields })), { version });
        expectDispatcherFault(answer, version, 'DeserializationFailed', expected);
        expectNoInternals(answer.text);
        await expectStoredIds(emulator.current.chatUrl, '5', [], version);
      });
    }

    it('faults on a wrapper ChatSessionId of 2^31 and stores nothing', async () => {
      const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope(version, addChatMessageBody('2147483648', { Message: 'x' })), { version });
      expectDispatcherFault(answer, version, 'DeserializationFailed', ["'AddChatMessage/ChatSessionId'", "'2147483648'", 'xs:int']);
      await expectStoredIds(emulator.current.chatUrl, '5', [], version);
    });

    it('faults on a non-numeric After', async () => {
      const answer = await postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope(version, getChatMessagesBody('5', 'x')), { version });
      expectDispatcherFault(answer, version, 'DeserializationFailed', ["'GetChatMessages/After'", "'x'", 'xs:int']);
    });

    it('faults on a bad value even when the ticket is unknown (the message is read before the ticket is checked)', async () => {
      const answer = await postSoap(
        emulator.current.chatUrl,
        'AddChatMessage',
        envelope(version, addChatMessageBody('5', { ReadByCustomer: '99999' }), { ticket: 'not-a-ticket' }),
        { version },
      );
      expectDispatcherFault(answer, version, 'DeserializationFailed', ['xs:short']);
    });

    it('accepts the extreme values of each type', async () => {
      const answer = await postSoap(
        emulator.current.chatUrl,
        'AddChatMessage',
        envelope(version, addChatMessageBody('2147483647', { ReadByCustomer: '32767', SpecialType: 'IllegalFileType', WhenPosted: '9999-12-31T23:59:59.9999999Z' })),
        { version },
      );
      await expectStoredIds(emulator.current.chatUrl, '2147483647', ['1'], version);
      if (answer.status !== 200) throw new Error(answer.text);
    });
  });
}
