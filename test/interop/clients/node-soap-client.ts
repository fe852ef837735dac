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
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
