import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { readContractDocument, type ContractDocument, type EnumType } from '../../src/contract/wsdl-model.js';
import { WSDL_PATHS } from '../../src/transport/wsdl.js';
import { contractDifferences } from '../support/contract-compare.js';

/**
 * The emulator's own WSDLs against SuperOffice's published ones, type by type and operation by operation. The
 * published files are not part of the project: they are read from the reference folder beside it, or from the
 * folder in PUBLISHED_WSDL_DIR.
 */

const REFERENCE = process.env['PUBLISHED_WSDL_DIR'] ?? fileURLToPath(new URL('../../../../shared/reference/', import.meta.url));
const SERVICES88 = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
const SPECIAL_TYPE = `{${SERVICES88}}ChatMessageSpecialType`;

function published(file: string): ContractDocument {
  const path = join(REFERENCE, file);
  if (!existsSync(path)) {
    throw new Error(`The published WSDL ${path} is missing: this suite compares the emulator's WSDLs with SuperOffice's. Put Services88-Chat.wsdl and Services88-SoPrincipal.wsdl there, or name their folder in PUBLISHED_WSDL_DIR.`);
  }
  return readContractDocument(readFileSync(path, 'utf8'), path);
}

function ours(path: string): ContractDocument {
  return readContractDocument(readFileSync(path, 'utf8'), path);
}

/** Ours without its one known addition, IllegalFileType in ChatMessageSpecialType (newer NetServer builds have it). */
function withoutKnownAdditions(document: ContractDocument): ContractDocument {
  const specialType = document.types.get(SPECIAL_TYPE);
  if (specialType?.kind !== 'enum') return document;
  const types = new Map(document.types);
  types.set(SPECIAL_TYPE, { ...specialType, values: specialType.values.filter((value) => value.name !== 'IllegalFileType') });
  return { ...document, types };
}

describe("the emulator's WSDLs against SuperOffice's published ones", () => {
  it('Chat.svc: every published type, element, attribute and operation, each declared the same', () => {
    const differences = contractDifferences(withoutKnownAdditions(ours(WSDL_PATHS.Chat)), published('Services88-Chat.wsdl'));
    expect(differences, differences.join('\n')).to.deep.equal([]);
  });

  it('Chat.svc: IllegalFileType (18) ends ChatMessageSpecialType, the one known addition', () => {
    const specialType = ours(WSDL_PATHS.Chat).types.get(SPECIAL_TYPE) as EnumType;
    expect(specialType.values.at(-1)).to.deep.equal({ name: 'IllegalFileType', value: 18 });
    const publishedType = published('Services88-Chat.wsdl').types.get(SPECIAL_TYPE) as EnumType;
    expect(publishedType.values.map((value) => value.name)).not.to.include('IllegalFileType');
  });

  it('SoPrincipal.svc: every published type, element, attribute and operation, each declared the same', () => {
    const differences = contractDifferences(ours(WSDL_PATHS.SoPrincipal), published('Services88-SoPrincipal.wsdl'));
    expect(differences, differences.join('\n')).to.deep.equal([]);
  });
});
