/**
 * What the bench sends and what it must get back: the fixtures the emulator starts with, the requests of each
 * operation, and the answer each must produce (checked before any measurement, so errors are never measured by
 * accident).
 */
import { readFileSync } from 'node:fs';
import { SERVICES88_NS, SOAP11_ENVELOPE_NS as SOAP11_NS } from '../src/contract/namespaces.js';
import { SERVICES } from '../src/contract/operations.js';
import type { FixturesDocument, TenantDocument } from '../src/index.js';
import { APP_TOKEN, TICKET, type FixturePlan } from './protocol.js';

const CHAT_ACTION = `${SERVICES88_NS}/${SERVICES.Chat.wsdl.portType}`;

/** Sessions of the main fixtures: distinct, so that AddChatMessage load does not change what GetChatMessages reads. */
export const SESSION_ADD_SOAP11 = 1;
/** The documented SOAP 1.2 sample adds to session 0. */
export const SESSION_ADD_SAMPLE = 0;
export const SESSION_10 = 10;
export const SESSION_100 = 100;
export const SESSION_1000 = 1000;
/** The tenant whose webhook takes every message it gets (see `add-webhook`). */
export const WEBHOOK_TENANT = 'CustHook';
/** The Acquire.io account of `acquire-add`: its API key, and the active case it adds to. */
export const ACQUIRE_ACCOUNT = 'bench';
const ACQUIRE_KEY = 'bench-acquire-key';
const ACQUIRE_CASE = 2069;
/** The one session of a scale run, holding every message of the store. */
export const SESSION_SCALE = 7;
/** A scale run reads the last SCALE_PAGE messages (After = N - SCALE_PAGE). */
export const SCALE_PAGE = 10;

type MessageDocument = NonNullable<TenantDocument['messages']>[number];

/** The agent who picks sessions up, with a ticket of its own: the session operations act for the current user. */
export const AGENT_TICKET = '7T:benchAgentTicket==';
const AGENT = { UserName: 'agent', Password: 'secret', AssociateId: 5, FullName: 'Kari Nordmann', tickets: [AGENT_TICKET] };

/** A session in conversation, with its agent and its customer: what GetChatSessionEntity reads. */
export const SESSION_WITH_AGENT = 900;
const AGENT_SESSION = {
  ChatSessionId: SESSION_WITH_AGENT,
  TopicId: 1,
  User: { AssociateId: 5, Name: 'agent', FullName: 'Kari Nordmann', Type: 'InternalAssociate', UserName: 'agent' },
  CustomerAlias: 'Anne',
  CustomerName: 'Anne Customer',
  CustomerEmail: 'anne@example.com',
  Status: 'CustomerLast',
  FirstMessage: 'Hello, my order is late.',
  LastMessage: 'It was order 4711.',
  WhenRequested: '2021-03-25T20:00:00Z',
  WhenStarted: '2021-03-25T20:01:00Z',
  InitialQueuePos: 1,
  Rank: 1,
};

/** The queued sessions the pick-up cycle takes in turn, and one more for its validation. */
export const PICKUP_VALIDATION_SESSION = 999;
export const PICKUP_POOL_FIRST = 1001;
export const PICKUP_POOL_SIZE = 1000;

function queuedSessions(): Record<string, unknown>[] {
  const ids = [PICKUP_VALIDATION_SESSION, ...Array.from({ length: PICKUP_POOL_SIZE }, (_, i) => PICKUP_POOL_FIRST + i)];
  return ids.map((id) => ({ ChatSessionId: id, CustomerName: `Customer ${id}`, Status: 'InQueue', WhenRequested: '2021-03-25T20:00:00Z' }));
}

const BASE_MS = Date.UTC(2021, 2, 25, 20, 0, 0);

/** A realistic stored message: its own text and WhenPosted (7 fraction digits), alternating type and author. */
function message(session: number, index: number): MessageDocument {
  const fraction = String((index * 7919) % 10_000_000).padStart(7, '0');
  return {
    ChatSessionId: session,
    Type: index % 2 === 0 ? 'ToUser' : 'ToCustomer',
    Message: `Message ${index} of session ${session}: hello from the bench`,
    Author: index % 2 === 0 ? 'Customer' : 'Agent',
    WhenPosted: `${new Date(BASE_MS + index * 1000).toISOString().slice(0, 19)}.${fraction}Z`,
  };
}

/**
 * The fixtures of an emulator process as JSON text (ids are assigned by the emulator: 1, 2, ... in this order).
 * Built message by message, so that no more than one message object lives at a time.
 */
export function fixturesText(plan: FixturePlan): string {
  const tenant: Omit<TenantDocument, 'messages'> =
    plan.preset === 'main'
      ? { sessions: [SESSION_ADD_SAMPLE, SESSION_ADD_SOAP11, SESSION_10, SESSION_100, SESSION_1000, AGENT_SESSION, ...queuedSessions()], users: [AGENT] }
      : { sessions: [SESSION_SCALE] };
  const groups = plan.preset === 'main' ? [{ session: SESSION_10, count: 10 }, { session: SESSION_100, count: 100 }, { session: SESSION_1000, count: 1000 }] : [{ session: SESSION_SCALE, count: plan.messages }];
  const parts: string[] = [];
  for (const { session, count } of groups) {
    for (let i = 1; i <= count; i += 1) parts.push(JSON.stringify(message(session, i)));
  }
  // A tenant of its own whose webhook takes every message: what `add-webhook` measures, leaving the others alone.
  const hooked = plan.preset === 'main' && plan.webhookUrl !== undefined ? `,"${WEBHOOK_TENANT}":${JSON.stringify({ sessions: [SESSION_ADD_SOAP11], webhooks: [{ Name: 'bench', Events: ['chatsession.message'], TargetUrl: plan.webhookUrl, Secret: 'bench' }] })}` : '';
  const acquire = plan.preset === 'main' ? `,"${ACQUIRE_ACCOUNT}":${JSON.stringify({ acquire: ACQUIRE_FIXTURES })}` : '';
  return `{"tickets":${JSON.stringify([TICKET])},"applicationTokens":${JSON.stringify([APP_TOKEN])},"tenants":{"default":${JSON.stringify(tenant).slice(0, -1)},"messages":[${parts.join(',')}]}${hooked}${acquire}}}`;
}

/** An Acquire.io account as the documented add-message answer shows one: an agent, a contact, and their case. */
const ACQUIRE_FIXTURES = {
  apiKeys: [{ key: ACQUIRE_KEY, userId: 25 }],
  users: [
    { id: 25, name: 'a', firstName: 'a' },
    { id: 1, name: 'David Guetta', firstName: 'David Guetta', email: 'user@example.com' },
  ],
  contacts: [{ id: 597759, clientName: 'Chrome', clientVersion: '87.0', clientOsName: 'Linux', clientOsVersion: 'x86_64', clientDeviceType: 'Desktop' }],
  cases: [{ id: ACQUIRE_CASE, contactId: 597759, userIds: [1], parentId: 1875, title: '#597759 has just started a chat', closingState: 'handled' }],
};

/**
 * The fixtures document, made as a fixtures file gives it: JSON.parse of its text. So every message's Message is a
 * flat string of its own, as it is too when a message arrives over SOAP (built directly, the texts would be V8
 * cons strings of the template's pieces, larger than any real input makes them). V8's JSON.parse shares the
 * strings of up to 10 characters (Type, Author here).
 */
export function buildFixtures(plan: FixturePlan): FixturesDocument {
  return JSON.parse(fixturesText(plan)) as FixturesDocument;
}

export interface BenchRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What an answer must be. `check` returns a problem, or undefined when the body is as expected. */
export interface Expectation {
  readonly status: number;
  readonly what: string;
  check(body: string, contentType: string): string | undefined;
}

/** Requests sent in turn on each connection, each turn on the next session of a pool: `{session}` in a body is its id. */
export interface SessionCycle {
  readonly requests: readonly BenchRequest[];
  readonly firstSession: number;
  readonly sessions: number;
}

export interface Operation {
  /** Short name: also the path the bare server answers it on. */
  readonly key: string;
  readonly label: string;
  /** The request validated on both servers (and, without a cycle, the one measured). */
  readonly request: BenchRequest;
  /** What is measured instead of the request, for an operation that changes what it acts on (a pick-up). */
  readonly cycle?: SessionCycle;
  /** The tenant it is sent to, when not the default one. */
  readonly tenant?: string;
  /** Its path on the emulator, when it is not a call of the Chat service. */
  readonly path?: string;
  readonly expect: Expectation;
  /** Concurrent connections for this operation, when not the run's (--connections). */
  readonly connections?: number;
}

const SOAP11_HEADERS = (action: string): Record<string, string> => ({
  'content-type': 'text/xml; charset=utf-8',
  soapaction: `"${action}"`,
});

function soap11(headerXml: string, bodyXml: string): string {
  return (
    `<s:Envelope xmlns:s="${SOAP11_NS}" xmlns:c="${SERVICES88_NS}">` +
    `<s:Header>${headerXml}</s:Header><s:Body>${bodyXml}</s:Body></s:Envelope>`
  );
}

function credentialHeaders(ticket: string): string {
  return `<c:ApplicationToken>${APP_TOKEN}</c:ApplicationToken><c:Credentials><c:Ticket>${ticket}</c:Ticket></c:Credentials>`;
}

/** AddChatMessage over SOAP 1.1, as README's "A request to copy": both headers inside s:Header, the SOAPAction header. */
export function addChatMessageSoap11(action = `${CHAT_ACTION}/AddChatMessage`): BenchRequest {
  return {
    headers: SOAP11_HEADERS(action),
    body: soap11(
      credentialHeaders(TICKET),
      `<c:AddChatMessage><c:ChatSessionId>${SESSION_ADD_SOAP11}</c:ChatSessionId><c:Message>` +
        '<c:Type>ToUser</c:Type><c:Message>Hello from the customer</c:Message><c:Author>Customer</c:Author>' +
        '<c:WhenPosted>2021-03-25T21:36:53.1234567+01:00</c:WhenPosted></c:Message></c:AddChatMessage>',
    ),
  };
}

/** The documented SOAP 1.2 sample, byte for byte as the project keeps it in test/samples/. */
export function addChatMessageSample(): BenchRequest {
  const path = new URL('../../test/samples/AddChatMessage.request.xml', import.meta.url);
  return { headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body: readFileSync(path, 'utf8') };
}

/** A session operation over SOAP 1.1 with the agent's ticket: `body` is the inside of the operation's element. */
function sessionSoap11(operation: string, body: string): BenchRequest {
  return { headers: SOAP11_HEADERS(`${CHAT_ACTION}/${operation}`), body: soap11(credentialHeaders(AGENT_TICKET), `<c:${operation}>${body}</c:${operation}>`) };
}

export function getChatMessagesSoap11(session: number, after: number, ticket = TICKET): BenchRequest {
  return {
    headers: SOAP11_HEADERS(`${CHAT_ACTION}/GetChatMessages`),
    body: soap11(
      credentialHeaders(ticket),
      `<c:GetChatMessages><c:ChatSessionId>${session}</c:ChatSessionId><c:After>${after}</c:After></c:GetChatMessages>`,
    ),
  };
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

function contentTypeProblem(contentType: string, soap12: boolean): string | undefined {
  const expected = soap12 ? 'application/soap+xml' : 'text/xml';
  return contentType.startsWith(expected) ? undefined : `Content-Type '${contentType}', expected ${expected}`;
}

/** HTTP 200 with Succeeded=true, and whatever `more` asks of the body. */
function succeeded(soap12: boolean, what: string, more: (body: string) => string | undefined): Expectation {
  return {
    status: 200,
    what: `200, Succeeded=true, ${what}`,
    check: (body, contentType) =>
      contentTypeProblem(contentType, soap12) ??
      (/<Succeeded[^>]*>true<\/Succeeded>/.test(body) ? more(body) : 'no <Succeeded>true</Succeeded> in the answer'),
  };
}

function messageCount(expected: number): (body: string) => string | undefined {
  return (body) => {
    const found = count(body, '<ChatMessage>');
    return found === expected ? undefined : `${found} ChatMessage elements, expected ${expected}`;
  };
}

const storedMessage = (body: string): string | undefined =>
  /<Response><ChatMessageId>[1-9][0-9]*<\/ChatMessageId>/.test(body) ? undefined : 'no stored message with an id in Response';

export function mainOperations(): Operation[] {
  return [
    {
      key: 'add-soap11',
      label: 'AddChatMessage, SOAP 1.1',
      request: addChatMessageSoap11(),
      expect: succeeded(false, 'the stored message', storedMessage),
    },
    {
      // The same call in a tenant with a webhook registered for every message: the deliveries run in the emulator too.
      key: 'add-webhook',
      label: 'AddChatMessage, SOAP 1.1, one webhook',
      request: addChatMessageSoap11(),
      tenant: WEBHOOK_TENANT,
      expect: succeeded(false, 'the stored message', storedMessage),
    },
    {
      // Acquire.io's add-message, the documented request, as a contact.
      key: 'acquire-add',
      label: 'Acquire add-message (JSON)',
      path: `/acquire/${ACQUIRE_ACCOUNT}/api/v1/crm/messenger/chat/add-message?-x-user-type=contact`,
      request: {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ACQUIRE_KEY}` },
        body: JSON.stringify({ channel: 'chat', mentionUsers: ['00'], meta: { additionalProp1: {} }, message: { type: 'message', message: 'Hey added from the api', translateLangKey: 'en' }, delay: 1000, caseId: ACQUIRE_CASE }),
      },
      expect: {
        status: 200,
        what: '200, the stored message as data',
        check: (body, contentType) => {
          if (contentType !== 'application/json; charset=utf-8') return `Content-Type ${contentType}`;
          const data = (JSON.parse(body) as { data?: { message?: unknown; id?: unknown } }).data;
          return data?.message === 'Hey added from the api' && typeof data.id === 'number' ? undefined : 'no data.message and data.id in the answer';
        },
      },
    },
    {
      key: 'add-soap12-sample',
      label: 'AddChatMessage, SOAP 1.2 doc sample',
      request: addChatMessageSample(),
      expect: succeeded(true, 'the stored message', storedMessage),
    },
    {
      key: 'get-10',
      label: 'GetChatMessages, 10 msgs',
      request: getChatMessagesSoap11(SESSION_10, 0),
      expect: succeeded(false, '10 messages', messageCount(10)),
    },
    {
      key: 'get-100',
      label: 'GetChatMessages, 100 msgs',
      request: getChatMessagesSoap11(SESSION_100, 0),
      expect: succeeded(false, '100 messages', messageCount(100)),
    },
    {
      key: 'get-1000',
      label: 'GetChatMessages, 1,000 msgs',
      request: getChatMessagesSoap11(SESSION_1000, 0),
      expect: succeeded(false, '1,000 messages', messageCount(1000)),
    },
    {
      // At 50 connections a 355 KB answer queues behind 49 others, even from the bare server: the latency of one request is read here.
      key: 'get-1000-1c',
      label: 'GetChatMessages, 1,000 msgs, 1 connection',
      request: getChatMessagesSoap11(SESSION_1000, 0),
      expect: succeeded(false, '1,000 messages', messageCount(1000)),
      connections: 1,
    },
    {
      key: 'get-session',
      label: 'GetChatSessionEntity',
      request: sessionSoap11('GetChatSessionEntity', `<c:ChatSessionEntityId>${SESSION_WITH_AGENT}</c:ChatSessionEntityId>`),
      expect: succeeded(false, 'the session', (body) => (body.includes(`<ChatSessionId>${SESSION_WITH_AGENT}</ChatSessionId>`) ? undefined : 'not the session asked for')),
    },
    {
      // A pick-up changes the session: each connection picks up a queued session of the pool and resets it, in turn.
      key: 'pickup',
      label: 'PickUpChatSession, then ResetChatSession',
      request: sessionSoap11('PickUpChatSession', `<c:ChatSessionId>${PICKUP_VALIDATION_SESSION}</c:ChatSessionId>`),
      cycle: {
        requests: [sessionSoap11('PickUpChatSession', '<c:ChatSessionId>{session}</c:ChatSessionId>'), sessionSoap11('ResetChatSession', '<c:ChatSessionId>{session}</c:ChatSessionId>')],
        firstSession: PICKUP_POOL_FIRST,
        sessions: PICKUP_POOL_SIZE,
      },
      expect: succeeded(false, 'the session picked up, or nil once it is not queued', () => undefined),
    },
    {
      key: 'invalid-ticket',
      label: 'invalid ticket (GetChatMessages)',
      request: getChatMessagesSoap11(SESSION_10, 0, '7T:notAKnownTicket=='),
      expect: {
        status: 200,
        what: '200, Succeeded=false, SoAuthenticationException',
        check: (body, contentType) =>
          contentTypeProblem(contentType, false) ??
          (!/<Succeeded[^>]*>false<\/Succeeded>/.test(body)
            ? 'no <Succeeded>false</Succeeded>'
            : body.includes('<ExceptionType>SoAuthenticationException</ExceptionType>')
              ? undefined
              : 'no ExceptionType SoAuthenticationException'),
      },
    },
    {
      key: 'fault-unknown-action',
      label: 'fault: unknown SOAPAction',
      request: addChatMessageSoap11(`${CHAT_ACTION}/NoSuchOperation`),
      expect: {
        status: 500,
        what: '500, fault a:ActionNotSupported',
        check: (body, contentType) =>
          contentTypeProblem(contentType, false) ??
          (body.includes('a:ActionNotSupported</faultcode>') ? undefined : 'no a:ActionNotSupported faultcode'),
      },
    },
  ];
}

/** The scale run's query: the last SCALE_PAGE messages of a session holding all `total` messages of the store. */
export function scaleOperation(total: number): Operation {
  const page = Math.min(SCALE_PAGE, total);
  return {
    key: `get-last-${page}-of-${total}`,
    label: `GetChatMessages, last ${page} of ${total.toLocaleString('en-US')}`,
    request: getChatMessagesSoap11(SESSION_SCALE, total - page),
    expect: succeeded(false, `${page} messages`, messageCount(page)),
  };
}
