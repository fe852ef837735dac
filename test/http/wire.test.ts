import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { validEnvelope } from '../support/hostile.js';
import { envelope, getChatMessagesBody, postSoap, readAnswer } from '../support/soap.js';
import { exchange, statuses } from '../support/wire.js';

const PATH = '/Remote/Services88/Chat.svc';
const ACTION = 'SOAPAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"';

function request(body: string, headers: string[] = [], version = 'HTTP/1.1'): string {
  return [`POST ${PATH} ${version}`, 'Host: emulator', 'Content-Type: text/xml; charset=utf-8', ACTION, `Content-Length: ${Buffer.byteLength(body)}`, ...headers, '', body].join('\r\n');
}

describe('HTTP on the wire: limits and odd clients', () => {
  const emulator = useEmulator({ maxBodyBytes: 64 * 1024, requestTimeoutSeconds: 1 });
  const base = () => emulator.current.url;

  it('refuses a declared body over --max-body with 413 and a Fault at once, without waiting for it, and closes the connection', async () => {
    const head = [`POST ${PATH} HTTP/1.1`, 'Host: emulator', 'Content-Type: text/xml; charset=utf-8', ACTION, 'Content-Length: 10000000', '', ''].join('\r\n');
    // Only the headers and 10 bytes are sent: the answer comes anyway.
    const result = await exchange(base(), [{ data: head }, { data: 'x'.repeat(10) }], 2000);
    expect(statuses(result.text)).to.deep.equal([413]);
    expect(result.text).to.include('Connection: close');
    expect(result.text).to.include('<faultstring xml:lang="en-US">The request body is larger than the limit of 65536 bytes.</faultstring>');
    expect(result.closed).to.equal(true);
  });

  it('refuses a chunked body once it passes --max-body, and closes the connection', async () => {
    const head = [`POST ${PATH} HTTP/1.1`, 'Host: emulator', 'Content-Type: text/xml; charset=utf-8', ACTION, 'Transfer-Encoding: chunked', '', ''].join('\r\n');
    const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`;
    const result = await exchange(base(), [{ data: head }, { data: chunk }, { data: chunk }], 2000);
    expect(statuses(result.text)).to.deep.equal([413]);
    expect(result.closed).to.equal(true);
  });

  it('cuts off a client that dribbles its body after --request-timeout with 408, and keeps serving others meanwhile', async () => {
    const body = validEnvelope(1, 'slow');
    const head = [`POST ${PATH} HTTP/1.1`, 'Host: emulator', 'Content-Type: text/xml; charset=utf-8', ACTION, `Content-Length: ${body.length}`, '', ''].join('\r\n');
    const slow = exchange(base(), [{ data: head }, ...Array.from({ length: 6 }, (_, i) => ({ data: body.slice(i * 5, i * 5 + 5), pauseMs: 400 }))], 3000);
    const meanwhile = await postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
    expect(meanwhile.status).to.equal(200);
    const result = await slow;
    expect(statuses(result.text)).to.deep.equal([408]);
    expect(result.closed).to.equal(true);
  });

  it('answers Expect: 100-continue with 100, then the answer', async () => {
    const body = validEnvelope(1, 'expect');
    const head = [`POST ${PATH} HTTP/1.1`, 'Host: emulator', 'Content-Type: text/xml; charset=utf-8', ACTION, `Content-Length: ${body.length}`, 'Expect: 100-continue', '', ''].join('\r\n');
    const result = await exchange(base(), [{ data: head }, { data: body, pauseMs: 200 }], 500);
    expect(statuses(result.text)).to.deep.equal([100, 200]);
  });

  it('answers an HTTP/1.0 request, then closes the connection', async () => {
    const result = await exchange(base(), [{ data: request(validEnvelope(1, 'one-oh'), [], 'HTTP/1.0') }], 2000);
    expect(statuses(result.text)).to.deep.equal([200]);
    expect(result.text).to.include('Connection: close');
    expect(result.closed).to.equal(true);
  });

  it('answers 300 requests on one keep-alive connection, in order', async () => {
    const many = Array.from({ length: 300 }, (_, i) => request(validEnvelope(2, `k${i}`))).join('');
    const result = await exchange(base(), [{ data: many }], 1500);
    expect(statuses(result.text)).to.deep.equal(Array.from({ length: 300 }, () => 200));
    const ids = [...result.text.matchAll(/<ChatMessageId>(\d+)<\/ChatMessageId>/g)].map((m) => Number(m[1]));
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
    expect(result.closed).to.equal(false);
  });

  it('keeps pipelined answers in order when a later one is written at once and an earlier one waits for its turn', async () => {
    // The 413 is written as soon as the head is read; the AddChatMessage answer before it waits for the end of a turn.
    const oversized = [`POST ${PATH} HTTP/1.1`, 'Host: emulator', 'Content-Type: text/xml; charset=utf-8', ACTION, 'Content-Length: 10000000', '', ''].join('\r\n');
    const result = await exchange(base(), [{ data: request(validEnvelope(2, 'before the refusal')) + oversized }], 2000);
    expect(statuses(result.text)).to.deep.equal([200, 413]);
    expect(result.text.indexOf('<ChatMessageId>')).to.be.greaterThan(-1);
    expect(result.text.indexOf('<ChatMessageId>')).to.be.lessThan(result.text.indexOf('HTTP/1.1 413'));
    expect(result.closed).to.equal(true);
  });

  it('reads a request without a Content-Type as SOAP 1.1 (the lenient default)', async () => {
    const body = validEnvelope(1, 'no type');
    const raw = [`POST ${PATH} HTTP/1.1`, 'Host: emulator', ACTION, `Content-Length: ${body.length}`, '', body].join('\r\n');
    const result = await exchange(base(), [{ data: raw }], 500);
    expect(statuses(result.text)).to.deep.equal([200]);
    expect(readAnswer(result.text.slice(result.text.indexOf('<s:Envelope'))).headers['Succeeded']).to.equal('true');
  });
});
