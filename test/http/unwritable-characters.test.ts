import { expect } from 'chai';
import { XMLValidator } from 'fast-xml-parser';
import type { FixturesDocument } from '../../src/index.js';
import { admin, expectAdminError } from '../support/admin.js';
import { expectStoredIds } from '../support/assertions.js';
import { useEmulator } from '../support/emulator.js';
import { json, rest } from '../support/rest.js';
import { SAMPLE_TICKET, SAMPLE_TOKEN } from '../support/soap.js';

/**
 * A string XML 1.0 cannot carry (C0 controls other than tab, CR and LF; U+FFFE, U+FFFF; lone surrogates) is refused
 * wherever it comes in other than through XML, so that no answer, SOAP or REST, can ever be ill-formed.
 */

const FIXTURES: FixturesDocument = { tickets: [SAMPLE_TICKET], applicationTokens: [SAMPLE_TOKEN], tenants: { default: { sessions: [55] } } };
const ONLINE = { Authorization: `SOTicket ${SAMPLE_TICKET}`, 'SO-AppToken': SAMPLE_TOKEN };

describe('strings that XML cannot carry', () => {
  const emulator = useEmulator({ fixtures: FIXTURES });
  beforeEach(() => emulator.current.reset());
  const api = (path: string) => `${emulator.current.url}/api/v1${path}`;

  /** Nothing was stored in session 55: SOAP answers it well-formed and empty, and so does REST. */
  async function expectNothingStored(): Promise<void> {
    await expectStoredIds(emulator.current.chatUrl, '55', []);
    expect(json<unknown[]>(await rest(api('/ChatSession/55/Messages'), { headers: ONLINE }))).to.deep.equal([]);
  }

  it('REST JSON: a U+0007 in Message is a 400 naming the field, with the character written as \\u0007, and nothing is stored', async () => {
    const answer = await rest(api('/ChatSession/55/Messages'), { method: 'POST', headers: { ...ONLINE, 'Content-Type': 'application/json' }, body: '{"Message":"bell\\u0007"}' });
    expect(answer.status).to.equal(400);
    expect(json(answer)).to.deep.equal({
      Error: "Message: 'bell\\u0007' is not a valid xs:string (it holds the character U+0007, which XML 1.0 cannot carry).",
      ErrorType: 'ArgumentException',
      Field: 'Message',
    });
    await expectNothingStored();
  });

  it('REST: the same refusal answered in XML is well-formed', async () => {
    const answer = await rest(api('/ChatSession/55/Messages'), {
      method: 'POST',
      headers: { ...ONLINE, 'Content-Type': 'application/json', Accept: 'application/xml' },
      body: '{"Author":"\\u001b[31m"}',
    });
    expect(answer.status).to.equal(400);
    expect(XMLValidator.validate(answer.text)).to.equal(true);
    expect(answer.text).to.equal(
      "<Error><Error>Author: '\\u001B[31m' is not a valid xs:string (it holds the character U+001B, which XML 1.0 cannot carry).</Error><ErrorType>ArgumentException</ErrorType><Field>Author</Field></Error>",
    );
    await expectNothingStored();
  });

  it('REST JSON: a lone surrogate and U+FFFF are refused, in the agent endpoint too', async () => {
    const lone = await rest(api('/Agents/Chat/AddChatMessage'), {
      method: 'POST',
      headers: { ...ONLINE, 'Content-Type': 'application/json' },
      body: '{"ChatSessionId":55,"Message":{"SpecialParam":"half \\ud800 a pair"}}',
    });
    expect(lone.status).to.equal(400);
    expect(json<{ Field: string; Error: string }>(lone)).to.deep.include({ Field: 'Message.SpecialParam' });
    expect(json<{ Error: string }>(lone).Error).to.include('U+D800');
    const ffff = await rest(api('/ChatSession/55/Messages'), { method: 'POST', headers: { ...ONLINE, 'Content-Type': 'application/json' }, body: '{"Message":"\\uffff"}' });
    expect(ffff.status).to.equal(400);
    expect(json<{ Error: string }>(ffff).Error).to.include('U+FFFF');
    await expectNothingStored();
  });

  it('REST form body: a %07 in Message.Message is a 400 naming the field', async () => {
    const answer = await rest(api('/Agents/Chat/AddChatMessage'), {
      method: 'POST',
      headers: { ...ONLINE, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'ChatSessionId=55&Message.Message=bell%07',
    });
    expect(answer.status).to.equal(400);
    expect(json<{ Field: string }>(answer).Field).to.equal('Message.Message');
    await expectNothingStored();
  });

  it('REST still stores tab, CR, LF and characters beyond the BMP, and SOAP answers them well-formed', async () => {
    const text = 'a\tb\r\nc 😀';
    const answer = await rest(api('/ChatSession/55/Messages'), { method: 'POST', headers: { ...ONLINE, 'Content-Type': 'application/json' }, body: JSON.stringify({ Message: text }) });
    expect(answer.status).to.equal(200);
    await expectStoredIds(emulator.current.chatUrl, '55', ['1']);
  });

  it('admin fixtures: a message holding U+0000 is a 400 naming its path, and nothing of the document is loaded', async () => {
    const answer = await admin(emulator.current.url, 'POST', '/fixtures', {
      tenants: { default: { messages: [{ ChatSessionId: 55, Message: 'fine' }, { ChatSessionId: 55, Message: 'nul\u0000' }] } },
    });
    expectAdminError(answer, 400, "the fixtures: tenants.default.messages[1].Message: 'nul\\u0000' is not a valid xs:string (it holds the character U+0000, which XML 1.0 cannot carry).");
    await expectNothingStored();
  });

  it('admin fixtures: a user name holding U+0008 is refused (it is written into login answers)', async () => {
    const answer = await admin(emulator.current.url, 'POST', '/fixtures', { tenants: { default: { users: [{ UserName: 'a\bb', Password: 'pw' }] } } });
    expectAdminError(answer, 400, /^the fixtures: tenants\.default\.users\[0\]\.UserName: 'a\\u0008b' is not a valid xs:string/);
  });

  it('admin faults: an injected message holding U+0007 is a 400 naming the field', async () => {
    const answer = await admin(emulator.current.url, 'POST', '/faults', { exceptionInfo: { message: 'bell\u0007' } });
    expectAdminError(answer, 400, 'exceptionInfo.message: it holds the character U+0007, which XML 1.0 cannot carry, and it would be written into an answer.');
    expect((await admin(emulator.current.url, 'GET', '/faults')).body).to.deep.equal({ faults: [] });
  });
});
