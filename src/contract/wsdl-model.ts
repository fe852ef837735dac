import { XMLParser } from 'fast-xml-parser';

/**
 * A WSDL read into the facts of its contract: the schema's types, elements and attributes, and the operations with
 * their messages, headers and actions. Names are Clark names, `{namespace}local`, so that two documents that
 * choose other prefixes for the same namespace read the same.
 *
 * This is how the project knows its contract: from its own WSDL, read here (fast-xml-parser, then namespaces
 * resolved with each element's in-scope declarations). node-soap's description of a WSDL drops the flags enums
 * (an xs:list of names) and the EnumerationValue numbers, which the contract needs.
 */

export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const SOAP_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const WSAW_NS = 'http://www.w3.org/2006/05/addressing/wsdl';
const SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/';

/** A name in a namespace, as `{namespace}local`. */
export type ClarkName = string;

export function clark(namespace: string, local: string): ClarkName {
  return `{${namespace}}${local}`;
}

export interface ContractDocument {
  readonly definitionsName: string;
  readonly targetNamespace: string;
  /** Named schema types of every schema in the document. */
  readonly types: ReadonlyMap<ClarkName, SchemaType>;
  /** Global elements of every schema. */
  readonly elements: ReadonlyMap<ClarkName, ElementDeclaration>;
  /** Global attributes of every schema. */
  readonly attributes: ReadonlyMap<ClarkName, { readonly type: ClarkName }>;
  /** In the portType's order. */
  readonly operations: ReadonlyMap<string, OperationDeclaration>;
  readonly binding: { readonly name: string; readonly portType: ClarkName; readonly transport: string };
  readonly service: { readonly name: string; readonly port: string; readonly binding: ClarkName };
}

export type SchemaType = ComplexType | EnumType | RestrictedType;

export interface ComplexType {
  readonly kind: 'complex';
  /** The type it extends (complexContent/extension), whose elements come first. */
  readonly base: ClarkName | null;
  readonly elements: readonly ElementDeclaration[];
  /** WCF's IsDictionary annotation: a sequence of key-value pairs. */
  readonly dictionary: boolean;
}

/** An enum, its names in order, each with its EnumerationValue where the schema gives one; `flags` for an xs:list of them. */
export interface EnumType {
  readonly kind: 'enum';
  readonly flags: boolean;
  /** WCF's ActualType annotation: the integer type behind the enum when it is not xs:int (`{...XMLSchema}short`). */
  readonly actualType: ClarkName | null;
  readonly values: readonly { readonly name: string; readonly value: number | null }[];
}

/**
 * The number behind each of an enum's names, in contract order. WCF writes EnumerationValue only where a value is
 * not its default: the position for an enum, the position's bit for a flags enum (1, 2, 4, ...), as its
 * SchemaExporter's GetDefaultEnumValue makes them.
 */
export function enumValues(type: EnumType): { readonly [name: string]: number } {
  return Object.fromEntries(type.values.map((value, position) => [value.name, value.value ?? (type.flags ? 2 ** position : position)]));
}

/** A restriction of a built-in type by facets (a pattern, a range): guid, char, duration. */
export interface RestrictedType {
  readonly kind: 'restricted';
  readonly base: ClarkName;
  readonly facets: readonly { readonly facet: string; readonly value: string }[];
}

export interface ElementDeclaration {
  readonly name: ClarkName;
  /** A named type, or the element's own anonymous complex type. */
  readonly type: ClarkName | ComplexType;
  readonly minOccurs: number;
  readonly maxOccurs: number | 'unbounded';
  readonly nillable: boolean;
}

export interface OperationDeclaration {
  readonly name: string;
  readonly soapAction: string;
  readonly style: string;
  readonly input: MessageDeclaration;
  readonly output: MessageDeclaration;
}

export interface MessageDeclaration {
  /** The wsdl:input or wsdl:output name. */
  readonly name: string;
  /** wsaw:Action. */
  readonly action: string;
  /** The body's element. */
  readonly body: ClarkName;
  /** The header elements, in the binding's order. */
  readonly headers: readonly ClarkName[];
}

/** The WSDL is not one the emulator can read: the message says what and where. */
export class WsdlModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WsdlModelError';
  }
}

/** An element of the document with its names resolved. */
interface Node {
  readonly namespace: string;
  readonly local: string;
  /** Attributes by their name as written (`name`, `wsaw:Action`); namespace declarations left out. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly Node[];
  readonly text: string;
  /** Resolves a QName-valued attribute (`tns:ChatMessage`, `xs:int`) with the declarations in scope here. */
  resolve(qname: string): ClarkName;
  /** An attribute in a namespace (wsaw:Action), whatever its prefix. */
  attributeNS(namespace: string, local: string): string | undefined;
}

export function readContractDocument(text: string, source: string): ContractDocument {
  const root = readTree(text, source);
  if (root.namespace !== WSDL_NS || root.local !== 'definitions') throw new WsdlModelError(`${source}: the root element is not wsdl:definitions.`);
  const targetNamespace = required(root, 'targetNamespace', source);
  const types = new Map<ClarkName, SchemaType>();
  const elements = new Map<ClarkName, ElementDeclaration>();
  const attributes = new Map<ClarkName, { type: ClarkName }>();
  for (const schema of children(children(root, WSDL_NS, 'types')[0], XS_NS, 'schema')) {
    readSchema(schema, source, types, elements, attributes);
  }

  const messages = new Map<string, Node>();
  for (const message of children(root, WSDL_NS, 'message')) messages.set(clark(targetNamespace, required(message, 'name', source)), message);
  const portType = only(children(root, WSDL_NS, 'portType'), 'wsdl:portType', source);
  const binding = only(children(root, WSDL_NS, 'binding'), 'wsdl:binding', source);
  const service = only(children(root, WSDL_NS, 'service'), 'wsdl:service', source);
  const port = only(children(service, WSDL_NS, 'port'), 'wsdl:port', source);
  const soapBinding = only(children(binding, SOAP_BINDING_NS, 'binding'), 'soap:binding', source);

  const bound = new Map(children(binding, WSDL_NS, 'operation').map((operation) => [required(operation, 'name', source), operation]));
  const operations = new Map<string, OperationDeclaration>();
  for (const operation of children(portType, WSDL_NS, 'operation')) {
    const name = required(operation, 'name', source);
    const where = `${source}: operation ${name}`;
    const inBinding = bound.get(name);
    if (inBinding === undefined) throw new WsdlModelError(`${where} is in the portType but not in the binding.`);
    const soapOperation = only(children(inBinding, SOAP_BINDING_NS, 'operation'), 'soap:operation', where);
    operations.set(name, {
      name,
      soapAction: required(soapOperation, 'soapAction', where),
      style: required(soapOperation, 'style', where),
      input: readMessageUse(operation, inBinding, 'input', messages, where),
      output: readMessageUse(operation, inBinding, 'output', messages, where),
    });
  }
  return {
    definitionsName: required(root, 'name', source),
    targetNamespace,
    types,
    elements,
    attributes,
    operations,
    binding: { name: required(binding, 'name', source), portType: binding.resolve(required(binding, 'type', source)), transport: required(soapBinding, 'transport', source) },
    service: { name: required(service, 'name', source), port: required(port, 'name', source), binding: port.resolve(required(port, 'binding', source)) },
  };
}

function readMessageUse(operation: Node, inBinding: Node, direction: 'input' | 'output', messages: ReadonlyMap<string, Node>, where: string): MessageDeclaration {
  const abstract = only(children(operation, WSDL_NS, direction), `wsdl:${direction}`, where);
  const concrete = only(children(inBinding, WSDL_NS, direction), `the binding's wsdl:${direction}`, where);
  const message = messages.get(abstract.resolve(required(abstract, 'message', where)));
  if (message === undefined) throw new WsdlModelError(`${where}: its ${direction} message ${required(abstract, 'message', where)} is not defined.`);
  const part = only(children(message, WSDL_NS, 'part'), `the ${direction} message's wsdl:part`, where);
  const headers = children(concrete, SOAP_BINDING_NS, 'header').map((header) => {
    const headerMessage = messages.get(header.resolve(required(header, 'message', where)));
    const partName = required(header, 'part', where);
    const headerPart = children(headerMessage, WSDL_NS, 'part').find((p) => p.attributes.get('name') === partName);
    if (headerPart === undefined) throw new WsdlModelError(`${where}: header part ${partName} of ${required(header, 'message', where)} is not defined.`);
    return headerPart.resolve(required(headerPart, 'element', where));
  });
  return {
    name: required(abstract, 'name', where),
    action: abstract.attributeNS(WSAW_NS, 'Action') ?? '',
    body: part.resolve(required(part, 'element', where)),
    headers,
  };
}

function readSchema(
  schema: Node,
  source: string,
  types: Map<ClarkName, SchemaType>,
  elements: Map<ClarkName, ElementDeclaration>,
  attributes: Map<ClarkName, { type: ClarkName }>,
): void {
  const namespace = required(schema, 'targetNamespace', source);
  const qualified = schema.attributes.get('elementFormDefault') === 'qualified';
  const where = `${source}: schema ${namespace}`;
  for (const child of schema.children) {
    if (child.namespace !== XS_NS) continue;
    const name = child.attributes.get('name');
    switch (child.local) {
      case 'import':
      case 'annotation':
        break;
      case 'element':
        elements.set(clark(namespace, required(child, 'name', where)), readElement(child, namespace, true, where));
        break;
      case 'complexType':
        types.set(clark(namespace, required(child, 'name', where)), readComplexType(child, namespace, qualified, `${where}, type ${name ?? ''}`));
        break;
      case 'simpleType':
        types.set(clark(namespace, required(child, 'name', where)), readSimpleType(child, `${where}, type ${name ?? ''}`));
        break;
      case 'attribute':
        attributes.set(clark(namespace, required(child, 'name', where)), { type: child.resolve(required(child, 'type', where)) });
        break;
      default:
        throw new WsdlModelError(`${where}: xs:${child.local} is not read by the emulator.`);
    }
  }
}

/** `qualified`: a local element's name is in the schema's namespace (elementFormDefault="qualified"), as a global one's is. */
function readElement(element: Node, namespace: string, qualified: boolean, where: string): ElementDeclaration {
  const name = required(element, 'name', where);
  const type = element.attributes.get('type');
  const anonymous = children(element, XS_NS, 'complexType')[0];
  const here = `${where}, element ${name}`;
  if (type === undefined && anonymous === undefined) throw new WsdlModelError(`${here} has neither a type nor a complexType.`);
  const maxOccurs = element.attributes.get('maxOccurs') ?? '1';
  return {
    name: clark(qualified ? namespace : '', name),
    type: type !== undefined ? element.resolve(type) : readComplexType(anonymous as Node, namespace, qualified, here),
    minOccurs: Number(element.attributes.get('minOccurs') ?? '1'),
    maxOccurs: maxOccurs === 'unbounded' ? 'unbounded' : Number(maxOccurs),
    nillable: element.attributes.get('nillable') === 'true',
  };
}

function readComplexType(type: Node, namespace: string, qualified: boolean, where: string): ComplexType {
  const dictionary = appinfo(type, SERIALIZATION_NS, 'IsDictionary') === 'true';
  const content = children(type, XS_NS, 'complexContent')[0];
  const extension = content === undefined ? undefined : only(children(content, XS_NS, 'extension'), 'xs:extension', where);
  const holder = extension ?? type;
  const sequence = children(holder, XS_NS, 'sequence')[0];
  const elements = sequence === undefined ? [] : children(sequence, XS_NS, 'element').map((element) => readElement(element, namespace, qualified, where));
  return { kind: 'complex', base: extension === undefined ? null : extension.resolve(required(extension, 'base', where)), elements, dictionary };
}

function readSimpleType(type: Node, where: string): EnumType | RestrictedType {
  const list = children(type, XS_NS, 'list')[0];
  const restricted = list === undefined ? type : only(children(list, XS_NS, 'simpleType'), 'the list item xs:simpleType', where);
  const restriction = only(children(restricted, XS_NS, 'restriction'), 'xs:restriction', where);
  const enumerations = children(restriction, XS_NS, 'enumeration');
  if (enumerations.length > 0) {
    const values = enumerations.map((enumeration) => {
      const value = appinfo(enumeration, SERIALIZATION_NS, 'EnumerationValue');
      return { name: required(enumeration, 'value', where), value: value === undefined ? null : Number(value) };
    });
    const actual = appinfoElement(type, SERIALIZATION_NS, 'ActualType');
    const actualType = actual === undefined ? null : clark(required(actual, 'Namespace', where), required(actual, 'Name', where));
    return { kind: 'enum', flags: list !== undefined, actualType, values };
  }
  if (list !== undefined) throw new WsdlModelError(`${where}: a list of something other than enum names.`);
  const facets = restriction.children.filter((c) => c.namespace === XS_NS && c.local !== 'annotation').map((c) => ({ facet: c.local, value: required(c, 'value', where) }));
  return { kind: 'restricted', base: restriction.resolve(required(restriction, 'base', where)), facets };
}

/** The text of xs:annotation/xs:appinfo/{namespace}local, if the node has it. */
function appinfo(node: Node, namespace: string, local: string): string | undefined {
  return appinfoElement(node, namespace, local)?.text;
}

function appinfoElement(node: Node, namespace: string, local: string): Node | undefined {
  for (const annotation of children(node, XS_NS, 'annotation')) {
    for (const info of children(annotation, XS_NS, 'appinfo')) {
      const found = children(info, namespace, local)[0];
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function children(node: Node | undefined, namespace: string, local: string): Node[] {
  return node === undefined ? [] : node.children.filter((child) => child.namespace === namespace && child.local === local);
}

function only(nodes: readonly Node[], what: string, where: string): Node {
  if (nodes.length !== 1) throw new WsdlModelError(`${where}: expected one ${what}, found ${nodes.length}.`);
  return nodes[0] as Node;
}

function required(node: Node, attribute: string, where: string): string {
  const value = node.attributes.get(attribute);
  if (value === undefined) throw new WsdlModelError(`${where}: ${node.local} has no ${attribute} attribute.`);
  return value;
}

/** fast-xml-parser's ordered output: one key for the element's name, its children under it, attributes under ':@'. */
type OrderedItem = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function readTree(text: string, source: string): Node {
  let items: OrderedItem[];
  try {
    items = parser.parse(text) as OrderedItem[];
  } catch (error) {
    throw new WsdlModelError(`${source} is not well-formed XML: ${(error as Error).message}`);
  }
  const roots = items.filter((item) => elementName(item) !== undefined);
  if (roots.length !== 1) throw new WsdlModelError(`${source}: expected one root element, found ${roots.length}.`);
  return toNode(roots[0] as OrderedItem, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), source);
}

function elementName(item: OrderedItem): string | undefined {
  return Object.keys(item).find((key) => key !== ':@' && key !== '#text' && key !== '#comment');
}

function toNode(item: OrderedItem, outer: ReadonlyMap<string, string>, source: string): Node {
  const qname = elementName(item) as string;
  const raw = (item[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(outer);
  const attributes = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    else attributes.set(name, value);
  }
  const resolve = (name: string): ClarkName => {
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const namespace = scope.get(prefix);
    if (namespace === undefined) throw new WsdlModelError(`${source}: the prefix '${prefix}' of '${name}' is not declared.`);
    return clark(namespace, colon < 0 ? name : name.slice(colon + 1));
  };
  const content = (item[qname] ?? []) as OrderedItem[];
  const kids: Node[] = [];
  let text = '';
  for (const child of content) {
    if (elementName(child) !== undefined) kids.push(toNode(child, scope, source));
    else if (typeof child['#text'] === 'string') text += child['#text'];
  }
  const colon = qname.indexOf(':');
  const namespace = scope.get(colon < 0 ? '' : qname.slice(0, colon)) ?? '';
  return {
    namespace,
    local: colon < 0 ? qname : qname.slice(colon + 1),
    attributes,
    children: kids,
    text,
    resolve,
    attributeNS: (ns, local) => {
      for (const [name, value] of attributes) {
        const c = name.indexOf(':');
        if (c > 0 && name.slice(c + 1) === local && scope.get(name.slice(0, c)) === ns) return value;
      }
      return undefined;
    },
  };
}
