import { readFileSync } from 'node:fs';

export interface RestAnswer {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
}

/** One REST WebAPI call. */
export async function rest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RestAnswer> {
  const response = await fetch(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, body: init.body ?? null });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, text: await response.text() };
}

export function json<T = unknown>(answer: RestAnswer): T {
  return JSON.parse(answer.text) as T;
}

/** A documented HTTP sample kept in test/samples/rest: its first line, headers and body. */
export interface HttpSample {
  readonly startLine: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function httpSample(name: string): HttpSample {
  return httpSampleAt(`rest/${name}`);
}

/** A documented HTTP sample kept under test/samples, by its path there. */
export function httpSampleAt(path: string): HttpSample {
  const text = readFileSync(new URL(`../../../test/samples/${path}`, import.meta.url), 'utf8');
  const separator = /\r?\n\r?\n/.exec(text);
  const head = separator === null ? text : text.slice(0, separator.index);
  const body = separator === null ? '' : text.slice(separator.index + separator[0].length).trim();
  const [startLine = '', ...headerLines] = head.split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { startLine, headers, body };
}
