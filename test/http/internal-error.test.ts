import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { expectNoInternals } from '../support/assertions.js';
import { addChatMessageBody, envelope, postSoap, readAnswer } from '../support/soap.js';

describe('an unexpected error inside the emulator', () => {
  const logged: string[] = [];
  const emulator = useEmulator({
    // Stamping an absent WhenPosted reads the clock: this one fails the way a bug would.
    clock: {
      now() {
        throw new Error('clock failure');
      },
    },
    log: (line) => logged.push(line),
  });

  for (const version of ['1.1', '1.2'] as const) {
    it(`answers SOAP ${version} with WCF's InternalServiceFault and a request id, and logs the stack under that id only`, async () => {
      logged.length = 0;
      const answer = await postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope(version, addChatMessageBody('1', { Message: 'x' })), { version });
      expect(answer.status).to.equal(500);
      const fault = readAnswer(answer.text).fault;
      expect(fault?.code).to.equal(version === '1.1' ? 'a:InternalServiceFault' : 's:Receiver');
      if (version === '1.2') expect(answer.text).to.include('a:InternalServiceFault</s:Value></s:Subcode>');
      const id = /\(request id ([^)]+)\)\.$/.exec(fault?.reason ?? '')?.[1];
      expect(fault?.reason).to.equal(`The server was unable to process the request due to an internal error (request id ${id}).`);
      expectNoInternals(answer.text);
      expect(answer.text).not.to.include('clock failure');
      expect(logged).to.have.length(1);
      expect(logged[0]).to.match(new RegExp(`^\\[request ${id}\\] unexpected error: Error: clock failure\\n\\s+at `));
    });
  }
});
