import { randomBytes, randomInt } from 'node:crypto';

/**
 * A SuperOffice ticket: `7T:` + base64 of the UTF-16LE text `<32 hex>;<number>` (on-site) or
 * `<32 hex>;<number>;<CustId>` (Online). Both parts before the CustId are random: the ticket proves a login
 * without saying who logged in. The server keeps the rest (tenant, expiry) beside it.
 */

export const TICKET_PREFIX = '7T:';

export interface TicketParts {
  /** 32 hexadecimal digits. */
  readonly secret: string;
  readonly number: number;
  /** The tenant's CustId; undefined for the on-site style default tenant. */
  readonly custId: string | undefined;
}

export function encodeTicket(parts: TicketParts): string {
  const text = [parts.secret, String(parts.number), ...(parts.custId === undefined ? [] : [parts.custId])].join(';');
  return TICKET_PREFIX + Buffer.from(text, 'utf16le').toString('base64');
}

/** The parts of a ticket in this shape, or undefined for any other text. */
export function decodeTicket(ticket: string): TicketParts | undefined {
  if (!ticket.startsWith(TICKET_PREFIX)) return undefined;
  const base64 = ticket.slice(TICKET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  const match = /^([0-9a-f]{32});([0-9]+)(?:;([^;]+))?$/.exec(Buffer.from(base64, 'base64').toString('utf16le'));
  if (match === null) return undefined;
  return { secret: match[1] as string, number: Number(match[2]), custId: match[3] };
}

/** A fresh ticket's parts: 128 random bits and a random seven-digit number. */
export function newTicketParts(custId: string | undefined): TicketParts {
  return { secret: randomBytes(16).toString('hex'), number: randomInt(1_000_000, 10_000_000), custId };
}
