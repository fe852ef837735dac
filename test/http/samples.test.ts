import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { CHAT_MESSAGE_FIELDS } from '../../src/contract/chat-message.js';
import { useEmulator } from '../support/emulator.js';
import { fieldsOf, messagesOf, post, readAnswer, type Node } from '../support/soap.js';

/** The documented samples, kept byte for byte: SOAP 1.2, headers directly under Envelope, xsi:type everywhere. */
function sample(name: string): Buffer {
  return readFileSync(new URL(`../../../test/samples/${name}`, import.meta.url));
}

const SOAP12 = { 'Content-Type': 'application/soap+xml; charset=utf-8' };
const EXPECTED_SAMPLE_FIELDS: [string, string | null][] = [
  ['ChatMessageId', '1'],
  ['ChatSessionId', '0'],
  ['Type', 'Invalid'],
  ['Message', ''],
  ['Author', ''],
  ['ReadByCustomer', '0'],
  ['SpecialType', 'None'],
  ['SpecialParam', ''],
  ['WhenPosted', '2021-03-25T21:36:53Z'],
];

describe('the documented samples', () => {
  const emulator = useEmulator();

  it('accepts the AddChatMessage sample exactly as published and answers in SOAP 1.2 with the published shape', async () => {
    const answer = await post(emulator.current.chatUrl, sample('AddChatMessage.request.xml'), SOAP12);
    expect(answer.status).to.equal(200);
    expect(answer.contentType).to.equal('application/soap+xml; charset=utf-8');
    expect(answer.text).to.match(/^<s:Envelope xmlns:s="http:\/\/www\.w3\.org\/2003\/05\/soap-envelope">/);
    const read = readAnswer(answer.text);
    expect(textOfHeader(read.headers, 'Succeeded')).to.equal('true');
    // The server assigns the id (the sample's 0 is the client's, which is ignored); every other value is the sample's.
    expect(fieldsOf(messagesOf(read, 'AddChatMessage')[0] as Node)).to.deep.equal(EXPECTED_SAMPLE_FIELDS);
  });

  it('answers the GetChatMessages sample with the stored message, in the published response shape', async () => {
    const answer = await post(emulator.current.chatUrl, sample('GetChatMessages.request.xml'), SOAP12);
    expect(answer.status).to.equal(200);
    const messages = messagesOf(readAnswer(answer.text), 'GetChatMessages');
    expect(messages).to.have.length(1);
    expect(fieldsOf(messages[0] as Node)).to.deep.equal(EXPECTED_SAMPLE_FIELDS);
  });

  it('writes the elements the published responses have, in the same order', async () => {
    for (const [request, response, operation] of [
      ['AddChatMessage.request.xml', 'AddChatMessage.response.xml', 'AddChatMessage'],
      ['GetChatMessages.request.xml', 'GetChatMessages.response.xml', 'GetChatMessages'],
    ] as const) {
      const published = messagesOf(readAnswer(sample(response).toString('utf8')), operation);
      const ours = messagesOf(readAnswer((await post(emulator.current.chatUrl, sample(request), SOAP12)).text), operation);
      const names = (message: Node | undefined) => fieldsOf(message ?? {}).map(([name]) => name);
      expect(names(ours[0])).to.deep.equal(names(published[0]));
      expect(names(ours[0])).to.deep.equal([...CHAT_MESSAGE_FIELDS]);
    }
  });

  it('accepts the samples with a UTF-8 byte order mark before the XML', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample('GetChatMessages.request.xml')]);
    const answer = await post(emulator.current.chatUrl, withBom, SOAP12);
    expect(answer.status).to.equal(200);
    expect(textOfHeader(readAnswer(answer.text).headers, 'Succeeded')).to.equal('true');
  });

  it('accepts the samples sent as text/xml with a SOAPAction, and still answers in the envelope version (1.2)', async () => {
    const answer = await post(emulator.current.chatUrl, sample('GetChatMessages.request.xml'), {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages',
    });
    expect(answer.status).to.equal(200);
    expect(answer.contentType).to.equal('application/soap+xml; charset=utf-8');
  });
});

function textOfHeader(headers: Node, name: string): unknown {
  const value = headers[name];
  return typeof value === 'object' && value !== null ? (value as Node)['#text'] : value;
}
