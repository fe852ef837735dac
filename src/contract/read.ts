import { EmulatorError } from '../errors.js';
import { attributeValue, type XmlElement } from '../xml.js';
import { XSI_NS } from './namespaces.js';

/**
 * What reading contract elements shares, whatever their type (see schema.ts): xsi:nil, and WCF's fault for an
 * element it cannot read, naming the element, the value and the expected type.
 */

export function isNil(element: XmlElement): boolean {
  const nil = attributeValue(element, XSI_NS, 'nil');
  return nil !== undefined && (nil.trim() === 'true' || nil.trim() === '1');
}

/** WCF's fault for an element it cannot read: `elementPath` names it (`AddChatMessage/Message/Type`). */
export function elementFault(elementPath: string, problem: string): EmulatorError {
  return new EmulatorError('DeserializationFailed', `The formatter threw an exception while trying to deserialize the message: element '${elementPath}' ${problem}.`);
}

const MAX_QUOTED_VALUE = 100;

/** A value as a fault quotes it: shortened, as a hostile body can hold a value of a megabyte. */
export function clip(text: string): string {
  return text.length <= MAX_QUOTED_VALUE ? text : `${text.slice(0, MAX_QUOTED_VALUE)}… (${text.length} characters)`;
}
