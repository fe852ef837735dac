import { escapeUnwritable } from '../xml.js';
import type { Instant } from './datetime.js';

/**
 * A value codec turns the lexical form of one XML Schema simple type into a typed value and back.
 * Every element value the emulator reads or writes goes through one of these, so that a range,
 * an enum name or a date is checked in exactly one place.
 */
export interface ValueCodec<T> {
  /** The schema type, as a fault names it: `xs:int`, `xs:dateTime`, `ChatMessageType`. */
  readonly typeName: string;
  /** Parses the element's text. Throws InvalidValueError when the text is not a value of this type. */
  parse(text: string, context: ReadContext): T;
  /** Writes the value in the form the real service writes it (not escaped for XML). */
  format(value: T): string;
  /** True when format() never writes `&`, `<`, `>` or CR (numbers, names, dates): the writer then skips escaping. */
  readonly markupFree: boolean;
}

/**
 * What reading a value may need beyond its text: the emulator's clock. WCF puts an xs:dateTime that is a time, a
 * day or a month alone on the server's current date.
 */
export interface ReadContext {
  now(): Instant;
}

/**
 * Thrown by a codec when a text is not a value of its type. `reason` says what is wrong with the
 * text (for example "month 13 is out of range 1 to 12"); the caller adds which element, which value
 * and the type: see notAValid.
 */
export class InvalidValueError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidValueError';
  }
}

/** XML Schema's whitespace "collapse" for the non-string types: surrounding XML whitespace is not part of the value. */
export function collapseWhitespace(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** A value quoted in a message: characters XML cannot carry as `\uXXXX`, so that an answer quoting it stays well-formed. */
export function quoted(text: string): string {
  return `'${escapeUnwritable(text)}'`;
}

/** How every error about a bad value says it: "not a valid xs:short (out of range -32768 to 32767)". */
export function notAValid(codec: ValueCodec<unknown>, error: InvalidValueError): string {
  return `not a valid ${codec.typeName} (${error.reason})`;
}
