import { expect } from 'chai';
import type { FixturesDocument } from '../../src/index.js';
import { useEmulator } from '../support/emulator.js';
import { envelope, getChatMessagesBody, postSoap, readAnswer, SAMPLE_TICKET, SAMPLE_TOKEN, type Node } from '../support/soap.js';

const FIXTURES: FixturesDocument = {
  tickets: [SAMPLE_TICKET],
  applicationTokens: [SAMPLE_TOKEN],
  tenants: {
    default: {
      sessions: [1],
      bearerTokens: ['8A:default.AccessToken'],
      users: [{ UserName: 'kari', Password: 'k', AssociateId: 5, FullName: 'Kari Nordmann', tickets: ['7T:kari=='] }],
    },
    Cust2: { systemInfo: { CompanyName: 'Acme AS', DatabaseVersion: 42, BuildType: 'Beta' } },
  },
};

/** The logins of SoPrincipal.svc besides AuthenticateUsernamePassword, and its system information. */
describe('SoPrincipal: the other logins, and GetSystemInfo', () => {
  const emulator = useEmulator({ fixtures: FIXTURES, mode: 'online' });
  beforeEach(() => emulator.current.reset());
  const principal = (body: string, ticket: string | null = null, tenant = '') => postSoap(`${emulator.current.url}${tenant}/Remote/Services88/SoPrincipal.svc`, null, envelope('1.1', body, { ticket }), { action: null });
  const operationOf = (body: string) => /<c:(\w+)/.exec(body)?.[1] ?? '';

  /** The login's answer: AuthenticationSucceeded, the principal's Associate and AssociateId, and the ticket. */
  async function login(body: string, ticket: string | null = null): Promise<{ succeeded: string; associate: unknown; associateId: unknown; ticket: string | undefined }> {
    const answer = await principal(body, ticket);
    const read = readAnswer(answer.text);
    expect(read.headers['Succeeded'], `${operationOf(body)}: ${answer.text}`).to.equal('true');
    const response = read.body['AuthenticateResponse'] as Node;
    const carrier = response['Response'] as Node;
    const ticketText = ((response['Credentials'] as Node | undefined)?.['Ticket'] as string | undefined) ?? undefined;
    return { succeeded: response['AuthenticationSucceeded'] as string, associate: carrier['Associate'], associateId: carrier['AssociateId'], ticket: ticketText };
  }

  /** Whether a ticket works on Chat.svc: GetChatMessages with it succeeds. */
  async function worksOnChat(ticket: string | undefined): Promise<boolean> {
    const answer = await postSoap(emulator.current.chatUrl, 'GetChatMessages', envelope('1.1', getChatMessagesBody('1', '0'), { ticket: ticket ?? null }));
    return readAnswer(answer.text).headers['Succeeded'] === 'true';
  }

  it('AuthenticateWithAccessToken: a bearer token of the fixtures logs in as the system user; its ticket works on Chat.svc', async () => {
    const done = await login('<c:AuthenticateWithAccessToken><c:AccessToken>8A:default.AccessToken</c:AccessToken></c:AuthenticateWithAccessToken>');
    expect(done).to.deep.include({ succeeded: 'true', associate: 'SYSTEM', associateId: '0' });
    expect(done.ticket).to.match(/^7T:/);
    expect(await worksOnChat(done.ticket)).to.equal(true);
    const refused = await login('<c:AuthenticateWithAccessToken><c:AccessToken>8A:unknown</c:AccessToken></c:AuthenticateWithAccessToken>');
    expect(refused).to.deep.include({ succeeded: 'false', ticket: undefined });
  });

  it('AuthenticateGeneric: UserName and Password (keys in any case), or an AccessToken; anything else fails', async () => {
    const pair = (key: string, value: string) => `<c:AuthenticationGenericDataKeyValuePair><c:Key>${key}</c:Key><c:Value>${value}</c:Value></c:AuthenticationGenericDataKeyValuePair>`;
    const generic = (pairs: string) => `<c:AuthenticateGeneric><c:AuthenticationData>${pairs}</c:AuthenticationData></c:AuthenticateGeneric>`;
    const byPassword = await login(generic(pair('username', 'kari') + pair('Password', 'k')));
    expect(byPassword).to.deep.include({ succeeded: 'true', associate: 'kari', associateId: '5' });
    expect(await worksOnChat(byPassword.ticket)).to.equal(true);
    expect(await login(generic(pair('AccessToken', '8A:default.AccessToken')))).to.deep.include({ succeeded: 'true', associate: 'SYSTEM' });
    expect(await login(generic(pair('UserName', 'kari') + pair('Password', 'wrong')))).to.deep.include({ succeeded: 'false' });
    expect(await login(generic(pair('Pin', '1234')))).to.deep.include({ succeeded: 'false' });
  });

  it('AuthenticateImplicit: a new ticket for whom the request\'s ticket speaks, and it works on Chat.svc', async () => {
    const renewed = await login('<c:AuthenticateImplicit/>', '7T:kari==');
    expect(renewed).to.deep.include({ succeeded: 'true', associate: 'kari', associateId: '5' });
    expect(renewed.ticket).to.not.equal('7T:kari==');
    expect(await worksOnChat(renewed.ticket)).to.equal(true);
    expect(await login('<c:AuthenticateImplicit/>', SAMPLE_TICKET)).to.deep.include({ succeeded: 'true', associate: 'SYSTEM' });
    const without = readAnswer((await principal('<c:AuthenticateImplicit/>')).text);
    expect((without.headers['ExceptionInfo'] as Node)['ExceptionType']).to.equal('SoAuthenticationException');
  });

  it('GetSystemInfo: the emulator\'s own, or the tenant\'s from the fixtures over it', async () => {
    const own = (readAnswer((await principal('<c:GetSystemInfo/>')).text).body['GetSystemInfoResponse'] as Node)['SystemInfo'] as Node;
    expect(own).to.deep.include({ BuildType: 'Release', CompanyName: 'Emulated company', DatabaseName: 'default', IsUnicode: 'true' });
    const answer = await principal('<c:GetSystemInfo/>', null, '/Cust2');
    const fixture = (readAnswer(answer.text).body['GetSystemInfoResponse'] as Node)['SystemInfo'] as Node;
    expect(fixture).to.deep.include({ CompanyName: 'Acme AS', DatabaseVersion: '42', BuildType: 'Beta', DatabaseName: 'Cust2', IsUnicode: 'true' });
  });
});
