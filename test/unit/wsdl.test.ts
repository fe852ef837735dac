import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import soap from 'soap';
import { disagreements, loadServiceDescription, WSDL_PATHS } from '../../src/transport/wsdl.js';

const CHAT_WSDL_PATH = WSDL_PATHS.Chat;

const SHIPPED_ADDRESS = '<soap:address location="http://localhost:8088/Remote/Services88/Chat.svc" />';
const ADD_ACTION = 'soapAction="http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"';
const MESSAGE_FIELD = '<xs:element minOccurs="0" name="Message" nillable="true" type="xs:string" />';
const AUTHOR_FIELD = '<xs:element minOccurs="0" name="Author" nillable="true" type="xs:string" />';

/** Parses a WSDL text with node-soap, as src/transport/wsdl.ts does. */
function parseWithNodeSoap(text: string, path: string): Promise<soap.WSDL> {
  return new Promise((resolve, reject) => {
    const wsdl = new soap.WSDL(text, path, {});
    wsdl.onReady((error?: Error) => (error ? reject(error) : resolve(wsdl)));
  });
}

/** `text` with `search` replaced once; fails the test if `search` is not in `text` exactly once. */
function replaceOnce(text: string, search: string, replacement: string): string {
  expect(text.split(search).length - 1, `occurrences of ${search}`).to.equal(1);
  return text.replace(search, () => replacement);
}

describe('loadServiceDescription', () => {
  let wsdlText = '';
  let directory = '';

  before(async () => {
    wsdlText = await readFile(CHAT_WSDL_PATH, 'utf8');
    directory = await mkdtemp(join(tmpdir(), 'wsdl-test-'));
  });

  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** Writes `text` to a temp file and returns the error loadServiceDescription rejects it with. */
  async function rejectionFor(name: string, text: string): Promise<Error> {
    const path = join(directory, `${name}.wsdl`);
    await writeFile(path, text);
    try {
      await loadServiceDescription('Chat', path);
    } catch (error) {
      expect(error).to.be.instanceOf(Error);
      return error as Error;
    }
    expect.fail(`the tampered WSDL ${name} was accepted`);
  }

  it('ships a WSDL with one soap:address', () => {
    expect(wsdlText.split('<soap:address').length - 1).to.equal(1);
    expect(wsdlText).to.contain(SHIPPED_ADDRESS);
  });

  it('loads the real WSDL and renders it with the given address and nothing else changed', async () => {
    const description = await loadServiceDescription('Chat');
    const address = 'http://h:1/X/Remote/Services88/Chat.svc';
    const rendered = description.render(address);
    expect(rendered.split('<soap:address').length - 1).to.equal(1);
    expect(rendered).to.contain(`<soap:address location="${address}" />`);
    expect(rendered).to.equal(replaceOnce(wsdlText, SHIPPED_ADDRESS, `<soap:address location="${address}" />`));
  });

  it('renders the same description for several addresses', async () => {
    const description = await loadServiceDescription('Chat', CHAT_WSDL_PATH);
    expect(description.render('https://a/Cust1/Remote/Services88/Chat.svc')).to.contain(
      '<soap:address location="https://a/Cust1/Remote/Services88/Chat.svc" />',
    );
    expect(description.render('http://b/Remote/Services88/Chat.svc')).to.contain('<soap:address location="http://b/Remote/Services88/Chat.svc" />');
  });

  it('escapes the address for the attribute', async () => {
    const description = await loadServiceDescription('Chat');
    expect(description.render('http://h/a?b=1&c="2"')).to.contain('<soap:address location="http://h/a?b=1&#x26;c=&#x22;2&#x22;" />');
  });

  it('rejects a WSDL with the ChatMessage fields Message and Author swapped', async () => {
    const swapped = replaceOnce(wsdlText, `${MESSAGE_FIELD}\n          ${AUTHOR_FIELD}`, `${AUTHOR_FIELD}\n          ${MESSAGE_FIELD}`);
    const error = await rejectionFor('swapped', swapped);
    expect(error.message).to.contain('disagrees with the contract the emulator implements');
    expect(error.message).to.contain(
      '- ChatMessage fields in order: found ["ChatMessageId","ChatSessionId","Type","Author","Message","ReadByCustomer","SpecialType","SpecialParam","WhenPosted"], ' +
        'expected ["ChatMessageId","ChatSessionId","Type","Message","Author","ReadByCustomer","SpecialType","SpecialParam","WhenPosted"]',
    );
  });

  it('rejects a WSDL with a changed soapAction', async () => {
    const changed = replaceOnce(wsdlText, ADD_ACTION, 'soapAction="http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddMessage"');
    const error = await rejectionFor('action', changed);
    expect(error.message).to.contain(
      '- AddChatMessage soapAction: found "http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddMessage", ' +
        'expected "http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"',
    );
  });

  it('rejects a WSDL with an enum name removed', async () => {
    const removed = replaceOnce(wsdlText, '<xs:enumeration value="Special" />\n', '');
    const error = await rejectionFor('enum', removed);
    expect(error.message).to.contain('- ChatMessageType names: found ["Invalid","ToCustomer","ToUser"], expected ["Invalid","ToCustomer","ToUser","Special"]');
  });

  it('rejects a WSDL with ReadByCustomer typed xs:int instead of xs:short', async () => {
    const retyped = replaceOnce(wsdlText, 'name="ReadByCustomer" type="xs:short"', 'name="ReadByCustomer" type="xs:int"');
    const error = await rejectionFor('short', retyped);
    expect(error.message).to.contain('- ChatMessage/ReadByCustomer type: found "xs:int", expected "xs:short"');
  });

  it('rejects a WSDL without soap:address', async () => {
    const path = join(directory, 'no-address.wsdl');
    const error = await rejectionFor('no-address', replaceOnce(wsdlText, SHIPPED_ADDRESS, ''));
    expect(error.message).to.equal(`The WSDL ${path} has no <soap:address location="..."> to rewrite.`);
  });

  it('rejects a file node-soap cannot read', async () => {
    const error = await rejectionFor('not-xml', 'hello');
    expect(error.message).to.match(/^node-soap cannot read the WSDL .*not-xml\.wsdl: /);
  });
});

describe('disagreements', () => {
  it('finds none in the real WSDL', async () => {
    const text = await readFile(CHAT_WSDL_PATH, 'utf8');
    expect(disagreements(await parseWithNodeSoap(text, CHAT_WSDL_PATH), 'Chat')).to.deep.equal([]);
  });

  it('lists each disagreement of a WSDL changed in two places', async () => {
    const text = await readFile(CHAT_WSDL_PATH, 'utf8');
    const tampered = replaceOnce(
      replaceOnce(text, 'name="ReadByCustomer" type="xs:short"', 'name="ReadByCustomer" type="xs:int"'),
      '<xs:enumeration value="Special" />\n',
      '',
    );
    expect(disagreements(await parseWithNodeSoap(tampered, CHAT_WSDL_PATH), 'Chat')).to.deep.equal([
      'ChatMessage/ReadByCustomer type: found "xs:int", expected "xs:short"',
      'ChatMessageType names: found ["Invalid","ToCustomer","ToUser"], expected ["Invalid","ToCustomer","ToUser","Special"]',
    ]);
  });
});

describe('disagreements of the SoPrincipal WSDL', () => {
  it('finds none in the real WSDL', async () => {
    const text = await readFile(WSDL_PATHS.SoPrincipal, 'utf8');
    expect(disagreements(await parseWithNodeSoap(text, WSDL_PATHS.SoPrincipal), 'SoPrincipal')).to.deep.equal([]);
  });

  it('lists a changed soapAction, a field out of order, a changed type and a missing enum name', async () => {
    const text = await readFile(WSDL_PATHS.SoPrincipal, 'utf8');
    const swapped = replaceOnce(
      text,
      '<xs:element minOccurs="0" name="FullName" nillable="true" type="xs:string" />\n          <xs:element minOccurs="0" name="EMailAddress" nillable="true" type="xs:string" />',
      '<xs:element minOccurs="0" name="EMailAddress" nillable="true" type="xs:string" />\n          <xs:element minOccurs="0" name="FullName" nillable="true" type="xs:string" />',
    );
    const tampered = replaceOnce(
      replaceOnce(
        replaceOnce(swapped, 'soapAction="http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePassword"', 'soapAction="urn:login"'),
        'name="AssociateId" type="xs:int"',
        'name="AssociateId" type="xs:short"',
      ),
      '<xs:enumeration value="StatusSpm" />\n',
      '',
    );
    const problems = disagreements(await parseWithNodeSoap(tampered, WSDL_PATHS.SoPrincipal), 'SoPrincipal');
    expect(problems).to.have.length(4);
    expect(problems[0]).to.equal(
      'AuthenticateUsernamePassword soapAction: found "urn:login", expected "http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePassword"',
    );
    expect(problems[1]).to.match(/^SoPrincipalCarrier fields in order: found \[.*"Licenses","EMailAddress","FullName",/);
    expect(problems[2]).to.equal('SoPrincipalCarrier/AssociateId type: found "xs:short", expected "xs:int"');
    expect(problems[3]).to.match(/^EjUserStatus names: found \["StatusNone","StatusNormal","StatusNotAvailable","StatusDeleted","StatusReadOnly","StatusSystem"\]/);
  });
});
