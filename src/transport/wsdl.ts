import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { CHAT_MESSAGE_CONTRACT, CHAT_MESSAGE_FIELDS, CHAT_MESSAGE_SPECIAL_TYPE, CHAT_MESSAGE_TYPE } from '../contract/chat-message.js';
import { SERVICES88_NS } from '../contract/namespaces.js';
import { OPERATIONS, SERVICE_NAMES } from '../contract/operations.js';
import { escapeAttribute } from '../xml.js';

/** The project's own hand-written WSDL. */
export const CHAT_WSDL_PATH = fileURLToPath(new URL('../../../wsdl/Chat.wsdl', import.meta.url));

/** The WSDL, loaded once, ready to be served with `soap:address` pointing wherever it was fetched from. */
export interface ServiceDescription {
  render(address: string): string;
}

const ADDRESS = /(<soap:address\s+location=")[^"]*(")/;

/**
 * Loads the WSDL through node-soap, which parses and validates it as a client would, and checks that it
 * agrees with the contract the code implements (names, soapActions, field order and types, enum names).
 * Fails with every disagreement listed, so the WSDL and the code cannot drift apart silently.
 */
export async function loadServiceDescription(path: string = CHAT_WSDL_PATH): Promise<ServiceDescription> {
  const text = await readFile(path, 'utf8');
  const parsed = await parseWithNodeSoap(text, path);
  const problems = disagreements(parsed);
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

/** Exported for its test: the list of ways the parsed WSDL differs from the contract module. */
export function disagreements(wsdl: soap.WSDL): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: found ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  const definitions = wsdl.definitions as unknown as Record<string, unknown>;
  expect('definitions name', definitions['$name'], SERVICE_NAMES.definitions);
  expect('targetNamespace', definitions['$targetNamespace'], SERVICES88_NS);

  const binding = at(definitions, 'bindings', SERVICE_NAMES.binding);
  const port = at(definitions, 'services', SERVICE_NAMES.service, 'ports', SERVICE_NAMES.port);
  expect(`binding ${SERVICE_NAMES.binding}`, binding !== undefined, true);
  expect(`service ${SERVICE_NAMES.service} port ${SERVICE_NAMES.port}`, port !== undefined, true);
  expect('operations', Object.keys(asRecord(at(binding, 'methods')) ?? {}).sort(), Object.keys(OPERATIONS).sort());

  const described = at(wsdl.describeServices(), SERVICE_NAMES.service, SERVICE_NAMES.port);
  for (const operation of Object.values(OPERATIONS)) {
    expect(`${operation.name} soapAction`, at(binding, 'methods', operation.name, 'soapAction'), operation.soapAction);
  }
  const messageFields = asRecord(at(described, 'AddChatMessage', 'input', 'Message')) ?? {};
  const fields = Object.keys(messageFields).filter((key) => key !== 'targetNSAlias' && key !== 'targetNamespace');
  expect('ChatMessage fields in order', fields, CHAT_MESSAGE_FIELDS);
  for (const field of CHAT_MESSAGE_FIELDS) {
    const type = String(messageFields[field] ?? '').split('|')[0];
    expect(`ChatMessage/${field} type`, type, CHAT_MESSAGE_CONTRACT[field].codec.typeName);
  }
  expect('ChatMessageType names', enumNames(messageFields['Type']), Object.keys(CHAT_MESSAGE_TYPE));
  expect('ChatMessageSpecialType names', enumNames(messageFields['SpecialType']), Object.keys(CHAT_MESSAGE_SPECIAL_TYPE));
  expect('GetChatMessages parameters', Object.keys(asRecord(at(described, 'GetChatMessages', 'input')) ?? {}), ['ChatSessionId', 'After']);
  return problems;
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
