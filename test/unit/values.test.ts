import { expect } from 'chai';
import fc from 'fast-check';
import {
  CHAT_MESSAGE_SPECIAL_TYPE,
  CHAT_MESSAGE_TYPE,
  chatMessageSpecialTypeCodec,
  chatMessageTypeCodec,
} from '../../src/contract/chat-message.js';
import { xsDateTime } from '../../src/contract/datetime.js';
import { enumCodec, xsBoolean, xsInt, xsShort, xsString } from '../../src/contract/values.js';
import { reasonFor } from '../support/codec.js';
import { READ_CONTEXT } from '../support/context.js';

const INT_NOT_AN_INTEGER = 'not an integer from -2147483648 to 2147483647';
const INT_OUT_OF_RANGE = 'out of range -2147483648 to 2147483647';
const SHORT_NOT_AN_INTEGER = 'not an integer from -32768 to 32767';
const SHORT_OUT_OF_RANGE = 'out of range -32768 to 32767';

const TYPE_NAMES = 'Invalid, ToCustomer, ToUser, Special';
const SPECIAL_TYPE_NAMES =
  'None, Welcome, Url, Block, NewSession, TransferedSession, Error, SessionDeleted, FaqSuccessQuestion, ' +
  'ClosedByUser, ClosedByCustomer, ClosedByIdle, TransferRejected, ReopenedByCustomer, ClickedOption, ' +
  'BotMessage, Options, IllegalFileType';

describe('xsInt', () => {
  it('is named xs:int', () => {
    expect(xsInt.typeName).to.equal('xs:int');
  });

  it('accepts the boundaries -2147483648 and 2147483647', () => {
    expect(xsInt.parse('-2147483648', READ_CONTEXT)).to.equal(-2147483648);
    expect(xsInt.parse('2147483647', READ_CONTEXT)).to.equal(2147483647);
  });

  it('rejects 2147483648 and -2147483649 as out of range', () => {
    expect(reasonFor(xsInt, '2147483648')).to.equal(INT_OUT_OF_RANGE);
    expect(reasonFor(xsInt, '-2147483649')).to.equal(INT_OUT_OF_RANGE);
  });

  it('accepts a leading plus sign', () => {
    expect(xsInt.parse('+5', READ_CONTEXT)).to.equal(5);
    expect(xsInt.parse('+2147483647', READ_CONTEXT)).to.equal(2147483647);
  });

  it('accepts leading zeros, even many of them', () => {
    expect(xsInt.parse('007', READ_CONTEXT)).to.equal(7);
    expect(xsInt.parse('-0042', READ_CONTEXT)).to.equal(-42);
    expect(xsInt.parse('0000000000000000000000000002147483647', READ_CONTEXT)).to.equal(2147483647);
  });

  it('ignores surrounding XML whitespace (space, tab, CR, LF)', () => {
    expect(xsInt.parse('  12\n', READ_CONTEXT)).to.equal(12);
    expect(xsInt.parse('\t\r\n-3 ', READ_CONTEXT)).to.equal(-3);
  });

  it('reads -0 as 0, not as negative zero', () => {
    const value = xsInt.parse('-0', READ_CONTEXT);
    expect(value).to.equal(0);
    expect(Object.is(value, -0)).to.equal(false);
  });

  it('rejects texts that are not integers with the not-an-integer reason', () => {
    for (const text of ['', ' ', '1.0', '1e3', '0x10', 'abc', '１', '+-1', '- 1', '1 2', '+', '-']) {
      expect(reasonFor(xsInt, text), JSON.stringify(text)).to.equal(INT_NOT_AN_INTEGER);
    }
  });

  it('rejects huge digit strings as out of range', () => {
    expect(reasonFor(xsInt, '99999999999999999999999')).to.equal(INT_OUT_OF_RANGE);
    expect(reasonFor(xsInt, '-99999999999999999999999')).to.equal(INT_OUT_OF_RANGE);
    expect(reasonFor(xsInt, '9'.repeat(400))).to.equal(INT_OUT_OF_RANGE);
  });

  it('formats a value as plain decimal digits', () => {
    expect(xsInt.format(-2147483648)).to.equal('-2147483648');
    expect(xsInt.format(0)).to.equal('0');
    expect(xsInt.format(42)).to.equal('42');
  });
});

describe('xsShort', () => {
  it('is named xs:short', () => {
    expect(xsShort.typeName).to.equal('xs:short');
  });

  it('accepts the boundaries -32768 and 32767', () => {
    expect(xsShort.parse('-32768', READ_CONTEXT)).to.equal(-32768);
    expect(xsShort.parse('32767', READ_CONTEXT)).to.equal(32767);
  });

  it('rejects 32768 and -32769 as out of range', () => {
    expect(reasonFor(xsShort, '32768')).to.equal(SHORT_OUT_OF_RANGE);
    expect(reasonFor(xsShort, '-32769')).to.equal(SHORT_OUT_OF_RANGE);
    expect(reasonFor(xsShort, '2147483647')).to.equal(SHORT_OUT_OF_RANGE);
  });

  it('accepts a leading plus, leading zeros and surrounding whitespace', () => {
    expect(xsShort.parse('+1', READ_CONTEXT)).to.equal(1);
    expect(xsShort.parse('00032767', READ_CONTEXT)).to.equal(32767);
    expect(xsShort.parse(' 7\n', READ_CONTEXT)).to.equal(7);
  });

  it('reads -0 as 0', () => {
    expect(Object.is(xsShort.parse('-0', READ_CONTEXT), 0)).to.equal(true);
  });

  it('rejects texts that are not integers with the not-an-integer reason', () => {
    for (const text of ['', ' ', '1.0', '1e3', '0x10', 'abc', '１']) {
      expect(reasonFor(xsShort, text), JSON.stringify(text)).to.equal(SHORT_NOT_AN_INTEGER);
    }
  });

  it('rejects huge digit strings as out of range', () => {
    expect(reasonFor(xsShort, '123456789012345678901234567890')).to.equal(SHORT_OUT_OF_RANGE);
  });
});

describe('xsBoolean', () => {
  it('is named xs:boolean', () => {
    expect(xsBoolean.typeName).to.equal('xs:boolean');
  });

  it('reads true, false, 1 and 0', () => {
    expect(xsBoolean.parse('true', READ_CONTEXT)).to.equal(true);
    expect(xsBoolean.parse('false', READ_CONTEXT)).to.equal(false);
    expect(xsBoolean.parse('1', READ_CONTEXT)).to.equal(true);
    expect(xsBoolean.parse('0', READ_CONTEXT)).to.equal(false);
  });

  it('ignores surrounding whitespace', () => {
    expect(xsBoolean.parse(' true\n', READ_CONTEXT)).to.equal(true);
    expect(xsBoolean.parse('\t0 ', READ_CONTEXT)).to.equal(false);
  });

  it('rejects other spellings, case variants and numbers', () => {
    for (const text of ['', 'TRUE', 'True', 'False', 'yes', 'no', '2', '-1', '01', 't']) {
      expect(reasonFor(xsBoolean, text), JSON.stringify(text)).to.equal('expected true, false, 1 or 0');
    }
  });

  it('writes true and false', () => {
    expect(xsBoolean.format(true)).to.equal('true');
    expect(xsBoolean.format(false)).to.equal('false');
  });
});

describe('xsString', () => {
  it('is named xs:string', () => {
    expect(xsString.typeName).to.equal('xs:string');
  });

  it('keeps surrounding and inner whitespace', () => {
    expect(xsString.parse('  a \r\n b\t', READ_CONTEXT)).to.equal('  a \r\n b\t');
  });

  it('keeps the empty string and whitespace-only strings', () => {
    expect(xsString.parse('', READ_CONTEXT)).to.equal('');
    expect(xsString.parse('   ', READ_CONTEXT)).to.equal('   ');
  });

  it('writes the value unchanged (escaping is the writer’s job)', () => {
    expect(xsString.format('<a & b>')).to.equal('<a & b>');
  });

  it('refuses the characters XML 1.0 cannot carry: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates', () => {
    const carry = (code: string) => `it holds the character ${code}, which XML 1.0 cannot carry`;
    expect(reasonFor(xsString, 'a\u0000')).to.equal(carry('U+0000'));
    expect(reasonFor(xsString, 'bell\u0007')).to.equal(carry('U+0007'));
    expect(reasonFor(xsString, '\u001f')).to.equal(carry('U+001F'));
    expect(reasonFor(xsString, '\ufffe')).to.equal(carry('U+FFFE'));
    expect(reasonFor(xsString, '\uffff')).to.equal(carry('U+FFFF'));
    expect(reasonFor(xsString, 'x\ud800')).to.equal(carry('U+D800'));
    expect(reasonFor(xsString, '\udc00x')).to.equal(carry('U+DC00'));
    expect(xsString.parse('\t\n\r \u0085\ud83d\ude00\ufffd', READ_CONTEXT)).to.equal('\t\n\r \u0085\ud83d\ude00\ufffd');
  });
});

describe('enumCodec (ChatMessageType)', () => {
  it('is named ChatMessageType', () => {
    expect(chatMessageTypeCodec.typeName).to.equal('ChatMessageType');
  });

  it('accepts every name', () => {
    for (const name of ['Invalid', 'ToCustomer', 'ToUser', 'Special']) {
      expect(chatMessageTypeCodec.parse(name, READ_CONTEXT)).to.equal(name);
    }
  });

  it('ignores surrounding whitespace around a name', () => {
    expect(chatMessageTypeCodec.parse(' ToUser\n', READ_CONTEXT)).to.equal('ToUser');
  });

  it('rejects a wrong-case name, a number and the empty string, listing the names', () => {
    const reason = `the names, case-sensitive, are ${TYPE_NAMES}`;
    expect(reasonFor(chatMessageTypeCodec, 'toUser')).to.equal(reason);
    expect(reasonFor(chatMessageTypeCodec, 'TOUSER')).to.equal(reason);
    expect(reasonFor(chatMessageTypeCodec, '2')).to.equal(reason);
    expect(reasonFor(chatMessageTypeCodec, '')).to.equal(reason);
  });

  it('does not accept inherited object property names', () => {
    expect(reasonFor(chatMessageTypeCodec, 'toString')).to.equal(`the names, case-sensitive, are ${TYPE_NAMES}`);
    expect(reasonFor(chatMessageTypeCodec, '__proto__')).to.equal(`the names, case-sensitive, are ${TYPE_NAMES}`);
  });

  it('writes the name', () => {
    expect(chatMessageTypeCodec.format('ToCustomer')).to.equal('ToCustomer');
  });

  it('maps the names to the published values', () => {
    expect(CHAT_MESSAGE_TYPE).to.deep.equal({ Invalid: 0, ToCustomer: 1, ToUser: 2, Special: 3 });
  });
});

describe('enumCodec (ChatMessageSpecialType)', () => {
  it('is named ChatMessageSpecialType', () => {
    expect(chatMessageSpecialTypeCodec.typeName).to.equal('ChatMessageSpecialType');
  });

  it('accepts every name', () => {
    for (const name of Object.keys(CHAT_MESSAGE_SPECIAL_TYPE)) {
      expect(chatMessageSpecialTypeCodec.parse(name, READ_CONTEXT)).to.equal(name);
    }
    expect(Object.keys(CHAT_MESSAGE_SPECIAL_TYPE).join(', ')).to.equal(SPECIAL_TYPE_NAMES);
  });

  it('spells TransferedSession with one r, as the contract does', () => {
    expect(chatMessageSpecialTypeCodec.parse('TransferedSession', READ_CONTEXT)).to.equal('TransferedSession');
    expect(reasonFor(chatMessageSpecialTypeCodec, 'TransferredSession')).to.equal(
      `the names, case-sensitive, are ${SPECIAL_TYPE_NAMES}`,
    );
  });

  it('rejects a wrong-case name, a number and the empty string, listing the names', () => {
    const reason = `the names, case-sensitive, are ${SPECIAL_TYPE_NAMES}`;
    expect(reasonFor(chatMessageSpecialTypeCodec, 'url')).to.equal(reason);
    expect(reasonFor(chatMessageSpecialTypeCodec, '2')).to.equal(reason);
    expect(reasonFor(chatMessageSpecialTypeCodec, '')).to.equal(reason);
  });

  it('maps the names to the published values, with no value 4', () => {
    expect(CHAT_MESSAGE_SPECIAL_TYPE).to.deep.equal({
      None: 0,
      Welcome: 1,
      Url: 2,
      Block: 3,
      NewSession: 5,
      TransferedSession: 6,
      Error: 7,
      SessionDeleted: 8,
      FaqSuccessQuestion: 9,
      ClosedByUser: 10,
      ClosedByCustomer: 11,
      ClosedByIdle: 12,
      TransferRejected: 13,
      ReopenedByCustomer: 14,
      ClickedOption: 15,
      BotMessage: 16,
      Options: 17,
      IllegalFileType: 18,
    });
    expect(Object.values(CHAT_MESSAGE_SPECIAL_TYPE)).to.not.include(4);
  });
});

describe('markupFree codecs', () => {
  const MARKUP = /[&<>\r]/;

  it('is claimed by the number, boolean, enum and dateTime codecs, and not by xs:string', () => {
    const claims = [xsInt, xsShort, xsBoolean, chatMessageTypeCodec, chatMessageSpecialTypeCodec, xsDateTime].map((codec) => codec.markupFree);
    expect(claims).to.deep.equal([true, true, true, true, true, true]);
    expect(xsString.markupFree).to.equal(false);
  });

  it('holds for every value they write (their output is written unescaped)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2147483648, max: 2147483647 }),
        fc.integer({ min: -62135596800, max: 253402300799 }),
        fc.integer({ min: 0, max: 9_999_999 }),
        (int, epochSeconds, ticks) =>
          !MARKUP.test(xsInt.format(int)) && !MARKUP.test(xsDateTime.format({ epochSeconds, ticks })),
      ),
    );
    const names = [...Object.keys(CHAT_MESSAGE_TYPE), ...Object.keys(CHAT_MESSAGE_SPECIAL_TYPE), 'true', 'false'];
    expect(names.filter((name) => MARKUP.test(name))).to.deep.equal([]);
  });

  it('is not claimed by an enum whose names hold markup', () => {
    expect(enumCodec('Odd', { 'A&B': 0, C: 1 }).markupFree).to.equal(false);
  });
});
