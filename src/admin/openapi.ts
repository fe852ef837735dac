import { ACQUIRE_OPERATIONS } from '../acquire/operations.js';
import { chatMessageType } from '../contract/chat-message.js';
import { OPERATION_NAMES } from '../contract/operations.js';
import { principalCarrierType, SO_PRINCIPAL_CARRIER_FIELDS } from '../contract/principal.js';
import { schemaOf } from '../contract/schemas.js';
import { clark, XS_NS } from '../contract/wsdl-model.js';
import { DEFAULT_JOURNAL_SIZE } from '../journal/journal.js';
import { recordType } from '../store/records.js';
import { OpenApiComponents, type OpenApiSchema } from './json-schema.js';

/**
 * The admin API's OpenAPI 3.0 description, served at /__admin/openapi.json. The contract's types in it (a chat
 * message, a fixture user's principal) are derived from the WSDLs; the admin API's own are written here.
 */

const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => json(ref('Error'), description);
const tenantQuery = {
  name: 'tenant',
  in: 'query',
  required: false,
  description: 'A tenant: `default` for /Remote/Services88/..., otherwise the CustId of /<CustId>/Remote/Services88/....',
  schema: { type: 'string' },
};

/** The contract's schemas the admin API uses: ChatMessage, and a fixture tenant's sessions, messages and users. */
function contractSchemas(): { readonly components: { readonly [name: string]: OpenApiSchema }; readonly tenant: OpenApiSchema } {
  const components = new OpenApiComponents();
  components.schemaOf(chatMessageType());
  const session = components.schemaOf(recordType('sessions'));
  const carrier = principalCarrierType();
  const principal = Object.fromEntries(
    SO_PRINCIPAL_CARRIER_FIELDS.flatMap((name, i) => (name === 'Licenses' || name === 'ProvidedCredentials' ? [] : [[name, components.propertyOf(carrier, i)]])),
  );
  const strings = { type: 'array', items: { type: 'string', minLength: 1 } };
  const user = {
    type: 'object',
    description: 'A user who logs in at SoPrincipal.svc, and any field of the SoPrincipalCarrier the login answers (the others as a real employee has them).',
    required: ['UserName', 'Password'],
    properties: { UserName: { type: 'string' }, Password: { type: 'string' }, ...principal, tickets: { ...strings, description: 'Tickets that speak for this user without a login.' } },
    additionalProperties: false,
  };
  const tenant = {
    type: 'object',
    properties: {
      tickets: strings,
      applicationTokens: strings,
      bearerTokens: strings,
      sessions: { type: 'array', description: 'Session ids, or whole sessions.', items: { oneOf: [components.schemaOf(schemaOf('Chat').codec(clark(XS_NS, 'int'))), session] } },
      messages: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/ChatMessage' }], description: 'ChatMessageId may be left out: the tenant\'s next id.' } },
      users: { type: 'array', items: user },
      acquire: { type: 'object', description: 'The tenant as an Acquire.io account: apiKeys, users, contacts, cases, messages (see the README).' },
    },
    additionalProperties: false,
  };
  return { components: components.all(), tenant };
}

const CONTRACT = contractSchemas();

export const ADMIN_OPENAPI = {
  openapi: '3.0.3',
  info: {
    title: 'services88-chat-emulator admin API',
    version: '1',
    description:
      'Reset and seed the emulator between tests, read the request journal, control the clock and inject faults. ' +
      'When the emulator was started with --admin-token, every request needs `Authorization: Bearer <token>`.',
  },
  servers: [{ url: '/__admin' }],
  security: [{}, { bearer: [] }],
  paths: {
    '/health': { get: { summary: 'The emulator is up.', responses: { 200: json(ref('Health')), 401: error('Missing or wrong admin token.') } } },
    '/reset': {
      post: {
        summary: "Back to the fixtures' state: messages, sessions, id counters, users, issued tickets, journal, faults (and, without a tenant, the clock).",
        parameters: [tenantQuery],
        responses: { 200: json({ type: 'object', properties: { reset: { type: 'string', description: '`everything`, or the tenant.' } } }) },
      },
    },
    '/fixtures': {
      post: {
        summary: 'Load tickets, tokens, users, sessions and messages, in the format of the fixtures file, in addition to what is there.',
        requestBody: { required: true, content: { 'application/json': { schema: ref('Fixtures') } } },
        responses: { 200: json(ref('Loaded')), 400: error('The document is not valid: the message names the field.') },
      },
    },
    '/tenants/{tenant}/sessions': {
      get: {
        summary: "A tenant's chat sessions, in the order they were created.",
        parameters: [{ name: 'tenant', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: json({ type: 'object', properties: { tenant: { type: 'string' }, sessions: { type: 'array', items: ref('ChatSessionEntity') } } }) },
      },
    },
    '/tenants/{tenant}/sessions/{chatSessionId}/messages': {
      get: {
        summary: "A chat session's stored messages.",
        parameters: [
          { name: 'tenant', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'chatSessionId', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } },
        ],
        responses: {
          200: json({ type: 'object', properties: { tenant: { type: 'string' }, chatSessionId: { type: 'integer' }, messages: { type: 'array', items: ref('ChatMessage') } } }),
          404: error('The tenant has no such session.'),
        },
      },
    },
    '/tenants/{tenant}/acquire/messages': {
      get: {
        summary: "The messages of the tenant's Acquire.io account, in id order.",
        parameters: [{ name: 'tenant', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: json({ type: 'object', properties: { tenant: { type: 'string' }, messages: { type: 'array', items: { type: 'object' } } } }),
          404: error('The tenant is not an Acquire.io account.'),
        },
      },
    },
    '/webhooks': {
      get: { summary: "Every tenant's webhooks (secrets not shown).", responses: { 200: json({ type: 'object', properties: { webhooks: { type: 'array', items: { type: 'object' } } } }) } },
    },
    '/webhooks/deliveries': {
      get: {
        summary: 'The webhook deliveries, oldest first, each with its tries; with wait, once count deliveries the filter takes have been tried.',
        parameters: [
          tenantQuery,
          { name: 'event', in: 'query', required: false, schema: { type: 'string', enum: ['chatsession.created', 'chatsession.changed', 'chatsession.message'] } },
          { name: 'after', in: 'query', required: false, description: 'Only deliveries with a greater id.', schema: { type: 'integer', minimum: 0 } },
          { name: 'wait', in: 'query', required: false, description: 'Milliseconds to wait, at most 60000.', schema: { type: 'integer', minimum: 0, maximum: 60000 } },
          { name: 'count', in: 'query', required: false, description: 'How many tried deliveries to wait for (default 1).', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: { 200: json({ type: 'object', properties: { deliveries: { type: 'array', items: { type: 'object' } }, dropped: { type: 'integer' } } }), 400: error('A bad query value.') },
      },
    },
    '/webhooks/faults': {
      get: { summary: 'The faults injected into deliveries, still waiting.', responses: { 200: json({ type: 'object', properties: { faults: { type: 'array', items: { type: 'object' } } } }) } },
      post: {
        summary: 'Inject a fault into the next `times` deliveries (of a tenant): delayMs first, then drop (a failed try) or httpStatus (answered in the receiver\'s place).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { tenant: { type: 'string' }, times: { type: 'integer', minimum: 1, default: 1 }, delayMs: { type: 'integer', minimum: 0, maximum: 60000 }, drop: { type: 'boolean', enum: [true] }, httpStatus: { type: 'integer', minimum: 100, maximum: 599 } },
                additionalProperties: false,
              },
            },
          },
        },
        responses: { 200: json({ type: 'object', properties: { fault: { type: 'object' } } }), 400: error('The fault is not valid: the message names the field.') },
      },
      delete: { summary: 'Clear the faults injected into deliveries.', responses: { 200: json({ type: 'object', properties: { cleared: { type: 'integer' } } }) } },
    },
    '/requests': {
      get: {
        summary: `The request journal (the last --journal-size requests, ${DEFAULT_JOURNAL_SIZE} by default), oldest first.`,
        parameters: [
          tenantQuery,
          { name: 'operation', in: 'query', required: false, schema: { type: 'string', enum: [...OPERATION_NAMES, ...ACQUIRE_OPERATIONS] } },
          { name: 'since', in: 'query', required: false, description: 'An xs:dateTime, by the emulator clock.', schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, description: 'At most this many: the newest.', schema: { type: 'integer', minimum: 0 } },
        ],
        responses: { 200: json({ type: 'object', properties: { requests: { type: 'array', items: ref('JournalEntry') }, dropped: { type: 'integer' } } }) },
      },
      delete: { summary: 'Empty the journal.', responses: { 200: json({ type: 'object', properties: { cleared: { type: 'boolean' } } }) } },
    },
    '/clock': {
      get: { summary: 'The emulator clock.', responses: { 200: json(ref('Clock')) } },
      put: {
        summary: 'Stop the clock at an instant (`now`), or move it by an offset (`offsetMs`). Used for WhenPosted stamps and ticket expiry.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { type: 'object', required: ['now'], properties: { now: { type: 'string', example: '2021-03-25T21:36:53Z' } }, additionalProperties: false },
                  { type: 'object', required: ['offsetMs'], properties: { offsetMs: { type: 'integer' } }, additionalProperties: false },
                ],
              },
            },
          },
        },
        responses: { 200: json(ref('Clock')), 400: error('Neither or both of now and offsetMs, or a bad value.') },
      },
      delete: { summary: 'Back to real time.', responses: { 200: json(ref('Clock')) } },
    },
    '/faults': {
      get: { summary: 'The injected faults still waiting.', responses: { 200: json({ type: 'object', properties: { faults: { type: 'array', items: ref('Fault') } } }) } },
      post: {
        summary: 'Inject a fault for the next `times` calls that match tenant and operation.',
        requestBody: { required: true, content: { 'application/json': { schema: ref('FaultSpec') } } },
        responses: { 200: json({ type: 'object', properties: { fault: ref('Fault') } }), 400: error('The fault is not valid: the message names the field.') },
      },
      delete: { summary: 'Clear every injected fault.', responses: { 200: json({ type: 'object', properties: { cleared: { type: 'integer' } } }) } },
    },
    '/openapi.json': { get: { summary: 'This document.', responses: { 200: json({ type: 'object' }) } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' } } } } },
      Health: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, uptimeSeconds: { type: 'integer' }, clock: ref('Clock') } },
      Clock: {
        type: 'object',
        properties: { now: { type: 'string' }, mode: { type: 'string', enum: ['base', 'fixed', 'offset'] }, offsetMs: { type: 'integer' } },
      },
      ...CONTRACT.components,
      Fixtures: {
        type: 'object',
        description: 'The format of the fixtures file (README, "Fixtures").',
        properties: {
          tickets: { type: 'array', items: { type: 'string' } },
          applicationTokens: { type: 'array', items: { type: 'string' } },
          bearerTokens: { type: 'array', items: { type: 'string' } },
          tenants: { type: 'object', description: 'By tenant: `default`, or a CustId.', additionalProperties: CONTRACT.tenant },
        },
        additionalProperties: false,
      },
      Loaded: {
        type: 'object',
        properties: {
          loaded: {
            type: 'object',
            properties: Object.fromEntries(['tickets', 'applicationTokens', 'bearerTokens', 'tenants', 'sessions', 'messages', 'users'].map((key) => [key, { type: 'integer' }])),
          },
        },
      },
      JournalEntry: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          time: { type: 'string' },
          tenant: { type: 'string' },
          service: { type: 'string', enum: ['Chat', 'SoPrincipal', 'WebApi'] },
          operation: { type: 'string', nullable: true },
          soapVersion: { type: 'string', nullable: true, enum: ['1.1', '1.2'] },
          headers: { type: 'object', properties: { ApplicationToken: { type: 'string', nullable: true }, Ticket: { type: 'string', nullable: true } } },
          arguments: { description: 'The parsed arguments; passwords as ***.' },
          status: { type: 'integer', nullable: true, description: 'null: the connection was dropped.' },
          outcome: { type: 'string', enum: ['ok', 'application error', 'fault', 'http error', 'injected'] },
          error: { type: 'object', nullable: true, properties: { code: { type: 'string' }, exceptionType: { type: 'string' }, message: { type: 'string' } } },
          durationMs: { type: 'number' },
          warnings: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
      FaultSpec: {
        type: 'object',
        description: 'At most one of exceptionInfo, soapFault, httpStatus, drop, truncate; delayMs may go with any, or alone.',
        properties: {
          tenant: { type: 'string' },
          operation: { type: 'string', enum: [...OPERATION_NAMES, ...ACQUIRE_OPERATIONS] },
          times: { type: 'integer', minimum: 1, default: 1 },
          delayMs: { type: 'integer', minimum: 0, maximum: 60000 },
          exceptionInfo: { type: 'object', properties: { exceptionType: { type: 'string' }, message: { type: 'string' }, friendlyText: { type: 'string' } } },
          soapFault: { type: 'object', properties: { code: { type: 'string', enum: ['Client', 'Server', 'Sender', 'Receiver'] }, message: { type: 'string' } } },
          httpStatus: { type: 'integer', minimum: 200, maximum: 599 },
          drop: { type: 'boolean', enum: [true] },
          truncate: { type: 'boolean', enum: [true] },
        },
        additionalProperties: false,
      },
      Fault: { allOf: [ref('FaultSpec'), { type: 'object', properties: { id: { type: 'integer' }, remaining: { type: 'integer' } } }] },
    },
  },
} as const;
