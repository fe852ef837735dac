import type { TenantId } from './chat-store.js';

/** Tickets and application tokens the emulator accepts, each valid in every tenant or in one. */
export interface CredentialStore {
  isKnownTicket(tenant: TenantId, ticket: string): boolean;
  isKnownApplicationToken(tenant: TenantId, token: string): boolean;
}

export class InMemoryCredentials implements CredentialStore {
  private readonly tickets = new Map<string, Scope>();
  private readonly tokens = new Map<string, Scope>();

  /** Accepts `ticket` in `tenant`, or in every tenant when no tenant is given. */
  addTicket(ticket: string, tenant?: TenantId): void {
    grant(this.tickets, ticket, tenant);
  }

  addApplicationToken(token: string, tenant?: TenantId): void {
    grant(this.tokens, token, tenant);
  }

  isKnownTicket(tenant: TenantId, ticket: string): boolean {
    return allows(this.tickets.get(ticket), tenant);
  }

  isKnownApplicationToken(tenant: TenantId, token: string): boolean {
    return allows(this.tokens.get(token), tenant);
  }

  clear(): void {
    this.tickets.clear();
    this.tokens.clear();
  }
}

/** Where a secret is valid: everywhere, or in the listed tenants. */
type Scope = 'every tenant' | Set<TenantId>;

function grant(secrets: Map<string, Scope>, secret: string, tenant: TenantId | undefined): void {
  const scope = secrets.get(secret);
  if (tenant === undefined) secrets.set(secret, 'every tenant');
  else if (scope === undefined) secrets.set(secret, new Set([tenant]));
  else if (scope !== 'every tenant') scope.add(tenant);
}

function allows(scope: Scope | undefined, tenant: TenantId): boolean {
  return scope === 'every tenant' || (scope !== undefined && scope.has(tenant));
}
