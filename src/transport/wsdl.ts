import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { SERVICES88_NS } from '../contract/namespaces.js';
import { operationsOf, SERVICES, type ServiceName } from '../contract/operations.js';
import type { TypeCodec } from '../contract/schema.js';
import { schemaOf } from '../contract/schemas.js';
import { clark } from '../contract/wsdl-model.js';
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
 * it agrees with the contract the code runs on (names, soapActions, every type's field order, types, enum names).
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

/**
 * Exported for its test: the list of ways the WSDL as node-soap reads it (as a client generated from it would)
 * differs from the contract the emulator runs on: the operation table generated from the WSDL, and the types
 * compiled from it, every operation's request and response, at every depth.
 */
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
  const schema = schemaOf(service);
  const compared = new Set<string>();
  for (const operation of operations) {
    compareType(at(described, operation.name, 'input'), schema.wrapper(clark(SERVICES88_NS, operation.requestElement)), expect, compared);
    compareType(at(described, operation.name, 'output'), schema.wrapper(clark(SERVICES88_NS, operation.responseElement)), expect, compared);
  }
  return problems;
}

type Expect = (what: string, actual: unknown, expected: unknown) => void;

/**
 * Holds node-soap's description of a type to its codec, once per type, whichever operation uses it first: a
 * record's fields in order and each field's simple type, then an enum's names, a list's item and nested records.
 */
function compareType(described: unknown, codec: TypeCodec, expect: Expect, compared: Set<string>): void {
  const sequence = codec.sequence;
  if (compared.has(codec.name)) return;
  compared.add(codec.name);
  if (sequence === undefined) {
    // node-soap describes a flags enum (an xs:list) as an empty object: it has no names to hold to ours.
    if (typeof described === 'string' && codec.enumValues !== undefined) expect(`${codec.typeName} names`, enumNames(described), Object.keys(codec.enumValues));
    return;
  }
  if (sequence.repeated) {
    compareType(asRecord(described)?.[`${sequence.names[0] as string}[]`], sequence.codecAt(0), expect, compared);
    return;
  }
  const fields = fieldsOf(described);
  expect(`${codec.typeName} fields in order`, Object.keys(fields), sequence.names);
  sequence.names.forEach((name, i) => {
    const field = fields[name];
    if (typeof field === 'string') expect(`${codec.typeName}/${name} type`, typeNameOf(field), sequence.codecAt(i).typeName);
  });
  sequence.names.forEach((name, i) => compareType(fields[name], sequence.codecAt(i), expect, compared));
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
