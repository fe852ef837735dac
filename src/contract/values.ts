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
