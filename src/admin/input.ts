import { ACQUIRE_OPERATIONS, type AcquireOperation } from '../acquire/operations.js';
import type { ClockSetting } from '../clock.js';
import { InvalidValueError, notAValid, type ReadContext } from '../contract/codec.js';
import { epochMillisecondsOf, xsDateTime } from '../contract/datetime.js';
import { OPERATION_NAMES, type OperationName } from '../contract/operations.js';
import type { FaultAction, FaultSpec } from '../faults.js';
import type { JournalFilter } from '../journal/journal.js';
import type { DeliveryFaultSpec, DeliveryFilter } from '../webhooks/dispatcher.js';
import { unwritableCharacter } from '../xml.js';

/**
 * Reading what a test sends to the admin API (or to the embedding API): clock settings, faults, journal filters.
 * Every problem is an AdminInputError whose message names the field, the value and what was expected.
 */

/** Input to the admin or embedding API that cannot be used; the message says which field and why. */
export class AdminInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminInputError';
  }
}

/** `{ "now": "2021-03-25T21:36:53Z" }` or `{ "offsetMs": 60000 }`. */
export function parseClockSetting(json: unknown, context: ReadContext): ClockSetting {
  const body = object(json, 'the clock');
  onlyKeys(body, ['now', 'offsetMs'], 'the clock');
  if ((body['now'] === undefined) === (body['offsetMs'] === undefined)) {
    throw new AdminInputError('The clock takes exactly one of "now" (an xs:dateTime such as 2021-03-25T21:36:53Z) and "offsetMs" (milliseconds).');
  }
  if (body['now'] !== undefined) return { now: dateTime(body['now'], 'now', context) };
  const offsetMs = body['offsetMs'];
  if (typeof offsetMs !== 'number' || !Number.isSafeInteger(offsetMs)) throw new AdminInputError(`offsetMs: expected an integer number of milliseconds, found ${describe(offsetMs)}.`);
  return { offsetMs };
}

const FAULT_ACTIONS = ['exceptionInfo', 'soapFault', 'httpStatus', 'drop', 'truncate'] as const;

/**
 * `{ "tenant"?, "operation"?, "times"? (default 1), "delayMs"?, and at most one of exceptionInfo, soapFault,
 * httpStatus, drop, truncate }`; a fault with a delay and nothing else only delays the normal answer.
 */
export function parseFaultSpec(json: unknown): FaultSpec {
  const body = object(json, 'the fault');
  onlyKeys(body, ['tenant', 'operation', 'times', 'delayMs', ...FAULT_ACTIONS], 'the fault');
  const given = FAULT_ACTIONS.filter((key) => body[key] !== undefined);
  if (given.length > 1) throw new AdminInputError(`A fault does one thing: found ${given.join(' and ')}; give one of ${FAULT_ACTIONS.join(', ')} (a delayMs may go with it).`);
  const delayMs = body['delayMs'] === undefined ? 0 : integer(body['delayMs'], 'delayMs', 0, 60_000);
  if (given.length === 0 && delayMs === 0) {
    throw new AdminInputError(`A fault needs one of ${FAULT_ACTIONS.join(', ')}, or a delayMs above 0.`);
  }
  return {
    ...(body['tenant'] === undefined ? {} : { tenant: string(body['tenant'], 'tenant') }),
    ...(body['operation'] === undefined ? {} : { operation: operationName(body['operation'], 'operation') }),
    times: body['times'] === undefined ? 1 : integer(body['times'], 'times', 1, 1_000_000),
    delayMs,
    action: faultAction(body, given[0]),
  };
}

function faultAction(body: Record<string, unknown>, kind: (typeof FAULT_ACTIONS)[number] | undefined): FaultAction {
  switch (kind) {
    case undefined:
      return { kind: 'delayOnly' };
    case 'exceptionInfo': {
      const info = object(body['exceptionInfo'], 'exceptionInfo');
      onlyKeys(info, ['exceptionType', 'message', 'friendlyText'], 'exceptionInfo');
      const message = info['message'] === undefined ? 'Injected application error.' : writableText(info['message'], 'exceptionInfo.message');
      return {
        kind: 'exceptionInfo',
        exceptionType: info['exceptionType'] === undefined ? 'SoException' : writableText(info['exceptionType'], 'exceptionInfo.exceptionType'),
        message,
        friendlyText: info['friendlyText'] === undefined ? message : writableText(info['friendlyText'], 'exceptionInfo.friendlyText'),
      };
    }
    case 'soapFault': {
      const fault = object(body['soapFault'], 'soapFault');
      onlyKeys(fault, ['code', 'message'], 'soapFault');
      const code = fault['code'] === undefined ? 'Server' : string(fault['code'], 'soapFault.code');
      const codes: Record<string, 'Client' | 'Server'> = { Client: 'Client', Sender: 'Client', Server: 'Server', Receiver: 'Server' };
      const mapped = codes[code];
      if (mapped === undefined) throw new AdminInputError(`soapFault.code: '${code}' is not one of Client, Server, Sender, Receiver.`);
      return { kind: 'soapFault', code: mapped, message: fault['message'] === undefined ? 'Injected fault.' : writableText(fault['message'], 'soapFault.message') };
    }
    case 'httpStatus':
      return { kind: 'httpStatus', status: integer(body['httpStatus'], 'httpStatus', 200, 599) };
    case 'drop':
    case 'truncate':
      if (body[kind] !== true) throw new AdminInputError(`${kind}: expected true, found ${describe(body[kind])}.`);
      return { kind };
  }
}

/** The journal's filters, from query parameters (admin API) or an object (embedding API): tenant, operation, since, limit. */
export function parseJournalFilter(input: Readonly<Record<string, unknown>>, context: ReadContext): JournalFilter {
  onlyKeys(input, ['tenant', 'operation', 'since', 'limit'], 'the request filter');
  const filter: { -readonly [K in keyof JournalFilter]: JournalFilter[K] } = {};
  if (input['tenant'] !== undefined) filter.tenant = string(input['tenant'], 'tenant');
  if (input['operation'] !== undefined) filter.operation = operationName(input['operation'], 'operation');
  if (input['since'] !== undefined) filter.sinceMs = epochMillisecondsOf(dateTime(input['since'], 'since', context));
  if (input['limit'] !== undefined) {
    filter.limit = integer(digits(input['limit']), 'limit', 0, Number.MAX_SAFE_INTEGER);
  }
  return filter;
}

/**
 * Which webhook deliveries a query asks for (`tenant` as given, `event`, those `after` an id), and how long to wait
 * (`wait`, ms) for how many (`count`) of them to have been tried.
 */
export function parseDeliveryQuery(query: Readonly<Record<string, unknown>>): { filter: DeliveryFilter; waitMs: number; count: number } {
  onlyKeys(query, ['tenant', 'event', 'after', 'wait', 'count'], 'the delivery filter');
  const after = query['after'] === undefined ? undefined : integer(digits(query['after']), 'after', 0, Number.MAX_SAFE_INTEGER);
  return {
    filter: {
      ...(query['tenant'] === undefined ? {} : { tenant: string(query['tenant'], 'tenant') }),
      ...(query['event'] === undefined ? {} : { event: string(query['event'], 'event') }),
      ...(after === undefined ? {} : { after }),
    },
    waitMs: query['wait'] === undefined ? 0 : integer(digits(query['wait']), 'wait', 0, 60_000),
    count: query['count'] === undefined ? 1 : integer(digits(query['count']), 'count', 1, 10_000),
  };
}

/** `{ "tenant"?, "times"? (default 1), "delayMs"?, and "drop": true or "httpStatus" }`: a fault for the next deliveries. */
export function parseDeliveryFault(json: unknown): DeliveryFaultSpec {
  const body = object(json, 'the fault');
  onlyKeys(body, ['tenant', 'times', 'delayMs', 'drop', 'httpStatus'], 'the fault');
  if (body['drop'] !== undefined && body['drop'] !== true) throw new AdminInputError('drop: give true, or leave it out.');
  if (body['drop'] === true && body['httpStatus'] !== undefined) throw new AdminInputError('A fault does one thing: give drop or httpStatus, not both.');
  return {
    ...(body['tenant'] === undefined ? {} : { tenant: string(body['tenant'], 'tenant') }),
    times: body['times'] === undefined ? 1 : integer(body['times'], 'times', 1, 1_000_000),
    delayMs: body['delayMs'] === undefined ? 0 : integer(body['delayMs'], 'delayMs', 0, 60_000),
    drop: body['drop'] === true,
    ...(body['httpStatus'] === undefined ? {} : { httpStatus: integer(body['httpStatus'], 'httpStatus', 100, 599) }),
  };
}

/** A query parameter of digits as its number; anything else as it is, for integer() to refuse with its words. */
function digits(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
}

export function operationName(value: unknown, where: string): OperationName | AcquireOperation {
  const name = string(value, where);
  const known = [...OPERATION_NAMES, ...ACQUIRE_OPERATIONS];
  const found = known.find((operation) => operation === name);
  if (found === undefined) throw new AdminInputError(`${where}: '${name}' is not one of ${known.join(', ')}.`);
  return found;
}

function dateTime(value: unknown, where: string, context: ReadContext) {
  const text = string(value, where);
  try {
    return xsDateTime.parse(text, context);
  } catch (error) {
    if (error instanceof InvalidValueError) throw new AdminInputError(`${where}: '${text}' is ${notAValid(xsDateTime, error)}.`);
    throw error;
  }
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AdminInputError(`${where}: expected a JSON object, found ${describe(value)}.`);
  return value as Record<string, unknown>;
}

function onlyKeys(value: Readonly<Record<string, unknown>>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new AdminInputError(`${where}: unknown field '${key}'; expected ${allowed.join(', ')}.`);
  }
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new AdminInputError(`${where}: expected a non-empty string, found ${describe(value)}.`);
  return value;
}

/** A text that an answer will carry: a non-empty string of characters XML 1.0 can carry. */
function writableText(value: unknown, where: string): string {
  const text = string(value, where);
  const unwritable = unwritableCharacter(text);
  if (unwritable !== undefined) throw new AdminInputError(`${where}: it holds the character ${unwritable}, which XML 1.0 cannot carry, and it would be written into an answer.`);
  return text;
}

function integer(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new AdminInputError(`${where}: expected an integer from ${min} to ${max}, found ${describe(value)}.`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `the string '${value}'` : `${typeof value} ${String(value)}`;
}
