import { createHash } from 'node:crypto';
import { expect } from 'chai';
import type { SoPrincipalCarrier } from '../../src/contract/principal.js';
import { DIGEST_EACH, InMemoryCredentials, RecentDigests } from '../../src/store/credentials.js';

function isValid(credentials: InMemoryCredentials, tenant: string, ticket: string): boolean {
  return credentials.ticketStatus(tenant, ticket, 0) === 'valid';
}

const PRINCIPAL = { AssociateId: 5, FullName: 'Kari Nordmann' } as SoPrincipalCarrier;

describe('InMemoryCredentials', () => {
  describe('addTicket and ticketStatus', () => {
    it('accepts a ticket added without a tenant in every tenant', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:all');
      expect(isValid(credentials, 'default', '7T:all')).to.equal(true);
      expect(isValid(credentials, 'Cust1', '7T:all')).to.equal(true);
      expect(isValid(credentials, 'anything', '7T:all')).to.equal(true);
    });

    it('accepts a ticket added for a tenant in that tenant only', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:one', 'Cust1');
      expect(isValid(credentials, 'Cust1', '7T:one')).to.equal(true);
      expect(isValid(credentials, 'Cust2', '7T:one')).to.equal(false);
      expect(isValid(credentials, 'default', '7T:one')).to.equal(false);
    });

    it('accepts a ticket granted to two tenants in both, and nowhere else', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:two', 'Cust1');
      credentials.addTicket('7T:two', 'Cust2');
      expect(isValid(credentials, 'Cust1', '7T:two')).to.equal(true);
      expect(isValid(credentials, 'Cust2', '7T:two')).to.equal(true);
      expect(isValid(credentials, 'Cust3', '7T:two')).to.equal(false);
    });

    it('keeps a ticket valid everywhere when it is also granted to one tenant, in either order', () => {
      const first = new InMemoryCredentials();
      first.addTicket('7T:x');
      first.addTicket('7T:x', 'Cust1');
      expect(isValid(first, 'Cust2', '7T:x')).to.equal(true);
      const second = new InMemoryCredentials();
      second.addTicket('7T:x', 'Cust1');
      second.addTicket('7T:x');
      expect(isValid(second, 'Cust2', '7T:x')).to.equal(true);
    });

    it('does not know an unknown ticket, nor a ticket that differs in case or whitespace', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:abc');
      expect(isValid(credentials, 'default', '7T:other')).to.equal(false);
      expect(isValid(credentials, 'default', '7t:abc')).to.equal(false);
      expect(isValid(credentials, 'default', ' 7T:abc')).to.equal(false);
      expect(isValid(credentials, 'default', '')).to.equal(false);
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
      expect(isValid(credentials, 'default', 'tok')).to.equal(false);
    });
  });

  describe('ticketStatus', () => {
    it("answers a ticket of another tenant as unknown, as a made-up one, for fixture tickets and issued ones", () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:one', 'Cust1');
      credentials.addIssuedTicket('Cust1', '7T:issued', 0, 1000, PRINCIPAL);
      expect(credentials.ticketStatus('Cust2', '7T:one', 0)).to.equal('unknown');
      expect(credentials.ticketStatus('Cust2', '7T:issued', 0)).to.equal('unknown');
      expect(credentials.ticketStatus('Cust2', '7T:never', 0)).to.equal('unknown');
    });

    it('keeps an issued ticket valid until its expiry time, exclusive', () => {
      const credentials = new InMemoryCredentials();
      credentials.addIssuedTicket('default', '7T:issued', 0, 1000, PRINCIPAL);
      expect(credentials.ticketStatus('default', '7T:issued', 999)).to.equal('valid');
      expect(credentials.ticketStatus('default', '7T:issued', 1000)).to.equal('expired');
    });

    it('forgets expired issued tickets once their number has doubled, and keeps the valid ones', () => {
      const credentials = new InMemoryCredentials();
      for (let i = 0; i < 1023; i += 1) credentials.addIssuedTicket('default', `7T:old${i}`, 0, 10, PRINCIPAL);
      credentials.addIssuedTicket('default', '7T:young', 0, 1_000_000, PRINCIPAL);
      expect(credentials.ticketStatus('default', '7T:old0', 20)).to.equal('expired');
      credentials.addIssuedTicket('default', '7T:new', 20, 1_000_000, PRINCIPAL);
      expect(credentials.ticketStatus('default', '7T:old0', 20)).to.equal('unknown');
      expect(credentials.ticketStatus('default', '7T:young', 20)).to.equal('valid');
      expect(credentials.ticketStatus('default', '7T:new', 20)).to.equal('valid');
    });
  });

  describe('addUser and authenticate', () => {
    it("returns the user's principal for the right password, with the user name in any case", () => {
      const credentials = new InMemoryCredentials();
      credentials.addUser('Cust1', { userName: 'Agent', password: 'Secret', principal: PRINCIPAL, tickets: [] });
      expect(credentials.authenticate('Cust1', 'Agent', 'Secret')).to.equal(PRINCIPAL);
      expect(credentials.authenticate('Cust1', 'aGENT', 'Secret')).to.equal(PRINCIPAL);
    });

    it('refuses a wrong password (case-sensitive), an unknown user, and the user in another tenant', () => {
      const credentials = new InMemoryCredentials();
      credentials.addUser('Cust1', { userName: 'agent', password: 'Secret', principal: PRINCIPAL, tickets: [] });
      expect(credentials.authenticate('Cust1', 'agent', 'secret')).to.equal(undefined);
      expect(credentials.authenticate('Cust1', 'agent', '')).to.equal(undefined);
      expect(credentials.authenticate('Cust1', 'nobody', 'Secret')).to.equal(undefined);
      expect(credentials.authenticate('Cust2', 'agent', 'Secret')).to.equal(undefined);
    });

    it('accepts an empty user name and password when a user has them', () => {
      const credentials = new InMemoryCredentials();
      credentials.addUser('default', { userName: '', password: '', principal: PRINCIPAL, tickets: [] });
      expect(credentials.authenticate('default', '', '')).to.equal(PRINCIPAL);
      expect(credentials.authenticate('default', '', 'x')).to.equal(undefined);
    });

    it('replaces a user of the same name in a tenant, in any case, and only in that tenant', () => {
      const credentials = new InMemoryCredentials();
      credentials.addUser('Cust1', { userName: 'agent', password: 'a', principal: PRINCIPAL, tickets: [] });
      credentials.addUser('Cust1', { userName: 'AGENT', password: 'b', principal: PRINCIPAL, tickets: [] });
      credentials.addUser('Cust2', { userName: 'agent', password: 'c', principal: PRINCIPAL, tickets: [] });
      expect(credentials.authenticate('Cust1', 'agent', 'a')).to.equal(undefined);
      expect(credentials.authenticate('Cust1', 'agent', 'b')).to.equal(PRINCIPAL);
      expect(credentials.authenticate('Cust2', 'agent', 'c')).to.equal(PRINCIPAL);
    });
  });

  describe('clear', () => {
    it('forgets every ticket, token and user', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:a');
      credentials.addTicket('7T:b', 'Cust1');
      credentials.addApplicationToken('tok');
      credentials.addIssuedTicket('default', '7T:c', 0, 1000, PRINCIPAL);
      credentials.addUser('default', { userName: 'u', password: 'p', principal: PRINCIPAL, tickets: [] });
      credentials.clear();
      expect(credentials.ticketStatus('default', '7T:c', 0)).to.equal('unknown');
      expect(credentials.authenticate('default', 'u', 'p')).to.equal(undefined);
    });

    it("forgets one tenant's users, issued tickets and scoped tickets and tokens, and keeps the rest", () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:all');
      credentials.addTicket('7T:both', 'Cust1');
      credentials.addTicket('7T:both', 'Cust2');
      credentials.addApplicationToken('tok1', 'Cust1');
      credentials.addIssuedTicket('Cust1', '7T:issued1', 0, 1000, PRINCIPAL);
      credentials.addIssuedTicket('Cust2', '7T:issued2', 0, 1000, PRINCIPAL);
      credentials.addUser('Cust1', { userName: 'u', password: 'p', principal: PRINCIPAL, tickets: [] });
      credentials.addUser('Cust2', { userName: 'u', password: 'p', principal: PRINCIPAL, tickets: [] });
      credentials.clear('Cust1');
      expect(credentials.ticketStatus('Cust1', '7T:all', 0)).to.equal('valid');
      expect(credentials.ticketStatus('Cust1', '7T:both', 0)).to.equal('unknown');
      expect(credentials.ticketStatus('Cust2', '7T:both', 0)).to.equal('valid');
      expect(credentials.isKnownApplicationToken('Cust1', 'tok1')).to.equal(false);
      expect(credentials.ticketStatus('Cust1', '7T:issued1', 0)).to.equal('unknown');
      expect(credentials.ticketStatus('Cust2', '7T:issued2', 0)).to.equal('valid');
      expect(credentials.authenticate('Cust1', 'u', 'p')).to.equal(undefined);
      expect(credentials.authenticate('Cust2', 'u', 'p')).to.equal(PRINCIPAL);
      expect(isValid(credentials, 'default', '7T:a')).to.equal(false);
      expect(isValid(credentials, 'Cust1', '7T:b')).to.equal(false);
      expect(credentials.isKnownApplicationToken('default', 'tok')).to.equal(false);
    });
  });

  describe('RecentDigests', () => {
    const sha256 = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('base64');

    it('gives the SHA-256 digest of each secret, in base64, as DIGEST_EACH does', () => {
      const digests = new RecentDigests();
      for (const secret of ['7T:one', '1234567-1234-9876', '7T:one', '', 'ÆØÅ', '7T:two', '1234567-1234-9876']) {
        expect(digests.digestOf(secret)).to.equal(sha256(secret)).and.to.equal(DIGEST_EACH.digestOf(secret));
      }
    });

    it('digests a secret again only when it is neither of the last two different secrets asked for', () => {
      const digested: string[] = [];
      const digests = new RecentDigests({ digestOf: (secret) => (digested.push(secret), `digest of ${secret}`) });
      const asked = ['token', 'ticket', 'token', 'ticket', 'ticket', 'other', 'ticket', 'token', 'other'];
      expect(asked.map((secret) => digests.digestOf(secret))).to.deep.equal(asked.map((secret) => `digest of ${secret}`));
      expect(digested).to.deep.equal(['token', 'ticket', 'other', 'token', 'other']);
    });

    it('looks secrets up by the digest it gives, alternating between a known and an unknown ticket', () => {
      const credentials = new InMemoryCredentials();
      credentials.addTicket('7T:known');
      credentials.addApplicationToken('tok');
      const digests = new RecentDigests();
      for (let i = 0; i < 3; i += 1) {
        expect(credentials.ticketStatus('default', '7T:known', 0, digests)).to.equal('valid');
        expect(credentials.ticketStatus('default', '7T:known2', 0, digests)).to.equal('unknown');
        expect(credentials.isKnownApplicationToken('default', 'tok', digests)).to.equal(true);
        expect(credentials.isKnownApplicationToken('default', 'tok2', digests)).to.equal(false);
      }
    });
  });
});
