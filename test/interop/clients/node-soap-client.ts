/**
 * The node-soap client stack, following test/interop/CLIENTS.md: run as
 * `node dist/test/interop/clients/node-soap-client.js --wsdl W --address A --fault-address F --soap 1.1|1.2 --token T --ticket T --session N`.
 * Written as an outside client would be: it imports nothing from the emulator, so it proves the contract, not our code.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import soap from 'soap';

const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
const FIELDS = ['ChatMessageId', 'ChatSessionId', 'Type', 'Message', 'Author', 'ReadByCustomer', 'SpecialType', 'SpecialParam', 'WhenPosted'] as const;

type Fields = Record<string, unknown>;

const { values: args } = parseArgs({
  options: {
    wsdl: { type: 'string' },
    address: { type: 'string' },
    'fault-address': { type: 'string' },
    soap: { type: 'string' },
    token: { type: 'string' },
    ticket: { type: 'string' },
    session: { type: 'string' },
    'agent-ticket': { type: 'string' },
    'other-ticket': { type: 'string' },
  },
});

function required(name: keyof typeof args): string {
  const value = args[name];
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

async function client(address: string, ticket: string): Promise<soap.Client> {
  // forceSoap12Headers: node-soap's switch for the SOAP 1.2 envelope and Content-Type, whatever the WSDL binds.
  const chat = await soap.createClientAsync(required('wsdl'), { forceSoap12Headers: required('soap') === '1.2' });
  chat.setEndpoint(address);
  chat.addSoapHeader({ ApplicationToken: required('token') }, '', 'tns', NS);
  chat.addSoapHeader({ Credentials: { Ticket: ticket } }, '', 'tns', NS);
  return chat;
}

/** node-soap gives xs:dateTime as a JS Date (milliseconds) and numbers as numbers; nil comes back absent or as an attributes object. */
function message(value: Fields | undefined): Fields {
  const out: Fields = {};
  for (const field of FIELDS) {
    const v = value?.[field];
    out[field] = v instanceof Date ? v.toISOString() : v === undefined || (typeof v === 'object' && v !== null) ? null : v;
  }
  return out;
}

async function main(): Promise<void> {
  const session = Number(required('session'));
  const chat = await client(required('address'), required('ticket'));
  const [added] = (await chat.AddChatMessageAsync({
    ChatSessionId: session,
    Message: {
      Type: 'ToUser',
      Message: 'Hej Æøå <&> "q"',
      Author: 'Kari Nordmann',
      ReadByCustomer: 1,
      SpecialType: 'None',
      // node-soap writes a Date as an empty element, so the date goes as the xs:dateTime text.
      WhenPosted: '2021-03-25T21:36:53.123456+02:00',
    },
  })) as [Fields];
  const [read] = (await chat.GetChatMessagesAsync({ ChatSessionId: session, After: 0 })) as [Fields];
  const list = ((read['Response'] as Fields | undefined)?.['ChatMessage'] ?? []) as Fields[];

  const invalid = await client(required('address'), 'invalid-ticket');
  const [, , headers] = (await invalid.GetChatMessagesAsync({ ChatSessionId: session, After: 0 })) as [unknown, unknown, Fields];
  const exceptionInfo = headers['ExceptionInfo'] as Fields | undefined;

  const faulting = await client(required('fault-address'), 'invalid-ticket');
  let invalidTicketFault: Fields = { code: null, message: null };
  try {
    await faulting.GetChatMessagesAsync({ ChatSessionId: session, After: 0 });
  } catch (error) {
    const fault = (error as { root?: { Envelope?: { Body?: { Fault?: Fields } } } }).root?.Envelope?.Body?.Fault ?? {};
    const code = fault['faultcode'] ?? ((fault['Code'] as Fields | undefined)?.['Value'] as unknown);
    invalidTicketFault = { code: code ?? null, message: (error as Error).message };
  }

  const sessionFlow = await playSessionFlow();
  const version = (createRequire(import.meta.url)('soap/package.json') as { version: string }).version;
  process.stdout.write(
    `${JSON.stringify({
      stack: 'node-soap',
      stackVersion: version,
      soap: required('soap'),
      added: message(added['Response'] as Fields),
      read: list.map(message),
      invalidTicket: { succeeded: headers['Succeeded'], exceptionType: exceptionInfo?.['ExceptionType'] ?? null, message: exceptionInfo?.['Message'] ?? null },
      invalidTicketFault,
      sessionFlow,
    })}\n`,
  );
}

/**
 * 5. The session flow: created by the customer's side, picked up, messages both ways, transferred, accepted, closed
 * by saving the session as Finished, the transcript read.
 */
async function playSessionFlow(): Promise<Fields> {
  const customer = await client(required('address'), required('ticket'));
  const agent = await client(required('address'), required('agent-ticket'));
  const other = await client(required('address'), required('other-ticket'));
  const response = async (chat: soap.Client, operation: string, args: object): Promise<Fields> => {
    const [result] = (await (chat[`${operation}Async`] as (a: object) => Promise<[Fields]>)(args)) as [Fields];
    return result['Response'] as Fields;
  };
  const created = await response(customer, 'SaveChatSessionEntity', { ChatSessionEntity: { ChatSessionId: 0, CustomerName: 'Anne' } });
  const id = created['ChatSessionId'];
  const picked = await response(agent, 'PickUpChatSession', { ChatSessionId: id });
  await agent.AddChatMessageAsync({ ChatSessionId: id, Message: { Type: 'ToCustomer', Message: 'How can I help?', Author: 'Kari', ReadByCustomer: 0, SpecialType: 'None' } });
  await customer.AddChatMessageAsync({ ChatSessionId: id, Message: { Type: 'ToUser', Message: 'My order is late.', Author: 'Anne', ReadByCustomer: 0, SpecialType: 'None' } });
  const offered = await response(agent, 'TransferChatSession', { ChatSessionId: id, ToAssociate: 'ola' });
  const accepted = await response(other, 'AcceptChatSessionTransfer', { ChatSessionId: id });
  const stored = await response(other, 'GetChatSessionEntity', { ChatSessionEntityId: id });
  const closed = await response(other, 'SaveChatSessionEntity', { ChatSessionEntity: { ...(toWire(stored) as Fields), Status: 'Finished' } });
  const [transcript] = (await other.GetChatTranscriptAsync({ ChatSessionId: id, Html: false })) as [Fields];
  return {
    created: { ChatSessionId: id, Status: created['Status'], CustomerName: created['CustomerName'] },
    picked: { Status: picked['Status'], User: (picked['User'] as Fields)['AssociateId'] },
    offeredTo: (offered['TransferTo'] as Fields)['AssociateId'],
    acceptedBy: (accepted['User'] as Fields)['AssociateId'],
    closed: { Status: closed['Status'], CustomerName: closed['CustomerName'] },
    transcript: transcript['Response'],
  };
}

/**
 * A value node-soap read, made fit to send back: it writes a Date as an empty element, so a date goes as its text,
 * and a nil or empty element it read (null, or an object of attributes alone) is left out: the service reads an
 * absent element as its default, where it refuses nil for a type that cannot be nil (the empty Flags).
 */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value !== 'object' || value === null) return value;
  const isNil = (field: unknown) => field === null || (typeof field === 'object' && !(field instanceof Date) && !Array.isArray(field) && Object.keys(field as Fields).every((k) => k === 'attributes'));
  const entries = Object.entries(value as Fields).filter(([key, field]) => key !== 'attributes' && !isNil(field));
  return Object.fromEntries(entries.map(([key, field]) => [key, toWire(field)]));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
