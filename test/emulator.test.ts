import { expect } from 'chai';
import { ConfigError, FixturesError, startEmulator, type RunningEmulator } from '../src/index.js';
import { envelope, getChatMessagesBody, messagesOf, postSoap, readAnswer } from './support/soap.js';

/** startEmulator(): the API the command line uses, and that test suites embed. */
describe('startEmulator()', () => {
  const started: RunningEmulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((emulator) => emulator.stop()));
  });
  const start = async (...options: Parameters<typeof startEmulator>) => {
    const emulator = await startEmulator(...options);
    started.push(emulator);
    return emulator;
  };

  it('listens on a free port of 127.0.0.1 by default and says where, with a ticket and token that work', async () => {
    const emulator = await start();
    expect(emulator.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.chatUrl).to.equal(`${emulator.url}/Remote/Services88/Chat.svc`);
    expect(emulator.wsdlUrl).to.equal(`${emulator.chatUrl}?wsdl`);
    expect([emulator.ticket, emulator.appToken]).to.deep.equal(['7T:1234abcxyzExample==', '1234567-1234-9876']);
    expect((await fetch(emulator.wsdlUrl)).status).to.equal(200);
  });

  it('takes fixtures as a document, in the file’s JSON shape', async () => {
    const emulator = await start({
      fixtures: {
        tickets: ['t1'],
        applicationTokens: ['a1'],
        tenants: { default: { messages: [{ ChatMessageId: 148, ChatSessionId: 606, Type: 'ToCustomer', Message: 'hi', WhenPosted: '2021-03-25T21:36:53Z' }] } },
      },
    });
    const answer = await postSoap(emulator.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('606', '0'), { ticket: 't1', token: 'a1' }));
    expect(messagesOf(readAnswer(answer.text), 'GetChatMessages').map((m) => [m['ChatMessageId'], m['Message']])).to.deep.equal([['148', 'hi']]);
  });

  it('runs two emulators in one process with nothing shared', async () => {
    const [first, second] = await Promise.all([start({ mode: 'onsite' }), start({ mode: 'onsite' })]);
    expect(first.url).not.to.equal(second.url);
    const xml = envelope('1.1', '<c:AddChatMessage><c:ChatSessionId>1</c:ChatSessionId><c:Message><c:Message>x</c:Message></c:Message></c:AddChatMessage>');
    await postSoap(first.chatUrl, 'AddChatMessage', xml);
    const secondRead = await postSoap(second.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
    expect(messagesOf(readAnswer(secondRead.text), 'GetChatMessages')).to.deep.equal([]);
  });

  it('stops: the port no longer answers', async () => {
    const emulator = await startEmulator();
    await emulator.stop();
    let refused: unknown;
    try {
      await fetch(emulator.wsdlUrl);
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(TypeError);
  });

  for (const [name, options, message] of [
    ['a port out of range', { port: 70000 }, "port: '70000' is not a TCP port (an integer 0 to 65535)."],
    ['an unknown mode', { mode: 'cloud' as 'online' }, "mode: 'cloud' is not one of online, onsite."],
    ['an unknown error style', { errorStyle: 'soap' as 'fault' }, "error style: 'soap' is not one of exceptioninfo, fault."],
    ['an empty host', { host: ' ' }, 'host: the address is empty: give one such as 127.0.0.1, or 0.0.0.0 for every interface.'],
    ['an empty ticket', { tickets: [''] }, 'tickets and application tokens cannot be empty.'],
  ] as const) {
    it(`refuses ${name} with a ConfigError that says so`, async () => {
      let error: unknown;
      try {
        await start(options);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ConfigError);
      expect((error as Error).message).to.equal(message);
    });
  }

  it('refuses a bad fixtures document with a FixturesError naming the field', async () => {
    let error: unknown;
    try {
      await start({ fixtures: { tenants: { Cust1: { messages: [{ ChatSessionId: 1, ReadByCustomer: 40000 }] } } } });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(FixturesError);
    expect((error as Error).message).to.equal(
      "the fixtures option: tenants.Cust1.messages[0].ReadByCustomer: '40000' is not a valid xs:short (out of range -32768 to 32767).",
    );
  });
});
