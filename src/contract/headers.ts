import { childElement, type XmlElement } from '../xml.js';
import { SERVICES88_NS } from './namespaces.js';
import { isNil } from './read.js';

/** What a caller says about itself in the request headers, as sent (WCF keeps an xs:string's white space). `null` is a nil or absent value. */
export interface RequestHeaders {
  readonly applicationToken: string | null;
  readonly ticket: string | null;
  /** Names of Services88 headers sent in another namespace, so that an error can say why they were not seen. */
  readonly misplaced: readonly string[];
}

export function readRequestHeaders(headers: readonly XmlElement[]): RequestHeaders {
  const token = findHeader(headers, 'ApplicationToken');
  const credentials = findHeader(headers, 'Credentials');
  const ticket = credentials === undefined || isNil(credentials) ? undefined : childElement(credentials, SERVICES88_NS, 'Ticket');
  return { applicationToken: textOf(token), ticket: textOf(ticket), misplaced: misplacedHeaders(headers) };
}

/** The request journal keeps these headers: one shared empty list, rather than an array for each request. */
const NONE_MISPLACED: readonly string[] = Object.freeze([]);

function misplacedHeaders(headers: readonly XmlElement[]): readonly string[] {
  const misplaced = headers.filter((h) => h.namespace !== SERVICES88_NS && (h.localName === 'ApplicationToken' || h.localName === 'Credentials'));
  return misplaced.length === 0 ? NONE_MISPLACED : misplaced.map((h) => `${h.localName} (namespace '${h.namespace}')`);
}

function findHeader(headers: readonly XmlElement[], localName: string): XmlElement | undefined {
  return headers.find((h) => h.localName === localName && h.namespace === SERVICES88_NS);
}

function textOf(element: XmlElement | undefined): string | null {
  return element === undefined || isNil(element) ? null : element.text;
}
