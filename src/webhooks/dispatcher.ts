import { createHmac, randomUUID } from 'node:crypto';
import { Agent } from 'undici';
import type { Clock } from '../clock.js';
import { epochMillisecondsOf, formatXsDateTime } from '../contract/datetime.js';
import { DEFAULT_TENANT, type TenantId } from '../store/chat-store.js';
import type { Durability } from '../store/change-log.js';
import { eventMatches, type ChatEvent } from './events.js';
import type { Webhook, WebhookRegistry } from './registry.js';

/**
 * How deliveries are tried. SuperOffice documents 3 tries a cycle, the second after 1 s and the third after 4 s,
 * and a webhook switched to TooManyErrors after 9 failures in a row; it documents no time-out.
 */
export interface WebhookSettings {
  /** Tries of one delivery, the first included. */
  readonly tries: number;
  /** The wait before each try after the first, in milliseconds of the emulator's clock. */
  readonly backoffMs: readonly number[];
  /** How long a try may take before it counts as failed (real time). */
  readonly timeoutMs: number;
  /** Failed tries of a webhook in a row (of any of its deliveries) before its State becomes TooManyErrors. */
  readonly failuresToStop: number;
  /** Deliveries waiting at most; one more is dropped, and counted. */
  readonly queueLimit: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { tries: 3, backoffMs: [1000, 4000], timeoutMs: 5000, failuresToStop: 9, queueLimit: 10_000 };

export interface DeliveryAttempt {
  /** When it was tried, by the emulator's clock. */
  readonly time: string;
  /** The receiver's HTTP status; null when none came (refused, timed out). */
  readonly status: number | null;
  readonly error: string | null;
}

/** One event for one webhook, and each try of sending it. */
export interface Delivery {
  readonly id: number;
  readonly tenant: TenantId;
  readonly webhookId: number;
  readonly webhookName: string;
  readonly event: string;
  readonly eventId: string;
  readonly targetUrl: string;
  /** The body as sent, byte for byte: what the signature is computed over. */
  readonly body: string;
  readonly attempts: readonly DeliveryAttempt[];
  readonly state: 'pending' | 'delivered' | 'failed';
}

interface QueuedDelivery {
  readonly delivery: Omit<Delivery, 'attempts' | 'state'>;
  readonly webhook: Webhook;
  attempts: DeliveryAttempt[];
  state: Delivery['state'];
  dueAtMs: number;
}

/** A delivery as a data directory keeps it until it is done: enough to send it again after a restart. */
export interface PendingDelivery {
  readonly tenant: TenantId;
  readonly webhookId: number;
  readonly event: string;
  readonly eventId: string;
  readonly body: string;
}

export interface DeliveryKeeper {
  queued(delivery: PendingDelivery): void;
  done(delivery: Pick<PendingDelivery, 'tenant' | 'webhookId' | 'eventId'>): void;
}

/**
 * A fault injected into the next deliveries (of a tenant, or any): held back `delayMs` first, then dropped (never
 * sent: a failed try, as a lost connection), or answered with `httpStatus` in the receiver's place.
 */
export interface DeliveryFaultSpec {
  readonly tenant?: TenantId;
  readonly times: number;
  readonly delayMs: number;
  readonly drop: boolean;
  readonly httpStatus?: number;
}

/** What a test waits for: deliveries of a tenant or an event, after some id, at least `count` of them tried. */
export interface DeliveryFilter {
  readonly tenant?: TenantId;
  readonly event?: string;
  /** Only deliveries with a greater id. */
  readonly after?: number;
}

/**
 * Sends the events of acknowledged changes to the webhooks that want them, as SuperOffice's webhooks do: a JSON
 * POST, signed with the webhook's secret, retried with backoff on the emulator's clock (so that a test moves the
 * clock instead of waiting), and a webhook that keeps failing switched to TooManyErrors. Never on the path of an
 * answer: events are published once the change is durable, and sent from a timer.
 */
export class WebhookDispatcher {
  /** Every delivery not yet done, by id (so in the order they were queued). */
  private readonly queue = new Map<number, QueuedDelivery>();
  /** Those due now, first in first out; and those waiting for their next try. */
  private ready: QueuedDelivery[] = [];
  private readonly waiting = new Set<QueuedDelivery>();
  private readonly done: QueuedDelivery[] = [];
  private nextId = 1;
  private droppedCount = 0;
  private readonly failures = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly faults: { spec: DeliveryFaultSpec; remaining: number }[] = [];
  /**
   * Connections to receivers, kept open between deliveries as a client of many events would. undici rather than
   * node:http, because it takes half the CPU time a delivery (README, "Webhooks"), on the core the answers use.
   */
  private readonly receivers: Agent;
  private stopped = false;

  constructor(
    private readonly registry: WebhookRegistry,
    private readonly clock: Clock,
    private readonly durability: Durability,
    private readonly settings: WebhookSettings,
    /** Called when a webhook's state changes (to TooManyErrors), so that the change is kept. */
    private readonly stateChanged: (tenant: TenantId, webhook: Webhook) => void,
    /** Called when a delivery is queued and when it is done, so that one not yet done survives a restart. */
    private readonly kept: DeliveryKeeper = { queued: () => undefined, done: () => undefined },
  ) {
    this.receivers = new Agent({ connections: MAX_IN_FLIGHT, connectTimeout: settings.timeoutMs });
  }

  /** Starts sending: a timer looks for deliveries that are due, by the emulator's clock. */
  start(): void {
    this.timer ??= setInterval(() => this.sendDue(), 20);
    this.timer.unref();
  }

  /** Stops sending. A delivery in flight is cut off and stays pending: a data directory sends it again at the next start. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.stopped = true;
    await this.receivers.destroy();
  }

  /** One POST outside the queue and its retries: the test event a registration sends. */
  async post(webhook: Pick<Webhook, 'Headers' | 'Secret' | 'TargetUrl'>, body: string, about: DeliveryHeaders): Promise<{ status: number | null; error: string | null }> {
    return post(this.receivers, webhook, webhook.TargetUrl, body, about, this.settings.timeoutMs);
  }

  /** The events an acknowledged call raised, for every active webhook of the tenant that wants them. */
  publish(tenant: TenantId, changedByAssociateId: number, events: readonly ChatEvent[]): void {
    if (events.length === 0) return;
    const webhooks = this.registry.list(tenant).filter((webhook) => webhook.State === 'Active');
    for (const event of events) {
      const eventId = randomUUID();
      for (const webhook of webhooks.filter((candidate) => candidate.Events.some((pattern) => eventMatches(pattern, event.event)))) {
        if (this.queue.size >= this.settings.queueLimit) {
          this.droppedCount += 1;
          continue;
        }
        const body = JSON.stringify({
          EventId: eventId,
          Timestamp: formatXsDateTime(this.clock.now()),
          Changes: event.changes,
          Event: event.event,
          PrimaryKey: event.chatSessionId,
          Entity: 'chatsession',
          ContextIdentifier: tenant === DEFAULT_TENANT ? 'Default' : tenant,
          ChangedByAssociateId: changedByAssociateId,
          WebhookName: webhook.Name,
        });
        const pending: PendingDelivery = { tenant, webhookId: webhook.WebhookId, event: event.event, eventId, body };
        this.kept.queued(pending);
        this.enqueue(pending, webhook);
      }
    }
  }

  /** Queues again a delivery a data directory kept, not yet done when the emulator stopped: at least once. */
  restore(pending: PendingDelivery): void {
    const webhook = this.registry.get(pending.tenant, pending.webhookId);
    if (webhook !== undefined && webhook.State === 'Active') this.enqueue(pending, webhook);
  }

  private enqueue(pending: PendingDelivery, webhook: Webhook): void {
    const entry: QueuedDelivery = {
      delivery: { id: this.nextId++, tenant: pending.tenant, webhookId: webhook.WebhookId, webhookName: webhook.Name, event: pending.event, eventId: pending.eventId, targetUrl: webhook.TargetUrl, body: pending.body },
      webhook,
      attempts: [],
      state: 'pending',
      dueAtMs: epochMillisecondsOf(this.clock.now()),
    };
    this.queue.set(entry.delivery.id, entry);
    this.ready.push(entry);
  }

  /** Every delivery, oldest first, and how many were dropped because the queue was full. */
  deliveries(filter: DeliveryFilter = {}): { deliveries: Delivery[]; dropped: number } {
    const all = [...this.done, ...this.queue.values()].sort((a, b) => a.delivery.id - b.delivery.id);
    return { deliveries: all.filter((entry) => matches(entry, filter)).map(view), dropped: this.droppedCount };
  }

  /** Resolves once `count` deliveries that the filter takes have been tried at least once, or after `timeoutMs`. */
  async wait(filter: DeliveryFilter, count: number, timeoutMs: number): Promise<Delivery[]> {
    const tried = () => this.deliveries(filter).deliveries.filter((delivery) => delivery.attempts.length > 0);
    const deadline = Date.now() + timeoutMs;
    while (tried().length < count && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        this.waiters.add(wake);
      });
    }
    return tried();
  }

  /** Forgets the deliveries of a tenant, or all of them. */
  clear(tenant?: TenantId): void {
    const cleared = (entry: QueuedDelivery) => tenant === undefined || entry.delivery.tenant === tenant;
    for (const entry of [...this.queue.values()]) if (cleared(entry)) this.queue.delete(entry.delivery.id);
    for (const entry of [...this.waiting]) if (cleared(entry)) this.waiting.delete(entry);
    this.ready = this.ready.filter((entry) => !cleared(entry));
    for (let i = this.done.length - 1; i >= 0; i -= 1) if (cleared(this.done[i] as QueuedDelivery)) this.done.splice(i, 1);
    if (tenant === undefined) this.droppedCount = 0;
  }

  private sendDue(): void {
    if (this.queue.size === 0) return;
    if (this.waiting.size > 0) {
      const nowMs = epochMillisecondsOf(this.clock.now());
      for (const entry of this.waiting) {
        if (entry.dueAtMs > nowMs) continue;
        this.waiting.delete(entry);
        this.ready.push(entry);
      }
    }
    while (this.inFlight < MAX_IN_FLIGHT && this.ready.length > 0) {
      const entry = this.ready.shift() as QueuedDelivery;
      if (!this.queue.has(entry.delivery.id)) continue;
      this.inFlight += 1;
      // A delivery goes once its change is durable, as the call's answer does: it never holds the answer up.
      void this.durability
        .flushed()
        .then(() => this.send(entry))
        .catch(() => undefined)
        .finally(() => {
          this.inFlight -= 1;
          // The next ones at once, rather than at the next tick.
          if (this.ready.length > 0) setImmediate(() => this.sendDue());
        });
    }
  }

  /** Injects a fault into the next deliveries. */
  injectFault(spec: DeliveryFaultSpec): void {
    this.faults.push({ spec, remaining: spec.times });
  }

  /** The injected faults still waiting, each with the tries it has left. */
  pendingFaults(): DeliveryFaultSpec[] {
    return this.faults.map(({ spec, remaining }) => ({ ...spec, times: remaining }));
  }

  clearFaults(): number {
    return this.faults.splice(0).length;
  }

  /** The first injected fault for a try of this tenant's, used up by one. */
  private takeFault(tenant: TenantId): DeliveryFaultSpec | undefined {
    const index = this.faults.findIndex(({ spec }) => spec.tenant === undefined || spec.tenant === tenant);
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  private async send(entry: QueuedDelivery): Promise<void> {
    const { delivery, webhook } = entry;
    const fault = this.takeFault(delivery.tenant);
    if (fault !== undefined && fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const { status, error } =
      fault?.drop === true
        ? { status: null, error: 'dropped by an injected fault' }
        : fault?.httpStatus !== undefined
          ? { status: fault.httpStatus, error: fault.httpStatus >= 200 && fault.httpStatus <= 299 ? null : `HTTP ${fault.httpStatus} (an injected fault)` }
          : await post(this.receivers, webhook, delivery.targetUrl, delivery.body, { event: delivery.event, eventId: delivery.eventId, retry: entry.attempts.length }, this.settings.timeoutMs);
    if (this.stopped) return;
    entry.attempts.push({ time: formatXsDateTime(this.clock.now()), status, error });
    const key = `${delivery.tenant}/${delivery.webhookId}`;
    const failures = error === null ? 0 : (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    // 410 Gone is documented as a permanent failure: the webhook is switched off at once.
    if (status === 410) this.switchOff(delivery.tenant, delivery.webhookId, 'Stopped');
    else if (failures >= this.settings.failuresToStop) this.switchOff(delivery.tenant, delivery.webhookId, 'TooManyErrors');
    if (error === null) this.finish(entry, 'delivered');
    else if (status === 410 || entry.attempts.length >= this.settings.tries) this.finish(entry, 'failed');
    else {
      entry.dueAtMs = epochMillisecondsOf(this.clock.now()) + (this.settings.backoffMs[entry.attempts.length - 1] ?? this.settings.backoffMs.at(-1) ?? 0);
      this.waiting.add(entry);
    }
    for (const wake of [...this.waiters]) wake();
  }

  private finish(entry: QueuedDelivery, state: 'delivered' | 'failed'): void {
    entry.state = state;
    this.queue.delete(entry.delivery.id);
    this.done.push(entry);
    // The log of done deliveries is bounded, as the request journal is: the oldest go first.
    if (this.done.length > DONE_KEPT) this.done.splice(0, this.done.length - DONE_KEPT);
    this.kept.done({ tenant: entry.delivery.tenant, webhookId: entry.delivery.webhookId, eventId: entry.delivery.eventId });
  }

  private switchOff(tenant: TenantId, webhookId: number, state: 'Stopped' | 'TooManyErrors'): void {
    const current = this.registry.get(tenant, webhookId);
    if (current === undefined || current.State !== 'Active') return;
    const off: Webhook = { ...current, State: state, Updated: formatXsDateTime(this.clock.now()) };
    this.registry.put(tenant, off);
    this.stateChanged(tenant, off);
  }
}

/** What a delivery says of itself in its headers. */
export interface DeliveryHeaders {
  readonly event: string;
  readonly eventId: string;
  /** How many tries came before this one. */
  readonly retry: number;
  /** The registration's test event. */
  readonly test?: boolean;
}

/**
 * One POST of a body to a webhook's target, with the headers SuperOffice documents (and the webhook's own), signed
 * when it has a secret. A 2xx answer is a success; another, a refused connection or no answer in time, a failure.
 */
async function post(receivers: Agent, webhook: Pick<Webhook, 'Headers' | 'Secret'>, targetUrl: string, body: string, about: DeliveryHeaders, timeoutMs: number): Promise<{ status: number | null; error: string | null }> {
  const headers: Record<string, string> = {
    ...webhook.Headers,
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'NetServer-Webhook/services88-chat-emulator',
    'X-SuperOffice-Event': about.event,
    'X-SuperOffice-EventId': about.eventId,
    'X-SuperOffice-Retry': String(about.retry),
  };
  if (about.test === true) headers['X-Hook-Test'] = 'true';
  if (webhook.Secret !== '') headers['X-SuperOffice-Signature'] = signature(webhook.Secret, body);
  const url = new URL(targetUrl);
  try {
    const response = await receivers.request({ origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', headers, body, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
    await response.body.dump();
    const status = response.statusCode;
    return { status, error: status >= 200 && status <= 299 ? null : `HTTP ${status}` };
  } catch (failure) {
    return { status: null, error: describeFailure(failure, timeoutMs) };
  }
}

/**
 * Deliveries sent at once, all webhooks together. Each waits for its receiver's answer behind the emulator's own
 * answers: with 16, a saturating load of calls left them at a third of its rate, and the queue overflowed.
 */
const MAX_IN_FLIGHT = 64;
/** Done deliveries the admin API can still show. */
const DONE_KEPT = 1000;


/** X-SuperOffice-Signature: the base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret. */
export function signature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

function matches(entry: QueuedDelivery, filter: DeliveryFilter): boolean {
  const { delivery } = entry;
  return (filter.tenant === undefined || delivery.tenant === filter.tenant) && (filter.event === undefined || delivery.event === filter.event) && (filter.after === undefined || delivery.id > filter.after);
}

function view(entry: QueuedDelivery): Delivery {
  return { ...entry.delivery, attempts: [...entry.attempts], state: entry.state };
}

function describeFailure(failure: unknown, timeoutMs: number): string {
  const code = (failure as { code?: unknown } | null)?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `no answer within ${timeoutMs} ms`;
  const message = String((failure as Error | null)?.message ?? failure);
  // undici refuses some requests before sending them, hop-by-hop headers among the webhook's own for one.
  if (typeof code === 'string' && code.startsWith('UND_ERR_')) return `the delivery could not be sent: ${message}`;
  return typeof code === 'string' ? `the connection failed: ${code}` : `the connection failed: ${message}`;
}
