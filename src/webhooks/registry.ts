import type { TenantId } from '../store/chat-store.js';

/** A webhook's state, as SuperOffice names them: one that keeps failing is switched to TooManyErrors. */
export type WebhookState = 'Active' | 'Stopped' | 'TooManyErrors';
export const WEBHOOK_STATES: readonly WebhookState[] = ['Active', 'Stopped', 'TooManyErrors'];

/** A registered webhook, with the fields of SuperOffice's Webhook entity the emulator uses. */
export interface Webhook {
  readonly WebhookId: number;
  readonly Name: string;
  /** Event names, or patterns: `chatsession.*`, `*`. */
  readonly Events: readonly string[];
  readonly TargetUrl: string;
  /** Signs each delivery when not empty. Never answered, logged or journaled. */
  readonly Secret: string;
  readonly State: WebhookState;
  readonly Type: string;
  /** Extra headers sent with each delivery. */
  readonly Headers: Readonly<Record<string, string>>;
  /** xs:dateTime, by the emulator's clock. */
  readonly Registered: string;
  readonly Updated: string;
}

/** The webhooks of every tenant, by id; ids per tenant from 1. */
export class WebhookRegistry {
  private readonly tenants = new Map<TenantId, Map<number, Webhook>>();

  put(tenant: TenantId, webhook: Webhook): void {
    let webhooks = this.tenants.get(tenant);
    if (webhooks === undefined) this.tenants.set(tenant, (webhooks = new Map()));
    webhooks.set(webhook.WebhookId, webhook);
  }

  get(tenant: TenantId, webhookId: number): Webhook | undefined {
    return this.tenants.get(tenant)?.get(webhookId);
  }

  list(tenant: TenantId): readonly Webhook[] {
    return [...(this.tenants.get(tenant)?.values() ?? [])];
  }

  /** Every tenant that has webhooks, with them. */
  all(): ReadonlyMap<TenantId, readonly Webhook[]> {
    return new Map([...this.tenants].map(([tenant, webhooks]) => [tenant, [...webhooks.values()]]));
  }

  remove(tenant: TenantId, webhookId: number): boolean {
    return this.tenants.get(tenant)?.delete(webhookId) ?? false;
  }

  /** The id the tenant's next webhook gets. */
  nextId(tenant: TenantId): number {
    return this.list(tenant).reduce((highest, webhook) => Math.max(highest, webhook.WebhookId), 0) + 1;
  }

  clear(tenant?: TenantId): void {
    if (tenant === undefined) this.tenants.clear();
    else this.tenants.delete(tenant);
  }
}

/** A webhook as answers show it: every field but the secret, which is write-only. */
export function webhookView(webhook: Webhook): Omit<Webhook, 'Secret'> & { Secret: null } {
  return { ...webhook, Secret: null };
}
