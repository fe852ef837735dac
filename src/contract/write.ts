import { escapeText } from '../xml.js';
import type { DataContract } from './chat-message.js';

/**
 * Writes contract elements. The caller's envelope binds the Services88 namespace as the default
 * namespace and `i` to XMLSchema-instance, as WCF does, so elements here are written unprefixed.
 */

export function writeElement(name: string, text: string): string {
  return text === '' ? `<${name}/>` : `<${name}>${escapeText(text)}</${name}>`;
}

export function writeNil(name: string): string {
  return `<${name} i:nil="true"/>`;
}

/** Writes every field of a data contract, in the order given (the contract's sequence order). */
export function writeDataContract<T>(name: string, value: T, contract: DataContract<T>, order: readonly (keyof T & string)[]): string {
  let xml = `<${name}>`;
  for (const field of order) xml += writeField(value, field, contract);
  return `${xml}</${name}>`;
}

/** Writes one field of a data contract with its codec, or as nil. */
export function writeField<T, K extends keyof T & string>(value: T, field: K, contract: DataContract<T>): string {
  const fieldValue = value[field];
  return fieldValue === null ? writeNil(field) : writeElement(field, contract[field].codec.format(fieldValue as NonNullable<T[K]>));
}
