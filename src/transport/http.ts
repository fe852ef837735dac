import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { acquireRequestOf, answerAcquire, type AcquireSettings } from '../acquire/http.js';
import { ADMIN_PATH, adminRouter, type AdminSettings } from '../admin/routes.js';
import { serviceByFile, SERVICES, type ServiceContract, type ServiceName } from '../contract/operations.js';
import { answerError } from '../envelope/response.js';
import { asEmulatorError, EmulatorError, logUnexpectedError } from '../errors.js';
import { restRouter } from '../rest/routes.js';
import { DEFAULT_TENANT } from '../store/chat-store.js';
import { RecentDigests } from '../store/credentials.js';
import { escapeAttribute, escapeText } from '../xml.js';
import { isBodyTooLarge, readRequestBody } from './body.js';
import { writeAnswer, writeQueuedAnswer, type AnswerWriter, type QueuedAnswer } from './answer-writer.js';
import { handleSoapRequest, type Endpoint, type SoapEndpointSettings } from './soap-endpoint.js';
import { TurnBatch } from './turn-batch.js';
import type { ServiceDescription } from './wsdl.js';

/**
 * `/Remote/Services88/<Service>.svc` (the on-site style default tenant) and `/<CustId>/Remote/Services88/<Service>.svc`
 * (a tenant of its own), for each service in SERVICES. Case-insensitive, as IIS is.
 */
const SERVICE_PATH = new RegExp(
  `^/(?:([^/]+)/)?Remote/Services88/(${Object.values(SERVICES).map((service) => service.file.replace('.', '\\.')).join('|')})/?$`,
  'i',
);

export interface AppSettings extends SoapEndpointSettings, AdminSettings {
  readonly descriptions: Readonly<Record<ServiceName, ServiceDescription>>;
  readonly maxBodyBytes: number;
  readonly webhookHosts: readonly string[];
}

/**
 * The server's request listener. A SOAP POST, the hot path, is answered with Node's own request and response
 * objects, without express's routing and response helpers (measured: 480 µs of CPU per AddChatMessage through
 * express, 293 past it); everything else (WSDLs, REST, the admin API, 404 and 405) goes to the express app.
 * SOAP POSTs are handled together at the end of the event loop's turn that read them, and their answers are
 * written together at the end of a turn too (see TurnBatch).
 */
export function createRequestListener(settings: AppSettings): (request: IncomingMessage, response: ServerResponse) => void {
  const app = createApp(settings);
  const soapEndpointOf = soapEndpointCache();
  const answers = new TurnBatch<QueuedAnswer>((queued) => writeQueuedAnswer(queued, settings.log));
  const writeLater: AnswerWriter = (response, answer, extra) => answers.add({ response, answer, extra });
  const posts = new TurnBatch<SoapPost>((post) => {
    answerSoapPost(settings, post, writeLater).catch((error: unknown) => {
      const answer = answerError(asEmulatorError(error, settings.log), '1.1', 'fault');
      if (!post.response.headersSent) writeAnswer(post.response, answer);
    });
  });
  const acquire: AcquireSettings = { ...settings, acquire: settings.state.acquire, addAcquireMessage: (tenant, message) => settings.state.addAcquireMessage(tenant, message), write: writeLater };
  return (request, response) => {
    const endpoint = request.method === 'POST' ? soapEndpointOf(request.url ?? '') : null;
    if (endpoint !== null) {
      posts.add({ endpoint, request, response });
      return;
    }
    const acquireRequest = acquireRequestOf(request);
    if (acquireRequest === null) app(request, response);
    else answerAcquire(acquire, acquireRequest, request, response).catch((error: unknown) => logUnexpectedError(error, settings.log, ' (Acquire)'));
  };
}

/** A POST to a SOAP endpoint, waiting to be handled with the others of its turn. */
interface SoapPost {
  readonly endpoint: Endpoint;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
}

const MAX_CACHED_URLS = 64;

/**
 * The SOAP endpoint a URL names (null: none), from a cache by URL: clients post to the same one or two on every
 * request, and matching the path was 1.5% of an AddChatMessage. Bounded, so that a client sending a new URL each
 * time costs a match, not memory.
 */
function soapEndpointCache(): (url: string) => Endpoint | null {
  const endpoints = new Map<string, Endpoint | null>();
  return (url) => {
    let endpoint = endpoints.get(url);
    if (endpoint === undefined) {
      const match = SERVICE_PATH.exec(url.split('?', 1)[0] as string);
      endpoint = match === null ? null : endpointFromPath(match);
      if (endpoints.size === MAX_CACHED_URLS) endpoints.clear();
      endpoints.set(url, endpoint);
    }
    return endpoint;
  };
}

async function answerSoapPost(settings: AppSettings, { endpoint, request, response }: SoapPost, writeLater: AnswerWriter): Promise<void> {
  let body: Buffer;
  try {
    body = await readRequestBody(request, settings.maxBodyBytes);
  } catch (error) {
    const extra = isBodyTooLarge(error) ? { Connection: 'close' } : {};
    writeAnswer(response, answerError(asEmulatorError(error, settings.log), '1.1', 'fault'), extra);
    return;
  }
  await handleSoapRequest(settings, endpoint, { headers: request.headers, body, digester: digesterOf(request) }, response, writeLater);
}

/** Each connection's RecentDigests, for as long as the connection lives. */
const digesters = new WeakMap<object, RecentDigests>();

function digesterOf(request: IncomingMessage): RecentDigests {
  // Node's request always has its socket; one built by hand (a test's) may not, and then it digests on its own.
  const connection = request.socket as object | null | undefined;
  if (connection == null) return new RecentDigests();
  let digester = digesters.get(connection);
  if (digester === undefined) digesters.set(connection, (digester = new RecentDigests()));
  return digester;
}

function createApp(settings: AppSettings): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(ADMIN_PATH, adminRouter(settings));
  app.use(restRouter(settings));

  app.get(SERVICE_PATH, (request, response) => {
    const { service } = endpointOf(request);
    if (wantsWsdl(request)) {
      response.type('text/xml; charset=utf-8').send(settings.descriptions[service].render(requestAddress(request)));
    } else {
      response.type('text/html; charset=utf-8').send(helpPage(SERVICES[service], requestAddress(request)));
    }
  });
  app.all(SERVICE_PATH, (request, response) => {
    response.set('Allow', 'GET, POST');
    sendError(response, new EmulatorError('MethodNotAllowed', `${request.method} is not allowed here: POST a SOAP request, or GET ?wsdl.`));
  });
  app.use((request, response) => {
    sendError(
      response,
      new EmulatorError(
        'NotFound',
        `Nothing at ${request.path}. The services are at /Remote/Services88/<Service>.svc and /<CustId>/Remote/Services88/<Service>.svc, ` +
          `where <Service>.svc is ${Object.values(SERVICES).map((service) => service.file).join(' or ')}; the REST WebAPI is at /api/v1/... and /<CustId>/api/v1/....`,
      ),
    );
  });
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    sendError(response, asEmulatorError(error, settings.log));
  });
  return app;
}

function endpointOf(request: Request): Endpoint {
  const params = request.params as Record<string, string | undefined>;
  return endpoint(params[0], params[1]);
}

function endpointFromPath(match: RegExpExecArray): Endpoint {
  return endpoint(match[1] === undefined ? undefined : safeDecode(match[1]), match[2]);
}

/** The tenant (express has decoded it already) and the service of a matched path. */
function endpoint(custId: string | undefined, file: string | undefined): Endpoint {
  // The path only matches the files of known services.
  const service = serviceByFile(file ?? '') as ServiceContract;
  return { tenant: custId === undefined || custId === '' ? DEFAULT_TENANT : custId, service: service.name };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function wantsWsdl(request: Request): boolean {
  const query = request.url.slice(request.url.indexOf('?') + 1).toLowerCase();
  return request.url.includes('?') && (query === 'wsdl' || query === 'singlewsdl' || query.startsWith('wsdl&') || query.startsWith('singlewsdl&'));
}

/** The address the request was sent to, as the client sees it: the WSDL's soap:address must point there. */
function requestAddress(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}${request.path}`;
}

function helpPage(service: ServiceContract, address: string): string {
  const title = `${service.wsdl.service} Service`;
  return (
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
    `<h1>${title}</h1><p>The Services88 ${service.name} service is running. Its description is at ` +
    `<a href="${escapeAttribute(`${address}?wsdl`)}">${escapeText(`${address}?wsdl`)}</a>.</p></body></html>`
  );
}

function sendError(response: Response, error: EmulatorError): void {
  const answer = answerError(error, '1.1', 'fault');
  response.status(answer.status).type(answer.contentType).send(answer.body);
}
