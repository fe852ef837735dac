import { SERVICES88_NS, SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS } from '../contract/namespaces.js';
import { EmulatorError } from '../errors.js';
import { parseXml, XmlReadError, type XmlElement } from '../xml.js';

export type SoapVersion = '1.1' | '1.2';

export function envelopeNamespace(version: SoapVersion): string {
  return version === '1.1' ? SOAP11_ENVELOPE_NS : SOAP12_ENVELOPE_NS;
}

/** A SOAP request envelope, read but not yet interpreted. */
export interface SoapEnvelope {
  readonly version: SoapVersion;
  /** Header blocks: the children of Header, then (as the documented samples place them) Services88 elements directly under Envelope. */
  readonly headers: readonly XmlElement[];
  /** Local names of the header blocks found directly under Envelope rather than inside Header. */
  readonly headersOutsideHeader: readonly string[];
  /** The first element inside Body: the operation's wrapper element. Undefined for an empty Body. */
  readonly bodyElement: XmlElement | undefined;
}

const UTF8_BOM = '\uFEFF';

/** Reads a SOAP 1.1 or 1.2 envelope. Throws EmulatorError for anything that is not one. */
export function readEnvelope(text: string): SoapEnvelope {
  const root = parseRequestXml(text.startsWith(UTF8_BOM) ? text.slice(1) : text);
  const version = envelopeVersion(root);
  const envelopeNs = envelopeNamespace(version);

  let header: XmlElement | undefined;
  let body: XmlElement | undefined;
  const outside: XmlElement[] = [];
  for (const child of root.children) {
    if (child.namespace === envelopeNs && child.localName === 'Header' && header === undefined && body === undefined) header = child;
    else if (child.namespace === envelopeNs && child.localName === 'Body' && body === undefined) body = child;
    else if (child.namespace === SERVICES88_NS && body === undefined) outside.push(child);
    else throw new EmulatorError('NotAnEnvelope', `Unexpected element '${child.localName}' (namespace '${child.namespace}') in the Envelope: expected an optional Header, then a Body.`);
  }
  if (body === undefined) {
    throw new EmulatorError('NotAnEnvelope', `The SOAP ${version} Envelope has no Body element (namespace '${envelopeNs}').`);
  }
  return {
    version,
    headers: [...(header?.children ?? []), ...outside],
    headersOutsideHeader: outside.map((element) => element.localName),
    bodyElement: body.children[0],
  };
}

function parseRequestXml(text: string): XmlElement {
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlReadError) throw new EmulatorError(error.kind === 'dtd' ? 'DtdProhibited' : 'MalformedXml', error.message);
    throw error;
  }
}

function envelopeVersion(root: XmlElement): SoapVersion {
  if (root.localName === 'Envelope' && root.namespace === SOAP11_ENVELOPE_NS) return '1.1';
  if (root.localName === 'Envelope' && root.namespace === SOAP12_ENVELOPE_NS) return '1.2';
  if (root.localName === 'Envelope') {
    throw new EmulatorError(
      'VersionMismatch',
      `The Envelope namespace '${root.namespace}' is neither SOAP 1.1 ('${SOAP11_ENVELOPE_NS}') nor SOAP 1.2 ('${SOAP12_ENVELOPE_NS}').`,
    );
  }
  throw new EmulatorError('NotAnEnvelope', `The root element is '${root.localName}'; a SOAP request must be an Envelope.`);
}
