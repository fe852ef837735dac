import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { generatedModule } from '../../src/contract/generate.js';
import { readServiceDocuments } from '../../src/contract/schemas.js';

describe('src/contract/generated.ts', () => {
  it('is what the WSDLs generate (after a change to a WSDL, run npm run generate)', () => {
    const checkedIn = readFileSync(new URL('../../../src/contract/generated.ts', import.meta.url), 'utf8');
    expect(generatedModule(readServiceDocuments())).to.equal(checkedIn);
  });
});
