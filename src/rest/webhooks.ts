import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Router } from 'express';
import type { Clock } from '../clock.js';
import { isLoopback } from '../config.js';
import { formatXsDateTime } from '../contract/datetime.js';
import { badValue, EmulatorError } from '../errors.js';
import { inTurn, type Durability } from '../store/change-log.js';
import { DEFAULT_TENANT, type TenantId } from '../store/chat-store.js';
import type { CredentialStore } from '../store/credentials.js';
import type { TenantNames } from '../store/tenants.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { webhookView, WEBHOOK_STATES, type Webhook, type WebhookRegistry, type WebhookState } from '../webhooks/registry.js';
import { authenticateRest } from './auth.js';
import { readBody, type Fields } from './body.js';
import type { InstallationMode } from '../operations/authorize.js';

/** Where webhooks are registered and kept. */
export interface WebhookHost {
  readonly webhooks: WebhookRegistry;
  putWebhook(tenant: TenantId, webhook: Webhook): void;
  deleteWebhook(tenant: TenantId, webhookId: number): boolean;
}

export interface WebhookRouteSettings {
  readonly state: WebhookHost;
  readonly credentials: CredentialStore;
  readonly tenants: TenantNames;
  readonly clock: Clock;
  readonly mode: InstallationMode;
  /** Hosts besides loopback that a webhook may target. */
  readonly webhookHosts: readonly string[];
  /** What sends the registration's test event. */
  readonly webhooks: Pick<WebhookDispatcher, 'post'>;
  readonly durability: Durability;
}

/**
 * SuperOffice's Webhook resource, per tenant, with the same authorization as the other REST endpoints: create
 * (after the target accepts a signed test event, as SuperOffice checks it), list, read, replace and delete.
 * Answers never carry the secret.
 */
export function webhookEndpoints(router: Router, settings: WebhookRouteSettings, readsBody: RequestHandler): void {
  const handle = (method: 'get' | 'post' | 'put' | 'delete', path: string, run: (request: Request, tenant: TenantId) => Promise<{ status: number; body?: unknown }>) => {
    for (const full of [`/api/v1/Webhook${path}`, `/:custId/api/v1/Webhook${path}`]) {
      router[method](full, readsBody, (request, response, next) => {
        const tenant = settings.tenants.resolve((request.params['custId'] as string | undefined) ?? DEFAULT_TENANT);
        Promise.resolve()
          // Where instances share the state, the call waits for its turn (see Durability.serialized).
          .then(async () =>
            await inTurn(settings.durability, () => {
              authenticateRest(settings.credentials, settings.mode, tenant, settings.clock, { authorization: request.headers.authorization, appToken: request.get('SO-AppToken') });
              return run(request, tenant);
            }),
          )
          .then(({ status, body }) => {
            if (body === undefined) response.status(status).end();
            else response.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
          })
          .catch(next);
      });
    }
  };
  const known = (tenant: TenantId, id: unknown): Webhook => {
    const webhook = settings.state.webhooks.get(tenant, Number(id));
    if (webhook === undefined) throw new EmulatorError('NotFound', `Webhook ${String(id)} is not found in tenant '${tenant}'.`);
    return webhook;
  };
  const bodyOf = (request: Request) => readBody(request.body, request.headers['content-type']);

  handle('get', '', async (_request, tenant) => ({ status: 200, body: settings.state.webhooks.list(tenant).map(webhookView) }));
  handle('get', '/default', async () => ({ status: 200, body: webhookView(newWebhook(0, settings.clock)) }));
  handle('get', '/:id', async (request, tenant) => ({ status: 200, body: webhookView(known(tenant, request.params['id'])) }));
  handle('post', '', async (request, tenant) => {
    const given = readWebhook(bodyOf(request), newWebhook(0, settings.clock), request, settings);
    await testTarget(given, settings.webhooks);
    // The id is taken and the webhook kept in one turn, after the test event: instances registering at once get two ids.
    const kept = await inTurn(settings.durability, () => {
      const webhook = { ...given, WebhookId: settings.state.webhooks.nextId(tenant) };
      settings.state.putWebhook(tenant, webhook);
      return webhook;
    });
    return { status: 200, body: webhookView(kept) };
  });
  handle('put', '/:id', async (request, tenant) => {
    const stored = known(tenant, request.params['id']);
    const given = readWebhook(bodyOf(request), { ...stored, Updated: formatXsDateTime(settings.clock.now()) }, request, settings);
    settings.state.putWebhook(tenant, given);
    return { status: 200, body: webhookView(given) };
  });
  handle('delete', '/:id', async (request, tenant) => {
    known(tenant, request.params['id']);
    settings.state.deleteWebhook(tenant, Number(request.params['id']));
    return { status: 204 };
  });
}

function newWebhook(webhookId: number, clock: Clock): Webhook {
  const now = formatXsDateTime(clock.now());
  return { WebhookId: webhookId, Name: '', Events: [], TargetUrl: '', Secret: '', State: 'Active', Type: 'webhook', Headers: {}, Registered: now, Updated: now };
}

/** A webhook's fields from a body (names in any case), over `base`: each checked, the target above all. */
function readWebhook(body: Fields, base: Webhook, request: Request, settings: WebhookRouteSettings): Webhook {
  const field = (name: string) => body[Object.keys(body).find((key) => key.toLowerCase() === name.toLowerCase()) ?? ''];
  const text = (name: string, fallback: string): string => {
    const value = field(name);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string') throw badValue(name, 'expected a string.');
    return value;
  };
  const events = field('Events');
  if (events !== undefined && (!Array.isArray(events) || !events.every((event) => typeof event === 'string' && event.trim() !== ''))) throw badValue('Events', 'expected an array of event names, such as "chatsession.message".');
  const headers = field('Headers');
  if (headers !== undefined && headers !== null && (typeof headers !== 'object' || Array.isArray(headers) || !Object.values(headers).every((value) => typeof value === 'string'))) {
    throw badValue('Headers', 'expected an object of header names and their text.');
  }
  const state = text('State', base.State);
  if (!WEBHOOK_STATES.includes(state as WebhookState)) throw badValue('State', `'${state}' is not one of ${WEBHOOK_STATES.join(', ')}.`);
  const webhook: Webhook = {
    ...base,
    Name: text('Name', base.Name),
    Events: events === undefined ? base.Events : (events as string[]),
    TargetUrl: text('TargetUrl', base.TargetUrl),
    // A secret left out keeps the one there: answers never show it, so a client cannot send it back.
    Secret: text('Secret', base.Secret),
    State: state as WebhookState,
    Type: text('Type', base.Type),
    Headers: headers === undefined || headers === null ? base.Headers : (headers as Record<string, string>),
  };
  if (webhook.Events.length === 0) throw badValue('Events', 'give at least one event, such as "chatsession.message".');
  checkTarget(webhook.TargetUrl, request, settings.webhookHosts);
  return webhook;
}

/**
 * A target the emulator may deliver to: http or https, on this machine unless --webhook-hosts names its host, and
 * not the emulator itself (it would answer its own deliveries).
 */
function checkTarget(targetUrl: string, request: Request, allowedHosts: readonly string[]): void {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    throw badValue('TargetUrl', `'${targetUrl}' is not a URL: give one such as http://127.0.0.1:9000/hook.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badValue('TargetUrl', `'${targetUrl}' is not http or https.`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!isLoopback(host) && !allowedHosts.some((allowed) => allowed.toLowerCase() === host.toLowerCase())) {
    throw badValue('TargetUrl', `deliveries go to this machine only (127.0.0.1, ::1, localhost): '${host}' is not one of them, nor of --webhook-hosts.`);
  }
  const port = Number(url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : url.port);
  if (isLoopback(host) && port === request.socket.localPort) throw badValue('TargetUrl', `'${targetUrl}' is this emulator: give the address of the receiver.`);
}

/** The test event SuperOffice sends a webhook when it is registered: the target must accept it, or the webhook is refused. */
async function testTarget(webhook: Webhook, sender: Pick<WebhookDispatcher, 'post'>): Promise<void> {
  const eventId = randomUUID();
  const body = JSON.stringify({ EventId: eventId, Timestamp: webhook.Registered, Changes: [], Event: 'test', PrimaryKey: 0, Entity: 'test', ContextIdentifier: '', ChangedByAssociateId: 0, WebhookName: webhook.Name });
  const { error } = await sender.post(webhook, body, { event: 'test', eventId, retry: 0, test: true });
  if (error !== null) throw badValue('TargetUrl', `the target did not accept the test event (${error}): a webhook's target must answer it with 2xx.`);
}
