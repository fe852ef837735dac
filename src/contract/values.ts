import { unwritableCharacter } from '../xml.js';
import { collapseWhitespace, InvalidValueError, type ValueCodec } from './codec.js';

const INTEGER = /^[+-]?[0-9]+$/;

function integerCodec(typeName: string, min: number, max: number): ValueCodec<number> {
  return {
    typeName,
    parse(text) {
      const lexical = collapseWhitespace(text);
      if (!INTEGER.test(lexical)) {
        throw new InvalidValueError(`not an integer from ${min} to ${max}`);
      }
      // Leading zeros are legal, so compare as a number only once the digits are known to be few enough.
      const value = Number(lexical);
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        throw new InvalidValueError(`out of range ${min} to ${max}`);
      }
      return value === 0 ? 0 : value; // no -0
    },
    format: (value) => String(value),
    markupFree: true,
  };
}

export const xsInt = integerCodec('xs:int', -2147483648, 2147483647);
export const xsShort = integerCodec('xs:short', -32768, 32767);

export const xsBoolean: ValueCodec<boolean> = {
  typeName: 'xs:boolean',
  parse(text) {
    switch (collapseWhitespace(text)) {
      case 'true':
      case '1':
        return true;
      case 'false':
      case '0':
        return false;
      default:
        throw new InvalidValueError('expected true, false, 1 or 0');
    }
  },
  format: (value) => (value ? 'true' : 'false'),
  markupFree: true,
};

/**
 * xs:string keeps every character, whitespace included. A character XML 1.0 cannot carry is refused: a value
 * from XML never has one, but a JSON body or fixture can, and it could never be written into an answer.
 */
export const xsString: ValueCodec<string> = {
  typeName: 'xs:string',
  parse(text) {
    const unwritable = unwritableCharacter(text);
    if (unwritable !== undefined) throw new InvalidValueError(`it holds the character ${unwritable}, which XML 1.0 cannot carry`);
    return text;
  },
  format: (value) => value,
  markupFree: false,
};

/**
 * A .NET enum carried by name. Names are case-sensitive, as WCF's DataContractSerializer reads them.
 * `values` maps each name to its numeric value, in contract order.
 */
export function enumCodec<Name extends string>(typeName: string, values: Readonly<Record<Name, number>>): ValueCodec<Name> {
  const names = Object.keys(values) as Name[];
  // The name returned is the contract's own string, not the request's text (which would keep the request alive).
  const known = new Map<string, Name>(names.map((name) => [name, name]));
  return {
    typeName,
    parse(text) {
      const name = known.get(collapseWhitespace(text));
      if (name === undefined) {
        throw new InvalidValueError(`the names, case-sensitive, are ${names.join(', ')}`);
      }
      return name;
    },
    format: (value) => value,
    markupFree: names.every((name) => !/[&<>\r]/.test(name)),
  };
}

/**
 * The white space .NET's string.Trim() and span Trim() remove (char.IsWhiteSpace): more than XML's four characters.
 * Guid and TimeSpan parsing, and double.Parse's NaN/Infinity fallback, trim with it.
 */
const DOTNET_SPACE = '\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const DOTNET_TRIM = new RegExp(`^[${DOTNET_SPACE}]+|[${DOTNET_SPACE}]+$`, 'g');
const DOTNET_SPACES = new RegExp(`[${DOTNET_SPACE}]+`, 'g');

function dotnetTrim(text: string): string {
  return text.replace(DOTNET_TRIM, '');
}

/**
 * The quick path WCF's text reader takes first for element text made only of characters (no reference, no leading
 * white space): XmlConverter.TryParseDouble in dotnet/runtime
 * src/libraries/System.Private.DataContractSerialization/src/System/Xml/XmlConverter.cs, reached from
 * ValueHandle.ToDouble (ValueHandle.cs) for an XmlUTF8TextReader atomic text node (XmlUTF8TextReader.cs).
 * An optional '-' and 1 to 10 characters of digits with at most one '.'. It has two quirks the full parse lacks:
 * '.' and '-.' read as 0 and -0, and an integer '-0' reads as +0 (it negates an int), while '-0.0' reads as -0.
 * Ten digits without a '.' might overflow its int, so they are left to the full parse; so is anything else.
 */
function quickDouble(text: string): number | undefined {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const match = /^([0-9]*)(?:\.([0-9]*))?$/.exec(body);
  if (match === null || body.length < 1 || body.length > 10) return undefined;
  const [, whole = '', fraction] = match;
  // 0 - n, not -n: .NET negates an int, which has no -0.
  if (fraction === undefined) return body.length === 10 ? undefined : negative ? 0 - Number(whole) : Number(whole);
  const value = Number(whole + fraction || '0');
  return (negative ? -value : value) / 10 ** fraction.length;
}

/** double.Parse's number grammar with AllowLeadingSign | AllowDecimalPoint | AllowExponent: no thousands, no hex. */
const DOUBLE = /^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))(?:[eE]([+-]?[0-9]+))?$/;

/**
 * xs:double as WCF's DataContractSerializer reads it: the quick path above, else XmlConverter.ToDouble(string), which is
 * XmlConvert.ToDouble (dotnet/runtime src/libraries/System.Private.Xml/src/System/Xml/XmlConvert.cs): XML white space
 * trimmed; exactly 'INF' and '-INF'; else double.Parse with the invariant culture (Number.Parsing.cs TryParseFloat):
 * correctly rounded, overflow to ±Infinity and underflow to ±0 (no error, since .NET Core 3.0), and, when the number
 * grammar fails, 'Infinity', '-Infinity', '+Infinity', 'NaN', '+NaN' and '-NaN' in any case, trimmed of .NET white space.
 * Written as XmlConvert.ToString(double) (the same file) and XmlConverter.ToChars(double) write it: INF, -INF, -0, NaN,
 * else double.ToString("R") (Number.Formatting.cs): the shortest round-trip digits, in exponent form (E+15, E-05) when
 * the decimal exponent is at least max(15, digit count) or below -4.
 */
export const xsDouble: ValueCodec<number> = {
  typeName: 'xs:double',
  parse(text) {
    const quick = quickDouble(text);
    if (quick !== undefined) return quick;
    const lexical = collapseWhitespace(text);
    if (lexical === 'INF') return Infinity;
    if (lexical === '-INF') return -Infinity;
    const match = DOUBLE.exec(lexical);
    if (match !== null) {
      // TryParseNumber counts an exponent beyond 1000 as 9999, whatever the digits before it.
      const exponent = Number(match[2] ?? '0');
      return Number(`${match[1]}e${Math.abs(exponent) > 1000 ? Math.sign(exponent) * 9999 : exponent}`);
    }
    switch (dotnetTrim(lexical).toLowerCase()) {
      case 'infinity':
      case '+infinity':
        return Infinity;
      case '-infinity':
        return -Infinity;
      case 'nan':
      case '+nan':
      case '-nan':
        return NaN;
      default:
        throw new InvalidValueError('not a number, INF, -INF or NaN');
    }
  },
  format(value) {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'INF';
    if (value === -Infinity) return '-INF';
    if (value === 0) return Object.is(value, -0) ? '-0' : '0';
    return roundTrip(value);
  },
  markupFree: true,
};

/** double.ToString("R", InvariantInfo): FormatDouble then FormatGeneral in dotnet/runtime Number.Formatting.cs. */
function roundTrip(value: number): string {
  // JavaScript's shortest round-trip digits are the ones .NET Core 3.0+ chooses; only the layout differs.
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const leadingZeros = (whole + fraction).search(/[1-9]/);
  const digits = (whole + fraction).slice(leadingZeros).replace(/0+$/, '');
  const scale = whole.length + Number(exponent) - leadingZeros; // the value is 0.digits × 10^scale
  const sign = value < 0 ? '-' : '';
  if (scale > Math.max(digits.length, 15) || scale < -3) {
    const power = scale - 1;
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${rest}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  if (scale <= 0) return `${sign}0.${'0'.repeat(-scale)}${digits}`;
  if (scale >= digits.length) return `${sign}${digits}${'0'.repeat(scale - digits.length)}`;
  return `${sign}${digits.slice(0, scale)}.${digits.slice(scale)}`;
}

/**
 * One number of a Guid's X form, or of a D form that holds 'x', 'X' or '+': Guid.TryParseHex in dotnet/runtime
 * src/libraries/System.Private.CoreLib/src/System/Guid.cs. An optional '+', an optional '0x' or '0X', then hex digits
 * (none is 0), of which at most 8 after leading zeros.
 */
function guidHex(text: string): number | undefined {
  const digits = (text.startsWith('+') ? text.slice(1) : text).replace(/^0[xX]/, '');
  if (!/^[0-9a-fA-F]*$/.test(digits)) return undefined;
  const significant = digits.replace(/^0+/, '');
  return significant.length > 8 ? undefined : parseInt(significant || '0', 16);
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
const GUID_D = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const GUID_X = new RegExp(`^\\{${'0[xX]([^,]+),'.repeat(3)}\\{${'0[xX]([^,]+),'.repeat(7)}0[xX]([^}]+)\\}\\}$`);

/** Guid.TryParseExactD, with its compatibility parse of components written as '0x12' or '+123' (same length). */
function guidD(text: string): string | undefined {
  if (GUID_D.test(text)) return text.toLowerCase();
  if (text.length !== 36 || ![8, 13, 18, 23].every((i) => text[i] === '-') || !/[xX+]/.test(text)) return undefined;
  const parts = [[0, 8], [9, 13], [14, 18], [19, 23], [24, 28]].map(([from, to]) => guidHex(text.slice(from, to)));
  const last = text.slice(28); // parsed as plain hex: it never allowed 0x or +
  if (parts.some((part) => part === undefined) || !/^[0-9a-fA-F]{8}$/.test(last)) return undefined;
  const [a = 0, b = 0, c = 0, de = 0, fg = 0] = parts as number[];
  return `${hex(a, 8)}-${hex(b, 4)}-${hex(c, 4)}-${hex(de, 4)}-${hex(fg, 4)}${last.toLowerCase()}`;
}

/**
 * Guid.TryParseExactX: '{0xa,0xb,0xc,{0xd,0xe,0xf,0xg,0xh,0xi,0xj,0xk}}' with white space allowed anywhere. b and c
 * keep their low 16 bits (as .NET casts them), each of the 8 bytes must be at most 0xff.
 */
function guidX(text: string): string | undefined {
  const match = GUID_X.exec(text.replace(DOTNET_SPACES, ''));
  const numbers = match?.slice(1).map(guidHex) ?? [];
  if (numbers.length !== 11 || numbers.some((n, i) => n === undefined || (i >= 3 && n > 0xff))) return undefined;
  const [a = 0, b = 0, c = 0, ...bytes] = numbers as number[];
  const k = bytes.map((byte) => hex(byte, 2));
  return `${hex(a, 8)}-${hex(b & 0xffff, 4)}-${hex(c & 0xffff, 4)}-${k.slice(0, 2).join('')}-${k.slice(2).join('')}`;
}

/**
 * Serialization's guid as DataContractSerializer reads it: XmlReaderDelegator.ReadElementContentAsGuid calls
 * new Guid(string) (dotnet/runtime src/libraries/System.Private.DataContractSerialization/src/System/Runtime/Serialization/
 * XmlReaderDelegator.cs), whose Guid.TryParseGuid (System.Private.CoreLib/src/System/Guid.cs) trims .NET white space and
 * takes, hex digits in either case: N (32 digits), D (8-4-4-4-12), B ({D}), P ((D)) and X. The value is the canonical
 * lowercase D form, which is what Guid.ToString() writes (XmlUTF8TextWriter.WriteGuidText).
 */
export const guidCodec: ValueCodec<string> = {
  typeName: 'guid',
  parse(text) {
    const g = dotnetTrim(text);
    let value: string | undefined;
    if (g.length < 32) value = undefined;
    else if (g.startsWith('(')) value = g.length === 38 && g.endsWith(')') ? guidD(g.slice(1, 37)) : undefined;
    else if (g.startsWith('{') && g[9] !== '-') value = guidX(g);
    else if (g.startsWith('{')) value = g.length === 38 && g.endsWith('}') ? guidD(g.slice(1, 37)) : undefined;
    else if (g[8] === '-') value = guidD(g);
    else if (/^[0-9a-fA-F]{32}$/.test(g)) value = g.toLowerCase().replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    if (value === undefined) throw new InvalidValueError('not a GUID in the D, N, B, P or X form');
    return value;
  },
  format: (value) => value,
  markupFree: true,
};

/**
 * Serialization's char, a .NET Char carried as its UTF-16 code unit number: XmlReaderDelegator.ReadElementContentAsChar
 * (XmlReaderDelegator.cs) reads an Int32 the way xs:int is read (XmlConvert.ToInt32: int.Parse with a sign and surrounding
 * white space) and refuses one outside 0 to 65535; the writer writes (int)value.
 */
export const charCodec: ValueCodec<number> = integerCodec('char', 0, 65535);

const TICKS_PER_SECOND = 10_000_000n;
const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;
const INT32_MAX = 2147483647n;
const INT64_MAX = 2n ** 63n - 1n;

/**
 * XsdDuration.TryParse's grammar: '-'?, 'P', then in order years Y, months M, days D, and after a 'T' that something
 * follows, hours H, minutes M, seconds S; seconds may be '.' with digits on either side or none ('PT.5S', 'PT1.S').
 */
const DURATION = new RegExp(
  '^(-)?P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?' +
    '(?:T(?=.)(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]*)\\.([0-9]*)S|([0-9]+)S)?)?$',
);

/**
 * Serialization's duration, a .NET TimeSpan, as DataContractSerializer reads it: XmlConverter.ToTimeSpan, which is
 * XmlConvert.ToTimeSpan (XmlConvert.cs), which is new XsdDuration(string).ToTimeSpan() (dotnet/runtime
 * src/libraries/System.Private.Xml/src/System/Xml/Schema/XsdDuration.cs): .NET white space trimmed, each number at most
 * Int32.MaxValue, a year 365 days and a month 30 (12 months a year), fraction digits past the 7th (100 ns ticks)
 * dropped, not rounded, and a total beyond TimeSpan's ±2^63 ticks an error. The value is the text XmlConvert.ToString
 * writes for that TimeSpan (the same XsdDuration.cs): days, hours, minutes and seconds, zero parts left out, the fraction
 * without trailing zeros, and zero as PT0S; so reading normalizes ('PT24H' reads as 'P1D').
 */
export const durationCodec: ValueCodec<string> = {
  typeName: 'duration',
  parse(text) {
    const match = DURATION.exec(dotnetTrim(text));
    if (match === null || match.slice(2).every((part) => part === undefined)) {
      throw new InvalidValueError('not a duration such as P1DT2H30M or -PT0.5S');
    }
    const [, minus, years, months, days, hours, minutes, secondsBeforePoint, fraction, seconds] = match;
    const numbers = [years, months, days, hours, minutes, secondsBeforePoint ?? seconds].map((n) => BigInt(n || '0'));
    if (numbers.some((n) => n > INT32_MAX)) throw new InvalidValueError(`a number in it is beyond ${INT32_MAX}`);
    const [y = 0n, mo = 0n, d = 0n, h = 0n, mi = 0n, s = 0n] = numbers;
    const dayCount = (y + mo / 12n) * 365n + (mo % 12n) * 30n + d;
    const wholeSeconds = ((dayCount * 24n + h) * 60n + mi) * 60n + s;
    const ticks = wholeSeconds * TICKS_PER_SECOND + BigInt((fraction ?? '').slice(0, 7).padEnd(7, '0'));
    // TimeSpan holds -2^63 to 2^63 - 1 ticks.
    if (ticks > INT64_MAX + (minus === undefined ? 0n : 1n)) {
      throw new InvalidValueError('beyond the range of a .NET TimeSpan');
    }
    return formatTicks(minus === undefined ? ticks : -ticks);
  },
  format: (value) => value,
  markupFree: true,
};

/** new XsdDuration(TimeSpan).ToString() (XsdDuration.cs): what XmlConvert.ToString(TimeSpan) writes. */
function formatTicks(ticks: bigint): string {
  const size = ticks < 0n ? -ticks : ticks;
  const days = size / TICKS_PER_DAY;
  const hours = (size / TICKS_PER_HOUR) % 24n;
  const minutes = (size / TICKS_PER_MINUTE) % 60n;
  const seconds = (size / TICKS_PER_SECOND) % 60n;
  const fraction = size % TICKS_PER_SECOND; // in ticks: 7 digits, written without trailing zeros
  let text = `${ticks < 0n ? '-' : ''}P${days ? `${days}D` : ''}`;
  if (hours || minutes || seconds || fraction) {
    text += `T${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
    const decimals = fraction ? `.${String(fraction).padStart(7, '0').replace(/0+$/, '')}` : '';
    if (seconds || fraction) text += `${seconds}${decimals}S`;
  }
  return text.endsWith('P') ? `${text}T0S` : text;
}
