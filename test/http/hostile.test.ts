import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { useEmulator } from '../support/emulator.js';
import { expectNoInternals } from '../support/assertions.js';
import { mutatedEnvelope, namedAttacks, validEnvelope } from '../support/hostile.js';
import { envelope, getChatMessagesBody, messagesOf, post, postSoap, readAnswer, type Answer } from '../support/soap.js';

const SOAP11 = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"' };
const OTHER_TENANT_SECRET = 'SECRET-OF-ANOTHER-TENANT';

describe('hostile input', () => {
  const emulator = useEmulator();
  const tenantUrl = (tenant: string) => `${emulator.current.url}/${tenant}/Remote/Services88/Chat.svc`;
  let probe: Server;
  let probeConnections = 0;

  before(async () => {
    probe = createServer((socket) => {
      probeConnections += 1;
      socket.destroy();
    }).listen(0, '127.0.0.1');
    await once(probe, 'listening');
    // Another tenant's data, which no answer below may show.
    await postSoap(tenantUrl('Other'), 'AddChatMessage', validEnvelope(1, OTHER_TENANT_SECRET));
  });
  after(() => probe.close());

  async function storedIds(tenant: string): Promise<string[]> {
    const answer = await postSoap(tenantUrl(tenant), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
    expect(answer.status).to.equal(200);
    return messagesOf(readAnswer(answer.text), 'GetChatMessages').map((m) => String(m['ChatMessageId']));
  }

  /** Every answer, whatever came in: a well-formed SOAP envelope, no stack trace, no path, no other tenant's data. */
  function expectCleanAnswer(answer: Answer): void {
    expect(XMLValidator.validate(answer.text), answer.text.slice(0, 300)).to.equal(true);
    expect(answer.text).to.match(/^<s:Envelope xmlns:s="[^"]+">/);
    expectNoInternals(answer.text);
    expect(answer.text).not.to.include(OTHER_TENANT_SECRET);
  }

  describe('the named attacks', () => {
    const attacks = namedAttacks('http://127.0.0.1:1/placeholder');
    for (const { name } of attacks) {
      it(`${name}: the expected answer, nothing stored unless it was a valid request, and the emulator still answers`, async () => {
        const attack = namedAttacks(`http://127.0.0.1:${(probe.address() as AddressInfo).port}/xxe`).find((a) => a.name === name);
        if (attack === undefined) throw new Error(`no attack named ${name}`);
        const before = await storedIds('Hostile');
        const answer = await post(tenantUrl('Hostile'), attack.body, SOAP11);
        expect(answer.status, answer.text.slice(0, 300)).to.equal(attack.status);
        expectCleanAnswer(answer);
        if (attack.reason !== undefined) expect(readAnswer(answer.text).fault?.reason).to.include(attack.reason);
        const after = await storedIds('Hostile');
        expect(after.length).to.equal(before.length + (attack.status === 200 ? 1 : 0));
        expect(probeConnections, 'connections to the external entity URL').to.equal(0);
      });
    }
  });

  describe('random mutations of a valid envelope (fast-check)', () => {
    it('each is answered with a well-formed SOAP answer, and only a 200 stores anything', async () => {
      await fc.assert(
        fc.asyncProperty(mutatedEnvelope(), async (body) => {
          const before = (await storedIds('Fuzz')).length;
          const answer = await post(tenantUrl('Fuzz'), body, SOAP11);
          expect([200, 400, 500]).to.include(answer.status);
          expectCleanAnswer(answer);
          const stored = (await storedIds('Fuzz')).length - before;
          expect(stored).to.equal(answer.status === 200 && readAnswer(answer.text).headers['Succeeded'] === 'true' ? 1 : 0);
        }),
        { numRuns: 200 },
      );
      expect(await storedIds('Other')).to.deep.equal(['1']);
    });
  });
});
