import { collapseWhitespace, InvalidValueError, type ValueCodec } from './codec.js';

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

// Every field is captured loosely ([0-9]+) so that a wrong digit count gets its own reason rather than
// the generic FORM one; the widths are checked after the match.
const XS_DATE_TIME =
  /^(-?)([0-9]+)-([0-9]+)-([0-9]+)T([0-9]+):([0-9]+):([0-9]+)(?:\.([0-9]+))?(?:Z|([+-])([0-9]+):([0-9]+))?$/;

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

/** A two-digit field in [min, max]. */
function field(text: string | undefined, name: string, min: number, max: number): number {
  if (text === undefined) throw new InvalidValueError(FORM);
  if (text.length !== 2) throw new InvalidValueError(`${name} "${text}" is not written with exactly 2 digits (${FORM})`);
  const value = Number(text);
  if (value < min || value > max) throw new InvalidValueError(`${name} ${text} is out of range ${min} to ${max}`);
  return value;
}

export function parseXsDateTime(text: string): Instant {
  const lexical = collapseWhitespace(text);
  const m = XS_DATE_TIME.exec(lexical);
  if (m === null) throw new InvalidValueError(FORM);

  const negative = m[1] === '-';
  const yearText = m[2] ?? '';
  // XML Schema allows years beyond 9999 and before 0001; .NET's DateTime does not.
  if (negative || Number(yearText) === 0) {
    throw new InvalidValueError(`year ${m[1]}${yearText} is before .NET's range 0001 to 9999`);
  }
  if (yearText.length > 4 && yearText[0] !== '0') {
    throw new InvalidValueError(`year ${yearText} is after .NET's range 0001 to 9999`);
  }
  if (yearText.length !== 4) {
    throw new InvalidValueError(`year "${yearText}" is not written with exactly 4 digits (${FORM})`);
  }
  const year = Number(yearText);
  const month = field(m[3], 'month', 1, 12);
  const day = field(m[4], 'day', 1, 31);
  if (day > daysInMonth(year, month)) {
    throw new InvalidValueError(`${MONTH_NAMES[month - 1] ?? ''} ${yearText} has no day ${day}`);
  }
  // .NET refuses 24:00:00 although XML Schema allows it as the end of a day.
  const hour = field(m[5], 'hour', 0, 23);
  const minute = field(m[6], 'minute', 0, 59);
  const second = field(m[7], 'second', 0, 59);

  let ticks = 0;
  let carry = 0;
  const fraction = m[8];
  if (fraction !== undefined) {
    const kept = Math.min(fraction.length, 7);
    for (let i = 0; i < kept; i++) ticks = ticks * 10 + (fraction.charCodeAt(i) - 48); // '0' is 48
    for (let i = kept; i < 7; i++) ticks *= 10;
    // .NET keeps 7 digits; the 8th rounds half-up, and a carry out of the fraction moves the second.
    if (fraction.length > 7 && fraction.charCodeAt(7) >= 53 /* '5' */) ticks += 1;
    if (ticks === TICKS_PER_SECOND) {
      ticks = 0;
      carry = 1;
    }
  }

  let offsetSeconds = 0;
  const sign = m[9];
  if (sign !== undefined) {
    const offsetHours = field(m[10], 'offset hours', 0, 99);
    const offsetMinutes = field(m[11], 'offset minutes', 0, 59);
    if (offsetHours * 60 + offsetMinutes > 14 * 60) {
      throw new InvalidValueError(`offset ${sign}${m[10]}:${m[11]} is out of range -14:00 to +14:00`);
    }
    offsetSeconds = (sign === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }

  const epochSeconds =
    daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second + carry - offsetSeconds;
  if (epochSeconds < MIN_EPOCH_SECONDS || epochSeconds > MAX_EPOCH_SECONDS) {
    throw new InvalidValueError(
      `the instant lies outside ${DOTNET_RANGE} once ${offsetSeconds !== 0 ? 'the offset is applied' : 'the fraction is rounded to 7 digits'}`,
    );
  }
  return { epochSeconds, ticks };
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
