import { createHash, hash, timingSafeEqual } from 'node:crypto';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import type { TenantId } from './chat-store.js';

/** What a ticket is worth in a tenant at a given time. */
export type TicketStatus = 'valid' | 'expired' | 'unknown';

/**
 * What a ticket is worth, and whom it speaks for: the user who logged in for it (or whom the fixtures bind it
 * to), or null for a system ticket (from --ticket, or a fixture ticket bound to no user).
 */
export type TicketCheck = { readonly status: 'valid'; readonly user: SoPrincipalCarrier | null } | { readonly status: 'expired' | 'unknown' };

/** A user who can log in with AuthenticateUsernamePassword, and who they are once logged in. */
export interface User {
  readonly userName: string;
  readonly password: string;
  readonly principal: SoPrincipalCarrier;
  /** Tickets the fixtures give this user: valid in the user's tenant, for ever, speaking for the user. */
  readonly tickets: readonly string[];
}

/**
 * Tickets, application tokens and users. Secrets are never compared as strings: tickets and tokens are
 * looked up by their SHA-256 digest, and passwords compared digest to digest with timingSafeEqual, so the
 * time a check takes says nothing about how much of a guess was right. Secrets are kept as digests only.
 */
export interface CredentialStore {
  /** `digester` digests the ticket (by default, each time): a connection's RecentDigests saves digesting it again. */
  checkTicket(tenant: TenantId, ticket: string, nowMs: number, digester?: SecretDigester): TicketCheck;
  /** checkTicket's status alone. */
  ticketStatus(tenant: TenantId, ticket: string, nowMs: number, digester?: SecretDigester): TicketStatus;
  isKnownApplicationToken(tenant: TenantId, token: string, digester?: SecretDigester): boolean;
  /** A REST WebAPI `Authorization: Bearer` token (an Online access token). */
  isKnownBearerToken(tenant: TenantId, token: string): boolean;
  /** The principal of the tenant's user with this name (case-insensitive) and password, if any. */
  authenticate(tenant: TenantId, userName: string, password: string): SoPrincipalCarrier | undefined;
  /** Makes `ticket`, issued at `nowMs` to `user` (null: a system ticket), valid in `tenant` until `expiresAtMs`. */
  addIssuedTicket(tenant: TenantId, ticket: string, nowMs: number, expiresAtMs: number, user: SoPrincipalCarrier | null): void;
}

export class InMemoryCredentials implements CredentialStore {
  /** Tickets given by configuration or fixtures: valid in their scope, for ever. */
  private readonly tickets = new Map<string, Scope>();
  private readonly tokens = new Map<string, Scope>();
  private readonly bearerTokens = new Map<string, Scope>();
  /** Tickets issued by a login: valid in one tenant until they expire, each speaking for the user who logged in. */
  private readonly issued = new Map<string, { tenant: TenantId; expiresAtMs: number; valid: TicketCheck }>();
  /** Fixture tickets of a user: valid in the user's tenant, for ever. */
  private readonly userTickets = new Map<string, { tenant: TenantId; valid: TicketCheck }>();
  private issuedAtLastSweep = 0;
  private readonly users = new Map<TenantId, Map<string, { passwordDigest: Buffer; principal: SoPrincipalCarrier }>>();

  /** Accepts `ticket` in `tenant`, or in every tenant when no tenant is given. */
  addTicket(ticket: string, tenant?: TenantId): void {
    grant(this.tickets, digest(ticket), tenant);
  }

  addApplicationToken(token: string, tenant?: TenantId): void {
    grant(this.tokens, digest(token), tenant);
  }

  addBearerToken(token: string, tenant?: TenantId): void {
    grant(this.bearerTokens, digest(token), tenant);
  }

  /** Adds a user to a tenant, in place of any user of that name (case-insensitive). */
  addUser(tenant: TenantId, user: User): void {
    let users = this.users.get(tenant);
    if (users === undefined) this.users.set(tenant, (users = new Map()));
    users.set(userKey(user.userName), { passwordDigest: digestBytes(user.password), principal: user.principal });
    const valid: TicketCheck = { status: 'valid', user: user.principal };
    for (const ticket of user.tickets) this.userTickets.set(digest(ticket), { tenant, valid });
  }

  addIssuedTicket(tenant: TenantId, ticket: string, nowMs: number, expiresAtMs: number, user: SoPrincipalCarrier | null): void {
    this.addIssuedDigest(tenant, ticketDigest(ticket), nowMs, expiresAtMs, user);
  }

  /** As addIssuedTicket, by the ticket's digest (ticketDigest): how a shared log passes a ticket on without its text. */
  addIssuedDigest(tenant: TenantId, ticketDigest: string, nowMs: number, expiresAtMs: number, user: SoPrincipalCarrier | null): void {
    this.sweepExpired(nowMs);
    this.issued.set(ticketDigest, { tenant, expiresAtMs, valid: { status: 'valid', user } });
  }

  checkTicket(tenant: TenantId, ticket: string, nowMs: number, digester = DIGEST_EACH): TicketCheck {
    const key = digester.digestOf(ticket);
    if (allows(this.tickets.get(key), tenant)) return SYSTEM_TICKET;
    // Another tenant's ticket is as unknown here as a made-up one.
    const userTicket = this.userTickets.get(key);
    if (userTicket !== undefined) return userTicket.tenant === tenant ? userTicket.valid : UNKNOWN_TICKET;
    const issued = this.issued.get(key);
    if (issued === undefined || issued.tenant !== tenant) return UNKNOWN_TICKET;
    return nowMs < issued.expiresAtMs ? issued.valid : EXPIRED_TICKET;
  }

  ticketStatus(tenant: TenantId, ticket: string, nowMs: number, digester = DIGEST_EACH): TicketStatus {
    return this.checkTicket(tenant, ticket, nowMs, digester).status;
  }

  isKnownApplicationToken(tenant: TenantId, token: string, digester = DIGEST_EACH): boolean {
    return allows(this.tokens.get(digester.digestOf(token)), tenant);
  }

  isKnownBearerToken(tenant: TenantId, token: string): boolean {
    return allows(this.bearerTokens.get(digest(token)), tenant);
  }

  authenticate(tenant: TenantId, userName: string, password: string): SoPrincipalCarrier | undefined {
    const user = this.users.get(tenant)?.get(userKey(userName));
    // An unknown user costs the same comparison as a known one, so that timing does not tell them apart.
    const matches = timingSafeEqual(digestBytes(password), user?.passwordDigest ?? NO_PASSWORD);
    return user !== undefined && matches ? user.principal : undefined;
  }

  /**
   * Forgets every ticket, token and user; or, for one tenant, its users, the tickets issued there, and its
   * share of tenant-scoped tickets and tokens (those valid in every tenant stay).
   */
  clear(tenant?: TenantId): void {
    if (tenant === undefined) {
      this.tickets.clear();
      this.tokens.clear();
      this.bearerTokens.clear();
      this.issued.clear();
      this.userTickets.clear();
      this.users.clear();
      return;
    }
    for (const secrets of [this.tickets, this.tokens, this.bearerTokens]) {
      for (const [key, scope] of secrets) {
        if (scope === 'every tenant') continue;
        scope.delete(tenant);
        if (scope.size === 0) secrets.delete(key);
      }
    }
    for (const bound of [this.issued, this.userTickets]) {
      for (const [key, { tenant: owner }] of bound) if (owner === tenant) bound.delete(key);
    }
    this.users.delete(tenant);
  }

  /**
   * Forgets expired issued tickets whenever their number has doubled since the last sweep, so that an emulator
   * that runs for days with logins in a loop keeps memory bounded at a linear cost per login. An expired ticket
   * is then "unknown" rather than "expired": only after at least as many newer logins.
   */
  private sweepExpired(nowMs: number): void {
    if (this.issued.size < Math.max(1024, this.issuedAtLastSweep * 2)) return;
    for (const [key, { expiresAtMs }] of this.issued) {
      if (expiresAtMs <= nowMs) this.issued.delete(key);
    }
    this.issuedAtLastSweep = this.issued.size;
  }
}

const SYSTEM_TICKET: TicketCheck = Object.freeze({ status: 'valid', user: null });
const UNKNOWN_TICKET: TicketCheck = Object.freeze({ status: 'unknown' });
const EXPIRED_TICKET: TicketCheck = Object.freeze({ status: 'expired' });

/** Where a secret is valid: everywhere, or in the listed tenants. */
type Scope = 'every tenant' | Set<TenantId>;

function grant(secrets: Map<string, Scope>, key: string, tenant: TenantId | undefined): void {
  const scope = secrets.get(key);
  if (tenant === undefined) secrets.set(key, 'every tenant');
  else if (scope === undefined) secrets.set(key, new Set([tenant]));
  else if (scope !== 'every tenant') scope.add(tenant);
}

function allows(scope: Scope | undefined, tenant: TenantId): boolean {
  return scope === 'every tenant' || (scope !== undefined && scope.has(tenant));
}

/** crypto.hash, the one-shot form: 0.8 µs for a ticket where createHash takes 2 (every call digests two or more). */
function digest(secret: string): string {
  return hash('sha256', secret, 'base64');
}

/** A ticket's digest, as the store keys it. */
export function ticketDigest(ticket: string): string {
  return digest(ticket);
}

/** Digests secrets as the store keys them: the SHA-256 digest, in base64. */
export interface SecretDigester {
  digestOf(secret: string): string;
}

/** Digests every secret it is given. */
export const DIGEST_EACH: SecretDigester = { digestOf: digest };

/**
 * The digests of the last two secrets one connection sent. A client sends the same ApplicationToken and ticket on
 * every request of a keep-alive connection, and digesting them twice per request was 3% of an AddChatMessage's CPU.
 * A secret is compared here only with what the same connection sent before, never with a secret of the store's or
 * of another client's, so this adds no way to learn a secret from timing; the store still holds digests only.
 */
export class RecentDigests implements SecretDigester {
  private newest: { readonly secret: string; readonly digest: string } | undefined;
  private older: { readonly secret: string; readonly digest: string } | undefined;

  constructor(private readonly digester: SecretDigester = DIGEST_EACH) {}

  digestOf(secret: string): string {
    if (this.newest?.secret === secret) return this.newest.digest;
    const older = this.older;
    this.older = this.newest;
    this.newest = older?.secret === secret ? older : { secret, digest: this.digester.digestOf(secret) };
    return this.newest.digest;
  }
}

function digestBytes(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** A digest no password has in practice: what an unknown user's password is compared with. */
const NO_PASSWORD = Buffer.alloc(32);

/** SuperOffice user names are not case-sensitive. */
function userKey(userName: string): string {
  return userName.toLowerCase();
}
