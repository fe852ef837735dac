import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { httpAnswer } from '../../src/envelope/response.js';
import { writeAnswer, writeQueuedAnswer } from '../../src/transport/answer-writer.js';

const ANSWER = httpAnswer(200, 'text/xml; charset=utf-8', '<answer>é</answer>');

describe('writeQueuedAnswer', () => {
  let server: Server;
  let respond: (response: ServerResponse) => void = () => undefined;
  let url = '';
  const logged: string[] = [];

  before(async () => {
    server = createServer((_request, response) => respond(response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (logged.length = 0));

  it('writes the answer with its extra headers and a Content-Length in bytes', async () => {
    respond = (response) => writeQueuedAnswer({ response, answer: ANSWER, extra: { 'X-Emulator-Warning': 'no-action: a warning' } }, (line) => logged.push(line));
    const answer = await fetch(url);
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.equal('text/xml; charset=utf-8');
    expect(answer.headers.get('content-length')).to.equal('19');
    expect(answer.headers.get('x-emulator-warning')).to.equal('no-action: a warning');
    expect(await answer.text()).to.equal('<answer>é</answer>');
    expect(logged).to.deep.equal([]);
  });

  it('leaves alone a response that was answered while this answer waited', async () => {
    respond = (response) => {
      writeAnswer(response, httpAnswer(500, 'text/plain; charset=utf-8', 'answered first'));
      writeQueuedAnswer({ response, answer: ANSWER, extra: {} }, (line) => logged.push(line));
    };
    const answer = await fetch(url);
    expect(answer.status).to.equal(500);
    expect(await answer.text()).to.equal('answered first');
    expect(logged).to.deep.equal([]);
  });

  it('answers with an InternalServiceFault, and logs why, when the answer cannot be written', async () => {
    // Node refuses a header value with a line break: the kind of bug a batch of answers must survive.
    respond = (response) => writeQueuedAnswer({ response, answer: ANSWER, extra: { 'X-Emulator-Warning': 'broken\nvalue' } }, (line) => logged.push(line));
    const answer = await fetch(url);
    expect(answer.status).to.equal(500);
    const text = await answer.text();
    expect(text).to.include('<faultcode xmlns:a="http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher">a:InternalServiceFault</faultcode>');
    expect(text).to.match(/The server was unable to process the request due to an internal error \(request id [^)]+\)\./);
    expect(logged).to.have.length(1);
    expect(logged[0]).to.match(/unexpected error: TypeError \[ERR_INVALID_CHAR\]: Invalid character in header content \["X-Emulator-Warning"\]/);
  });
});
