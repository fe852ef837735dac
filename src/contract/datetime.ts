import { InvalidValueError, type ReadContext, type ValueCodec } from './codec.js';

/**
 * A UTC instant with .NET DateTime's precision: whole seconds since 1970-01-01T00:00:00Z (negative before it)
 * plus the fraction of that second in 100 ns ticks (an integer 0 to 9_999_999).
 * A JS `Date` would lose the last four fraction digits the real service writes.
 */
export interface Instant {
  readonly epochSeconds: number;
  readonly ticks: number;
}

const TICKS_PER_SECOND = 10_000_000;
const SECONDS_PER_DAY = 86_400;
const FORM = 'not of the form YYYY-MM-DDThh:mm:ss[.fffffff][Z|±hh:mm]';
const DOTNET_RANGE = ".NET's range 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z";

/** Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const MIN_EPOCH_SECONDS = daysFromCivil(1, 1, 1) * SECONDS_PER_DAY;
const MAX_EPOCH_SECONDS = daysFromCivil(9999, 12, 31) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;

/** .NET's DateTime.MinValue, 0001-01-01T00:00:00Z: what a client sends when it leaves a DateTime unset. */
export const DOTNET_MIN_VALUE: Instant = Object.freeze({ epochSeconds: MIN_EPOCH_SECONDS, ticks: 0 });

/** .NET's DateTime.MaxValue, 9999-12-31T23:59:59.9999999Z. */
const DOTNET_MAX_VALUE: Instant = Object.freeze({ epochSeconds: MAX_EPOCH_SECONDS, ticks: TICKS_PER_SECOND - 1 });

export function isDotNetMinValue(value: Instant): boolean {
  return value.epochSeconds === MIN_EPOCH_SECONDS && value.ticks === 0;
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.epochSeconds !== b.epochSeconds ? a.epochSeconds - b.epochSeconds : a.ticks - b.ticks;
}

/** Milliseconds since 1970-01-01T00:00:00Z, the sub-millisecond ticks dropped: for comparing with expiry times. */
export function epochMillisecondsOf(value: Instant): number {
  return value.epochSeconds * 1000 + Math.floor(value.ticks / 10_000);
}

/** For stamping with the server clock: `ms` is an integer such as Date.now() returns. */
export function instantFromEpochMilliseconds(ms: number): Instant {
  const epochSeconds = Math.floor(ms / 1000);
  return { epochSeconds, ticks: (ms - epochSeconds * 1000) * 10_000 };
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/*
 * How WCF reads an xs:dateTime. DataContractSerializer reads a DateTime with XmlConverter.ToDateTime: a fast path
 * for `yyyy-MM-ddTHH:mm:ss[.f{1,7}][Z|±hh:mm]` exactly, and for anything else
 * XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind), which is .NET's XsdDateTime parser with
 * XsdDateTimeFlags.AllXsd followed by its conversion to DateTime. Whatever the fast path accepts, the parser
 * accepts with the same value (and what overflows on the fast path falls through to it), so the emulator follows
 * the parser alone, as written in dotnet/runtime's System.Private.Xml/src/System/Xml/Schema/XsdDateTime.cs: its
 * Parser struct below, field for field and branch for branch, so that its quirks are the emulator's too.
 * The emulated server's own time zone is UTC: where .NET converts to server-local time, nothing moves.
 */

/** The XML Schema type a text was read as (XsdDateTime's DateTimeTypeCode). */
type XsdForm = 'dateTime' | 'time' | 'date' | 'gYearMonth' | 'gYear' | 'gMonthDay' | 'gDay' | 'gMonth';

/** XsdDateTimeKind: no zone, Z, or an offset west (-) or east (+) of UTC. */
type ZoneKind = 'unspecified' | 'zulu' | 'westOfZulu' | 'eastOfZulu';

/** The year XsdDateTime gives a time alone, a --MM-DD, a ---DD and a --MM: a leap year, so that --02-29 is a date. */
const PARSER_LEAP_YEAR = 1904;
const MAX_FRACTION_DIGITS = 7;

/** char.IsWhiteSpace, which the parser skips before and after the value: Unicode's White_Space, not only XML's four. */
function isDotNetWhiteSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** XsdDateTime.Parser: fields set as the branches go, as in .NET (a failed branch may leave some of them set). */
class XsdDateTimeParser {
  form: XsdForm = 'dateTime';
  year = 0;
  month = 0;
  day = 0;
  hour = 0;
  minute = 0;
  second = 0;
  /** In 100 ns ticks, 0 to 10,000,000: rounding may carry a whole second, which .NET adds with AddTicks. */
  fraction = 0;
  kind: ZoneKind = 'unspecified';
  zoneHour = 0;
  zoneMinute = 0;
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  /** Parser.Parse(text, XsdDateTimeFlags.AllXsd): the forms in .NET's order of trying them. */
  parse(): boolean {
    let start = 0;
    while (start < this.length && isDotNetWhiteSpace(this.text.charCodeAt(start))) start++;
    if (this.parseDate(start)) {
      if (this.parseChar(start + 10, 'T') && this.parseTimeAndZoneAndWhitespace(start + 11)) return this.is('dateTime');
      if (this.parseZoneAndWhitespace(start + 10)) return this.is('date');
    }
    if (this.parseTimeAndZoneAndWhitespace(start)) {
      this.year = PARSER_LEAP_YEAR;
      this.month = 1;
      this.day = 1;
      return this.is('time');
    }
    if (this.parse4Digits(start, 'year') && 1 <= this.year) {
      if (this.parseChar(start + 4, '-') && this.parse2Digits(start + 5, 'month') && 1 <= this.month && this.month <= 12 && this.parseZoneAndWhitespace(start + 7)) {
        this.day = 1;
        return this.is('gYearMonth');
      }
      if (this.parseZoneAndWhitespace(start + 4)) {
        this.month = 1;
        this.day = 1;
        return this.is('gYear');
      }
    }
    if (this.parseChar(start, '-') && this.parseChar(start + 1, '-') && this.parse2Digits(start + 2, 'month') && 1 <= this.month && this.month <= 12) {
      if (
        this.parseChar(start + 4, '-') &&
        this.parse2Digits(start + 5, 'day') && 1 <= this.day && this.day <= daysInMonth(PARSER_LEAP_YEAR, this.month) &&
        this.parseZoneAndWhitespace(start + 7)
      ) {
        this.year = PARSER_LEAP_YEAR;
        return this.is('gMonthDay');
      }
      if (this.parseZoneAndWhitespace(start + 4) || (this.parseChar(start + 4, '-') && this.parseChar(start + 5, '-') && this.parseZoneAndWhitespace(start + 6))) {
        this.year = PARSER_LEAP_YEAR;
        this.day = 1;
        return this.is('gMonth');
      }
    }
    if (
      this.parseChar(start, '-') && this.parseChar(start + 1, '-') && this.parseChar(start + 2, '-') &&
      this.parse2Digits(start + 3, 'day') && 1 <= this.day && this.day <= 31 &&
      this.parseZoneAndWhitespace(start + 5)
    ) {
      this.year = PARSER_LEAP_YEAR;
      this.month = 1;
      return this.is('gDay');
    }
    return false;
  }

  private is(form: XsdForm): true {
    this.form = form;
    return true;
  }

  private parseDate(start: number): boolean {
    return (
      this.parse4Digits(start, 'year') && 1 <= this.year &&
      this.parseChar(start + 4, '-') &&
      this.parse2Digits(start + 5, 'month') && 1 <= this.month && this.month <= 12 &&
      this.parseChar(start + 7, '-') &&
      this.parse2Digits(start + 8, 'day') && 1 <= this.day && this.day <= daysInMonth(this.year, this.month)
    );
  }

  private parseTimeAndZoneAndWhitespace(start: number): boolean {
    const end = this.parseTime(start);
    return end >= 0 && this.parseZoneAndWhitespace(end);
  }

  /** Parser.ParseTime: where the time ends, or -1. Any number of fraction digits; 7 kept, the 8th rounds half to even. */
  private parseTime(start: number): number {
    if (
      this.parse2Digits(start, 'hour') && this.hour < 24 &&
      this.parseChar(start + 2, ':') &&
      this.parse2Digits(start + 3, 'minute') && this.minute < 60 &&
      this.parseChar(start + 5, ':') &&
      this.parse2Digits(start + 6, 'second') && this.second < 60
    ) {
      let at = start + 8;
      if (this.parseChar(at, '.')) {
        this.fraction = 0;
        let fractionDigits = 0;
        let round = 0;
        while (++at < this.length) {
          const d = this.text.charCodeAt(at) - 48; // '0'
          if (d < 0 || d > 9) break;
          if (fractionDigits < MAX_FRACTION_DIGITS) this.fraction = this.fraction * 10 + d;
          else if (fractionDigits === MAX_FRACTION_DIGITS) {
            if (5 < d) round = 1;
            else if (d === 5) round = -1;
          } else if (round < 0 && d !== 0) round = 1;
          fractionDigits++;
        }
        if (fractionDigits < MAX_FRACTION_DIGITS) {
          if (fractionDigits === 0) return -1; // cannot end with '.'
          this.fraction *= 10 ** (MAX_FRACTION_DIGITS - fractionDigits);
        } else {
          if (round < 0) round = this.fraction & 1;
          this.fraction += round;
        }
      }
      return at;
    }
    this.hour = 0; // .NET's cleanup: the gYear branch may still come
    return -1;
  }

  /** Parser.ParseZoneAndWhitespace: Z or z, or ±hh:mm with hh and mm each up to 99, then only white space. */
  private parseZoneAndWhitespace(start: number): boolean {
    let at = start;
    if (at < this.length) {
      const ch = this.text[at];
      if (ch === 'Z' || ch === 'z') {
        this.kind = 'zulu';
        at++;
      } else if (at + 5 < this.length) {
        if (this.parse2Digits(at + 1, 'zoneHour') && this.zoneHour <= 99 && this.parseChar(at + 3, ':') && this.parse2Digits(at + 4, 'zoneMinute') && this.zoneMinute <= 99) {
          if (ch === '-') {
            this.kind = 'westOfZulu';
            at += 6;
          } else if (ch === '+') {
            this.kind = 'eastOfZulu';
            at += 6;
          }
        }
      }
    }
    while (at < this.length && isDotNetWhiteSpace(this.text.charCodeAt(at))) at++;
    return at === this.length;
  }

  private parse4Digits(start: number, field: 'year'): boolean {
    if (start + 3 >= this.length) return false;
    let value = 0;
    for (let i = start; i < start + 4; i++) {
      const d = this.text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      value = value * 10 + d;
    }
    this[field] = value;
    return true;
  }

  private parse2Digits(start: number, field: 'month' | 'day' | 'hour' | 'minute' | 'second' | 'zoneHour' | 'zoneMinute'): boolean {
    if (start + 1 >= this.length) return false;
    const d2 = this.text.charCodeAt(start) - 48;
    const d1 = this.text.charCodeAt(start + 1) - 48;
    if (d2 < 0 || d2 > 9 || d1 < 0 || d1 > 9) return false;
    this[field] = d2 * 10 + d1;
    return true;
  }

  private parseChar(start: number, ch: string): boolean {
    return start < this.length && this.text[start] === ch;
  }
}

/**
 * Reads an xs:dateTime as WCF does (see above), into UTC. A value without a zone is read as UTC, the emulated
 * server's zone. `context` gives the server's date, for a time alone (`21:36:53Z`: that time today), a `---DD`
 * and a `--MM` (this year).
 */
export function parseXsDateTime(text: string, context: ReadContext): Instant {
  const parser = new XsdDateTimeParser(text);
  if (!parser.parse()) throw new InvalidValueError(reasonRefused(text));

  // XsdDateTime's constructor: new DateTime(year, month, day, hour, minute, second), then AddTicks(fraction),
  // which throws ArgumentOutOfRangeException (a fault, in WCF) past DateTime.MaxValue.
  let epochSeconds = daysFromCivil(parser.year, parser.month, parser.day) * SECONDS_PER_DAY + parser.hour * 3600 + parser.minute * 60 + parser.second;
  let ticks = parser.fraction;
  if (ticks === TICKS_PER_SECOND) {
    epochSeconds += 1;
    ticks = 0;
  }
  if (epochSeconds > MAX_EPOCH_SECONDS) throw new InvalidValueError(`the fraction, rounded to 7 digits, moves it past the end of ${DOTNET_RANGE}`);

  // The cast to DateTime: a --MM and a ---DD fall in the server's current year, a time alone on its current date
  // (a --MM-DD keeps the parser's year 1904, as .NET's code does, whatever its comment says).
  if (parser.form === 'gMonth' || parser.form === 'gDay') {
    epochSeconds = daysFromCivil(civilYearOf(context.now()), parser.month, parser.day) * SECONDS_PER_DAY;
  } else if (parser.form === 'time') {
    const today = Math.floor(context.now().epochSeconds / SECONDS_PER_DAY);
    epochSeconds += (today - daysFromCivil(PARSER_LEAP_YEAR, 1, 1)) * SECONDS_PER_DAY;
    if (epochSeconds > MAX_EPOCH_SECONDS) throw new InvalidValueError(`today at that time is past the end of ${DOTNET_RANGE}`);
  }

  // An offset moves the value to UTC. One that would move it out of DateTime's range does not fail: .NET
  // ("Underflow. Return the DateTime as local time directly") clamps it to DateTime.MinValue or MaxValue.
  const offsetSeconds = parser.zoneHour * 3600 + parser.zoneMinute * 60;
  if (parser.kind === 'eastOfZulu') {
    epochSeconds -= offsetSeconds;
    if (epochSeconds < MIN_EPOCH_SECONDS) return DOTNET_MIN_VALUE;
  } else if (parser.kind === 'westOfZulu') {
    epochSeconds += offsetSeconds;
    if (epochSeconds > MAX_EPOCH_SECONDS) return DOTNET_MAX_VALUE;
  }
  return { epochSeconds, ticks };
}

/** Whether WCF would read the text with a zone (Z or an offset): without one, it is a local time of the server. */
export function hasTimeZone(text: string): boolean {
  const parser = new XsdDateTimeParser(text);
  return parser.parse() && parser.kind !== 'unspecified';
}

function civilYearOf(value: Instant): number {
  return Number(formatXsDateTime(value).slice(0, 4));
}

// Loose captures ([0-9]+), so that a wrong digit count gets its own reason rather than the generic FORM one.
const LOOSE_DATE_TIME =
  /^(-?)([0-9]+)-([0-9]+)-([0-9]+)T([0-9]+):([0-9]+):([0-9]+)(?:\.([0-9]*))?(?:[Zz]|([+-])([0-9]+):([0-9]+))?$/;

/** A two-digit field in [min, max], or why not. */
function fieldProblem(text: string | undefined, name: string, min: number, max: number): string | undefined {
  if (text === undefined) return FORM;
  if (text.length !== 2) return `${name} "${text}" is not written with exactly 2 digits (${FORM})`;
  const value = Number(text);
  return value < min || value > max ? `${name} ${text} is out of range ${min} to ${max}` : undefined;
}

/**
 * Why .NET refused the text, said for the form a client means (a date and a time): the first field that is
 * wrong, or the form itself. Only asked once the parser has refused the text.
 */
function reasonRefused(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isDotNetWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isDotNetWhiteSpace(text.charCodeAt(end - 1))) end--;
  const m = LOOSE_DATE_TIME.exec(text.slice(start, end));
  if (m === null) return FORM;
  const yearText = m[2] ?? '';
  if (m[1] === '-' || Number(yearText) === 0) return `year ${m[1]}${yearText} is before .NET's range 0001 to 9999`;
  if (yearText.length > 4 && yearText[0] !== '0') return `year ${yearText} is after .NET's range 0001 to 9999`;
  if (yearText.length !== 4) return `year "${yearText}" is not written with exactly 4 digits (${FORM})`;
  const year = Number(yearText);
  const monthProblem = fieldProblem(m[3], 'month', 1, 12);
  if (monthProblem !== undefined) return monthProblem;
  const month = Number(m[3]);
  const dayProblem = fieldProblem(m[4], 'day', 1, 31);
  if (dayProblem !== undefined) return dayProblem;
  const day = Number(m[4]);
  if (day > daysInMonth(year, month)) return `${MONTH_NAMES[month - 1] ?? ''} ${yearText} has no day ${day}`;
  // .NET refuses 24:00:00 although XML Schema allows it as the end of a day.
  const timeProblem = fieldProblem(m[5], 'hour', 0, 23) ?? fieldProblem(m[6], 'minute', 0, 59) ?? fieldProblem(m[7], 'second', 0, 59);
  if (timeProblem !== undefined) return timeProblem;
  if (m[9] !== undefined) {
    const offsetProblem = fieldProblem(m[10], 'offset hours', 0, 99) ?? fieldProblem(m[11], 'offset minutes', 0, 99);
    if (offsetProblem !== undefined) return offsetProblem;
  }
  return FORM;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Always UTC with `Z`; the fraction only when non-zero, trimmed of trailing zeros, as .NET writes it. */
export function formatXsDateTime(value: Instant): string {
  const { epochSeconds, ticks } = value;
  if (
    !Number.isInteger(epochSeconds) || epochSeconds < MIN_EPOCH_SECONDS || epochSeconds > MAX_EPOCH_SECONDS ||
    !Number.isInteger(ticks) || ticks < 0 || ticks >= TICKS_PER_SECOND
  ) {
    // Only a programming error gets here: parsed and clock-stamped instants are always in range.
    throw new RangeError(`not an Instant within ${DOTNET_RANGE}: ${epochSeconds} s + ${ticks} ticks`);
  }
  const days = Math.floor(epochSeconds / SECONDS_PER_DAY);
  let secondOfDay = epochSeconds - days * SECONDS_PER_DAY;

  // Howard Hinnant's civil_from_days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

  const hour = Math.floor(secondOfDay / 3600);
  secondOfDay -= hour * 3600;
  const minute = Math.floor(secondOfDay / 60);
  const second = secondOfDay - minute * 60;

  const text = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
  if (ticks === 0) return `${text}Z`;
  let digits = 7;
  let fraction = ticks;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${text}.${String(fraction).padStart(digits, '0')}Z`;
}

export const xsDateTime: ValueCodec<Instant> = {
  typeName: 'xs:dateTime',
  parse: parseXsDateTime,
  format: formatXsDateTime,
  markupFree: true,
};
