import { SERVICES88_NS } from './namespaces.js';

/** The WSDL names of the service, as published. */
export const SERVICE_NAMES = {
  definitions: 'WcfChatService',
  portType: 'Chat',
  binding: 'BasicHttpBinding_Chat',
  service: 'WcfChatService',
  port: 'BasicHttpBinding_Chat',
} as const;

export const OPERATION_NAMES = ['AddChatMessage', 'GetChatMessages'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export interface OperationContract {
  readonly name: OperationName;
  /** The request action: the SOAPAction header (SOAP 1.1) or the Content-Type action parameter (SOAP 1.2). */
  readonly soapAction: string;
  readonly responseAction: string;
  /** Local names of the body wrapper elements, in the Services88 namespace. */
  readonly requestElement: string;
  readonly responseElement: string;
}

function operation(name: OperationName): OperationContract {
  const soapAction = `${SERVICES88_NS}/${SERVICE_NAMES.portType}/${name}`;
  return {
    name,
    soapAction,
    responseAction: `${soapAction}Response`,
    requestElement: name,
    responseElement: `${name}Response`,
  };
}

export const OPERATIONS: Readonly<Record<OperationName, OperationContract>> = {
  AddChatMessage: operation('AddChatMessage'),
  GetChatMessages: operation('GetChatMessages'),
};

const BY_ACTION = new Map(Object.values(OPERATIONS).map((op) => [op.soapAction, op]));
const BY_REQUEST_ELEMENT = new Map(Object.values(OPERATIONS).map((op) => [op.requestElement, op]));

export function operationByAction(action: string): OperationContract | undefined {
  return BY_ACTION.get(action);
}

export function operationByRequestElement(localName: string): OperationContract | undefined {
  return BY_REQUEST_ELEMENT.get(localName);
}

/** Request headers every operation declares, in WSDL order. */
export const REQUEST_HEADERS = ['ApplicationToken', 'Credentials', 'TimeZone'] as const;
/** Response headers every operation declares, in WSDL order. */
export const RESPONSE_HEADERS = ['ExceptionInfo', 'ExtraInfo', 'Succeeded', 'TimeZone'] as const;
/** SoExceptionInfo's fields, in contract order. */
export const EXCEPTION_INFO_FIELDS = [
  'Message',
  'StackTrace',
  'FriendlyText',
  'ExceptionType',
  'Source',
  'InnerException',
  'Parameters',
] as const;
