import { SERVICES88_NS } from '../contract/namespaces.js';
import { operationsOf, type OperationContract, type ServiceName } from '../contract/operations.js';
import { EmulatorError } from '../errors.js';
import type { XmlElement } from '../xml.js';
import type { SoapEnvelope } from './request.js';

export interface ActionSources {
  /** The SOAPAction HTTP header as sent (quoted or not), if any. */
  readonly soapActionHeader: string | undefined;
  /** The `action` parameter of a SOAP 1.2 Content-Type, if any. */
  readonly contentTypeAction: string | undefined;
}

/**
 * Finds the operation of `service` a request is for: the SOAPAction header first, then the SOAP 1.2
 * Content-Type action, then (lenient mode only; WCF dispatches on the action alone) the body element's name.
 * Another service's action is not supported here, as at a WCF endpoint.
 */
export function resolveOperation(envelope: SoapEnvelope, sources: ActionSources, strict: boolean, service: ServiceName): OperationContract {
  const operations = operationsOf(service);
  const action = requestedAction(sources);
  if (action !== undefined) {
    const operation = operations.find((op) => op.soapAction === action);
    if (operation === undefined) throw actionNotSupported(action, operations);
    return operation;
  }
  const body = envelope.bodyElement;
  const byElement = !strict && body?.namespace === SERVICES88_NS ? operations.find((op) => op.requestElement === body.localName) : undefined;
  if (byElement === undefined) throw actionNotSupported('', operations);
  return byElement;
}

/** The action the request names, unquoted: the SOAPAction header, else the SOAP 1.2 Content-Type's; undefined for none. */
export function requestedAction(sources: ActionSources): string | undefined {
  return firstNonEmpty(unquote(sources.soapActionHeader), unquote(sources.contentTypeAction));
}

/** The body's wrapper element, checked to be the one the operation expects, as WCF's formatter does. */
export function requireRequestElement(envelope: SoapEnvelope, operation: OperationContract): XmlElement {
  const body = envelope.bodyElement;
  if (body?.localName === operation.requestElement && body.namespace === SERVICES88_NS) return body;
  const found = body === undefined ? 'an empty Body' : `element '${body.localName}' in namespace '${body.namespace}'`;
  throw new EmulatorError(
    'DeserializationFailed',
    `Error in deserializing body of request message for operation '${operation.name}'. ` +
      `Expected element '${operation.requestElement}' in namespace '${SERVICES88_NS}', found ${found}.`,
  );
}

function actionNotSupported(action: string, operations: readonly OperationContract[]): EmulatorError {
  const supported = operations.map((op) => op.soapAction);
  return new EmulatorError(
    'ActionNotSupported',
    `The message with Action '${action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher. ` +
      `This endpoint supports: ${supported.join(', ')}.`,
  );
}

function unquote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

function firstNonEmpty(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value !== '');
}
