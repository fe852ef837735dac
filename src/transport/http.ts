import express, { type NextFunction, type Request, type Response } from 'express';
import { answerError } from '../envelope/response.js';
import { EmulatorError } from '../errors.js';
import { DEFAULT_TENANT } from '../store/chat-store.js';
import { handleSoapRequest, type SoapEndpointSettings } from './soap-endpoint.js';
import type { ServiceDescription } from './wsdl.js';

/**
 * `/Remote/Services88/Chat.svc` (the on-site style default tenant) and `/<CustId>/Remote/Services88/Chat.svc`
 * (a tenant of its own). Case-insensitive, as IIS is.
 */
export const CHAT_SVC_PATH = /^\/(?:([^/]+)\/)?Remote\/Services88\/Chat\.svc\/?$/i;

export interface AppSettings extends SoapEndpointSettings {
  readonly wsdl: ServiceDescription;
  readonly maxBodyBytes: number;
}

export function createApp(settings: AppSettings): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get(CHAT_SVC_PATH, (request, response) => {
    if (wantsWsdl(request)) {
      response.type('text/xml; charset=utf-8').send(settings.wsdl.render(requestAddress(request)));
    } else {
      response.type('text/html; charset=utf-8').send(helpPage(requestAddress(request)));
    }
  });
  app.post(CHAT_SVC_PATH, express.raw({ type: () => true, limit: settings.maxBodyBytes }), (request, response) => {
    handleSoapRequest(settings, tenantOf(request), request, response);
  });
  app.all(CHAT_SVC_PATH, (request, response) => {
    response.set('Allow', 'GET, POST');
    sendError(response, new EmulatorError('MethodNotAllowed', `${request.method} is not allowed here: POST a SOAP request, or GET ?wsdl.`));
  });
  app.use((request, response) => {
    sendError(
      response,
      new EmulatorError('NotFound', `Nothing at ${request.path}. The Chat service is at /Remote/Services88/Chat.svc and /<CustId>/Remote/Services88/Chat.svc.`),
    );
  });
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    sendError(response, bodyReadError(error, settings.maxBodyBytes, settings.log));
  });
  return app;
}

function tenantOf(request: Request): string {
  const custId = (request.params as Record<string, string | undefined>)[0];
  return custId === undefined || custId === '' ? DEFAULT_TENANT : decodeURIComponent(custId);
}

function wantsWsdl(request: Request): boolean {
  const query = request.url.slice(request.url.indexOf('?') + 1).toLowerCase();
  return request.url.includes('?') && (query === 'wsdl' || query === 'singlewsdl' || query.startsWith('wsdl&') || query.startsWith('singlewsdl&'));
}

/** The address the request was sent to, as the client sees it: the WSDL's soap:address must point there. */
function requestAddress(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}${request.path}`;
}

function helpPage(address: string): string {
  return (
    '<!DOCTYPE html><html><head><title>WcfChatService Service</title></head><body>' +
    '<h1>WcfChatService Service</h1><p>The Services88 Chat service is running. Its description is at ' +
    `<a href="${address}?wsdl">${address}?wsdl</a>.</p></body></html>`
  );
}

function sendError(response: Response, error: EmulatorError): void {
  const answer = answerError(error, '1.1', 'fault');
  response.status(answer.status).type(answer.contentType).send(answer.body);
}

/** Errors from reading the body (express.raw) before any SOAP handling. */
function bodyReadError(error: unknown, maxBodyBytes: number, log: (line: string) => void): EmulatorError {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return new EmulatorError('BodyTooLarge', `The request body is larger than the limit of ${maxBodyBytes} bytes.`);
  if (typeof type === 'string') return new EmulatorError('MalformedXml', `The request body could not be read: ${(error as Error).message}.`);
  log(`unexpected error while reading a request: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new EmulatorError('InternalServiceFault', 'The server was unable to process the request due to an internal error.');
}
