import { expect } from 'chai';
import { decodeTicket, encodeTicket, newTicketParts } from '../../src/contract/ticket.js';

describe('tickets', () => {
  const SECRET = '0123456789abcdef0123456789abcdef';

  it('encodes 7T: + base64 of the UTF-16LE text, with and without a CustId', () => {
    expect(encodeTicket({ secret: SECRET, number: 1254895, custId: 'Cust12345' })).to.equal(
      `7T:${Buffer.from(`${SECRET};1254895;Cust12345`, 'utf16le').toString('base64')}`,
    );
    expect(encodeTicket({ secret: SECRET, number: 1254895, custId: undefined })).to.equal(`7T:${Buffer.from(`${SECRET};1254895`, 'utf16le').toString('base64')}`);
  });

  it('decodes what it encodes', () => {
    for (const parts of [
      { secret: SECRET, number: 1254895, custId: 'Cust12345' },
      { secret: SECRET, number: 7, custId: undefined },
    ]) {
      expect(decodeTicket(encodeTicket(parts))).to.deep.equal(parts);
    }
  });

  it('decodes nothing else: the documentation placeholder, another prefix, bad base64, another text', () => {
    const utf16 = (text: string) => Buffer.from(text, 'utf16le').toString('base64');
    for (const ticket of ['7T:1234abcxyzExample==', `8T:${utf16(`${SECRET};1`)}`, '7T:!!!!', `7T:${utf16('hello')}`, `7T:${utf16(`${SECRET.toUpperCase()};1`)}`]) {
      expect(decodeTicket(ticket), ticket).to.equal(undefined);
    }
  });

  it('makes fresh parts: 32 lowercase hex digits and a seven-digit number, different each time', () => {
    const first = newTicketParts('Cust1');
    const second = newTicketParts('Cust1');
    expect(first.secret).to.match(/^[0-9a-f]{32}$/);
    expect(String(first.number)).to.match(/^[1-9][0-9]{6}$/);
    expect(first.custId).to.equal('Cust1');
    expect(second.secret).not.to.equal(first.secret);
  });
});
