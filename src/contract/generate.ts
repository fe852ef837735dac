import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from './operations.js';
import { readServiceDocuments } from './schemas.js';
import { enumValues, type ClarkName, type ComplexType, type ContractDocument, type ElementDeclaration, type SchemaType } from './wsdl-model.js';

/**
 * Writes src/contract/generated.ts from the project's WSDLs: the TypeScript the code needs to name the contract's
 * facts: each operation's actions and body elements, every type of the schemas as a TypeScript type, and each
 * operation's request and response. The WSDLs are the
 * one description of the contract; this file only restates them for the compiler, and a test regenerates it and
 * fails on any difference. Run `npm run generate` after changing a WSDL.
 */

const GENERATED = fileURLToPath(new URL('../../../src/contract/generated.ts', import.meta.url));

/** The text of src/contract/generated.ts for these documents. */
export function generatedModule(documents: Record<ServiceName, ContractDocument>): string {
  const lines = [
    '// Generated from wsdl/Chat.wsdl and wsdl/SoPrincipal.wsdl by `npm run generate` (src/contract/generate.ts): do not edit.',
    '',
    "import type { Instant } from './datetime.js';",
    '',
    '/** Each operation of each service, in its WSDL order: the actions, and the local names of the body elements. */',
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
        '    },',
      );
    }
    lines.push('  },');
  }
  lines.push('} as const;', '');
  lines.push(...typeDeclarations(documents));
  return lines.join('\n');
}

const XS = '{http://www.w3.org/2001/XMLSchema}';

/** TypeScript for the values the schema reads and writes (see Value in schema.ts), one declaration per contract type. */
const SIMPLE_TYPES: Readonly<Record<string, string>> = {
  [`${XS}string`]: 'string',
  [`${XS}int`]: 'number',
  [`${XS}short`]: 'number',
  [`${XS}double`]: 'number',
  [`${XS}boolean`]: 'boolean',
  [`${XS}dateTime`]: 'Instant',
  [`${XS}base64Binary`]: 'string',
};

/**
 * Every type of every service's schema as a TypeScript type, by its local name (a name two services declare must
 * be declared alike); then each operation's request and response, by operation name.
 */
function typeDeclarations(documents: Record<ServiceName, ContractDocument>): string[] {
  const declared = new Map<string, string>();
  for (const document of Object.values(documents)) {
    for (const [name, type] of document.types) {
      const local = typeName(name);
      const text = declaration(local, type, document);
      const earlier = declared.get(local);
      if (earlier !== undefined && earlier !== text) throw new Error(`The type ${local} is declared differently by two services.`);
      declared.set(local, text);
    }
  }
  const lines = ['/* The contract types: property names are the element names, null is xsi:nil. */', ''];
  for (const text of [...declared.values()]) lines.push(text, '');
  lines.push(...tables(documents));
  for (const direction of ['input', 'output'] as const) {
    lines.push(`/** Each operation's ${direction === 'input' ? 'request' : 'response'}: the fields of its ${direction === 'input' ? 'request' : 'response'} element. */`);
    lines.push(`export interface Operation${direction === 'input' ? 'Requests' : 'Responses'} {`);
    for (const document of Object.values(documents)) {
      for (const operation of document.operations.values()) {
        const wrapper = document.elements.get(operation[direction].body)?.type;
        if (wrapper === undefined || typeof wrapper === 'string') throw new Error(`${operation.name}: its ${direction} element has no sequence of its own.`);
        lines.push(`  ${operation.name}: ${objectType(wrapper, document, '  ')};`);
      }
    }
    lines.push('}', '');
  }
  return lines;
}

/**
 * The facts code names besides the types: each enum's names and values, and each record type's fields in contract
 * order (the base's first), for the code that builds a record field by field or names its fields in a message.
 */
function tables(documents: Record<ServiceName, ContractDocument>): string[] {
  const enums = new Map<string, string>();
  const fields = new Map<string, string>();
  for (const document of Object.values(documents)) {
    for (const [name, type] of document.types) {
      const local = typeName(name);
      if (type.kind === 'enum') enums.set(local, `  ${local}: { ${Object.entries(enumValues(type)).map(([enumName, value]) => `${enumName}: ${value}`).join(', ')} },`);
      if (type.kind !== 'complex') continue;
      const all = allFields(type, document);
      if (all.length === 0 || (all.length === 1 && all[0]?.maxOccurs === 'unbounded')) continue;
      fields.set(local, `  ${local}: [${all.map((field) => `'${typeName(field.name)}'`).join(', ')}],`);
    }
  }
  return [
    "/** Each enum's names and their values, in contract order (a flags enum's values are its bits). */",
    'export const ENUM_VALUES = {',
    ...enums.values(),
    '} as const;',
    '',
    "/** Each record type's elements, in contract order: its base type's first. */",
    'export const TYPE_FIELDS = {',
    ...fields.values(),
    '} as const;',
    '',
  ];
}

function declaration(local: string, type: SchemaType, document: ContractDocument): string {
  switch (type.kind) {
    case 'enum': {
      const names = type.values.map((value) => `'${value.name}'`).join(' | ');
      return type.flags ? `export type ${local} = readonly (${names})[];` : `export type ${local} = ${names};`;
    }
    case 'restricted':
      return `export type ${local} = ${SIMPLE_TYPES[type.base] ?? 'string'};`;
    case 'complex':
      return `export type ${local} = ${objectType(type, document, '')};`;
  }
}

/** An object type of a complex type's fields, the base's first; an array for ArrayOfX and dictionaries. */
function objectType(type: ComplexType, document: ContractDocument, indent: string): string {
  const fields = allFields(type, document);
  const only = fields.length === 1 ? fields[0] : undefined;
  if (only !== undefined && only.maxOccurs === 'unbounded') return `readonly ${elementType(only, document, indent)}[]`;
  if (fields.length === 0) return 'Record<string, never>';
  const members = fields.map((field) => `${indent}  ${typeName(field.name)}: ${elementType(field, document, `${indent}  `)}${field.nillable ? ' | null' : ''};`);
  return `{\n${members.join('\n')}\n${indent}}`;
}

function elementType(element: ElementDeclaration, document: ContractDocument, indent: string): string {
  const type = element.type;
  if (typeof type !== 'string') return objectType(type, document, indent);
  if (SIMPLE_TYPES[type] !== undefined) return SIMPLE_TYPES[type] as string;
  // A complex type is nil when absent, whatever its nillable says: the serializer leaves the member null.
  const complex = document.types.get(type)?.kind === 'complex';
  return complex && !element.nillable ? `${typeName(type)} | null` : typeName(type);
}

function allFields(type: ComplexType, document: ContractDocument): ElementDeclaration[] {
  if (type.base === null) return [...type.elements];
  const base = document.types.get(type.base);
  if (base?.kind !== 'complex') throw new Error(`The base ${type.base} is not a complex type.`);
  return [...allFields(base, document), ...type.elements];
}

function typeName(name: ClarkName): string {
  return name.slice(name.indexOf('}') + 1);
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
