import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Clock } from '../../src/clock.js';
import { instantFromEpochMilliseconds } from '../../src/contract/datetime.js';
import { WCF_ARRAYS_NS } from '../../src/contract/namespaces.js';
import { SO_PRINCIPAL_CARRIER_FIELDS } from '../../src/contract/principal.js';
import type { FixturesDocument } from '../../src/index.js';
import { useEmulator } from '../support/emulator.js';
import { expectDispatcherFault, expectExceptionInfo } from '../support/assertions.js';
import {
  addChatMessageBody,
  envelope,
  getChatMessagesBody,
  loginBody,
  post,
  postSoap,
  readAnswer,
  SAMPLE_TOKEN,
  textOf,
  type Answer,
  type Credentials,
  type Node,
  type Version,
} from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: ['7T:fixture=='],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    // The published request sample logs in with an empty UserName and Password.
    default: { users: [{ UserName: '', Password: '', AssociateId: 1 }] },
    Cust12345: {
      users: [{ UserName: 'agent', Password: 'S3cret!', AssociateId: 7, FullName: 'Kari Nordmann', EMailAddress: 'kari@example.com', FunctionRights: ['chat'], SecondaryGroups: [2, 3] }],
    },
    Cust67890: { users: [{ UserName: 'agent', Password: 'other', AssociateId: 8 }] },
  },
};

const TTL_SECONDS = 60;
/** 2021-03-25T21:36:53Z: the emulator's clock, moved by the tests. */
const START_MS = Date.UTC(2021, 2, 25, 21, 36, 53);

function sample(name: string): Buffer {
  return readFileSync(new URL(`../../../test/samples/${name}`, import.meta.url));
}

/** The ticket's text, decoded here independently of the emulator's code: UTF-16LE behind `7T:` and base64. */
function decodedTicket(ticket: string): string {
  expect(ticket.startsWith('7T:')).to.equal(true);
  return Buffer.from(ticket.slice(3), 'base64').toString('utf16le');
}

function authenticateResponse(answer: Answer): Node {
  return readAnswer(answer.text).body['AuthenticateResponse'] as Node;
}

function ticketOf(answer: Answer): string {
  const response = authenticateResponse(answer);
  expect(response['AuthenticationSucceeded']).to.equal('true');
  return textOf((response['Credentials'] as Node)['Ticket']);
}

/** A failed login as the emulator answers it: no principal, no ticket, AuthenticationSucceeded=false. */
function expectNoLogin(response: Node): void {
  expect(response['Response']).to.deep.equal({ '@nil': 'true' });
  expect(response['Credentials']).to.deep.equal({ '@nil': 'true' });
  expect(response['AuthenticationSucceeded']).to.equal('false');
}

describe('SoPrincipal.svc AuthenticateUsernamePassword (online mode)', () => {
  let nowMs = START_MS;
  const clock: Clock = { now: () => instantFromEpochMilliseconds(nowMs) };
  const emulator = useEmulator({ fixtures: FIXTURES, clock, ticketTtlSeconds: TTL_SECONDS });
  beforeEach(() => {
    nowMs = START_MS;
  });

  const principalUrl = (tenant?: string) => `${emulator.current.url}${tenant === undefined ? '' : `/${tenant}`}/Remote/Services88/SoPrincipal.svc`;
  const chatUrl = (tenant?: string) => `${emulator.current.url}${tenant === undefined ? '' : `/${tenant}`}/Remote/Services88/Chat.svc`;

  function login(tenant: string | undefined, userName: string | null, password: string | null, credentials: Credentials = {}, version: Version = '1.1'): Promise<Answer> {
    return postSoap(principalUrl(tenant), 'AuthenticateUsernamePassword', envelope(version, loginBody(userName, password), { ticket: null, ...credentials }), { version });
  }

  function readMessages(tenant: string | undefined, ticket: string): Promise<Answer> {
    return postSoap(chatUrl(tenant), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket }));
  }

  it('logs the published request sample in, byte for byte, and answers in SOAP 1.2 with the published shape', async () => {
    const answer = await post(principalUrl(), sample('AuthenticateUsernamePassword.request.xml'), { 'Content-Type': 'application/soap+xml; charset=utf-8' });
    expect(answer.status).to.equal(200);
    expect(answer.contentType).to.equal('application/soap+xml; charset=utf-8');
    const read = readAnswer(answer.text);
    expect(read.headers['Succeeded']).to.equal('true');
    expect(read.headers['ExceptionInfo']).to.deep.equal({ '@nil': 'true' });
    const ours = authenticateResponse(answer);
    const published = readAnswer(sample('AuthenticateUsernamePassword.response.xml').toString('utf8')).body['AuthenticateResponse'] as Node;
    const names = (node: Node) => Object.keys(node).filter((name) => !name.startsWith('@') && name !== '#text');
    expect(names(ours)).to.deep.equal(names(published));
    expect(names(ours['Response'] as Node)).to.deep.equal(names(published['Response'] as Node));
    expect(names(ours['Response'] as Node)).to.deep.equal([...SO_PRINCIPAL_CARRIER_FIELDS]);
    expect((ours['Response'] as Node)['AssociateId']).to.equal('1');
    expect(decodedTicket(ticketOf(answer))).to.match(/^[0-9a-f]{32};[0-9]{7}$/);
  });

  it('issues a ticket that works on Chat.svc in its own tenant', async () => {
    const ticket = ticketOf(await login('Cust12345', 'agent', 'S3cret!'));
    const added = await postSoap(chatUrl('Cust12345'), 'AddChatMessage', envelope('1.1', addChatMessageBody('1', { Message: 'hej' }), { ticket }));
    expect(readAnswer(added.text).headers['Succeeded']).to.equal('true');
    expect(readAnswer((await readMessages('Cust12345', ticket)).text).headers['Succeeded']).to.equal('true');
  });

  it("refuses that ticket in another tenant and in the default tenant, and the default tenant's ticket in a CustId tenant", async () => {
    const ticket = ticketOf(await login('Cust12345', 'agent', 'S3cret!'));
    for (const tenant of ['Cust67890', undefined]) {
      const message = `The ticket is not known in tenant '${tenant ?? 'default'}'.`;
      expectExceptionInfo(await readMessages(tenant, ticket), 'GetChatMessagesResponse', 'SoAuthenticationException', message);
    }
    const onsiteTicket = ticketOf(await login(undefined, '', ''));
    expectExceptionInfo(await readMessages('Cust12345', onsiteTicket), 'GetChatMessagesResponse', 'SoAuthenticationException', "The ticket is not known in tenant 'Cust12345'.");
  });

  it('gives a ticket in the shape SuperOffice issues: 7T: + base64 of UTF-16LE <32 hex>;<number>;<CustId>, new at each login', async () => {
    const first = ticketOf(await login('Cust12345', 'agent', 'S3cret!'));
    const second = ticketOf(await login('Cust12345', 'agent', 'S3cret!'));
    expect(first).to.match(/^7T:[A-Za-z0-9+/]+={0,2}$/);
    expect(decodedTicket(first)).to.match(/^[0-9a-f]{32};[0-9]{7};Cust12345$/);
    expect(second).not.to.equal(first);
  });

  it("fills the SoPrincipalCarrier from the fixture user, arrays in WCF's Arrays namespace", async () => {
    const answer = await login('Cust12345', 'agent', 'S3cret!');
    const carrier = authenticateResponse(answer)['Response'] as Node;
    expect(carrier).to.deep.include({
      UserType: 'InternalAssociate',
      Associate: 'agent',
      AssociateId: '7',
      IsPerson: 'true',
      RoleType: 'Employee',
      FullName: 'Kari Nordmann',
      EMailAddress: 'kari@example.com',
      EjUserStatus: 'StatusNone',
      RoleName: '',
    });
    expect(answer.text).to.include('<Licenses/>');
    expect(answer.text).to.include(`<FunctionRights xmlns:a="${WCF_ARRAYS_NS}"><a:string>chat</a:string></FunctionRights>`);
    expect(answer.text).to.include('<ProvidedCredentials/>');
    expect(answer.text).to.include(`<SecondaryGroups xmlns:a="${WCF_ARRAYS_NS}"><a:int>2</a:int><a:int>3</a:int></SecondaryGroups>`);
    expect(answer.text).to.include('<AuthenticationSucceeded>true</AuthenticationSucceeded>');
  });

  it('takes the user name in any case, the password only exactly', async () => {
    expect(authenticateResponse(await login('Cust12345', 'AGENT', 'S3cret!'))['AuthenticationSucceeded']).to.equal('true');
    expectNoLogin(authenticateResponse(await login('Cust12345', 'agent', 's3cret!')));
  });

  for (const [name, userName, password] of [
    ['a wrong password', 'agent', 'wrong'],
    ['an unknown user', 'nobody', 'S3cret!'],
    ["another tenant's user", 'agent', 'other'],
    ['a nil user name', null, 'S3cret!'],
    ['a nil password', 'agent', null],
  ] as const) {
    it(`answers ${name} with AuthenticationSucceeded=false, no ticket, and Succeeded=true (the call itself worked)`, async () => {
      const answer = await login('Cust12345', userName, password);
      expect(answer.status).to.equal(200);
      const read = readAnswer(answer.text);
      expect(read.headers['Succeeded']).to.equal('true');
      expect(read.headers['ExceptionInfo']).to.deep.equal({ '@nil': 'true' });
      expectNoLogin(authenticateResponse(answer));
      if (password !== null) expect(answer.text).not.to.include(password);
    });
  }

  it('refuses a login without an ApplicationToken, or with an unknown one, as an application error', async () => {
    for (const [token, message] of [
      [null, 'No ApplicationToken header'],
      ['wrong-token', "The ApplicationToken is not known in tenant 'Cust12345'."],
    ] as const) {
      const answer = await login('Cust12345', 'agent', 'S3cret!', { token });
      expectExceptionInfo(answer, 'AuthenticateResponse', 'SoApplicationTokenException', message);
      expectNoLogin(authenticateResponse(answer));
      expect(answer.text).not.to.include('wrong-token');
    }
  });

  it('lets a ticket expire after the TTL, on the emulator clock, with SoTicketExpiredException; a new login gives a working one', async () => {
    const ticket = ticketOf(await login('Cust12345', 'agent', 'S3cret!'));
    nowMs = START_MS + TTL_SECONDS * 1000 - 1;
    expect(readAnswer((await readMessages('Cust12345', ticket)).text).headers['Succeeded']).to.equal('true');
    nowMs = START_MS + TTL_SECONDS * 1000;
    expectExceptionInfo(
      await readMessages('Cust12345', ticket),
      'GetChatMessagesResponse',
      'SoTicketExpiredException',
      'The ticket has expired: log in again (SoPrincipal.svc AuthenticateUsernamePassword) for a new one.',
    );
    const fresh = ticketOf(await login('Cust12345', 'agent', 'S3cret!'));
    expect(readAnswer((await readMessages('Cust12345', fresh)).text).headers['Succeeded']).to.equal('true');
  });

  it('keeps fixture tickets valid whatever the clock says', async () => {
    nowMs = Date.UTC(9998, 11, 31);
    expect(readAnswer((await readMessages('Cust12345', '7T:fixture==')).text).headers['Succeeded']).to.equal('true');
  });

  it('answers in SOAP 1.2 with a Header element, as in 1.1', async () => {
    const answer = await login('Cust12345', 'agent', 'S3cret!', {}, '1.2');
    expect(answer.contentType).to.equal('application/soap+xml; charset=utf-8');
    expect(decodedTicket(ticketOf(answer))).to.match(/;Cust12345$/);
  });

  it("refuses a Chat action at SoPrincipal.svc and SoPrincipal's action at Chat.svc, as a WCF endpoint does", async () => {
    const chatAtPrincipal = await postSoap(principalUrl(), 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0')));
    expectDispatcherFault(chatAtPrincipal, '1.1', 'ActionNotSupported', [
      "The message with Action 'http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/GetChatMessages' cannot be processed",
      'This endpoint supports: http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/GetSystemInfo, http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateImplicit, http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePassword, http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateGeneric, http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateWithAccessToken.',
    ]);
    const loginAtChat = await postSoap(chatUrl(), 'AuthenticateUsernamePassword', envelope('1.1', loginBody('', '')));
    expectDispatcherFault(loginAtChat, '1.1', 'ActionNotSupported', ['SoPrincipal/AuthenticateUsernamePassword', 'This endpoint supports: ']);
  });

  it('serves its WSDL at ?wsdl and ?singleWsdl with soap:address pointing where it was fetched', async () => {
    for (const query of ['wsdl', 'singleWsdl']) {
      const response = await fetch(`${principalUrl('Cust12345')}?${query}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('text/xml; charset=utf-8');
      const text = await response.text();
      expect(text).to.include('<wsdl:definitions name="WcfSoPrincipalService"');
      expect(text).to.include(`<soap:address location="${principalUrl('Cust12345')}" />`);
    }
  });
});

describe('SoPrincipal.svc AuthenticateUsernamePassword (onsite mode)', () => {
  const emulator = useEmulator({ fixtures: FIXTURES, mode: 'onsite' });

  it('logs in without an ApplicationToken or with any, and the ticket works without one', async () => {
    const principalUrl = `${emulator.current.url}/Remote/Services88/SoPrincipal.svc`;
    for (const token of [null, 'anything']) {
      const answer = await postSoap(principalUrl, 'AuthenticateUsernamePassword', envelope('1.1', loginBody('', ''), { token, ticket: null }));
      const ticket = ticketOf(answer);
      const read = await postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { token: null, ticket }));
      expect(readAnswer(read.text).headers['Succeeded']).to.equal('true');
    }
  });
});
