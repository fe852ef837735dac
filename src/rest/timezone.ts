import { epochMillisecondsOf, formatXsDateTime, type Instant } from '../contract/datetime.js';
import { badValue } from '../errors.js';

/**
 * SO-TimeZone: the zone date/times in answers are written in. The emulator takes an IANA zone name
 * (Europe/Oslo), UTC, or a fixed offset (+02:00); without the header, answers are in UTC with Z.
 */
export type AnswerZone = (value: Instant) => string;

export const UTC_ZONE: AnswerZone = formatXsDateTime;

const FIXED_OFFSET = /^([+-])([0-9]{2}):([0-9]{2})$/;

export function parseTimeZoneHeader(header: string | undefined): AnswerZone {
  const name = header?.trim() ?? '';
  if (name === '' || name.toUpperCase() === 'UTC' || name === 'Z') return UTC_ZONE;
  const fixed = FIXED_OFFSET.exec(name);
  if (fixed !== null) {
    const minutes = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
    if (Math.abs(minutes) > 14 * 60) throw badValue('SO-TimeZone', `'${name}' is beyond ±14:00.`);
    return (value) => formatAtOffset(value, minutes);
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  } catch {
    throw badValue('SO-TimeZone', `'${name}' is not a time zone: give an IANA name such as Europe/Oslo, UTC, or an offset such as +02:00.`);
  }
  return (value) => formatAtOffset(value, offsetMinutes(format, epochMillisecondsOf(value)));
}

/** The zone's offset from UTC at that instant, in minutes, as Intl names it ("GMT+01:00", or "GMT" for zero). */
function offsetMinutes(format: Intl.DateTimeFormat, ms: number): number {
  const name = format.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])([0-9]{2}):([0-9]{2})$/.exec(name);
  return match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The local time at that offset, with the offset: 2021-03-25T22:36:53.5+01:00. Out of .NET's range, UTC. */
function formatAtOffset(value: Instant, minutes: number): string {
  if (minutes === 0) return formatXsDateTime(value).replace(/Z$/, '+00:00');
  try {
    const local = formatXsDateTime({ epochSeconds: value.epochSeconds + minutes * 60, ticks: value.ticks });
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${local.slice(0, -1)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  } catch {
    return formatXsDateTime(value);
  }
}
