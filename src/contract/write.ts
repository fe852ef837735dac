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

/** Writes one field of a data contract with its codec, or as nil. */
export function writeField<T, K extends keyof T & string>(value: T, field: K, contract: DataContract<T>): string {
  const fieldValue = value[field];
  return fieldValue === null ? writeNil(field) : writeElement(field, contract[field].codec.format(fieldValue as NonNullable<T[K]>));
}

/**
 * A writer of a data contract's element: every field in the order given (the contract's sequence order), with
 * its codec, or as nil. The tags are built once, and values that cannot hold markup are not escaped: a
 * GetChatMessages answer writes thousands of these (measured: 2.8 µs per ChatMessage written field by field, 0.8).
 */
export function dataContractWriter<T>(contract: DataContract<T>, order: readonly (keyof T & string)[]): (elementName: string, value: T) => string {
  const fields = order.map((field) => ({
    field,
    format: contract[field].codec.format as (value: NonNullable<T[typeof field]>) => string,
    markupFree: contract[field].codec.markupFree,
    open: `<${field}>`,
    close: `</${field}>`,
    empty: `<${field}/>`,
    nil: writeNil(field),
  }));
  return (elementName, value) => {
    let xml = `<${elementName}>`;
    for (const { field, format, markupFree, open, close, empty, nil } of fields) {
      const fieldValue = value[field];
      if (fieldValue === null) {
        xml += nil;
        continue;
      }
      const text = format(fieldValue as NonNullable<T[typeof field]>);
      xml += text === '' ? empty : open + (markupFree ? text : escapeText(text)) + close;
    }
    return `${xml}</${elementName}>`;
  };
}
