import { EmulatorError } from '../errors.js';
import { attributeValue, childElement, type XmlElement } from '../xml.js';
import { InvalidValueError, notAValid, type ReadContext } from './codec.js';
import type { DataContract, FieldContract } from './chat-message.js';
import { SERVICES88_NS, XSI_NS } from './namespaces.js';

/**
 * Reads contract elements into typed values, the way WCF's DataContractSerializer reads them:
 * an absent element takes the type's default, xsi:nil is null, and a text that is not a value of
 * the element's type is a DeserializationFailed fault naming element, value and expected type.
 * `path` is where the element sits (for example `AddChatMessage/Message`), for the fault's text.
 */

export function isNil(element: XmlElement): boolean {
  const nil = attributeValue(element, XSI_NS, 'nil');
  return nil !== undefined && (nil.trim() === 'true' || nil.trim() === '1');
}

/** Reads the child element `name` of `parent` with the field's codec. */
export function readField<T>(parent: XmlElement, name: string, field: FieldContract<T>, path: string, context: ReadContext): T {
  const element = childElement(parent, SERVICES88_NS, name);
  if (element === undefined) return field.whenAbsent;
  if (isNil(element)) {
    if (field.nillable) return null as T;
    throw deserializationFailed(path, name, `is nil (xsi:nil="true"), but ${field.codec.typeName} is not nillable`);
  }
  if (element.children.length > 0) {
    throw deserializationFailed(path, name, `has child elements; expected a ${field.codec.typeName} value`);
  }
  try {
    return field.codec.parse(element.text, context);
  } catch (error) {
    if (error instanceof InvalidValueError) {
      throw deserializationFailed(path, name, `has the value '${clip(element.text)}', which is ${notAValid(field.codec, error)}`);
    }
    throw error;
  }
}

/** Reads a data contract (a complex type) from `element`, every field by its codec. */
export function readDataContract<T>(element: XmlElement, contract: DataContract<T>, path: string, context: ReadContext): T {
  const value: Partial<T> = {};
  for (const name of Object.keys(contract) as (keyof T & string)[]) {
    value[name] = readField(element, name, contract[name], path, context);
  }
  // Every key of the contract was assigned above.
  return value as T;
}

function deserializationFailed(path: string, name: string, problem: string): EmulatorError {
  return elementFault(`${path}/${name}`, problem);
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
