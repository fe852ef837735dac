import { expect } from 'chai';
import { InvalidValueError } from '../../src/contract/codec.js';
import {
  compareInstants,
  DOTNET_MIN_VALUE,
  formatXsDateTime,
  instantFromEpochMilliseconds,
  isDotNetMinValue,
  parseXsDateTime,
  xsDateTime,
  type Instant,
} from '../../src/contract/datetime.js';

/** An independent expectation built with Date.UTC (fine for years from 100 on; it maps 0 to 99 to 19xx). */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ticks = 0): Instant {
  return { epochSeconds: Date.UTC(year, month - 1, day, hour, minute, second) / 1000, ticks };
}

function reasonFor(text: string): string {
  try {
    parseXsDateTime(text);
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidValueError);
    return (error as InvalidValueError).reason;
  }
  expect.fail(`${JSON.stringify(text)} was accepted`);
}

const roundTrip = (text: string): string => formatXsDateTime(parseXsDateTime(text));

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
      const value = parseXsDateTime('2021-03-25T21:36:53Z');
      expect(value).to.deep.equal({ epochSeconds: 1_616_708_213, ticks: 0 });
      expect(value).to.deep.equal(utc(2021, 3, 25, 21, 36, 53));
      expect(formatXsDateTime(value)).to.equal('2021-03-25T21:36:53Z');
    });

    it('keeps 0, 1, 3, 6 and 7 fraction digits exactly', () => {
      const base = 1_616_708_213;
      expect(parseXsDateTime('2021-03-25T21:36:53Z')).to.deep.equal({ epochSeconds: base, ticks: 0 });
      expect(parseXsDateTime('2021-03-25T21:36:53.1Z')).to.deep.equal({ epochSeconds: base, ticks: 1_000_000 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123Z')).to.deep.equal({ epochSeconds: base, ticks: 1_230_000 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123456Z')).to.deep.equal({ epochSeconds: base, ticks: 1_234_560 });
      expect(parseXsDateTime('2021-03-25T21:36:53.1234567Z')).to.deep.equal({ epochSeconds: base, ticks: 1_234_567 });
      expect(roundTrip('2021-03-25T21:36:53.1Z')).to.equal('2021-03-25T21:36:53.1Z');
      expect(roundTrip('2021-03-25T21:36:53.123Z')).to.equal('2021-03-25T21:36:53.123Z');
      expect(roundTrip('2021-03-25T21:36:53.123456Z')).to.equal('2021-03-25T21:36:53.123456Z');
      expect(roundTrip('2021-03-25T21:36:53.1234567Z')).to.equal('2021-03-25T21:36:53.1234567Z');
      expect(roundTrip('2021-03-25T21:36:53.0000001Z')).to.equal('2021-03-25T21:36:53.0000001Z');
    });

    it('rounds more than 7 fraction digits half-up on the 8th digit', () => {
      const base = 1_616_708_213;
      expect(parseXsDateTime('2021-03-25T21:36:53.12345678Z')).to.deep.equal({ epochSeconds: base, ticks: 1_234_568 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123456789Z')).to.deep.equal({ epochSeconds: base, ticks: 1_234_568 });
      expect(parseXsDateTime('2021-03-25T21:36:53.12345675Z')).to.deep.equal({ epochSeconds: base, ticks: 1_234_568 });
      expect(parseXsDateTime('2021-03-25T21:36:53.123456749999Z')).to.deep.equal({ epochSeconds: base, ticks: 1_234_567 });
      expect(parseXsDateTime('2021-03-25T21:36:53.00000004Z')).to.deep.equal({ epochSeconds: base, ticks: 0 });
      expect(roundTrip('2021-03-25T21:36:53.12345678Z')).to.equal('2021-03-25T21:36:53.1234568Z');
      expect(roundTrip('2021-03-25T21:36:53.00000004Z')).to.equal('2021-03-25T21:36:53Z');
    });

    it('carries a rounded-up fraction into seconds, minutes, hours, days, months and years', () => {
      expect(roundTrip('2020-12-31T23:59:59.99999999Z')).to.equal('2021-01-01T00:00:00Z');
      expect(parseXsDateTime('2020-12-31T23:59:59.99999999Z')).to.deep.equal({ epochSeconds: 1_609_459_200, ticks: 0 });
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
      expect(parseXsDateTime('2021-03-25T21:36:53')).to.deep.equal(parseXsDateTime('2021-03-25T21:36:53Z'));
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
      expect(parseXsDateTime('2011-08-30T11:10:52.5641784+02:00')).to.deep.equal(
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

    it('accepts the widest offsets, +14:00 and -14:00', () => {
      expect(roundTrip('2021-03-25T12:00:00+14:00')).to.equal('2021-03-24T22:00:00Z');
      expect(roundTrip('2021-03-25T12:00:00-14:00')).to.equal('2021-03-26T02:00:00Z');
    });
  });

  describe('leap years', () => {
    it('accepts 29 February in a leap year', () => {
      expect(roundTrip('2000-02-29T00:00:00Z')).to.equal('2000-02-29T00:00:00Z');
      expect(roundTrip('2024-02-29T12:00:00Z')).to.equal('2024-02-29T12:00:00Z');
      expect(roundTrip('0004-02-29T00:00:00Z')).to.equal('0004-02-29T00:00:00Z');
      expect(parseXsDateTime('2000-02-29T00:00:00Z')).to.deep.equal({ epochSeconds: 951_782_400, ticks: 0 });
    });

    it('rejects 29 February in a common year, century years included', () => {
      expect(reasonFor('1900-02-29T00:00:00Z')).to.equal('February 1900 has no day 29');
      expect(reasonFor('2021-02-29T00:00:00Z')).to.equal('February 2021 has no day 29');
      expect(reasonFor('2100-02-29T00:00:00Z')).to.equal('February 2100 has no day 29');
    });
  });

  describe(".NET's range", () => {
    it('accepts 0001-01-01T00:00:00Z and recognises it as DateTime.MinValue', () => {
      const value = parseXsDateTime('0001-01-01T00:00:00Z');
      expect(value).to.deep.equal({ epochSeconds: MIN_EPOCH_SECONDS, ticks: 0 });
      expect(value).to.deep.equal(DOTNET_MIN_VALUE);
      expect(isDotNetMinValue(value)).to.equal(true);
      expect(isDotNetMinValue(parseXsDateTime('0001-01-01T00:00:00'))).to.equal(true);
      expect(isDotNetMinValue(parseXsDateTime('0001-01-01T00:00:00.0000001Z'))).to.equal(false);
      expect(isDotNetMinValue(parseXsDateTime('2021-03-25T21:36:53Z'))).to.equal(false);
      expect(formatXsDateTime(DOTNET_MIN_VALUE)).to.equal('0001-01-01T00:00:00Z');
    });

    it('accepts 9999-12-31T23:59:59.9999999Z', () => {
      const value = parseXsDateTime('9999-12-31T23:59:59.9999999Z');
      expect(value).to.deep.equal({ epochSeconds: MAX_EPOCH_SECONDS, ticks: 9_999_999 });
      expect(formatXsDateTime(value)).to.equal('9999-12-31T23:59:59.9999999Z');
    });

    it('rejects instants that an offset moves out of the range', () => {
      const outside =
        "the instant lies outside .NET's range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z once the offset is applied";
      expect(reasonFor('0001-01-01T00:00:00+01:00')).to.equal(outside);
      expect(reasonFor('9999-12-31T23:00:00-01:00')).to.equal(outside);
      expect(roundTrip('0001-01-01T00:00:00-01:00')).to.equal('0001-01-01T01:00:00Z');
      expect(roundTrip('9999-12-31T23:00:00+01:00')).to.equal('9999-12-31T22:00:00Z');
    });

    it('rejects a fraction that rounds past the end of the range', () => {
      expect(reasonFor('9999-12-31T23:59:59.99999995Z')).to.equal(
        "the instant lies outside .NET's range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z once the fraction is rounded to 7 digits",
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
      ['2021-03-25T21:36:53+15:00', 'offset +15:00 is out of range -14:00 to +14:00'],
      ['2021-03-25T21:36:53-14:01', 'offset -14:01 is out of range -14:00 to +14:00'],
      ['2021-03-25T21:36:53+01:60', 'offset minutes 60 is out of range 0 to 59'],
      ['2021-03-25T21:36:53+1:00', `offset hours "1" is not written with exactly 2 digits (${FORM})`],
      ['2021-3-25T21:36:53Z', `month "3" is not written with exactly 2 digits (${FORM})`],
      ['2021-03-25T1:36:53Z', `hour "1" is not written with exactly 2 digits (${FORM})`],
      ['21-03-25T21:36:53Z', `year "21" is not written with exactly 4 digits (${FORM})`],
      ['02021-03-25T21:36:53Z', `year "02021" is not written with exactly 4 digits (${FORM})`],
      ['', FORM],
      ['   ', FORM],
      ['abc', FORM],
      ['2021-03-25', FORM],
      ['2021-03-25T21:36Z', FORM],
      ['2021-03-25t21:36:53Z', FORM],
      ['2021-03-25T21:36:53z', FORM],
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
      expect(() => parseXsDateTime('2021-13-01T00:00:00Z'))
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
      expect(parseXsDateTime('1969-07-20T20:17:40Z')).to.deep.equal({ epochSeconds: -14_182_940, ticks: 0 });
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
      const a = parseXsDateTime('2021-03-25T21:36:53.1234567Z');
      const b = parseXsDateTime('2021-03-25T21:36:53.1234568Z');
      const c = parseXsDateTime('2021-03-25T21:36:54Z');
      expect(compareInstants(a, b)).to.be.below(0);
      expect(compareInstants(b, a)).to.be.above(0);
      expect(compareInstants(b, c)).to.be.below(0);
      expect(compareInstants(c, a)).to.be.above(0);
      expect(compareInstants(a, parseXsDateTime('2021-03-25T23:36:53.1234567+02:00'))).to.equal(0);
      expect(compareInstants(DOTNET_MIN_VALUE, instantFromEpochMilliseconds(-1))).to.be.below(0);
    });

    it('exposes parse and format as the xs:dateTime ValueCodec', () => {
      expect(xsDateTime.typeName).to.equal('xs:dateTime');
      expect(xsDateTime.parse('2011-08-30T11:10:52.5641784+02:00')).to.deep.equal(
        parseXsDateTime('2011-08-30T11:10:52.5641784+02:00'),
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
        expect(parseXsDateTime(text), text).to.deep.equal(value);

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
        const parsed = parseXsDateTime(iso);
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
        const parsed = parseXsDateTime(text);
        expect(parsed.epochSeconds * 1000 + parsed.ticks / 10_000, text).to.equal(Date.parse(text));
      }
    });
  });
});
