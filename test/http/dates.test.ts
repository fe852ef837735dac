import { expect } from 'chai';
import type { Clock } from '../../src/index.js';
import { instantFromEpochMilliseconds } from '../../src/contract/datetime.js';
import { expectDispatcherFault } from '../support/assertions.js';
import { useEmulator } from '../support/emulator.js';
import { addChatMessageBody, envelope, messagesOf, postSoap, readAnswer } from '../support/soap.js';

/**
 * WhenPosted over SOAP, read as WCF reads an xs:dateTime (.NET's XsdDateTime parser; the cases of its code paths
 * are in test/unit/datetime.test.ts) and answered in UTC. The emulator's clock stands at 2021-03-25T12:00:00Z.
 */
describe('WhenPosted as WCF reads it', () => {
  const clock: Clock = { now: () => instantFromEpochMilliseconds(Date.UTC(2021, 2, 25, 12, 0, 0)) };
  const emulator = useEmulator({ clock });
  beforeEach(() => emulator.current.reset());

  const add = (whenPosted: string) => postSoap(emulator.current.chatUrl, 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'x', WhenPosted: whenPosted })));
  const storedAs = async (whenPosted: string) => {
    const answer = await add(whenPosted);
    expect(answer.status, answer.text).to.equal(200);
    return messagesOf(readAnswer(answer.text), 'AddChatMessage')[0]?.['WhenPosted'];
  };

  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['rounds an 8th fraction digit of 5 half to even', '2021-03-25T21:36:53.12345665Z', '2021-03-25T21:36:53.1234566Z'],
    ['counts the digits after a half', '2021-03-25T21:36:53.123456650001Z', '2021-03-25T21:36:53.1234567Z'],
    ['reads a lower-case z', '2021-03-25T21:36:53z', '2021-03-25T21:36:53Z'],
    ['reads an offset beyond ±14:00, as .NET does up to ±99:99', '2021-03-25T21:36:53+15:00', '2021-03-25T06:36:53Z'],
    ['reads a date alone as its midnight', '2021-03-25', '2021-03-25T00:00:00Z'],
    ["reads a time alone on the server's date", '21:36:53Z', '2021-03-25T21:36:53Z'],
    ["reads a --MM-DD in the parser's year 1904, as .NET does", '--03-25Z', '1904-03-25T00:00:00Z'],
    ['skips Unicode white space around the value', '\u00a02021-03-25T21:36:53Z\u3000', '2021-03-25T21:36:53Z'],
    ['clamps an offset past the end of the range to DateTime.MaxValue', '9999-12-31T23:00:00-01:00', '9999-12-31T23:59:59.9999999Z'],
    ["stamps a value an offset moves before the range, clamped to DateTime.MinValue, with the server's clock, as an unset one", '0001-01-01T00:00:00+01:00', '2021-03-25T12:00:00Z'],
  ];

  for (const [what, sent, stored] of cases) {
    it(`${what}: ${JSON.stringify(sent)} is stored as ${stored}`, async () => {
      expect(await storedAs(sent)).to.equal(stored);
    });
  }

  it('faults where .NET refuses: a fraction that rounds past 9999-12-31T23:59:59.9999999', async () => {
    expectDispatcherFault(await add('9999-12-31T23:59:59.99999995Z'), '1.1', 'DeserializationFailed', ["'AddChatMessage/Message/WhenPosted'", 'past the end of']);
  });

  it('faults where .NET refuses: a time without seconds, an hour 24', async () => {
    expectDispatcherFault(await add('21:36Z'), '1.1', 'DeserializationFailed', ["'21:36Z'"]);
    expectDispatcherFault(await add('2021-03-25T24:00:00Z'), '1.1', 'DeserializationFailed', ['hour 24 is out of range 0 to 23']);
  });

  it('warns of a date alone as of any value without a zone: WCF reads it as a local time of the server', async () => {
    const answer = await add('2021-03-25');
    expect(answer.headers.get('x-emulator-warning')).to.equal(
      "date-without-zone: AddChatMessage/Message/WhenPosted '2021-03-25' has no time zone: the emulator reads it as UTC; WCF reads it as a local time of the server.",
    );
    expect((await add('2021-03-25T21:36:53z')).headers.get('x-emulator-warning')).to.equal(null);
  });
});
