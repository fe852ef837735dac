import { SERVICES88_NS } from './namespaces.js';

/** The Services88 services the emulator serves, and each one's operations. */

export type ServiceName = 'Chat' | 'SoPrincipal';

export const OPERATION_NAMES = ['AddChatMessage', 'GetChatMessages', 'AuthenticateUsernamePassword'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export interface ServiceContract {
  readonly name: ServiceName;
  /** The last segment of the service's address: `/<CustId>/Remote/Services88/<file>`. */
  readonly file: string;
  /** The WSDL names, as published. */
  readonly wsdl: {
    readonly definitions: string;
    readonly portType: string;
    readonly binding: string;
    readonly service: string;
    readonly port: string;
  };
  readonly operations: readonly OperationName[];
}

export const SERVICES: Readonly<Record<ServiceName, ServiceContract>> = {
  Chat: {
    name: 'Chat',
    file: 'Chat.svc',
    wsdl: { definitions: 'WcfChatService', portType: 'Chat', binding: 'BasicHttpBinding_Chat', service: 'WcfChatService', port: 'BasicHttpBinding_Chat' },
    operations: ['AddChatMessage', 'GetChatMessages'],
  },
  SoPrincipal: {
    name: 'SoPrincipal',
    file: 'SoPrincipal.svc',
    wsdl: {
      definitions: 'WcfSoPrincipalService',
      portType: 'SoPrincipal',
      binding: 'BasicHttpBinding_SoPrincipal',
      service: 'WcfSoPrincipalService',
      port: 'BasicHttpBinding_SoPrincipal',
    },
    operations: ['AuthenticateUsernamePassword'],
  },
};

export interface OperationContract {
  readonly name: OperationName;
  readonly service: ServiceName;
  /** The request action: the SOAPAction header (SOAP 1.1) or the Content-Type action parameter (SOAP 1.2). */
  readonly soapAction: string;
  readonly responseAction: string;
  /** Local names of the body wrapper elements, in the Services88 namespace. */
  readonly requestElement: string;
  readonly responseElement: string;
}

function operation(service: ServiceName, name: OperationName, responseElement: string): OperationContract {
  const soapAction = `${SERVICES88_NS}/${SERVICES[service].wsdl.portType}/${name}`;
  return { name, service, soapAction, responseAction: `${soapAction}Response`, requestElement: name, responseElement };
}

export const OPERATIONS: Readonly<Record<OperationName, OperationContract>> = {
  AddChatMessage: operation('Chat', 'AddChatMessage', 'AddChatMessageResponse'),
  GetChatMessages: operation('Chat', 'GetChatMessages', 'GetChatMessagesResponse'),
  // Every Authenticate operation answers with the same AuthenticateResponse message contract.
  AuthenticateUsernamePassword: operation('SoPrincipal', 'AuthenticateUsernamePassword', 'AuthenticateResponse'),
};

const OPERATIONS_OF: Readonly<Record<ServiceName, readonly OperationContract[]>> = {
  Chat: SERVICES.Chat.operations.map((name) => OPERATIONS[name]),
  SoPrincipal: SERVICES.SoPrincipal.operations.map((name) => OPERATIONS[name]),
};

/** The operations of one service. */
export function operationsOf(service: ServiceName): readonly OperationContract[] {
  return OPERATIONS_OF[service];
}

/** The service whose address ends in `file` (case-insensitive, as IIS matches paths), if any. */
export function serviceByFile(file: string): ServiceContract | undefined {
  return SERVICES_BY_FILE.get(file.toLowerCase());
}

/** Every SOAP request asks which service its path names. */
const SERVICES_BY_FILE: ReadonlyMap<string, ServiceContract> = new Map(Object.values(SERVICES).map((service) => [service.file.toLowerCase(), service]));

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
