import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { clark, readContractDocument, WsdlModelError, type ComplexType, type ContractDocument } from '../../src/contract/wsdl-model.js';
import { WSDL_PATHS } from '../../src/transport/wsdl.js';
import { contractDifferences } from '../support/contract-compare.js';

const S88 = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
const XS = 'http://www.w3.org/2001/XMLSchema';
const n = (local: string) => clark(S88, local);
const xs = (local: string) => clark(XS, local);

/** A small WSDL with the constructs the published schema uses: a base type, a flags enum, a dictionary, an anonymous wrapper. */
function wsdl(schema: string, prefix = 'tns'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions name="WcfTestService" targetNamespace="${S88}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:${prefix}="${S88}" xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl">
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="${S88}" xmlns:xs="${XS}">
      ${schema}
      <xs:element name="Ping"><xs:complexType><xs:sequence><xs:element minOccurs="0" name="Topic" nillable="true" type="${prefix}:Topic" /></xs:sequence></xs:complexType></xs:element>
      <xs:element name="PingResponse"><xs:complexType><xs:sequence /></xs:complexType></xs:element>
      <xs:element name="ApplicationToken" nillable="true" type="xs:string" />
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="PingRequest"><wsdl:part name="parameters" element="${prefix}:Ping" /></wsdl:message>
  <wsdl:message name="PingRequest_Headers"><wsdl:part name="ApplicationToken" element="${prefix}:ApplicationToken" /></wsdl:message>
  <wsdl:message name="PingResponse"><wsdl:part name="parameters" element="${prefix}:PingResponse" /></wsdl:message>
  <wsdl:portType name="Test">
    <wsdl:operation name="Ping">
      <wsdl:input wsaw:Action="${S88}/Test/Ping" name="PingRequest" message="${prefix}:PingRequest" />
      <wsdl:output wsaw:Action="${S88}/Test/PingResponse" name="PingResponse" message="${prefix}:PingResponse" />
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="BasicHttpBinding_Test" type="${prefix}:Test">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />
    <wsdl:operation name="Ping">
      <soap:operation soapAction="${S88}/Test/Ping" style="document" />
      <wsdl:input name="PingRequest"><soap:header message="${prefix}:PingRequest_Headers" part="ApplicationToken" use="literal" /><soap:body use="literal" /></wsdl:input>
      <wsdl:output name="PingResponse"><soap:body use="literal" /></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="WcfTestService"><wsdl:port name="BasicHttpBinding_Test" binding="${prefix}:BasicHttpBinding_Test"><soap:address location="http://localhost/Test.svc" /></wsdl:port></wsdl:service>
</wsdl:definitions>`;
}

const SCHEMA = `
      <xs:complexType name="Carrier"><xs:sequence><xs:element minOccurs="0" name="TableRight" nillable="true" type="xs:string" /></xs:sequence></xs:complexType>
      <xs:complexType name="Topic">
        <xs:complexContent mixed="false">
          <xs:extension base="tns:Carrier">
            <xs:sequence>
              <xs:element minOccurs="0" name="TopicId" type="xs:int" />
              <xs:element minOccurs="0" name="Flags" type="tns:TopicFlag" />
              <xs:element minOccurs="0" maxOccurs="unbounded" name="Rules" type="tns:Rules" />
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:simpleType name="TopicFlag">
        <xs:annotation><xs:appinfo><ActualType Name="short" Namespace="http://www.w3.org/2001/XMLSchema" xmlns="http://schemas.microsoft.com/2003/10/Serialization/" /></xs:appinfo></xs:annotation>
        <xs:list><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="PopupAlert" /><xs:enumeration value="EmailAlert" /></xs:restriction></xs:simpleType></xs:list>
      </xs:simpleType>
      <xs:simpleType name="Status">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Invalid" />
          <xs:enumeration value="Closed"><xs:annotation><xs:appinfo><EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">9</EnumerationValue></xs:appinfo></xs:annotation></xs:enumeration>
        </xs:restriction>
      </xs:simpleType>
      <xs:complexType name="Rules">
        <xs:annotation><xs:appinfo><IsDictionary xmlns="http://schemas.microsoft.com/2003/10/Serialization/">true</IsDictionary></xs:appinfo></xs:annotation>
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="RulesKeyValuePair">
            <xs:complexType><xs:sequence><xs:element name="Key" nillable="true" type="xs:string" /><xs:element name="Value" type="xs:int" /></xs:sequence></xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>`;

describe('readContractDocument', () => {
  const document = readContractDocument(wsdl(SCHEMA), 'test.wsdl');

  it('reads a derived type: its base, and its own elements in order with type, minOccurs, maxOccurs and nillable', () => {
    expect(document.types.get(n('Topic'))).to.deep.equal({
      kind: 'complex',
      base: n('Carrier'),
      dictionary: false,
      elements: [
        { name: n('TopicId'), type: xs('int'), minOccurs: 0, maxOccurs: 1, nillable: false },
        { name: n('Flags'), type: n('TopicFlag'), minOccurs: 0, maxOccurs: 1, nillable: false },
        { name: n('Rules'), type: n('Rules'), minOccurs: 0, maxOccurs: 'unbounded', nillable: false },
      ],
    });
  });

  it('reads a flags enum (an xs:list of names), which node-soap describes as nothing, and its ActualType', () => {
    expect(document.types.get(n('TopicFlag'))).to.deep.equal({ kind: 'enum', flags: true, actualType: xs('short'), values: [{ name: 'PopupAlert', value: null }, { name: 'EmailAlert', value: null }] });
  });

  it('reads an enum with its EnumerationValue numbers where given', () => {
    expect(document.types.get(n('Status'))).to.deep.equal({ kind: 'enum', flags: false, actualType: null, values: [{ name: 'Invalid', value: null }, { name: 'Closed', value: 9 }] });
  });

  it('reads a dictionary and its anonymous key-value pair type', () => {
    const rules = document.types.get(n('Rules')) as ComplexType;
    expect(rules.dictionary).to.equal(true);
    expect(rules.elements[0]?.type).to.deep.equal({
      kind: 'complex',
      base: null,
      dictionary: false,
      elements: [
        { name: n('Key'), type: xs('string'), minOccurs: 1, maxOccurs: 1, nillable: true },
        { name: n('Value'), type: xs('int'), minOccurs: 1, maxOccurs: 1, nillable: false },
      ],
    });
  });

  it('reads an operation: its soapAction, actions, body elements and headers', () => {
    expect(document.operations.get('Ping')).to.deep.equal({
      name: 'Ping',
      soapAction: `${S88}/Test/Ping`,
      style: 'document',
      input: { name: 'PingRequest', action: `${S88}/Test/Ping`, body: n('Ping'), headers: [n('ApplicationToken')] },
      output: { name: 'PingResponse', action: `${S88}/Test/PingResponse`, body: n('PingResponse'), headers: [] },
    });
    expect(document.binding).to.deep.equal({ name: 'BasicHttpBinding_Test', portType: n('Test'), transport: 'http://schemas.xmlsoap.org/soap/http' });
    expect(document.service).to.deep.equal({ name: 'WcfTestService', port: 'BasicHttpBinding_Test', binding: n('BasicHttpBinding_Test') });
  });

  it('reads the same facts whatever prefix the document gives the namespace', () => {
    const other = readContractDocument(wsdl(SCHEMA.replaceAll('tns:', 'c:'), 'c'), 'other.wsdl');
    expect(contractDifferences(other, document)).to.deep.equal([]);
  });

  it('says where a QName has an undeclared prefix', () => {
    expect(() => readContractDocument(wsdl(SCHEMA.replace('type="tns:TopicFlag"', 'type="nope:TopicFlag"')), 'bad.wsdl')).to.throw(
      WsdlModelError,
      "bad.wsdl: the prefix 'nope' of 'nope:TopicFlag' is not declared.",
    );
  });

  it("reads the project's own WSDLs", () => {
    const chat = readContractDocument(readFileSync(WSDL_PATHS.Chat, 'utf8'), WSDL_PATHS.Chat);
    expect(chat.operations.get('AddChatMessage')?.soapAction).to.equal(`${S88}/Chat/AddChatMessage`);
    expect(chat.operations.get('AddChatMessage')?.input.headers).to.deep.equal([n('ApplicationToken'), n('Credentials'), n('TimeZone')]);
    expect(chat.operations.get('AddChatMessage')?.output.headers).to.deep.equal([n('ExceptionInfo'), n('ExtraInfo'), n('Succeeded'), n('TimeZone')]);
    const soPrincipal = readContractDocument(readFileSync(WSDL_PATHS.SoPrincipal, 'utf8'), WSDL_PATHS.SoPrincipal);
    expect(soPrincipal.operations.get('AuthenticateUsernamePassword')?.output.body).to.equal(n('AuthenticateResponse'));
  });
});

describe('contractDifferences', () => {
  const base = readContractDocument(wsdl(SCHEMA), 'test.wsdl');
  const changed = (schema: string): ContractDocument => readContractDocument(wsdl(schema), 'changed.wsdl');

  it('tells a changed nillable, a changed element order, a missing enum number and a missing type', () => {
    expect(contractDifferences(changed(SCHEMA.replace('name="TopicId" type="xs:int"', 'name="TopicId" nillable="true" type="xs:int"')), base)).to.have.length(1);
    expect(contractDifferences(changed(SCHEMA.replace('<xs:enumeration value="Invalid" />', '').replace('</xs:enumeration>', '</xs:enumeration><xs:enumeration value="Invalid" />')), base)).to.have.length(1);
    expect(contractDifferences(changed(SCHEMA.replace('<EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">9</EnumerationValue>', '')), base)).to.have.length(1);
    const withoutFlags = changed(SCHEMA.replace(/<xs:simpleType name="TopicFlag">[\s\S]*?<\/xs:list>\s*<\/xs:simpleType>/, ''));
    expect(contractDifferences(withoutFlags, base)).to.deep.equal([`type ${n('TopicFlag')}: published, not declared by ours`]);
  });
});
