import { expect } from 'chai';

export interface AdminAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** One admin API call, JSON in and out. */
export async function admin(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<AdminAnswer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/__admin${path}`, { method, headers, body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body) });
  expect(response.headers.get('content-type')).to.match(/^application\/json; charset=utf-8$/);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** An admin error answer: the status and the message. */
export function expectAdminError(answer: AdminAnswer, status: number, message: string | RegExp): void {
  expect(answer.status).to.equal(status);
  const error = answer.body['error'] as { status: number; message: string };
  expect(error.status).to.equal(status);
  if (typeof message === 'string') expect(error.message).to.equal(message);
  else expect(error.message).to.match(message);
}
