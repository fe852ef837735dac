import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from './operations.js';
import { readServiceDocuments } from './schemas.js';
import type { ClarkName, ContractDocument } from './wsdl-model.js';

/**
 * Writes src/contract/generated.ts from the project's WSDLs: the TypeScript the code needs to name the contract's
 * facts in types (today the operations of each service, with their actions and body elements). The WSDLs are the
 * one description of the contract; this file only restates them for the compiler, and a test regenerates it and
 * fails on any difference. Run `npm run generate` after changing a WSDL.
 */

const GENERATED = fileURLToPath(new URL('../../../src/contract/generated.ts', import.meta.url));

/** The text of src/contract/generated.ts for these documents. */
export function generatedModule(documents: Record<ServiceName, ContractDocument>): string {
  const lines = [
    '// Generated from wsdl/Chat.wsdl and wsdl/SoPrincipal.wsdl by `npm run generate` (src/contract/generate.ts): do not edit.',
    '',
    '/**',
    ' * Each operation of each service, in its WSDL order: the actions, the local names of the body elements, and the',
    ' * nillable elements of the response (what an answer that failed holds, each nil).',
    ' */',
    'export const WSDL_OPERATIONS = {',
  ];
  for (const [service, document] of Object.entries(documents)) {
    lines.push(`  ${service}: {`);
    for (const operation of document.operations.values()) {
      lines.push(
        `    ${operation.name}: {`,
        `      soapAction: '${operation.soapAction}',`,
        `      responseAction: '${operation.output.action}',`,
        `      requestElement: '${localName(operation.input.body, document)}',`,
        `      responseElement: '${localName(operation.output.body, document)}',`,
        `      nillableResults: [${nillableResults(operation.output.body, document).map((name) => `'${name}'`).join(', ')}],`,
        '    },',
      );
    }
    lines.push('  },');
  }
  lines.push('} as const;', '');
  return lines.join('\n');
}

/** The local names of the nillable elements of a response wrapper, in order. */
function nillableResults(wrapper: ClarkName, document: ContractDocument): string[] {
  const type = document.elements.get(wrapper)?.type;
  if (type === undefined || typeof type === 'string') throw new Error(`The response element ${wrapper} has no sequence of its own.`);
  return type.elements.filter((element) => element.nillable).map((element) => localName(element.name, document));
}

/** A body element's local name, which must be in the service's namespace. */
function localName(name: ClarkName, document: ContractDocument): string {
  const prefix = `{${document.targetNamespace}}`;
  if (!name.startsWith(prefix)) throw new Error(`${name} is not in the namespace ${document.targetNamespace}.`);
  return name.slice(prefix.length);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED, generatedModule(readServiceDocuments()));
  console.log(`wrote ${GENERATED}`);
}
