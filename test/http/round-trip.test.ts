import { expect } from 'chai';
import type { Clock } from '../../src/index.js';
import { parseXsDateTime } from '../../src/contract/datetime.js';
import { RESPONSE_HEADERS } from '../../src/contract/operations.js';
import { READ_CONTEXT } from '../support/context.js';
import { useEmulator } from '../support/emulator.js';
import {
  addChatMessageBody,
  envelope,
  fieldsOf,
  getChatMessagesBody,
  messagesOf,
  postSoap,
  readAnswer,
  type Node,
  type Version,
} from '../support/soap.js';

const fixedClock: Clock = { now: () => parseXsDateTime('2030-01-02T03:04:05.1234567Z', READ_CONTEXT) };

for (const version of ['1.1', '1.2'] as const) {
  describe(`SOAP ${version} round trips`, () => {
    const emulator = useEmulator({ clock: fixedClock });
    const add = (session: string, fields: Parameters<typeof addChatMessageBody>[1]) =>
      postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope(version, addChatMessageBody(session, fields)), { version });
    const get = (session: string, after: string) =>
      postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope(version, getChatMessagesBody(session, after)), { version });

    it('stores every field exactly and returns the stored message, with the server-assigned id', async () => {
      const answer = await add('7', {
        ChatMessageId: '999',
        ChatSessionId: '12345',
        Type: 'ToUser',
        Message: 'Hej Æøå &lt;&amp;&gt; "q" \'a\'&#xD;\nline two  ',
        Author: null,
        ReadByCustomer: '-32768',
        SpecialType: 'Options',
        SpecialParam: '',
        WhenPosted: '2011-08-30T11:10:52.5641784+02:00',
      });
      expect(answer.status).to.equal(200);
      expect(answer.contentType).to.equal(version === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8');
      const expected: [string, string | null][] = [
        ['ChatMessageId', '1'],
        ['ChatSessionId', '7'],
        ['Type', 'ToUser'],
        ['Message', 'Hej Æøå <&> "q" \'a\'\r\nline two  '],
        ['Author', null],
        ['ReadByCustomer', '-32768'],
        ['SpecialType', 'Options'],
        ['SpecialParam', ''],
        ['WhenPosted', '2011-08-30T09:10:52.5641784Z'],
      ];
      expect(fieldsOf(messagesOf(readAnswer(answer.text), 'AddChatMessage')[0] as Node)).to.deep.equal(expected);
      const read = await get('7', '0');
      expect(read.status).to.equal(200);
      const messages = messagesOf(readAnswer(read.text), 'GetChatMessages');
      expect(messages.map(fieldsOf)).to.deep.equal([expected]);
    });

    it('answers with the four response headers in contract order: nil ExceptionInfo, ExtraInfo, TimeZone and Succeeded=true', async () => {
      const answer = await get('7', '0');
      const headers = readAnswer(answer.text).headers;
      expect(Object.keys(headers)).to.deep.equal([...RESPONSE_HEADERS]);
      expect(headers['ExceptionInfo']).to.deep.equal({ '@nil': 'true' });
      expect(headers['ExtraInfo']).to.deep.equal({ '@nil': 'true' });
      expect(headers['TimeZone']).to.deep.equal({ '@nil': 'true' });
      expect(headers['Succeeded']).to.equal('true');
      expect(answer.text).to.include('<Succeeded xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">true</Succeeded>');
    });

    it('assigns increasing ids and returns only the messages after the given id, in order', async () => {
      for (const text of ['a', 'b', 'c']) expect((await add('8', { Message: text })).status).to.equal(200);
      const after2 = messagesOf(readAnswer((await get('8', '2')).text), 'GetChatMessages');
      expect(after2.map((m) => [m['ChatMessageId'], m['Message']])).to.deep.equal([
        ['3', 'b'],
        ['4', 'c'],
      ]);
      const afterAll = await get('8', '4');
      expect(afterAll.text).to.include('<GetChatMessagesResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Response/></GetChatMessagesResponse>');
    });

    it('answers an unknown session with an empty (not nil) Response', async () => {
      const answer = await get('424242', '0');
      expect(answer.status).to.equal(200);
      expect(answer.text).to.include('<Response/>');
    });

    it('stamps an absent WhenPosted, and 0001-01-01T00:00:00, with the server clock', async () => {
      const absent = messagesOf(readAnswer((await add('9', { Message: 'x' })).text), 'AddChatMessage')[0] as Node;
      const minValue = messagesOf(readAnswer((await add('9', { Message: 'y', WhenPosted: '0001-01-01T00:00:00' })).text), 'AddChatMessage')[0] as Node;
      expect(absent['WhenPosted']).to.equal('2030-01-02T03:04:05.1234567Z');
      expect(minValue['WhenPosted']).to.equal('2030-01-02T03:04:05.1234567Z');
    });

    it('takes absent fields as the contract defaults, and an absent ChatSessionId as 0', async () => {
      const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope(version, addChatMessageBody(undefined, {})), { version });
      expect(fieldsOf(messagesOf(readAnswer(answer.text), 'AddChatMessage')[0] as Node)).to.deep.equal([
        ['ChatMessageId', '7'],
        ['ChatSessionId', '0'],
        ['Type', 'Invalid'],
        ['Message', null],
        ['Author', null],
        ['ReadByCustomer', '0'],
        ['SpecialType', 'None'],
        ['SpecialParam', null],
        ['WhenPosted', '2030-01-02T03:04:05.1234567Z'],
      ]);
    });
  });
}

describe('dispatch', () => {
  const emulator = useEmulator();
  const body = (version: Version) => envelope(version, getChatMessagesBody('1', '0'));
  const succeeded = (text: string) => readAnswer(text).headers['Succeeded'];

  it('takes an unquoted SOAPAction', async () => {
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatMessages', body('1.1'), {
      action: null,
      headers: { SOAPAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages' },
    });
    expect(answer.status).to.equal(200);
    expect(succeeded(answer.text)).to.equal('true');
  });

  it('takes the SOAP 1.2 action from the Content-Type, quoted or not', async () => {
    for (const action of ['"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages"', 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages']) {
      const answer = await postSoap(emulator.current.chatUrl, null, body('1.2'), {
        version: '1.2',
        action: null,
        headers: { 'Content-Type': `application/soap+xml; charset=utf-8; action=${action}` },
      });
      expect(answer.status).to.equal(200);
      expect(succeeded(answer.text)).to.equal('true');
    }
  });

  it('falls back to the body element when no action is sent (SOAP 1.1 with an empty SOAPAction, and 1.2 without one)', async () => {
    const v11 = await postSoap(emulator.current.chatUrl, null, body('1.1'), { action: null, headers: { SOAPAction: '""' } });
    const v12 = await postSoap(emulator.current.chatUrl, null, body('1.2'), { version: '1.2', action: null });
    expect([v11.status, v12.status]).to.deep.equal([200, 200]);
    expect([succeeded(v11.text), succeeded(v12.text)]).to.deep.equal(['true', 'true']);
  });

  it('serves the tenant paths case-insensitively, as IIS does', async () => {
    const answer = await postSoap(`${emulator.current.url}/remote/services88/chat.svc`, 'GetChatMessages', body('1.1'));
    expect(answer.status).to.equal(200);
  });
});
