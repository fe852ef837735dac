import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';
import { readGoldenRequests } from '../support/golden.js';
import { fieldsOf, messagesOf, post, readAnswer, type Node } from '../support/soap.js';

/**
 * The requests real client stacks sent (recorded by `npm run test:interop` into test/golden), replayed
 * here so that a change that would break a stack fails `npm test` too, with no stack installed.
 */
const GOLDEN = readGoldenRequests();

describe('requests recorded from real client stacks', () => {
  const emulator = useEmulator();

  it('has golden requests for every stack to replay', () => {
    const stacks = new Set(GOLDEN.map(([name]) => name.split('.')[0]));
    expect([...stacks].sort()).to.deep.equal(['node-soap', 'php-soap', 'python3-zeep']);
  });

  for (const [name, request] of GOLDEN) {
    const operation = name.includes('.AddChatMessage.') ? 'AddChatMessage' : 'GetChatMessages';
    it(`answers ${name} with Succeeded=true${operation === 'AddChatMessage' ? ', storing every field as sent' : ''}`, async () => {
      const answer = await post(`${emulator.current.url}${request.path}`, request.body, { ...request.headers });
      expect(answer.status, answer.text).to.equal(200);
      const read = readAnswer(answer.text);
      expect(read.headers['Succeeded']).to.equal('true');
      if (operation === 'AddChatMessage') {
        const stored = Object.fromEntries(fieldsOf(messagesOf(read, 'AddChatMessage')[0] as Node).filter(([field]) => field !== 'ChatMessageId'));
        expect(stored).to.deep.equal({
          ChatSessionId: '5',
          Type: 'ToUser',
          Message: 'Hej Æøå <&> "q"',
          Author: 'Kari Nordmann',
          ReadByCustomer: '1',
          SpecialType: 'None',
          SpecialParam: null,
          WhenPosted: '2021-03-25T19:36:53.123456Z',
        });
      }
    });
  }
});
