import { epochMillisecondsOf } from '../contract/datetime.js';
import type { OperationRequests, OperationResponses, SoSystemInfoCarrier } from '../contract/generated.js';
import { emptyPrincipal, type SoPrincipalCarrier } from '../contract/principal.js';
import { encodeTicket, newTicketParts } from '../contract/ticket.js';
import { DEFAULT_TENANT } from '../store/chat-store.js';
import type { OperationContext } from './context.js';

/**
 * SoPrincipal's logins and system information, independent of how they are called. A login that fails is not an
 * error: the answer says AuthenticationSucceeded=false and carries no ticket. Every login issues a ticket as
 * AuthenticateUsernamePassword does, valid in the tenant for --ticket-ttl and speaking for whom it logged in.
 */

type Login = OperationResponses['AuthenticateUsernamePassword'];

/** The answer to a login that did not succeed: no principal, no ticket. */
const NOT_AUTHENTICATED: Login = { Response: null, Credentials: null, AuthenticationSucceeded: false };

/**
 * Who an access token or a system ticket logs in as: the installation's system user, as NetServer names it. Its
 * ticket speaks for no associate, as a --ticket ticket does.
 */
const SYSTEM_PRINCIPAL: SoPrincipalCarrier = { ...emptyPrincipal('SYSTEM'), UserType: 'SystemAssociate', RoleType: 'System', FullName: 'System', EjUserStatus: 'StatusSystem' };

export function authenticateUsernamePassword(context: OperationContext, request: OperationRequests['AuthenticateUsernamePassword']): Login {
  // A nil UserName or Password logs nobody in, not even a user whose name or password is empty.
  if (request.UserName === null || request.Password === null) return NOT_AUTHENTICATED;
  const principal = context.credentials.authenticate(context.tenant, request.UserName, request.Password);
  return principal === undefined ? NOT_AUTHENTICATED : loggedIn(context, principal, principal);
}

/** An Online access token: one of the tenant's bearer tokens (the fixtures' `bearerTokens`) logs in as the system user. */
export function authenticateWithAccessToken(context: OperationContext, request: OperationRequests['AuthenticateWithAccessToken']): Login {
  if (request.AccessToken === null || !context.credentials.isKnownBearerToken(context.tenant, request.AccessToken)) return NOT_AUTHENTICATED;
  return loggedIn(context, SYSTEM_PRINCIPAL, null);
}

/**
 * The generic login, with its key-value pairs (keys in any case): `UserName` and `Password` log in as
 * AuthenticateUsernamePassword does, `AccessToken` as AuthenticateWithAccessToken does; anything else fails.
 */
export function authenticateGeneric(context: OperationContext, request: OperationRequests['AuthenticateGeneric']): Login {
  const data = new Map((request.AuthenticationData ?? []).map((pair) => [pair.Key?.toLowerCase() ?? '', pair.Value] as const));
  const userName = data.get('username');
  const password = data.get('password');
  if (userName !== undefined && password !== undefined) return authenticateUsernamePassword(context, { UserName: userName, Password: password });
  const accessToken = data.get('accesstoken');
  if (accessToken !== undefined) return authenticateWithAccessToken(context, { AccessToken: accessToken });
  return NOT_AUTHENTICATED;
}

/**
 * The implicit login: whoever the request's ticket already speaks for (its user, or the system user for a system
 * ticket) gets a new ticket. The emulator has no Windows identity to take instead.
 */
export function authenticateImplicit(context: OperationContext): Login {
  return context.user === null ? loggedIn(context, SYSTEM_PRINCIPAL, null) : loggedIn(context, context.user, context.user);
}

/** The tenant's system information: the fixtures' `systemInfo`, over the emulator's own. */
export function getSystemInfo(context: OperationContext): OperationResponses['GetSystemInfo'] {
  return { SystemInfo: context.store.get(context.tenant, 'systemInfo', 0) ?? defaultSystemInfo(context) };
}

/** What the emulator says of itself: a release build of a Unicode database, licensed, named for its tenant. */
export function defaultSystemInfo(context: Pick<OperationContext, 'tenant'>): SoSystemInfoCarrier {
  return {
    TableRight: null,
    FieldProperties: null,
    License: null,
    WarningEnglish: '',
    WarningResource: '',
    BranchName: 'services88-chat-emulator',
    BuildLabel: 'emulator',
    AssemblyVersion: '8.0.0.0',
    AccumulatedNextCheckDate: { epochSeconds: -62_135_596_800, ticks: 0 },
    FileVersion: '8.0.0.0',
    Description: 'SuperOffice NetServer Services88, as the services88-chat-emulator answers it',
    DaysUntilNetServerExpiry: 365,
    BuildType: 'Release',
    DatabaseVersion: 0,
    IsUnicode: true,
    CompanyName: context.tenant === DEFAULT_TENANT ? 'Emulated company' : context.tenant,
    CompanyId: 0,
    DatabaseType: 'MSSQL',
    DatabaseMinor: '',
    DatabaseName: context.tenant,
    IsOnTravel: false,
    IsSatellite: false,
  };
}

/** A ticket for `user` (null: a system ticket), and the principal the answer shows. */
function loggedIn(context: OperationContext, principal: SoPrincipalCarrier, user: SoPrincipalCarrier | null): Login {
  const nowMs = epochMillisecondsOf(context.clock.now());
  // On-site installations have no CustId, and their tickets none either.
  const ticket = encodeTicket(newTicketParts(context.tenant === DEFAULT_TENANT ? undefined : context.tenant));
  context.credentials.addIssuedTicket(context.tenant, ticket, nowMs, nowMs + context.ticketTtlMs, user);
  // The emulator grants no module licences and keeps no provided credentials: both are answered empty.
  return { Response: { ...principal, Licenses: [], ProvidedCredentials: [] }, Credentials: { Ticket: ticket }, AuthenticationSucceeded: true };
}
