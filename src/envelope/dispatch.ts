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
  const { byAction, byElement } = LOOKUP[service];
  const action = requestedAction(sources);
  if (action !== undefined) {
    const operation = byAction.get(action);
    if (operation === undefined) throw actionNotSupported(action, operationsOf(service));
    return operation;
  }
  const body = envelope.bodyElement;
  const operation = !strict && body?.namespace === SERVICES88_NS ? byElement.get(body.localName) : undefined;
  if (operation === undefined) throw actionNotSupported('', operationsOf(service));
  return operation;
}

/** Each service's operations by action and by request element: a service has up to 29, and every request looks one up. */
const LOOKUP: Readonly<Record<ServiceName, { byAction: ReadonlyMap<string, OperationContract>; byElement: ReadonlyMap<string, OperationContract> }>> = {
  Chat: lookupOf('Chat'),
  SoPrincipal: lookupOf('SoPrincipal'),
};

function lookupOf(service: ServiceName): (typeof LOOKUP)[ServiceName] {
  const operations = operationsOf(service);
  return { byAction: new Map(operations.map((op) => [op.soapAction, op])), byElement: new Map(operations.map((op) => [op.requestElement, op])) };
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
