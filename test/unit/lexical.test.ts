import { expect } from 'chai';
import type { ValueCodec } from '../../src/contract/codec.js';
import { charCodec, durationCodec, guidCodec, xsDouble } from '../../src/contract/values.js';
import { reasonFor } from '../support/codec.js';
import { READ_CONTEXT } from '../support/context.js';

/** Reads each text and checks the value, -0 apart from 0 and NaN equal to NaN (Object.is). */
function expectReads<T>(codec: ValueCodec<T>, cases: ReadonlyArray<readonly [string, T]>): void {
  for (const [text, value] of cases) {
    const read = codec.parse(text, READ_CONTEXT);
    expect(Object.is(read, value), `${JSON.stringify(text)} read as ${String(read)}, not ${String(value)}`).to.equal(true);
  }
}

const NOT_A_DOUBLE = 'not a number, INF, -INF or NaN';
const NOT_A_GUID = 'not a GUID in the D, N, B, P or X form';
const NOT_A_DURATION = 'not a duration such as P1DT2H30M or -PT0.5S';
const GUID = 'ca761232-ed42-11ce-bacd-00aa0057b223';

describe('xs:double as XmlConverter reads and writes it', () => {
  it('is named xs:double and writes no markup', () => {
    expect(xsDouble.typeName).to.equal('xs:double');
    expect(xsDouble.markupFree).to.equal(true);
  });

  it('reads decimal and exponent forms, a leading + and a point with digits on one side only', () => {
    expectReads(xsDouble, [
      ['1', 1],
      ['-2.5', -2.5],
      ['+1', 1],
      ['.5', 0.5],
      ['+.5', 0.5],
      ['-.5', -0.5],
      ['5.', 5],
      ['5.e3', 5000],
      ['1e5', 100000],
      ['1E+05', 100000],
      ['2.5e-3', 0.0025],
      ['007', 7],
      ['12345678901234567890', 12345678901234567000],
      ['0.1', 0.1],
      ['4.9e-324', 5e-324],
    ]);
  });

  it('trims XML white space around a number, INF or -INF', () => {
    expectReads(xsDouble, [
      [' 1 ', 1],
      ['\t\r\n-3.5\n', -3.5],
      [' INF', Infinity],
      ['-INF\n', -Infinity],
    ]);
  });

  it('reads INF and -INF case-sensitively, and rejects +INF, inf and -inf', () => {
    expectReads(xsDouble, [
      ['INF', Infinity],
      ['-INF', -Infinity],
    ]);
    for (const text of ['+INF', 'inf', '-inf', 'Inf']) expect(reasonFor(xsDouble, text), text).to.equal(NOT_A_DOUBLE);
  });

  it('reads double.Parse’s own Infinity and NaN in any case, with a sign, trimmed of .NET white space', () => {
    expectReads(xsDouble, [
      ['Infinity', Infinity],
      ['infinity', Infinity],
      ['+Infinity', Infinity],
      ['-INFINITY', -Infinity],
      ['NaN', NaN],
      ['nan', NaN],
      ['+NaN', NaN],
      ['-NaN', NaN],
      [' NaN ', NaN],
      ['\u00a0NaN\u3000', NaN],
    ]);
  });

  it('reads overflow as ±Infinity and underflow as ±0, as .NET Core 3.0+ does (no error)', () => {
    expectReads(xsDouble, [
      ['1e400', Infinity],
      ['-1e400', -Infinity],
      ['1e-400', 0],
      ['-1e-400', -0],
      ['1.7976931348623157e308', Number.MAX_VALUE],
    ]);
  });

  it('counts an exponent beyond 1000 as 9999, whatever the digits before it', () => {
    expectReads(xsDouble, [
      [`0.${'0'.repeat(1000)}1e1005`, Infinity],
      [`1${'0'.repeat(1010)}e-1005`, 0],
      [`1${'0'.repeat(999)}e-1000`, 0.1],
    ]);
  });

  it('reads -0 the way WCF’s text reader does: +0 through its integer quick path, -0 otherwise', () => {
    expectReads(xsDouble, [
      ['-0', 0],
      ['-000000000', 0],
      ['-0000000000', -0],
      ['-0.0', -0],
      ['-0e0', -0],
      [' -0', -0],
    ]);
  });

  it('reads . and -. as 0 and -0 (the quick path’s quirk)', () => {
    expectReads(xsDouble, [
      ['.', 0],
      ['-.', -0],
    ]);
  });

  it('rejects what double.Parse rejects: hex, grouping, a bare sign or exponent, inner spaces, other digits', () => {
    for (const text of ['', ' ', '-', '+', 'e5', '1e', '1e+', '0x10', '1,000', '1 000', '- 1', '1.2.3', '--1', '1d', '１', '+.', 'inf']) {
      expect(reasonFor(xsDouble, text), JSON.stringify(text)).to.equal(NOT_A_DOUBLE);
    }
  });

  it('writes INF, -INF, NaN, 0 and -0', () => {
    expect(xsDouble.format(Infinity)).to.equal('INF');
    expect(xsDouble.format(-Infinity)).to.equal('-INF');
    expect(xsDouble.format(NaN)).to.equal('NaN');
    expect(xsDouble.format(0)).to.equal('0');
    expect(xsDouble.format(-0)).to.equal('-0');
  });

  it('writes the shortest round-trip digits ("R")', () => {
    expect(xsDouble.format(1)).to.equal('1');
    expect(xsDouble.format(-60)).to.equal('-60');
    expect(xsDouble.format(0.1)).to.equal('0.1');
    expect(xsDouble.format(123.456)).to.equal('123.456');
    expect(xsDouble.format(1 / 3)).to.equal('0.3333333333333333');
    expect(xsDouble.format(0.1 + 0.2)).to.equal('0.30000000000000004');
  });

  it('switches to E+dd once the exponent reaches 15 or the digit count', () => {
    expect(xsDouble.format(1e14)).to.equal('100000000000000');
    expect(xsDouble.format(123456789012345)).to.equal('123456789012345');
    expect(xsDouble.format(1e15)).to.equal('1E+15');
    expect(xsDouble.format(1234567890123456)).to.equal('1234567890123456');
    expect(xsDouble.format(12345678901234568)).to.equal('12345678901234568');
    expect(xsDouble.format(1e16)).to.equal('1E+16');
    expect(xsDouble.format(12345678901234567890)).to.equal('1.2345678901234567E+19');
    expect(xsDouble.format(1e21)).to.equal('1E+21');
    expect(xsDouble.format(-1.5e300)).to.equal('-1.5E+300');
    expect(xsDouble.format(Number.MAX_VALUE)).to.equal('1.7976931348623157E+308');
  });

  it('switches to E-dd below 0.0001', () => {
    expect(xsDouble.format(0.0001)).to.equal('0.0001');
    expect(xsDouble.format(0.000123)).to.equal('0.000123');
    expect(xsDouble.format(0.00001)).to.equal('1E-05');
    expect(xsDouble.format(0.0000123)).to.equal('1.23E-05');
    expect(xsDouble.format(-1.5e-7)).to.equal('-1.5E-07');
    expect(xsDouble.format(5e-324)).to.equal('5E-324');
  });

  it('reads back every value it writes but -0, whose "-0" WCF’s quick path reads as +0', () => {
    for (const value of [0.1, -2.5e-8, 1e15, 12345678901234567890, 5e-324, Number.MAX_VALUE, 1 / 3, Infinity, -Infinity]) {
      expect(Object.is(xsDouble.parse(xsDouble.format(value), READ_CONTEXT), value), String(value)).to.equal(true);
    }
    expect(Number.isNaN(xsDouble.parse(xsDouble.format(NaN), READ_CONTEXT))).to.equal(true);
    expect(Object.is(xsDouble.parse(xsDouble.format(-0), READ_CONTEXT), 0)).to.equal(true);
  });
});

describe('guid as new Guid(string) reads it and Guid.ToString() writes it', () => {
  it('is named guid and writes no markup', () => {
    expect(guidCodec.typeName).to.equal('guid');
    expect(guidCodec.markupFree).to.equal(true);
  });

  it('reads the D, N, B and P forms in either case, as the lowercase D form', () => {
    expectReads(guidCodec, [
      ['CA761232-ED42-11CE-BACD-00AA0057B223', GUID],
      ['ca761232-ed42-11ce-bacd-00aa0057b223', GUID],
      ['Ca761232-eD42-11Ce-BaCd-00aA0057b223', GUID],
      ['CA761232ED4211CEBACD00AA0057B223', GUID],
      ['{CA761232-ED42-11CE-BACD-00AA0057B223}', GUID],
      ['(ca761232-ed42-11ce-bacd-00aa0057b223)', GUID],
    ]);
  });

  it('reads the X form, white space allowed anywhere in it', () => {
    expectReads(guidCodec, [
      ['{0xCA761232,0xED42,0x11CE,{0xBA,0xCD,0x00,0xAA,0x00,0x57,0xB2,0x23}}', GUID],
      [' { 0xca761232 , 0Xed42,0x11ce,{0xba,0xcd,0x0,0xaa,0x0,0x57,0xb2,0x23} } ', GUID],
      ['{0x1,0x2,0x3,{0x4,0x5,0x6,0x7,0x8,0x9,0xa,0xb}}', '00000001-0002-0003-0405-060708090a0b'],
    ]);
  });

  it('keeps the low 16 bits of an over-long second or third X number, as .NET casts it', () => {
    expectReads(guidCodec, [['{0x1,0x12345,0xabcdef,{0x1,0x2,0x3,0x4,0x5,0x6,0x7,0x8}}', '00000001-2345-cdef-0102-030405060708']]);
  });

  it('reads D components written with 0x or + in the same width, but the last 8 digits (the compatibility parse)', () => {
    expectReads(guidCodec, [
      ['0xCA7612-ED42-11CE-BACD-00AA0057B223', '00ca7612-ed42-11ce-bacd-00aa0057b223'],
      ['+CA76123-+D42-0x1E-BACD-00AA0057B223', '0ca76123-0d42-001e-bacd-00aa0057b223'],
      ['CA761232-ED42-11CE-BACD-0x0A0057B223', 'ca761232-ed42-11ce-bacd-000a0057b223'],
    ]);
  });

  it('trims .NET white space, not only XML’s', () => {
    expectReads(guidCodec, [
      [` ${GUID}\n`, GUID],
      [`\u00a0${GUID}\u3000`, GUID],
    ]);
  });

  it('rejects wrong lengths, wrong brackets, misplaced dashes, non-hex digits and bytes over 0xff', () => {
    for (const text of [
      '',
      'CA761232-ED42-11CE-BACD-00AA0057B22',
      'CA761232-ED42-11CE-BACD-00AA0057B2233',
      'CA761232-ED42-11CE-BACD-00AA0057B22G',
      'CA761232ED42-11CE-BACD-00AA0057B2233',
      'CA761232-ED4211CE-BACD-00AA0057B2233',
      'CA761232ED4211CEBACD00AA0057B22',
      'CA761232ED4211CEBACD00AA0057B22Z',
      '{CA761232-ED42-11CE-BACD-00AA0057B223)',
      '(CA761232-ED42-11CE-BACD-00AA0057B223',
      '[CA761232-ED42-11CE-BACD-00AA0057B223]',
      'CA761232-ED42-11CE-BACD-00AA0x57B223',
      'CA76 232-ED42-11CE-BACD-00AA0057B223',
      '{0x1,0x2,0x3,{0x4,0x5,0x6,0x7,0x8,0x9,0xa,0x100}}',
      '{0x1,0x2,0x3,{0x4,0x5,0x6,0x7,0x8,0x9,0xa,0xb}',
      '{0x1,0x2,0x3,0x4,0x5,0x6,0x7,0x8,0x9,0xa,0xb}}',
      '{0x123456789,0x2,0x3,{0x4,0x5,0x6,0x7,0x8,0x9,0xa,0xb}}',
      '{1,0x2,0x3,{0x4,0x5,0x6,0x7,0x8,0x9,0xa,0xb}}',
    ]) {
      expect(reasonFor(guidCodec, text), JSON.stringify(text)).to.equal(NOT_A_GUID);
    }
  });

  it('writes the value, the lowercase D form, unchanged', () => {
    expect(guidCodec.format(GUID)).to.equal(GUID);
  });
});

describe('char as XmlReaderDelegator reads it (an Int32 in 0 to 65535) and writes it (the number)', () => {
  it('is named char and writes no markup', () => {
    expect(charCodec.typeName).to.equal('char');
    expect(charCodec.markupFree).to.equal(true);
  });

  it('reads the code unit as int.Parse does: a sign, leading zeros and surrounding white space allowed', () => {
    expectReads(charCodec, [
      ['65', 65],
      ['0', 0],
      ['65535', 65535],
      ['+65', 65],
      ['00065', 65],
      [' 65\n', 65],
      ['-0', 0],
    ]);
  });

  it('rejects a number outside 0 to 65535', () => {
    for (const text of ['65536', '-1', '2147483647', '99999999999']) {
      expect(reasonFor(charCodec, text), text).to.equal('out of range 0 to 65535');
    }
  });

  it('rejects the character itself, fractions, exponents and hex', () => {
    for (const text of ['', 'A', '6.5', '6e1', '0x41', '- 1']) {
      expect(reasonFor(charCodec, text), JSON.stringify(text)).to.equal('not an integer from 0 to 65535');
    }
  });

  it('writes the number', () => {
    expect(charCodec.format(65)).to.equal('65');
    expect(charCodec.format(0)).to.equal('0');
    expect(charCodec.format(65535)).to.equal('65535');
  });
});

describe('duration as XmlConvert.ToTimeSpan reads it and XmlConvert.ToString(TimeSpan) writes it', () => {
  it('is named duration and writes no markup', () => {
    expect(durationCodec.typeName).to.equal('duration');
    expect(durationCodec.markupFree).to.equal(true);
  });

  it('reads each part, as the text written for that TimeSpan', () => {
    expectReads(durationCodec, [
      ['P1D', 'P1D'],
      ['PT2H', 'PT2H'],
      ['PT3M', 'PT3M'],
      ['PT4S', 'PT4S'],
      ['P1DT2H', 'P1DT2H'],
      ['P1DT1M', 'P1DT1M'],
      ['PT1H1S', 'PT1H1S'],
      ['-P1DT2H3M4.5S', '-P1DT2H3M4.5S'],
    ]);
  });

  it('normalizes: carries into larger units and drops zero parts', () => {
    expectReads(durationCodec, [
      ['PT24H', 'P1D'],
      ['PT90M', 'PT1H30M'],
      ['PT3600S', 'PT1H'],
      ['PT86400.5S', 'P1DT0.5S'],
      ['P0DT0H5M0S', 'PT5M'],
      ['P01D', 'P1D'],
    ]);
  });

  it('counts a year as 365 days and a month as 30, twelve months as a year', () => {
    expectReads(durationCodec, [
      ['P1Y', 'P365D'],
      ['P1M', 'P30D'],
      ['P11M', 'P330D'],
      ['P12M', 'P365D'],
      ['P13M', 'P395D'],
      ['P1Y2M3DT4H5M6.7S', 'P428DT4H5M6.7S'],
    ]);
  });

  it('writes zero as PT0S, negative zero included', () => {
    expectReads(durationCodec, [
      ['PT0S', 'PT0S'],
      ['P0D', 'PT0S'],
      ['P0Y', 'PT0S'],
      ['-PT0S', 'PT0S'],
    ]);
  });

  it('keeps 7 fraction digits (100 ns ticks), dropping later ones without rounding, and trailing zeros', () => {
    expectReads(durationCodec, [
      ['-PT0.5S', '-PT0.5S'],
      ['PT0.1234567S', 'PT0.1234567S'],
      ['PT0.123456789S', 'PT0.1234567S'],
      ['PT0.99999999S', 'PT0.9999999S'],
      ['PT0.00000001S', 'PT0S'],
      ['PT1.500S', 'PT1.5S'],
      [`PT1.${'0'.repeat(40)}1S`, 'PT1S'],
    ]);
  });

  it('reads seconds with no digits before or after the point', () => {
    expectReads(durationCodec, [
      ['PT.5S', 'PT0.5S'],
      ['PT1.S', 'PT1S'],
      ['PT.S', 'PT0S'],
      ['PT1H.25S', 'PT1H0.25S'],
    ]);
  });

  it('trims .NET white space', () => {
    expectReads(durationCodec, [
      [' P1D\n', 'P1D'],
      ['\u00a0PT1H\u2003', 'PT1H'],
    ]);
  });

  it('reads the TimeSpan range’s ends, MaxValue and MinValue', () => {
    expectReads(durationCodec, [
      ['P10675199DT2H48M5.4775807S', 'P10675199DT2H48M5.4775807S'],
      ['-P10675199DT2H48M5.4775808S', '-P10675199DT2H48M5.4775808S'],
      ['PT2147483647S', 'P24855DT3H14M7S'],
    ]);
  });

  it('rejects a total beyond the TimeSpan range', () => {
    for (const text of ['P10675199DT2H48M5.4775808S', '-P10675199DT2H48M5.4775809S', 'P10675200D', 'P2147483647D', 'P2147483647Y']) {
      expect(reasonFor(durationCodec, text), text).to.equal('beyond the range of a .NET TimeSpan');
    }
  });

  it('rejects a number beyond Int32.MaxValue', () => {
    for (const text of ['P2147483648D', 'PT2147483648S', 'PT36000000000S', 'PT2147483648.5S']) {
      expect(reasonFor(durationCodec, text), text).to.equal('a number in it is beyond 2147483647');
    }
  });

  it('rejects empty or out-of-order parts, a fraction outside seconds, a + sign, lowercase letters and weeks', () => {
    for (const text of [
      '',
      'P',
      '-P',
      'PT',
      'P1DT',
      'P1',
      'PT1',
      'P1M2Y',
      'PT1S2M',
      'P1D2H',
      'P1.5D',
      'PT1.5H',
      'P.5S',
      'PTS',
      'PT1.5',
      '+P1D',
      '--P1D',
      'P-1D',
      'p1d',
      'P1d',
      'P1W',
      'T1H',
      '1D',
      'P 1D',
    ]) {
      expect(reasonFor(durationCodec, text), JSON.stringify(text)).to.equal(NOT_A_DURATION);
    }
  });

  it('writes the value, the canonical text, unchanged', () => {
    expect(durationCodec.format('P1DT2H')).to.equal('P1DT2H');
    expect(durationCodec.format('PT0S')).to.equal('PT0S');
  });
});
