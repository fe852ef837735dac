import { epochMillisecondsOf } from '../contract/datetime.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import type { Clock } from '../clock.js';
import { ticketRefusal, type InstallationMode } from '../operations/authorize.js';
import type { TenantId } from '../store/chat-store.js';
import type { CredentialStore } from '../store/credentials.js';
import { EmulatorError } from '../errors.js';

/**
 * Who may call the REST WebAPI, as SuperOffice documents it: `Authorization: SOTicket <ticket>` (any installation),
 * `Basic` (a fixture user; on-site only), `Bearer` (an Online access token from the fixtures), and in Online mode
 * an `SO-AppToken` header with a known application token. Every refusal is a 401.
 */
export interface RestCaller {
  readonly authorization: string | undefined;
  readonly appToken: string | undefined;
}

/** Checks the caller and says who is calling: a ticket's or Basic user, or null for a system caller (a system ticket, a Bearer token). */
export function authenticateRest(credentials: CredentialStore, mode: InstallationMode, tenant: TenantId, clock: Clock, caller: RestCaller): SoPrincipalCarrier | null {
  if (mode === 'online') {
    const token = caller.appToken?.trim() ?? '';
    if (token === '') throw new EmulatorError('ApplicationTokenMissing', 'No SO-AppToken header: an Online installation requires the application token.');
    if (!credentials.isKnownApplicationToken(tenant, token)) throw new EmulatorError('ApplicationTokenUnknown', `The SO-AppToken is not known in tenant '${tenant}'.`);
  }
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(caller.authorization ?? '');
  if (match === null) throw unauthorized(`No Authorization header: send ${schemes(mode).join(' or ')}.`);
  const scheme = (match[1] as string).toLowerCase();
  const value = match[2] as string;
  switch (scheme) {
    case 'soticket':
      return checkTicket(credentials, tenant, epochMillisecondsOf(clock.now()), value);
    case 'basic':
      if (mode !== 'onsite') throw unauthorized('Basic authentication is for on-site installations: use SOTicket or Bearer.');
      return checkBasic(credentials, tenant, value);
    case 'bearer':
      if (mode !== 'online') throw unauthorized('Bearer authentication is for Online installations: use SOTicket or Basic.');
      if (!credentials.isKnownBearerToken(tenant, value)) throw unauthorized(`The Bearer token is not known in tenant '${tenant}'.`);
      return null;
    default:
      throw unauthorized(`The Authorization scheme '${match[1] as string}' is not supported: send ${schemes(mode).join(' or ')}.`);
  }
}

function checkTicket(credentials: CredentialStore, tenant: TenantId, nowMs: number, ticket: string): SoPrincipalCarrier | null {
  const check = credentials.checkTicket(tenant, ticket, nowMs);
  if (check.status === 'valid') return check.user;
  throw ticketRefusal(check.status, tenant);
}

function checkBasic(credentials: CredentialStore, tenant: TenantId, encoded: string): SoPrincipalCarrier {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || colon < 0) throw unauthorized('The Basic credentials are not base64 of user:password.');
  const user = credentials.authenticate(tenant, decoded.slice(0, colon), decoded.slice(colon + 1));
  if (user === undefined) throw unauthorized(`The user name or password is wrong for tenant '${tenant}'.`);
  return user;
}

function schemes(mode: InstallationMode): string[] {
  return mode === 'online' ? ['SOTicket <ticket>', 'Bearer <token>'] : ['SOTicket <ticket>', 'Basic <base64 user:password>'];
}

/** The WWW-Authenticate challenges of a 401, one per scheme the installation accepts. */
export function challenges(mode: InstallationMode): string[] {
  return mode === 'online' ? ['SOTicket realm="SuperOffice"', 'Bearer realm="SuperOffice"'] : ['SOTicket realm="SuperOffice"', 'Basic realm="SuperOffice", charset="UTF-8"'];
}

/** REST credentials refused: a 401 whose ErrorType is SuperOffice's for authentication. */
function unauthorized(message: string): EmulatorError {
  return new EmulatorError('RestCredentialsRefused', message);
}
