import { hash } from 'node:crypto';
import type { AcquireOperation } from '../acquire/operations.js';
import { epochMillisecondsOf, xsDateTime, type Instant } from '../contract/datetime.js';
import type { OperationName, ServiceName } from '../contract/operations.js';
import type { SoapVersion } from '../envelope/request.js';
import type { FidelityWarning } from '../fidelity.js';
import type { TenantId } from '../store/chat-store.js';

/** A value as the admin API writes it in JSON. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** How a request ended: answered, refused by the service, refused by the protocol, refused before SOAP, or by an injected fault. */
export type Outcome = 'ok' | 'application error' | 'fault' | 'http error' | 'injected';

/** One request, as the journal keeps it. Secrets (tickets, tokens, passwords) are masked. */
export interface JournalEntry {
  readonly id: number;
  /** When it arrived, by the emulator's clock, as an xs:dateTime in UTC. */
  readonly time: string;
  readonly tenant: TenantId;
  /** The SOAP service, WebApi for the REST WebAPI, or Acquire for Acquire.io's API. */
  readonly service: ServiceName | 'WebApi' | 'Acquire';
  /** Null when the request could not be dispatched to an operation. */
  readonly operation: OperationName | AcquireOperation | null;
  /** Null for a REST call, or a request that was not a SOAP envelope. */
  readonly soapVersion: SoapVersion | null;
  /** The ApplicationToken (SO-AppToken over REST) and the ticket (the Authorization header over REST), masked. */
  readonly headers: { readonly ApplicationToken: string | null; readonly Ticket: string | null };
  /** The operation's parsed arguments, or null when they could not be read. */
  readonly arguments: JsonValue;
  /** The HTTP status answered; null when the connection was closed without an answer (an injected drop). */
  readonly status: number | null;
  readonly outcome: Outcome;
  readonly error: { readonly code: string; readonly exceptionType?: string; readonly message: string } | null;
  readonly durationMs: number;
  readonly warnings: readonly FidelityWarning[];
}

/**
 * What a request leaves in the journal: an entry but for its id and time, which the journal adds. Its headers and
 * arguments are written out only when the entry is listed: requests are recorded far more often than the journal is
 * read, and these two are the costly part of an entry (a SHA-256 digest of each secret, the arguments' JSON with
 * dates formatted). Until then the entry holds the secrets as the request carried them, in memory only, as the
 * request itself did.
 */
export interface JournalRecord extends Omit<JournalEntry, 'id' | 'time' | 'headers' | 'arguments'> {
  readonly headers: JournalHeaders;
  readonly arguments: JournalArguments;
}

/** A request's arguments, written out as the journal shows them (secrets masked) when it is listed. */
export interface JournalArguments {
  journalArguments(): JsonValue;
}

/** The ApplicationToken and ticket as the request carried them (null: none), masked when listed; or already as the journal shows them. */
export type JournalHeaders = { readonly applicationToken: string | null; readonly ticket: string | null } | { readonly shown: JournalEntry['headers'] };

export interface JournalFilter {
  readonly tenant?: TenantId;
  readonly operation?: OperationName | AcquireOperation;
  /** Only entries at or after this time (milliseconds since 1970, by the emulator's clock). */
  readonly sinceMs?: number;
  /** At most this many: the newest ones. */
  readonly limit?: number;
}

export interface JournalPage {
  /** The matching entries, oldest first. */
  readonly requests: readonly JournalEntry[];
  /** How many entries the journal has dropped, oldest first, to stay within its size. */
  readonly dropped: number;
}

export const DEFAULT_JOURNAL_SIZE = 1000;

/**
 * The request journal: the last `size` requests, in a ring, so that a long run keeps memory bounded. An entry's id and
 * arrival are kept in typed arrays beside its record, not in objects of their own: a busy emulator keeps a thousand
 * entries alive through every young-generation collection, and each object of theirs is copied there (measured: the
 * journal's default 1,000 entries cost AddChatMessage 8% of its CPU against a journal of one).
 */
export class Journal {
  private readonly records: (JournalRecord | undefined)[];
  private readonly ids: Float64Array;
  private readonly arrivalSeconds: Float64Array;
  private readonly arrivalTicks: Float64Array;
  private start = 0;
  private count = 0;
  private nextId = 1;
  private droppedCount = 0;

  constructor(readonly size: number = DEFAULT_JOURNAL_SIZE) {
    this.records = new Array<JournalRecord | undefined>(size);
    this.ids = new Float64Array(size);
    this.arrivalSeconds = new Float64Array(size);
    this.arrivalTicks = new Float64Array(size);
  }

  /** Keeps a request's record, arrived at `arrival` (the emulator's clock); its id and written time are added when listed. */
  record(record: JournalRecord, arrival: Instant): void {
    let slot: number;
    if (this.count === this.size) {
      slot = this.start;
      this.start = (this.start + 1) % this.size;
      this.droppedCount += 1;
    } else {
      slot = (this.start + this.count) % this.size;
      this.count += 1;
    }
    this.keep(slot, this.nextId, arrival, record);
    this.nextId += 1;
  }

  list(filter: JournalFilter = {}): JournalPage {
    const matching: JournalEntry[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const slot = (this.start + i) % this.size;
      const record = this.records[slot] as JournalRecord;
      if (filter.tenant !== undefined && record.tenant !== filter.tenant) continue;
      if (filter.operation !== undefined && record.operation !== filter.operation) continue;
      const arrival = this.arrivalAt(slot);
      if (filter.sinceMs !== undefined && epochMillisecondsOf(arrival) < filter.sinceMs) continue;
      matching.push({ id: this.ids[slot] as number, time: xsDateTime.format(arrival), ...record, headers: shownHeaders(record.headers), arguments: record.arguments.journalArguments() });
    }
    const limit = filter.limit ?? matching.length;
    return { requests: matching.slice(Math.max(0, matching.length - limit)), dropped: this.droppedCount };
  }

  /** Forgets every entry, or a tenant's only; the dropped count goes back to 0 with a full clear. */
  clear(tenant?: TenantId): void {
    const kept: { id: number; arrival: Instant; record: JournalRecord }[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const slot = (this.start + i) % this.size;
      const record = this.records[slot] as JournalRecord;
      if (tenant !== undefined && record.tenant !== tenant) kept.push({ id: this.ids[slot] as number, arrival: this.arrivalAt(slot), record });
    }
    this.records.fill(undefined);
    kept.forEach(({ id, arrival, record }, slot) => this.keep(slot, id, arrival, record));
    this.start = 0;
    this.count = kept.length;
    if (tenant === undefined) this.droppedCount = 0;
  }

  private keep(slot: number, id: number, arrival: Instant, record: JournalRecord): void {
    this.records[slot] = record;
    this.ids[slot] = id;
    this.arrivalSeconds[slot] = arrival.epochSeconds;
    this.arrivalTicks[slot] = arrival.ticks;
  }

  private arrivalAt(slot: number): Instant {
    return { epochSeconds: this.arrivalSeconds[slot] as number, ticks: this.arrivalTicks[slot] as number };
  }
}

function shownHeaders(headers: JournalHeaders): JournalEntry['headers'] {
  if ('shown' in headers) return headers.shown;
  return { ApplicationToken: maskSecret(headers.applicationToken), Ticket: maskSecret(headers.ticket) };
}

/**
 * A secret as the journal shows it: enough to tell which one was sent (its start, length and a digest prefix),
 * not enough to use it.
 */
export function maskSecret(secret: string | null): string | null {
  if (secret === null) return null;
  if (secret === '') return '';
  const digest = hash('sha256', secret, 'hex').slice(0, 8);
  return `${secret.slice(0, Math.min(3, Math.floor(secret.length / 4)))}…(${secret.length} chars, sha256 ${digest})`;
}

/** A password: only whether one was given. */
export function maskPassword(password: string | null): string | null {
  return password === null ? null : '***';
}
