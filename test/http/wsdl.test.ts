import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { expect } from 'chai';
import { useEmulator } from '../support/emulator.js';

const WSDL_TEXT = readFileSync(new URL('../../../wsdl/Chat.wsdl', import.meta.url), 'utf8');

describe('the WSDL', () => {
  const emulator = useEmulator();

  for (const query of ['wsdl', 'singleWsdl', 'WSDL']) {
    it(`is served at ?${query} with soap:address rewritten to the address it was fetched from`, async () => {
      const address = `${emulator.current.url}/Cust12345/Remote/Services88/Chat.svc`;
      const response = await fetch(`${address}?${query}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('text/xml; charset=utf-8');
      const text = await response.text();
      expect(text.match(/<soap:address location="[^"]*"/g)).to.deep.equal([`<soap:address location="${address}"`]);
      expect(text.replace(/<soap:address location="[^"]*"/, '')).to.equal(WSDL_TEXT.replace(/<soap:address location="[^"]*"/, ''));
    });
  }

  it('points soap:address at the Host the client used', async () => {
    const port = new URL(emulator.current.url).port;
    // fetch() will not send another Host, so use node:http directly.
    const text = await new Promise<string>((resolve, reject) => {
      get(emulator.current.wsdlUrl, { headers: { Host: `chat.example.test:${port}` } }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(text).to.include(`<soap:address location="http://chat.example.test:${port}/Remote/Services88/Chat.svc"`);
  });
});
