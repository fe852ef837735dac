import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A request a real client stack sent, as the interop suite recorded it: the HTTP headers that matter to
 * the emulator (Content-Type, SOAPAction) and the body, normalised so that runs compare equal.
 * Stored as `test/golden/<stack>.<wsdl>-wsdl.soap<version>.<Operation>.http`:
 *
 *   POST /Remote/Services88/Chat.svc
 *   Content-Type: text/xml; charset=utf-8
 *   SOAPAction: "http://..."
 *
 *   <body>
 */
export interface GoldenRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const GOLDEN_DIRECTORY = fileURLToPath(new URL('../../../test/golden/', import.meta.url));

/** The address clients are recorded calling, whatever port the run used. */
export const GOLDEN_ORIGIN = 'http://emulator.test';

const KEPT_HEADERS = ['content-type', 'soapaction'];
const HEADER_NAMES: Readonly<Record<string, string>> = { 'content-type': 'Content-Type', soapaction: 'SOAPAction' };

export function goldenFileName(stack: string, wsdl: string, version: string, operation: string): string {
  return `${stack}.${wsdl}-wsdl.soap${version.replace('.', '')}.${operation}.http`;
}

/** Keeps what the emulator reads; replaces what changes from run to run (the origin's port, message ids). */
export function normalise(recorded: { path: string; headers: Record<string, string | string[] | undefined>; body: string }, origin: string): GoldenRequest {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = recorded.headers[name];
    if (typeof value === 'string') headers[HEADER_NAMES[name] as string] = value.split(origin).join(GOLDEN_ORIGIN);
  }
  const body = recorded.body
    .split(origin)
    .join(GOLDEN_ORIGIN)
    .replace(/urn:uuid:[0-9a-fA-F-]{36}/g, 'urn:uuid:00000000-0000-0000-0000-000000000000');
  return { path: recorded.path, headers, body };
}

export function formatGolden(request: GoldenRequest): string {
  const headerLines = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}\n`);
  return `POST ${request.path}\n${headerLines.join('')}\n${request.body}`;
}

export function parseGolden(text: string): GoldenRequest {
  const blank = text.indexOf('\n\n');
  const [requestLine = '', ...headerLines] = text.slice(0, blank).split('\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return { path: requestLine.replace(/^POST /, ''), headers, body: text.slice(blank + 2) };
}

/** Every golden request, by file name. */
export function readGoldenRequests(): [string, GoldenRequest][] {
  return readdirSync(GOLDEN_DIRECTORY)
    .filter((name) => name.endsWith('.http'))
    .sort()
    .map((name) => [name, parseGolden(readFileSync(`${GOLDEN_DIRECTORY}${name}`, 'utf8'))]);
}
