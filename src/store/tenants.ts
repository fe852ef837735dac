import { DEFAULT_TENANT, type TenantId } from './chat-store.js';

/**
 * The names of the tenants. A CustId is one tenant whatever its case, as the paths that carry it are on IIS
 * (`/Cust1/...` and `/cust1/...` are one installation); the tenant keeps the name of its fixtures, or else the
 * spelling of its first use, and that is the name every store, ticket, journal entry and answer uses.
 */
export class TenantNames {
  private readonly byKey = new Map<string, TenantId>();
  /** Named by fixtures: those names stay when a tenant is reset. */
  private readonly fromFixtures = new Set<string>();

  constructor() {
    this.clear();
  }

  /** The tenant `name` addresses, by the name it already has; a tenant not seen before gets `name` as its name. */
  resolve(name: string): TenantId {
    const key = tenantKey(name);
    let tenant = this.byKey.get(key);
    if (tenant === undefined) this.byKey.set(key, (tenant = name));
    return tenant;
  }

  /** As resolve(), for a tenant that fixtures name: its name is kept when the tenant is reset. */
  resolveFixture(name: string): TenantId {
    this.fromFixtures.add(tenantKey(name));
    return this.resolve(name);
  }

  /** The name of the tenant `name` addresses, without making it known: for a filter or a look-up. */
  find(name: string): TenantId {
    return this.byKey.get(tenantKey(name)) ?? name;
  }

  /** Forgets every name but `default`'s; or the name of one tenant, unless fixtures gave it. */
  clear(tenant?: TenantId): void {
    if (tenant !== undefined) {
      if (!this.fromFixtures.has(tenantKey(tenant))) this.byKey.delete(tenantKey(tenant));
      return;
    }
    this.byKey.clear();
    this.fromFixtures.clear();
    // The on-site style tenant: `/Remote/...`, `/default/Remote/...` and the admin API's `default` are one tenant.
    this.resolveFixture(DEFAULT_TENANT);
  }
}

/** Two names of one tenant have the same key. */
export function tenantKey(name: string): string {
  return name.toLowerCase();
}
