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

/**
 * A webhook from JSON as the fixtures and the change log hold it, each field checked: Name, Events (at least one),
 * TargetUrl (http or https), and Secret, State, Type, Headers, WebhookId, Registered and Updated, where absent, from
 * `defaults`. `fail` makes the error of a bad field.
 */
export function webhookFromJson(json: unknown, defaults: Pick<Webhook, 'WebhookId' | 'Registered' | 'Updated'>, where: string, fail: (where: string, problem: string) => Error): Webhook {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail(where, 'expected an object.');
  const fields = json as Readonly<Record<string, unknown>>;
  const text = (name: string, fallback?: string): string => {
    const value = fields[name] ?? fallback;
    if (typeof value !== 'string') throw fail(`${where}.${name}`, 'expected a string.');
    return value;
  };
  const events = fields['Events'];
  if (!Array.isArray(events) || events.length === 0 || !events.every((event) => typeof event === 'string' && event.trim() !== '')) {
    throw fail(`${where}.Events`, 'expected an array of at least one event name, such as "chatsession.message".');
  }
  const targetUrl = text('TargetUrl');
  if (!/^https?:\/\/[^/]/.test(targetUrl)) throw fail(`${where}.TargetUrl`, `'${targetUrl}' is not an http or https URL.`);
  const state = text('State', 'Active');
  if (!WEBHOOK_STATES.includes(state as WebhookState)) throw fail(`${where}.State`, `'${state}' is not one of ${WEBHOOK_STATES.join(', ')}.`);
  const headers = fields['Headers'] ?? {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers) || !Object.values(headers).every((value) => typeof value === 'string')) {
    throw fail(`${where}.Headers`, 'expected an object of header names and their text.');
  }
  const webhookId = fields['WebhookId'] ?? defaults.WebhookId;
  if (typeof webhookId !== 'number' || !Number.isInteger(webhookId)) throw fail(`${where}.WebhookId`, 'expected a whole number.');
  return {
    WebhookId: webhookId,
    Name: text('Name'),
    Events: events as string[],
    TargetUrl: targetUrl,
    Secret: text('Secret', ''),
    State: state as WebhookState,
    Type: text('Type', 'webhook'),
    Headers: headers as Record<string, string>,
    Registered: text('Registered', defaults.Registered),
    Updated: text('Updated', defaults.Updated),
  };
}
