import { WSDL_OPERATIONS } from './generated.js';

/** The Services88 services the emulator serves, and each one's operations, as their WSDLs declare them. */

export type ServiceName = keyof typeof WSDL_OPERATIONS;

/** Every operation of every service: the WSDLs' names, unique across the services. */
export type OperationName = { [S in ServiceName]: keyof (typeof WSDL_OPERATIONS)[S] & string }[ServiceName];

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

function operationNames<S extends ServiceName>(service: S): (keyof (typeof WSDL_OPERATIONS)[S] & string)[] {
  return Object.keys(WSDL_OPERATIONS[service]) as (keyof (typeof WSDL_OPERATIONS)[S] & string)[];
}

export const SERVICES: Readonly<Record<ServiceName, ServiceContract>> = {
  Chat: {
    name: 'Chat',
    file: 'Chat.svc',
    wsdl: { definitions: 'WcfChatService', portType: 'Chat', binding: 'BasicHttpBinding_Chat', service: 'WcfChatService', port: 'BasicHttpBinding_Chat' },
    operations: operationNames('Chat'),
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
    operations: operationNames('SoPrincipal'),
  },
};

/** Every operation, Chat.svc's first, each in its WSDL's order. */
export const OPERATION_NAMES: readonly OperationName[] = [...SERVICES.Chat.operations, ...SERVICES.SoPrincipal.operations];

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

function operationContracts(): Record<OperationName, OperationContract> {
  const contracts: Partial<Record<OperationName, OperationContract>> = {};
  for (const service of Object.keys(SERVICES) as ServiceName[]) {
    for (const [name, facts] of Object.entries(WSDL_OPERATIONS[service])) {
      if (name in contracts) throw new Error(`Operation ${name} is declared by two services: operation names must be unique.`);
      contracts[name as OperationName] = { name: name as OperationName, service, ...facts };
    }
  }
  // Every name of OperationName was assigned above: the names are WSDL_OPERATIONS' keys.
  return contracts as Record<OperationName, OperationContract>;
}

export const OPERATIONS: Readonly<Record<OperationName, OperationContract>> = operationContracts();

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
