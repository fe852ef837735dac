import { escapeText } from '../xml.js';

/**
 * Writes the elements of an answer's own (ExceptionInfo, nil results). The caller's envelope binds the Services88
 * namespace as the default namespace and `i` to XMLSchema-instance, as WCF does, so they are written unprefixed.
 */

export function writeElement(name: string, text: string): string {
  return text === '' ? `<${name}/>` : `<${name}>${escapeText(text)}</${name}>`;
}

export function writeNil(name: string): string {
  return `<${name} i:nil="true"/>`;
}
