import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS, CHAT_MESSAGE_SPECIAL_TYPE, CHAT_MESSAGE_TYPE } from '../contract/chat-message.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import { operationsOf, SERVICES, type ServiceName } from '../contract/operations.js';
import { EJ_USER_STATUS, ROLE_TYPE, SO_PRINCIPAL_CARRIER_FIELDS, SO_PRINCIPAL_CONTRACT, USER_TYPE } from '../contract/principal.js';
import { escapeAttribute } from '../xml.js';

/** The project's own hand-written WSDLs, one per service. */
export const WSDL_PATHS: Readonly<Record<ServiceName, string>> = {
  Chat: fileURLToPath(new URL('../../../wsdl/Chat.wsdl', import.meta.url)),
  SoPrincipal: fileURLToPath(new URL('../../../wsdl/SoPrincipal.wsdl', import.meta.url)),
};

/** The WSDL, loaded once, ready to be served with `soap:address` pointing wherever it was fetched from. */
export interface ServiceDescription {
  render(address: string): string;
}

const ADDRESS = /(<soap:address\s+location=")[^"]*(")/;

/** Every service's description, loaded and checked. */
export async function loadServiceDescriptions(): Promise<Record<ServiceName, ServiceDescription>> {
  const [chat, soPrincipal] = await Promise.all([loadServiceDescription('Chat'), loadServiceDescription('SoPrincipal')]);
  return { Chat: chat, SoPrincipal: soPrincipal };
}

/**
 * Loads a service's WSDL through node-soap, which parses and validates it as a client would, and checks that
 * it agrees with the contract the code implements (names, soapActions, field order and types, enum names).
 * Fails with every disagreement listed, so the WSDL and the code cannot drift apart silently.
 */
export async function loadServiceDescription(service: ServiceName, path: string = WSDL_PATHS[service]): Promise<ServiceDescription> {
  const text = await readFile(path, 'utf8');
  const parsed = await parseWithNodeSoap(text, path);
  const problems = disagreements(parsed, service);
  if (problems.length > 0) {
    throw new Error(`The WSDL ${path} disagrees with the contract the emulator implements:\n- ${problems.join('\n- ')}`);
  }
  const match = ADDRESS.exec(text);
  if (match === null) throw new Error(`The WSDL ${path} has no <soap:address location="..."> to rewrite.`);
  const before = text.slice(0, match.index) + (match[1] as string);
  const after = (match[2] as string) + text.slice(match.index + match[0].length);
  return { render: (address) => before + escapeAttribute(address) + after };
}

function parseWithNodeSoap(text: string, path: string): Promise<soap.WSDL> {
  return new Promise((resolve, reject) => {
    const wsdl = new soap.WSDL(text, path, {});
    wsdl.onReady((error?: Error) => (error ? reject(new Error(`node-soap cannot read the WSDL ${path}: ${error.message}`)) : resolve(wsdl)));
  });
}

/** Exported for its test: the list of ways the parsed WSDL differs from the contract of `service`. */
export function disagreements(wsdl: soap.WSDL, service: ServiceName): string[] {
  const problems: string[] = [];
  const expect: Expect = (what, actual, expected) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: found ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  const names = SERVICES[service].wsdl;
  const definitions = wsdl.definitions as unknown as Record<string, unknown>;
  expect('definitions name', definitions['$name'], names.definitions);
  expect('targetNamespace', definitions['$targetNamespace'], SERVICES88_NS);

  const binding = at(definitions, 'bindings', names.binding);
  const port = at(definitions, 'services', names.service, 'ports', names.port);
  expect(`binding ${names.binding}`, binding !== undefined, true);
  expect(`service ${names.service} port ${names.port}`, port !== undefined, true);
  const operations = operationsOf(service);
  expect('operations', Object.keys(asRecord(at(binding, 'methods')) ?? {}).sort(), operations.map((op) => op.name).sort());
  for (const operation of operations) {
    expect(`${operation.name} soapAction`, at(binding, 'methods', operation.name, 'soapAction'), operation.soapAction);
  }
  const described = asRecord(at(wsdl.describeServices(), names.service, names.port)) ?? {};
  if (service === 'Chat') checkChatTypes(described, expect);
  else checkSoPrincipalTypes(described, expect);
  return problems;
}

type Expect = (what: string, actual: unknown, expected: unknown) => void;

function checkChatTypes(described: Record<string, unknown>, expect: Expect): void {
  const messageFields = fieldsOf(at(described, 'AddChatMessage', 'input', 'Message'));
  expect('ChatMessage fields in order', Object.keys(messageFields), CHAT_MESSAGE_FIELDS);
  for (const field of CHAT_MESSAGE_FIELDS) {
    expect(`ChatMessage/${field} type`, typeNameOf(messageFields[field]), CHAT_MESSAGE_CONTRACT[field].codec.typeName);
  }
  expect('ChatMessageType names', enumNames(messageFields['Type']), Object.keys(CHAT_MESSAGE_TYPE));
  expect('ChatMessageSpecialType names', enumNames(messageFields['SpecialType']), Object.keys(CHAT_MESSAGE_SPECIAL_TYPE));
  expect('GetChatMessages parameters', Object.keys(fieldsOf(at(described, 'GetChatMessages', 'input'))), ['ChatSessionId', 'After']);
}

function checkSoPrincipalTypes(described: Record<string, unknown>, expect: Expect): void {
  const operation = at(described, 'AuthenticateUsernamePassword');
  expect('AuthenticateUsernamePassword parameters', Object.keys(fieldsOf(at(operation, 'input'))), ['UserName', 'Password']);
  expect('AuthenticateResponse elements', Object.keys(fieldsOf(at(operation, 'output'))), ['Response', 'Credentials', 'AuthenticationSucceeded']);
  const carrier = fieldsOf(at(operation, 'output', 'Response'));
  expect('SoPrincipalCarrier fields in order', Object.keys(carrier), SO_PRINCIPAL_CARRIER_FIELDS);
  for (const [field, contract] of Object.entries(SO_PRINCIPAL_CONTRACT)) {
    expect(`SoPrincipalCarrier/${field} type`, typeNameOf(carrier[field]), contract.codec.typeName);
  }
  expect('UserType names', enumNames(carrier['UserType']), Object.keys(USER_TYPE));
  expect('RoleType names', enumNames(carrier['RoleType']), Object.keys(ROLE_TYPE));
  expect('EjUserStatus names', enumNames(carrier['EjUserStatus']), Object.keys(EJ_USER_STATUS));
}

/** The element entries of a type as node-soap describes it, without its namespace bookkeeping. */
function fieldsOf(described: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(asRecord(described) ?? {}).filter(([key]) => key !== 'targetNSAlias' && key !== 'targetNamespace'));
}

/** node-soap describes a simple type as `name|base|enum,names`. */
function typeNameOf(described: unknown): string | undefined {
  return typeof described === 'string' ? described.split('|')[0] : undefined;
}

function enumNames(described: unknown): string[] {
  return String(described ?? '').split('|')[2]?.split(',') ?? [];
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = asRecord(current)?.[key];
  return current;
}
