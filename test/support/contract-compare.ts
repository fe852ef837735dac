import type { ClarkName, ContractDocument } from '../../src/contract/wsdl-model.js';

/**
 * Every way two contract documents differ, in words: what one declares and the other does not, and what both
 * declare differently (a type's base, its elements in order with their types, minOccurs, maxOccurs and nillable,
 * an enum's names, numbers and flags, an operation's actions, body and header elements). The order in which a
 * document lists its definitions is not compared; the order of the elements of a sequence is.
 */
export function contractDifferences(ours: ContractDocument, published: ContractDocument): string[] {
  const differences: string[] = [];
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${what}: ours ${JSON.stringify(a)}, published ${JSON.stringify(b)}`);
  };
  same('definitions name', ours.definitionsName, published.definitionsName);
  same('targetNamespace', ours.targetNamespace, published.targetNamespace);
  same('binding', ours.binding, published.binding);
  same('service', ours.service, published.service);
  compareMaps('type', ours.types, published.types, same, differences);
  compareMaps('element', ours.elements, published.elements, same, differences);
  compareMaps('attribute', ours.attributes, published.attributes, same, differences);
  compareMaps('operation', ours.operations, published.operations, same, differences);
  return differences;
}

function compareMaps<T>(
  what: string,
  ours: ReadonlyMap<ClarkName, T>,
  published: ReadonlyMap<ClarkName, T>,
  same: (what: string, a: unknown, b: unknown) => void,
  differences: string[],
): void {
  for (const [name, value] of published) {
    const own = ours.get(name);
    if (own === undefined) differences.push(`${what} ${name}: published, not declared by ours`);
    else same(`${what} ${name}`, own, value);
  }
  for (const name of ours.keys()) {
    if (!published.has(name)) differences.push(`${what} ${name}: declared by ours, not published`);
  }
}
