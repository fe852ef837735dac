import { expect } from 'chai';
import { InvalidValueError } from '../../src/contract/codec.js';
import {
  compareInstants,
  DOTNET_MIN_VALUE,
  formatXsDateTime,
  hasTimeZone,
  instantFromEpochMilliseconds,
  isDotNetMinValue,
  parseXsDateTime,
  xsDateTime,
  type Instant,
} from '../../src/contract/datetime.js';
import { READ_CONTEXT } from '../support/context.js';

/** An independent expectation built with Date.UTC (fine for years from 100 on; it maps 0 to 99 to 19xx). */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ticks = 0): Instant {
  return { epochSeconds: Date.UTC(year, month - 1, day, hour, minute, second) / 1000, ticks };
}

function reasonFor(text: string): string {
  try {
    parseXsDateTime(text, READ_CONTEXT);
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidValueError);
    return (error as InvalidValueError).reason;
  }
  expect.fail(`${JSON.stringify(text)} was accepted`);
}

const roundTrip = (text: string): string => formatXsDateTime(parseXsDateTime(text, READ_CONTEXT));

/** mulberry32: a tiny seeded generator so the property loops are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORM = 'not of the form YYYY-MM-DDThh:mm:ss[.fffffff][Z|±hh:mm]';
const MIN_EPOCH_SECONDS = -62_135_596_800; // 0001-01-01T00:00:00Z
const MAX_EPOCH_SECONDS = 253_402_300_799; // 9999-12-31T23:59:59Z

describe('xs:dateTime codec', () => {
  describe('parsing and formatting', () => {
    it('round-trips the CONTRACT sample 2021-03-25T21:36:53Z', () => {
      const value = parseXsDateTime('2021-03-25T21:36:53Z', READ_CONTEXT);
      expect(value).to.deep.equal({ epochSeconds: 1_616_708_213, ticks: 0 });
      expect(value).to.deep.equal(utc(2021, 3, 25, 21, 36, 53));
      expect(formatXsDateTime(value)).to.equal('2021-03-25T21:36:53Z');
    });

    it('keeps 0, 1, 3, 6 and 7 fraction digits exactly', () => {
      const base = 1_616_708_213;
      expect(parseXsDateTime('2021-03-25T21:36:53Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 0 });
      expect(parseXsDateTime('2021-03-25T21:36:53.1Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_000_000 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_230_000 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123456Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_560 });
      expect(parseXsDateTime('2021-03-25T21:36:53.1234567Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_567 });
      expect(roundTrip('2021-03-25T21:36:53.1Z')).to.equal('2021-03-25T21:36:53.1Z');
      expect(roundTrip('2021-03-25T21:36:53.123Z')).to.equal('2021-03-25T21:36:53.123Z');
      expect(roundTrip('2021-03-25T21:36:53.123456Z')).to.equal('2021-03-25T21:36:53.123456Z');
      expect(roundTrip('2021-03-25T21:36:53.1234567Z')).to.equal('2021-03-25T21:36:53.1234567Z');
      expect(roundTrip('2021-03-25T21:36:53.0000001Z')).to.equal('2021-03-25T21:36:53.0000001Z');
    });

    it('rounds more than 7 fraction digits on the 8th digit, half to even, the later digits counted', () => {
      const base = 1_616_708_213;
      expect(parseXsDateTime('2021-03-25T21:36:53.12345678Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_568 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123456789Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_568 });
      expect(parseXsDateTime('2021-03-25T21:36:53.12345675Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_568 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123456749999Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_567 });
      expect(parseXsDateTime('2021-03-25T21:36:53.00000004Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 0 });
      expect(parseXsDateTime('2021-03-25T21:36:53.12345665Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_566 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123456650001Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: base, ticks: 1_234_567 });
      expect(roundTrip('2021-03-25T21:36:53.12345678Z')).to.equal('2021-03-25T21:36:53.1234568Z');
      expect(roundTrip('2021-03-25T21:36:53.00000004Z')).to.equal('2021-03-25T21:36:53Z');
    });

    it('carries a rounded-up fraction into seconds, minutes, hours, days, months and years', () => {
      expect(roundTrip('2020-12-31T23:59:59.99999999Z')).to.equal('2021-01-01T00:00:00Z');
      expect(parseXsDateTime('2020-12-31T23:59:59.99999999Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: 1_609_459_200, ticks: 0 });
      expect(roundTrip('2021-03-25T21:36:53.99999995Z')).to.equal('2021-03-25T21:36:54Z');
      expect(roundTrip('2021-03-25T21:36:53.99999994Z')).to.equal('2021-03-25T21:36:53.9999999Z');
      expect(roundTrip('2024-02-29T23:59:59.999999951Z')).to.equal('2024-03-01T00:00:00Z');
    });

    it('trims trailing zeros from the fraction and drops an all-zero fraction', () => {
      expect(roundTrip('2021-03-25T21:36:53.5000000Z')).to.equal('2021-03-25T21:36:53.5Z');
      expect(roundTrip('2021-03-25T21:36:53.1200Z')).to.equal('2021-03-25T21:36:53.12Z');
      expect(roundTrip('2021-03-25T21:36:53.0500Z')).to.equal('2021-03-25T21:36:53.05Z');
      expect(roundTrip('2021-03-25T21:36:53.0000000Z')).to.equal('2021-03-25T21:36:53Z');
      expect(roundTrip('2021-03-25T21:36:53.000000000000Z')).to.equal('2021-03-25T21:36:53Z');
      expect(formatXsDateTime({ epochSeconds: 1_616_708_213, ticks: 5_000_000 })).to.equal('2021-03-25T21:36:53.5Z');
      expect(formatXsDateTime({ epochSeconds: 1_616_708_213, ticks: 10 })).to.equal('2021-03-25T21:36:53.000001Z');
    });

    it('treats a time without a zone as UTC', () => {
      expect(parseXsDateTime('2021-03-25T21:36:53', READ_CONTEXT)).to.deep.equal(parseXsDateTime('2021-03-25T21:36:53Z', READ_CONTEXT));
      expect(roundTrip('2011-08-30T09:10:52.5641784')).to.equal('2011-08-30T09:10:52.5641784Z');
    });

    it('accepts surrounding XML whitespace', () => {
      expect(roundTrip(' \t\r\n2021-03-25T21:36:53Z\n ')).to.equal('2021-03-25T21:36:53Z');
      expect(roundTrip('\n  2011-08-30T11:10:52.5641784+02:00  \n')).to.equal('2011-08-30T09:10:52.5641784Z');
    });
  });

  describe('offsets', () => {
    it('converts a positive offset to UTC', () => {
      expect(roundTrip('2011-08-30T11:10:52.5641784+02:00')).to.equal('2011-08-30T09:10:52.5641784Z');
      expect(parseXsDateTime('2011-08-30T11:10:52.5641784+02:00', READ_CONTEXT)).to.deep.equal(
        utc(2011, 8, 30, 9, 10, 52, 5_641_784),
      );
      expect(roundTrip('2021-03-25T21:36:53+05:30')).to.equal('2021-03-25T16:06:53Z');
    });

    it('converts a negative offset to UTC', () => {
      expect(roundTrip('2021-03-25T21:36:53-05:00')).to.equal('2021-03-26T02:36:53Z');
      expect(roundTrip('2021-03-25T11:36:53.25-09:30')).to.equal('2021-03-25T21:06:53.25Z');
    });

    it('treats +00:00 and -00:00 as UTC', () => {
      expect(roundTrip('2021-03-25T21:36:53+00:00')).to.equal('2021-03-25T21:36:53Z');
      expect(roundTrip('2021-03-25T21:36:53-00:00')).to.equal('2021-03-25T21:36:53Z');
    });

    it('crosses day, month and year boundaries', () => {
      expect(roundTrip('2021-03-25T01:00:00+02:00')).to.equal('2021-03-24T23:00:00Z');
      expect(roundTrip('2021-03-01T01:00:00+02:00')).to.equal('2021-02-28T23:00:00Z');
      expect(roundTrip('2024-03-01T01:00:00+02:00')).to.equal('2024-02-29T23:00:00Z');
      expect(roundTrip('2021-01-01T00:30:00+01:00')).to.equal('2020-12-31T23:30:00Z');
      expect(roundTrip('2020-12-31T23:30:00-01:00')).to.equal('2021-01-01T00:30:00Z');
      expect(roundTrip('2021-04-30T22:00:00-03:00')).to.equal('2021-05-01T01:00:00Z');
    });

    it('accepts the offsets of real zones, +14:00 and -14:00 the widest', () => {
      expect(roundTrip('2021-03-25T12:00:00+14:00')).to.equal('2021-03-24T22:00:00Z');
      expect(roundTrip('2021-03-25T12:00:00-14:00')).to.equal('2021-03-26T02:00:00Z');
    });
  });

  /*
   * WCF reads xs:dateTime with XmlConvert.ToDateTime(s, XmlDateTimeSerializationMode.RoundtripKind): .NET's
   * XsdDateTime parser with XsdDateTimeFlags.AllXsd, then its cast to DateTime. Each case names the statement of
   * dotnet/runtime's src/libraries/System.Private.Xml/src/System/Xml/Schema/XsdDateTime.cs (commit 0010a7b) that
   * decides it. READ_CONTEXT's clock stands at 2021-03-25T12:00:00Z, the emulated server's "now".
   */
  describe(".NET's XsdDateTime parser, path by path", () => {
    const accepted: ReadonlyArray<readonly [string, string, string]> = [
      // Parser.Parse: `while (start < _length && char.IsWhiteSpace(text[start]))`
      ['\u00a0\u30002021-03-25T21:36:53Z', '2021-03-25T21:36:53Z', 'Parse: leading char.IsWhiteSpace (U+00A0, U+3000) skipped'],
      // Parser.ParseZoneAndWhitespace: `while (start < _length && char.IsWhiteSpace(_text[start]))`
      ['2021-03-25T21:36:53Z\u2028\u0085', '2021-03-25T21:36:53Z', 'ParseZoneAndWhitespace: trailing char.IsWhiteSpace (U+2028, U+0085) skipped'],
      // Parser.ParseZoneAndWhitespace: `if (ch == 'Z' || ch == 'z')`
      ['2021-03-25T21:36:53z', '2021-03-25T21:36:53Z', "ParseZoneAndWhitespace: `ch == 'Z' || ch == 'z'`"],
      // Parser.ParseZoneAndWhitespace: `Parse2Dig(start + s_Lz_, ref zoneHour) && zoneHour <= 99 && ... zoneMinute <= 99`
      ['2021-03-25T21:36:53+15:00', '2021-03-25T06:36:53Z', 'ParseZoneAndWhitespace: `zoneHour <= 99`'],
      ['2021-03-25T21:36:53-14:01', '2021-03-26T11:37:53Z', 'ParseZoneAndWhitespace: `zoneMinute <= 99`'],
      ['2021-03-25T21:36:53+01:60', '2021-03-25T19:36:53Z', 'ParseZoneAndWhitespace: `zoneMinute <= 99`, 60 minutes an hour'],
      ['2021-03-25T21:36:53-99:99', '2021-03-30T02:15:53Z', 'ParseZoneAndWhitespace: the widest offset, -99:99'],
      // Parser.ParseTime: `if (fractionDigits < maxFractionDigits) ... fraction *= s_power10[...]`
      ['2021-03-25T21:36:53.5Z', '2021-03-25T21:36:53.5Z', 'ParseTime: fewer than 7 digits scaled'],
      // Parser.ParseTime: `if (round < 0) { round = fraction & 1; }`
      ['2021-03-25T21:36:53.12345665Z', '2021-03-25T21:36:53.1234566Z', 'ParseTime: half to even, down to an even 7th digit'],
      ['2021-03-25T21:36:53.12345675Z', '2021-03-25T21:36:53.1234568Z', 'ParseTime: half to even, up from an odd 7th digit'],
      // Parser.ParseTime: `else if (round < 0 && d != 0) { round = 1; }`
      ['2021-03-25T21:36:53.1234566500000001Z', '2021-03-25T21:36:53.1234567Z', 'ParseTime: a later non-zero digit makes a half round up'],
      // Parser.ParseTime: `if (5 < d) { round = 1; }`, and InitiateXsdDateTime: `_dt = _dt.AddTicks(parser.fraction)` carries
      ['2021-03-25T23:59:59.99999996Z', '2021-03-26T00:00:00Z', 'ParseTime and AddTicks: a rounded fraction carries into the next day'],
      // Parser.Parse: `if (Test(kinds, XsdDateTimeFlags.Date)) { if (ParseZoneAndWhitespace(start + s_lzyyyy_MM_dd))`
      ['2021-03-25', '2021-03-25T00:00:00Z', 'Parse: xs:date, midnight, no zone (read as UTC)'],
      ['2021-03-25+02:00', '2021-03-24T22:00:00Z', 'Parse: xs:date with an offset'],
      ['2021-03-25z', '2021-03-25T00:00:00Z', 'Parse: xs:date with z'],
      // Parser.Parse: the Time branch `year = leapYear; month = firstMonth; day = firstDay;`, then operator DateTime:
      // `case DateTimeTypeCode.Time: ... DateTime.Now ... result = xdt._dt.Add(addDiff);`
      ['21:36:53Z', '2021-03-25T21:36:53Z', "Parse and operator DateTime: xs:time, on the server's date"],
      ['01:00:00+02:00', '2021-03-24T23:00:00Z', "Parse and operator DateTime: xs:time with an offset, the server's date first"],
      // Parser.Parse: `if (Test(kinds, XsdDateTimeFlags.GYearMonth)) { ... day = firstDay;`
      ['2021-03', '2021-03-01T00:00:00Z', 'Parse: xs:gYearMonth, the first day'],
      // Parser.Parse: `if (Test(kinds, XsdDateTimeFlags.GYear)) { ... month = firstMonth; day = firstDay;`
      ['2021', '2021-01-01T00:00:00Z', 'Parse: xs:gYear, 1 January'],
      ['2021Z', '2021-01-01T00:00:00Z', 'Parse: xs:gYear with Z'],
      // Parser.Parse: GMonthDay `year = leapYear;`; operator DateTime has no case for GMonthDay: `default: result = xdt._dt;`
      ['--03-25', '1904-03-25T00:00:00Z', 'operator DateTime: xs:gMonthDay keeps the parser year 1904'],
      ['--02-29', '1904-02-29T00:00:00Z', 'Parse: `day <= DateTime.DaysInMonth(leapYear, month)`: 29 February'],
      // operator DateTime: `case DateTimeTypeCode.GMonth: case DateTimeTypeCode.GDay: result = new DateTime(DateTime.Now.Year, xdt.Month, xdt.Day);`
      ['--03', '2021-03-01T00:00:00Z', "operator DateTime: xs:gMonth, in the server's year"],
      ['--03--', '2021-03-01T00:00:00Z', 'Parse: the old gMonth form `--MM--`'],
      ['---25', '2021-01-25T00:00:00Z', "operator DateTime: xs:gDay, January of the server's year"],
      // Parser.Parse: GMonthDay fails at ':30', and the GMonth branch `ParseZoneAndWhitespace(start + s_lz__mm)` reads "-12:30" as a zone
      ['--03-12:30', '2021-03-01T12:30:00Z', 'Parse: the gMonth branch reads -12:30 as an offset'],
      // operator DateTime, LocalEastOfZulu: `if (ticks < DateTime.MinValue.Ticks) { ... ticks = DateTime.MinValue.Ticks;`
      ['0001-01-01T00:59:59.9999999+01:00', '0001-01-01T00:00:00Z', 'operator DateTime: east of UTC clamped to MinValue'],
      // operator DateTime, LocalWestOfZulu: `if (ticks > DateTime.MaxValue.Ticks) { ... ticks = DateTime.MaxValue.Ticks;`
      ['9999-12-31T23:00:00-01:00', '9999-12-31T23:59:59.9999999Z', 'operator DateTime: west of UTC clamped to MaxValue'],
    ];

    for (const [text, expected, path] of accepted) {
      it(`reads ${JSON.stringify(text)} as ${expected} (${path})`, () => {
        expect(roundTrip(text)).to.equal(expected);
      });
    }

    const refused: ReadonlyArray<readonly [string, string, string]> = [
      // Parser.ParseTime: `if (fractionDigits == 0) { return false; // cannot end with . }`
      ['2021-03-25T21:36:53.Z', FORM, 'ParseTime: `cannot end with .`'],
      // Parser.ParseTime: `Parse2Dig(start, ref hour) && hour < 24`
      ['2021-03-25T24:00:00Z', 'hour 24 is out of range 0 to 23', 'ParseTime: `hour < 24`'],
      // Parser.ParseDate: `Parse4Dig(start, ref year) && 1 <= year`
      ['0000-01-01T00:00:00Z', "year 0000 is before .NET's range 0001 to 9999", 'ParseDate: `1 <= year`'],
      // Parser.Parse4Dig reads four digits, and ParseDate then wants `ParseChar(start + s_lzyyyy, '-')`
      ['10000-01-01T00:00:00Z', "year 10000 is after .NET's range 0001 to 9999", "ParseDate: `ParseChar(start + s_lzyyyy, '-')`"],
      // Parser.ParseDate: `day <= DateTime.DaysInMonth(year, month)`
      ['2021-02-29T00:00:00Z', 'February 2021 has no day 29', 'ParseDate: `DateTime.DaysInMonth(year, month)`'],
      // Parser.ParseZoneAndWhitespace: `else if (start + 5 < _length)`: an offset is six characters
      ['2021-03-25T21:36:53+0100', FORM, 'ParseZoneAndWhitespace: `start + 5 < _length`'],
      // Parser.ParseZoneAndWhitespace: only white space may follow: `return start == _length;`
      ['2021-03-25T21:36:53ZZ', FORM, 'ParseZoneAndWhitespace: `return start == _length`'],
      // Parser.Parse: `if (ParseChar(start + s_lzyyyy_MM_dd, 'T') && ...`: a capital T only
      ['2021-03-25t21:36:53Z', FORM, "Parse: `ParseChar(start + s_lzyyyy_MM_dd, 'T')`"],
      // Parser.Parse: the time form needs seconds: `ParseChar(start + s_lzHH_mm, ':') && Parse2Dig(start + s_lzHH_mm_, ref second)`
      ['21:36', FORM, 'ParseTime: seconds are required'],
      // Parser.Parse: GDay `day <= DateTime.DaysInMonth(leapYear, firstMonth)`
      ['---32', FORM, 'Parse: a gDay of January has 31 days'],
      // InitiateXsdDateTime: `_dt = _dt.AddTicks(parser.fraction)` throws ArgumentOutOfRangeException, a fault in WCF
      [
        '9999-12-31T23:59:59.99999995Z',
        "the fraction, rounded to 7 digits, moves it past the end of .NET's range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z",
        'InitiateXsdDateTime: `AddTicks` past DateTime.MaxValue',
      ],
    ];

    for (const [text, reason, path] of refused) {
      it(`refuses ${JSON.stringify(text)}: ${reason} (${path})`, () => {
        expect(reasonFor(text)).to.equal(reason);
      });
    }

    it('tells a value with a zone from one without, as WCF reads them', () => {
      expect(hasTimeZone('2021-03-25T21:36:53Z')).to.equal(true);
      expect(hasTimeZone('2021-03-25T21:36:53z ')).to.equal(true);
      expect(hasTimeZone('2021-03-25T21:36:53-99:99')).to.equal(true);
      expect(hasTimeZone('2021-03-25T21:36:53')).to.equal(false);
      expect(hasTimeZone('2021-03-25')).to.equal(false);
      expect(hasTimeZone('not a date')).to.equal(false);
    });
  });

  describe('leap years', () => {
    it('accepts 29 February in a leap year', () => {
      expect(roundTrip('2000-02-29T00:00:00Z')).to.equal('2000-02-29T00:00:00Z');
      expect(roundTrip('2024-02-29T12:00:00Z')).to.equal('2024-02-29T12:00:00Z');
      expect(roundTrip('0004-02-29T00:00:00Z')).to.equal('0004-02-29T00:00:00Z');
      expect(parseXsDateTime('2000-02-29T00:00:00Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: 951_782_400, ticks: 0 });
    });

    it('rejects 29 February in a common year, century years included', () => {
      expect(reasonFor('1900-02-29T00:00:00Z')).to.equal('February 1900 has no day 29');
      expect(reasonFor('2021-02-29T00:00:00Z')).to.equal('February 2021 has no day 29');
      expect(reasonFor('2100-02-29T00:00:00Z')).to.equal('February 2100 has no day 29');
    });
  });

  describe(".NET's range", () => {
    it('accepts 0001-01-01T00:00:00Z and recognises it as DateTime.MinValue', () => {
      const value = parseXsDateTime('0001-01-01T00:00:00Z', READ_CONTEXT);
      expect(value).to.deep.equal({ epochSeconds: MIN_EPOCH_SECONDS, ticks: 0 });
      expect(value).to.deep.equal(DOTNET_MIN_VALUE);
      expect(isDotNetMinValue(value)).to.equal(true);
      expect(isDotNetMinValue(parseXsDateTime('0001-01-01T00:00:00', READ_CONTEXT))).to.equal(true);
      expect(isDotNetMinValue(parseXsDateTime('0001-01-01T00:00:00.0000001Z', READ_CONTEXT))).to.equal(false);
      expect(isDotNetMinValue(parseXsDateTime('2021-03-25T21:36:53Z', READ_CONTEXT))).to.equal(false);
      expect(formatXsDateTime(DOTNET_MIN_VALUE)).to.equal('0001-01-01T00:00:00Z');
    });

    it('accepts 9999-12-31T23:59:59.9999999Z', () => {
      const value = parseXsDateTime('9999-12-31T23:59:59.9999999Z', READ_CONTEXT);
      expect(value).to.deep.equal({ epochSeconds: MAX_EPOCH_SECONDS, ticks: 9_999_999 });
      expect(formatXsDateTime(value)).to.equal('9999-12-31T23:59:59.9999999Z');
    });

    it('clamps to DateTime.MinValue or MaxValue an instant that an offset moves out of the range, as .NET does', () => {
      expect(parseXsDateTime('0001-01-01T00:00:00+01:00', READ_CONTEXT)).to.deep.equal(DOTNET_MIN_VALUE);
      expect(parseXsDateTime('0001-01-01T00:30:00.5+01:00', READ_CONTEXT)).to.deep.equal(DOTNET_MIN_VALUE);
      expect(roundTrip('9999-12-31T23:00:00-01:00')).to.equal('9999-12-31T23:59:59.9999999Z');
      expect(roundTrip('0001-01-01T00:00:00-01:00')).to.equal('0001-01-01T01:00:00Z');
      expect(roundTrip('9999-12-31T23:00:00+01:00')).to.equal('9999-12-31T22:00:00Z');
    });

    it('rejects a fraction that rounds past the end of the range', () => {
      expect(reasonFor('9999-12-31T23:59:59.99999995Z')).to.equal(
        "the fraction, rounded to 7 digits, moves it past the end of .NET's range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z",
      );
    });

    it('rejects years outside 0001 to 9999', () => {
      expect(reasonFor('0000-01-01T00:00:00Z')).to.equal("year 0000 is before .NET's range 0001 to 9999");
      expect(reasonFor('-0001-01-01T00:00:00Z')).to.equal("year -0001 is before .NET's range 0001 to 9999");
      expect(reasonFor('10000-01-01T00:00:00Z')).to.equal("year 10000 is after .NET's range 0001 to 9999");
      expect(reasonFor('123456789-01-01T00:00:00Z')).to.equal("year 123456789 is after .NET's range 0001 to 9999");
    });
  });

  describe('invalid inputs', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['2021-13-01T00:00:00Z', 'month 13 is out of range 1 to 12'],
      ['2021-00-01T00:00:00Z', 'month 00 is out of range 1 to 12'],
      ['2021-02-30T00:00:00Z', 'February 2021 has no day 30'],
      ['2021-04-31T00:00:00Z', 'April 2021 has no day 31'],
      ['2021-03-32T00:00:00Z', 'day 32 is out of range 1 to 31'],
      ['2021-03-00T00:00:00Z', 'day 00 is out of range 1 to 31'],
      ['2021-03-25T24:00:00Z', 'hour 24 is out of range 0 to 23'],
      ['2021-03-25T21:60:00Z', 'minute 60 is out of range 0 to 59'],
      ['2021-03-25T21:36:60Z', 'second 60 is out of range 0 to 59'],
      ['2021-03-25 21:36:53Z', FORM],
      ['2021-03-25T21:36:53.Z', FORM],
      ['2021-03-25T21:36:53+1:00', `offset hours "1" is not written with exactly 2 digits (${FORM})`],
      ['2021-3-25T21:36:53Z', `month "3" is not written with exactly 2 digits (${FORM})`],
      ['2021-03-25T1:36:53Z', `hour "1" is not written with exactly 2 digits (${FORM})`],
      ['21-03-25T21:36:53Z', `year "21" is not written with exactly 4 digits (${FORM})`],
      ['02021-03-25T21:36:53Z', `year "02021" is not written with exactly 4 digits (${FORM})`],
      ['', FORM],
      ['   ', FORM],
      ['abc', FORM],
      ['2021-03-25T21:36Z', FORM],
      ['2021-03-25t21:36:53Z', FORM],
      ['2021-03-25T21:36:53+0100', FORM],
      ['+2021-03-25T21:36:53Z', FORM],
      ['2021-03-25T21:36:53ZZ', FORM],
      ['２０２１-03-25T21:36:53Z', FORM],
    ];

    for (const [text, reason] of cases) {
      it(`rejects ${JSON.stringify(text)}: ${reason}`, () => {
        expect(reasonFor(text)).to.equal(reason);
      });
    }

    it('throws InvalidValueError whose message is the reason', () => {
      expect(() => parseXsDateTime('2021-13-01T00:00:00Z', READ_CONTEXT))
        .to.throw(InvalidValueError, 'month 13 is out of range 1 to 12');
    });
  });

  describe('instants from the server clock', () => {
    it('keeps the milliseconds of Date.now()-style values', () => {
      const value = instantFromEpochMilliseconds(Date.UTC(2021, 2, 25, 21, 36, 53, 123));
      expect(value).to.deep.equal({ epochSeconds: 1_616_708_213, ticks: 1_230_000 });
      expect(formatXsDateTime(value)).to.equal('2021-03-25T21:36:53.123Z');
      expect(formatXsDateTime(instantFromEpochMilliseconds(Date.UTC(2021, 2, 25, 21, 36, 53)))).to.equal(
        '2021-03-25T21:36:53Z',
      );
      expect(formatXsDateTime(instantFromEpochMilliseconds(0))).to.equal('1970-01-01T00:00:00Z');
    });

    it('handles instants before 1970', () => {
      expect(instantFromEpochMilliseconds(-1)).to.deep.equal({ epochSeconds: -1, ticks: 9_990_000 });
      expect(formatXsDateTime(instantFromEpochMilliseconds(-1))).to.equal('1969-12-31T23:59:59.999Z');
      expect(formatXsDateTime(instantFromEpochMilliseconds(-1500))).to.equal('1969-12-31T23:59:58.5Z');
      expect(formatXsDateTime({ epochSeconds: -1, ticks: 1 })).to.equal('1969-12-31T23:59:59.0000001Z');
      expect(formatXsDateTime({ epochSeconds: -86_400, ticks: 0 })).to.equal('1969-12-31T00:00:00Z');
      expect(parseXsDateTime('1969-07-20T20:17:40Z', READ_CONTEXT)).to.deep.equal({ epochSeconds: -14_182_940, ticks: 0 });
      expect(formatXsDateTime({ epochSeconds: -14_182_940, ticks: 0 })).to.equal('1969-07-20T20:17:40Z');
      expect(formatXsDateTime({ epochSeconds: MIN_EPOCH_SECONDS + 86_399, ticks: 9_999_999 })).to.equal(
        '0001-01-01T23:59:59.9999999Z',
      );
      expect(formatXsDateTime({ epochSeconds: MIN_EPOCH_SECONDS + 31 * 86_400, ticks: 0 })).to.equal(
        '0001-02-01T00:00:00Z',
      );
    });

    it('refuses to format something that is not an Instant in range', () => {
      expect(() => formatXsDateTime({ epochSeconds: MIN_EPOCH_SECONDS - 1, ticks: 0 })).to.throw(RangeError);
      expect(() => formatXsDateTime({ epochSeconds: MAX_EPOCH_SECONDS + 1, ticks: 0 })).to.throw(RangeError);
      expect(() => formatXsDateTime({ epochSeconds: 0, ticks: 10_000_000 })).to.throw(RangeError);
      expect(() => formatXsDateTime({ epochSeconds: 0, ticks: -1 })).to.throw(RangeError);
      expect(() => formatXsDateTime({ epochSeconds: 0.5, ticks: 0 })).to.throw(RangeError);
    });
  });

  describe('compareInstants and the codec object', () => {
    it('orders by seconds, then ticks', () => {
      const a = parseXsDateTime('2021-03-25T21:36:53.1234567Z', READ_CONTEXT);
      const b = parseXsDateTime('2021-03-25T21:36:53.1234568Z', READ_CONTEXT);
      const c = parseXsDateTime('2021-03-25T21:36:54Z', READ_CONTEXT);
      expect(compareInstants(a, b)).to.be.below(0);
      expect(compareInstants(b, a)).to.be.above(0);
      expect(compareInstants(b, c)).to.be.below(0);
      expect(compareInstants(c, a)).to.be.above(0);
      expect(compareInstants(a, parseXsDateTime('2021-03-25T23:36:53.1234567+02:00', READ_CONTEXT))).to.equal(0);
      expect(compareInstants(DOTNET_MIN_VALUE, instantFromEpochMilliseconds(-1))).to.be.below(0);
    });

    it('exposes parse and format as the xs:dateTime ValueCodec', () => {
      expect(xsDateTime.typeName).to.equal('xs:dateTime');
      expect(xsDateTime.parse('2011-08-30T11:10:52.5641784+02:00', READ_CONTEXT)).to.deep.equal(
        parseXsDateTime('2011-08-30T11:10:52.5641784+02:00', READ_CONTEXT),
      );
      expect(xsDateTime.format({ epochSeconds: 1_616_708_213, ticks: 0 })).to.equal('2021-03-25T21:36:53Z');
    });
  });

  describe('properties over pseudo-random instants', () => {
    const span = MAX_EPOCH_SECONDS - MIN_EPOCH_SECONDS + 1;

    it('format then parse returns the same Instant, and agrees with Date on the milliseconds', () => {
      const random = seededRandom(0x5eed);
      for (let i = 0; i < 5000; i++) {
        const epochSeconds = MIN_EPOCH_SECONDS + Math.floor(random() * span);
        // Half the ticks are whole milliseconds, so trimmed fractions of every length get exercised.
        const ticks = i % 2 === 0 ? Math.floor(random() * 10_000_000) : Math.floor(random() * 1000) * 10_000;
        const value: Instant = { epochSeconds, ticks };
        const text = formatXsDateTime(value);
        expect(text).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,6}[1-9])?Z$/);
        expect(parseXsDateTime(text, READ_CONTEXT), text).to.deep.equal(value);

        const iso = new Date(epochSeconds * 1000 + Math.floor(ticks / 10_000)).toISOString();
        expect(text.slice(0, 19), text).to.equal(iso.slice(0, 19));
        const fraction = text.length > 20 ? text.slice(20, -1) : '';
        expect(fraction.padEnd(7, '0').slice(0, 3), text).to.equal(iso.slice(20, 23));
      }
    });

    it('instantFromEpochMilliseconds formats exactly as Date.prototype.toISOString, zeros trimmed', () => {
      const random = seededRandom(20210325);
      for (let i = 0; i < 3000; i++) {
        const ms = (MIN_EPOCH_SECONDS + Math.floor(random() * span)) * 1000 + Math.floor(random() * 1000);
        const iso = new Date(ms).toISOString();
        const trimmed = iso.replace(/\.?0+Z$/, 'Z').replace(/\.Z$/, 'Z');
        expect(formatXsDateTime(instantFromEpochMilliseconds(ms)), iso).to.equal(trimmed);
        const parsed = parseXsDateTime(iso, READ_CONTEXT);
        expect(parsed.epochSeconds * 1000 + parsed.ticks / 10_000, iso).to.equal(ms);
      }
    });

    it('applies random offsets the way Date.parse does', () => {
      const random = seededRandom(42);
      const pad = (n: number, width: number): string => String(n).padStart(width, '0');
      for (let i = 0; i < 3000; i++) {
        const year = 2 + Math.floor(random() * 9997); // keep clear of the range edges, which offsets may cross
        const month = 1 + Math.floor(random() * 12);
        const day = 1 + Math.floor(random() * 28);
        const offsetMinutes = Math.floor(random() * (2 * 14 * 60 + 1)) - 14 * 60;
        const offset =
          `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60), 2)}:${pad(Math.abs(offsetMinutes) % 60, 2)}`;
        const text =
          `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(random() * 24), 2)}:` +
          `${pad(Math.floor(random() * 60), 2)}:${pad(Math.floor(random() * 60), 2)}.${pad(Math.floor(random() * 1000), 3)}${offset}`;
        const parsed = parseXsDateTime(text, READ_CONTEXT);
        expect(parsed.epochSeconds * 1000 + parsed.ticks / 10_000, text).to.equal(Date.parse(text));
      }
    });
  });
});
