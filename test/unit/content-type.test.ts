import { expect } from 'chai';
import { parseContentType } from '../../src/transport/content-type.js';

const parametersOf = (header: string | undefined): [string, string][] => [...parseContentType(header).parameters];

describe('parseContentType', () => {
  it('lower-cases and trims the media type, keeping the raw header', () => {
    const contentType = parseContentType(' Text/XML ; charset=utf-8');
    expect(contentType.mediaType).to.equal('text/xml');
    expect(contentType.raw).to.equal(' Text/XML ; charset=utf-8');
  });

  it('reads a parameter without quotes', () => {
    expect(parametersOf('text/xml; charset=utf-8')).to.deep.equal([['charset', 'utf-8']]);
  });

  it('reads a quoted parameter without its quotes, keeping the value’s case', () => {
    expect(parametersOf('text/xml; charset="UTF-8"')).to.deep.equal([['charset', 'UTF-8']]);
  });

  it('lower-cases parameter names and trims around = and ;', () => {
    expect(parametersOf('text/xml ; CHARSET = utf-8 ')).to.deep.equal([['charset', 'utf-8']]);
  });

  it('reads a quoted SOAP 1.2 action parameter', () => {
    const contentType = parseContentType(
      'application/soap+xml; charset=utf-8; action="http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage"',
    );
    expect(contentType.mediaType).to.equal('application/soap+xml');
    expect(contentType.parameters.get('action')).to.equal('http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/AddChatMessage');
    expect(contentType.parameters.get('charset')).to.equal('utf-8');
  });

  it('reads an unquoted SOAP 1.2 action parameter in any position', () => {
    const contentType = parseContentType(
      'application/soap+xml;action=http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages;charset=utf-8',
    );
    expect(contentType.parameters.get('action')).to.equal('http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages');
    expect(contentType.parameters.get('charset')).to.equal('utf-8');
  });

  it('keeps an empty quoted value as the empty string', () => {
    expect(parametersOf('application/soap+xml; action=""')).to.deep.equal([['action', '']]);
  });

  it('skips a parameter without =', () => {
    expect(parametersOf('text/xml; foo; charset=utf-8')).to.deep.equal([['charset', 'utf-8']]);
  });

  it('reads a missing header as an empty media type with no parameters', () => {
    const contentType = parseContentType(undefined);
    expect(contentType.raw).to.equal('');
    expect(contentType.mediaType).to.equal('');
    expect(contentType.parameters.size).to.equal(0);
  });

  it('reads an empty header the same way', () => {
    const contentType = parseContentType('');
    expect(contentType.mediaType).to.equal('');
    expect(contentType.parameters.size).to.equal(0);
  });
});

describe('parseContentType with quoted parameters', () => {
  it('keeps a ; inside a quoted value, and unescapes \\"', () => {
    const contentType = parseContentType('application/soap+xml; action="urn:a;b"; charset=utf-8; note="say \\"hi\\""');
    expect([...contentType.parameters]).to.deep.equal([
      ['action', 'urn:a;b'],
      ['charset', 'utf-8'],
      ['note', 'say "hi"'],
    ]);
  });
});

