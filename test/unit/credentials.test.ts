import { expect } from 'chai';
import { InMemoryCredentials } from '../../src/store/credentials.js';

describe('InMemoryCredentials', () => {
  describe('addTicket and isKnownTicket', () => {
    it('accepts a ticket added without a tenant in every tenant', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:all');
      expect(credentials.isKnownTicket('default', '7T:all')).to.equal(true);
      expect(credentials.isKnownTicket('Cust1', '7T:all')).to.equal(true);
      expect(credentials.isKnownTicket('anything', '7T:all')).to.equal(true);
    });

    it('accepts a ticket added for a tenant in that tenant only', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:one', 'Cust1');
      expect(credentials.isKnownTicket('Cust1', '7T:one')).to.equal(true);
      expect(credentials.isKnownTicket('Cust2', '7T:one')).to.equal(false);
      expect(credentials.isKnownTicket('default', '7T:one')).to.equal(false);
    });

    it('accepts a ticket granted to two tenants in both, and nowhere else', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:two', 'Cust1');
      credentials.addTicket('7T:two', 'Cust2');
      expect(credentials.isKnownTicket('Cust1', '7T:two')).to.equal(true);
      expect(credentials.isKnownTicket('Cust2', '7T:two')).to.equal(true);
      expect(credentials.isKnownTicket('Cust3', '7T:two')).to.equal(false);
    });

    it('keeps a ticket valid everywhere when it is also granted to one tenant, in either order', () => {
      const first = new InMemoryCredentials();
      first.addTicket('7T:x');
      first.addTicket('7T:x', 'Cust1');
      expect(first.isKnownTicket('Cust2', '7T:x')).to.equal(true);
      const second = new InMemoryCredentials();
      second.addTicket('7T:x', 'Cust1');
      second.addTicket('7T:x');
      expect(second.isKnownTicket('Cust2', '7T:x')).to.equal(true);
    });

    it('does not know an unknown ticket, nor a ticket that differs in case or whitespace', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:abc');
      expect(credentials.isKnownTicket('default', '7T:other')).to.equal(false);
      expect(credentials.isKnownTicket('default', '7t:abc')).to.equal(false);
      expect(credentials.isKnownTicket('default', ' 7T:abc')).to.equal(false);
      expect(credentials.isKnownTicket('default', '')).to.equal(false);
    });

    it('keeps tickets and application tokens apart', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('secret');
      expect(credentials.isKnownApplicationToken('default', 'secret')).to.equal(false);
    });
  });

  describe('addApplicationToken and isKnownApplicationToken', () => {
    it('accepts a token added without a tenant in every tenant', () => {
      const credentials = new InMemoryCredentials();
      credentials.addApplicationToken('1234567-1234-9876');
      expect(credentials.isKnownApplicationToken('default', '1234567-1234-9876')).to.equal(true);
      expect(credentials.isKnownApplicationToken('Cust12345', '1234567-1234-9876')).to.equal(true);
    });

    it('does not leak a tenant grant to another tenant', () => {
      const credentials = new InMemoryCredentials();
      credentials.addApplicationToken('tok', 'Cust1');
      expect(credentials.isKnownApplicationToken('Cust1', 'tok')).to.equal(true);
      expect(credentials.isKnownApplicationToken('Cust2', 'tok')).to.equal(false);
    });

    it('does not know an unknown token', () => {
      const credentials = new InMemoryCredentials();
      credentials.addApplicationToken('tok');
      expect(credentials.isKnownApplicationToken('default', 'other')).to.equal(false);
      expect(credentials.isKnownTicket('default', 'tok')).to.equal(false);
    });
  });

  describe('clear', () => {
    it('forgets every ticket and token', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:a');
      credentials.addTicket('7T:b', 'Cust1');
      credentials.addApplicationToken('tok');
      credentials.clear();
      expect(credentials.isKnownTicket('default', '7T:a')).to.equal(false);
      expect(credentials.isKnownTicket('Cust1', '7T:b')).to.equal(false);
      expect(credentials.isKnownApplicationToken('default', 'tok')).to.equal(false);
    });
  });
});
