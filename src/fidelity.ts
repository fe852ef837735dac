import { hasTimeZone } from './contract/datetime.js';
import { SERVICES88_NS, XSI_NS } from './contract/namespaces.js';
import type { TypeCodec } from './contract/schema.js';
import { clark, XS_NS } from './contract/wsdl-model.js';
import { isNil } from './contract/read.js';
import type { XmlElement } from './xml.js';
import type { SoapEnvelope, SoapVersion } from './envelope/request.js';

/**
 * Fidelity warnings: what the emulator accepted but the real WCF service would refuse or read differently.
 * The journal lists them, the answer carries them in X-Emulator-Warning headers, and --strict refuses them.
 */

export type WarningCode =
  | 'content-type'
  | 'soap-1.2'
  | 'header-outside-header'
  | 'no-action'
  | 'xsi-type'
  | 'field-order'
  | 'unknown-element'
  | 'date-without-zone'
  | 'unknown-session'
  | 'credential-whitespace'
  /** The last one a request can list: how many more there were. */
  | 'more-warnings';

export interface FidelityWarning {
  readonly code: WarningCode;
  readonly message: string;
}

/** The most warnings one request lists: a hostile body could otherwise make one per element. */
export const MAX_WARNINGS = 16;

const NO_WARNINGS: readonly FidelityWarning[] = Object.freeze([]);

/** A request's warnings: the first MAX_WARNINGS, then one that says how many more there were. */
export class WarningList {
  private readonly listed: FidelityWarning[] = [];
  private unlisted = 0;

  add(warning: FidelityWarning): void {
    if (this.listed.length < MAX_WARNINGS) this.listed.push(warning);
    else this.unlisted += 1;
  }

  toArray(): readonly FidelityWarning[] {
    // Most requests have none; the journal keeps what this returns, so one shared empty list saves an array per entry.
    if (this.listed.length === 0) return NO_WARNINGS;
    if (this.unlisted === 0) return [...this.listed];
    return [...this.listed, { code: 'more-warnings', message: `${this.unlisted} more warning${this.unlisted === 1 ? ' is' : 's are'} not listed.` }];
  }
}

/** What the envelope itself tells: its SOAP version, where its headers are, xsi:type attributes. */
export function envelopeWarnings(envelope: SoapEnvelope): FidelityWarning[] {
  const warnings: FidelityWarning[] = [];
  if (envelope.version === '1.2') {
    warnings.push({
      code: 'soap-1.2',
      message: 'The request is SOAP 1.2: the real Chat.svc (WCF BasicHttpBinding) accepts SOAP 1.1 only and answers HTTP 415.',
    });
  }
  if (envelope.headersOutsideHeader.length > 0) {
    warnings.push({
      code: 'header-outside-header',
      message: `${envelope.headersOutsideHeader.join(', ')} directly under Envelope: the real service reads headers only inside Header and would not see them.`,
    });
  }
  // Looked for before any list or path is built: almost no request has xsi:type, and every request is looked at.
  const body = envelope.bodyElement;
  const hasTyped = envelope.headers.some(hasXsiType) || (body !== undefined && hasXsiType(body));
  const typed = hasTyped ? [...envelope.headers, ...(body === undefined ? [] : [body])].flatMap((element) => xsiTyped(element, element.localName)) : [];
  if (typed.length > 0) {
    warnings.push({
      code: 'xsi-type',
      message:
        `xsi:type attributes (SOAP encoding) on ${typed.length} element${typed.length === 1 ? '' : 's'}, the first ${typed[0] as string}: ` +
        "the emulator ignores them; WCF's DataContractSerializer reads xsi:type as the type to deserialize and refuses types it does not expect.",
    });
  }
  return warnings;
}

/** What WCF answers (HTTP 415) to a Content-Type other than text/xml, the only one BasicHttpBinding reads. */
export function unexpectedContentTypeMessage(contentType: string): string {
  return `Cannot process the message because the content type '${contentType}' was not the expected type 'text/xml; charset=utf-8'.`;
}

/**
 * A request whose Content-Type the real service refuses, read all the same: any type but text/xml, and no type at
 * all. A SOAP 1.2 envelope sent as application/soap+xml has its own warning (soap-1.2).
 */
export function contentTypeWarning(mediaType: string, raw: string, version: SoapVersion): FidelityWarning | undefined {
  if (mediaType === 'text/xml' || (version === '1.2' && mediaType === 'application/soap+xml')) return undefined;
  return { code: 'content-type', message: unexpectedContentTypeMessage(raw) };
}

export function noActionWarning(operationElement: string): FidelityWarning {
  return {
    code: 'no-action',
    message: `No SOAPAction and no action parameter: the emulator dispatched on the body element ${operationElement}; WCF dispatches on the action only and would answer ActionNotSupported.`,
  };
}

export function unknownSessionWarning(chatSessionId: number, tenant: string): FidelityWarning {
  return {
    code: 'unknown-session',
    message: `Chat session ${chatSessionId} does not exist in tenant '${tenant}': the real service would refuse it (SoNotFoundException); the emulator accepts it.`,
  };
}

/** A ticket or application token known only once the white space around it is trimmed: WCF compares it as sent. */
export function credentialWhitespaceWarning(header: 'Ticket' | 'ApplicationToken'): FidelityWarning {
  return {
    code: 'credential-whitespace',
    message: `The ${header} has white space around it: the real service compares it as sent and would not know it; the emulator trimmed it.`,
  };
}

/**
 * The order and names of the elements in a wrapper (and in the data contracts inside it). WCF's
 * DataContractSerializer reads a sequence in contract order: an element out of order, or one it does not know,
 * is skipped without a word, so the field keeps its default. The emulator reads it anyway, and says so here.
 */
export function sequenceWarnings(element: XmlElement, type: TypeCodec, path: string, warnings: WarningList): void {
  const sequence = type.sequence;
  if (sequence === undefined) return;
  let last = -1;
  for (const child of element.children) {
    const index = child.namespace === sequence.namespace ? sequence.indexOf(child.localName) : -1;
    if (index < 0) {
      const namespace = child.namespace === SERVICES88_NS ? '' : ` (namespace '${child.namespace}')`;
      warnings.add({ code: 'unknown-element', message: `${childPath(path, child)}${namespace} is not in the contract: WCF would ignore it.` });
      continue;
    }
    if (sequence.repeated) {
      // An array's items: the same element, as many times as there are items.
    } else if (index === last) {
      warnings.add({ code: 'field-order', message: `${childPath(path, child)} appears twice: WCF would skip the second one.` });
    } else if (index < last) {
      warnings.add({
        code: 'field-order',
        message: `${childPath(path, child)} is out of contract order (${sequence.names.join(', ')}): WCF would skip it and leave ${child.localName} unset.`,
      });
    }
    last = Math.max(last, index);
    if (isNil(child)) continue;
    const field = sequence.codecAt(index);
    if (field.sequence !== undefined) sequenceWarnings(child, field, childPath(path, child), warnings);
    else if (field.name === XS_DATE_TIME && !hasTimeZone(child.text)) {
      warnings.add({
        code: 'date-without-zone',
        message: `${childPath(path, child)} '${child.text.trim()}' has no time zone: the emulator reads it as UTC; WCF reads it as a local time of the server.`,
      });
    }
  }
}

const XS_DATE_TIME = clark(XS_NS, 'dateTime');

/** Built only for a warning or a nested sequence: most requests have neither, and sequenceWarnings sees every element. */
function childPath(path: string, child: XmlElement): string {
  return `${path}/${child.localName}`;
}

function hasXsiTypeAttribute(element: XmlElement): boolean {
  for (const attribute of element.attributes) if (attribute.localName === 'type' && attribute.namespace === XSI_NS) return true;
  return false;
}

/** Recursive, without a list of its own: the XML reader refuses elements nested more than 101 deep. */
function hasXsiType(element: XmlElement): boolean {
  if (hasXsiTypeAttribute(element)) return true;
  for (const child of element.children) if (hasXsiType(child)) return true;
  return false;
}

/** Paths of the elements with an xsi:type attribute, in document order. */
function xsiTyped(root: XmlElement, rootPath: string): string[] {
  const found: string[] = [];
  const pending: { element: XmlElement; path: string }[] = [{ element: root, path: rootPath }];
  while (pending.length > 0) {
    const { element, path } = pending.pop() as { element: XmlElement; path: string };
    if (hasXsiTypeAttribute(element)) found.push(path);
    for (let i = element.children.length - 1; i >= 0; i -= 1) {
      const child = element.children[i] as XmlElement;
      pending.push({ element: child, path: `${path}/${child.localName}` });
    }
  }
  return found;
}
