import { readFileSync } from 'node:fs';
import { SERVICES88_NS } from './namespaces.js';
import type { ServiceName } from './operations.js';
import { Schema } from './schema.js';
import { clark, readContractDocument, type ContractDocument } from './wsdl-model.js';

/** The project's WSDL of each service: the one description of its contract. */
export const SERVICE_WSDLS: Readonly<Record<ServiceName, string>> = { Chat: 'Chat.wsdl', SoPrincipal: 'SoPrincipal.wsdl' };

const WSDL_DIRECTORY = new URL('../../../wsdl/', import.meta.url);

export function readServiceDocuments(): Record<ServiceName, ContractDocument> {
  const read = (file: string) => readContractDocument(readFileSync(new URL(file, WSDL_DIRECTORY), 'utf8'), `wsdl/${file}`);
  return { Chat: read(SERVICE_WSDLS.Chat), SoPrincipal: read(SERVICE_WSDLS.SoPrincipal) };
}

let schemas: Record<ServiceName, Schema> | undefined;

/** Each service's types compiled from its WSDL, read once, when first asked for. */
export function schemaOf(service: ServiceName): Schema {
  if (schemas === undefined) {
    const documents = readServiceDocuments();
    // A stored message never changes: its XML, once written for a read, serves the next reads.
    schemas = { Chat: new Schema(documents.Chat, { immutable: [clark(SERVICES88_NS, 'ChatMessage')] }), SoPrincipal: new Schema(documents.SoPrincipal) };
  }
  return schemas[service];
}
