import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { SERVICES, type ServiceName } from '../../src/contract/operations.js';
import { useEmulator } from '../support/emulator.js';
import { callEveryOperation } from '../support/every-operation.js';

/** The published WSDLs are not part of the project: they are read from the reference folder beside it, or from PUBLISHED_WSDL_DIR. */
const PUBLISHED_DIR = process.env['PUBLISHED_WSDL_DIR'] ?? fileURLToPath(new URL('../../../../shared/reference/', import.meta.url));

/** A client generated from SuperOffice's own WSDLs calls every operation they publish, and each one answers. */
describe('interop: node-soap built from the published WSDLs calls all 34 operations', function () {
  this.timeout(60_000);
  const emulator = useEmulator();

  for (const service of ['Chat', 'SoPrincipal'] as const satisfies readonly ServiceName[]) {
    it(`every operation of Services88-${service}.wsdl answers, none "not emulated yet"`, async () => {
      const path = `${PUBLISHED_DIR}Services88-${service}.wsdl`;
      if (!existsSync(path)) throw new Error(`The published WSDL is expected at ${path} (the reference folder beside the project, or set PUBLISHED_WSDL_DIR); it is missing.`);
      const outcomes = await callEveryOperation(emulator.current, service, path);
      expect(outcomes).to.deep.equal(Object.fromEntries(SERVICES[service].operations.map((operation) => [operation, 'answered'])));
    });
  }
});
