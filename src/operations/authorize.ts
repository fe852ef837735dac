import type { RequestHeaders } from '../contract/headers.js';
import { EmulatorError } from '../errors.js';
import { credentialWhitespaceWarning, type FidelityWarning } from '../fidelity.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import type { CredentialStore, SecretDigester } from '../store/credentials.js';
import type { TenantId } from '../store/chat-store.js';

/** `online`: SuperOffice Online, where the ApplicationToken is required and checked. `onsite`: it is not checked. */
export type InstallationMode = 'online' | 'onsite';

/** What an operation requires of its caller: a ticket (every agent call), or only the application token (logging in). */
export type Requirement = 'ticket' | 'applicationToken';

/** What a request presents to be let in: the tenant it was sent to, its headers, and when it came. */
export interface Presented {
  readonly tenant: TenantId;
  readonly headers: RequestHeaders;
  /** The emulator's clock, in milliseconds since 1970: issued tickets expire. */
  readonly nowMs: number;
  /** Digests the caller's secrets for the credential store: its connection's RecentDigests. */
  readonly digester: SecretDigester;
}

/**
 * How far authorization bends: strict mode answers as the real service does; otherwise a ticket or token known only
 * once trimmed is taken, with a warning.
 */
export interface Leniency {
  readonly strict: boolean;
  warn(warning: FidelityWarning): void;
}

/**
 * Checks the caller's ApplicationToken (online only) and, if required, ticket, and says who is calling: the user
 * the ticket speaks for, or null for a system caller (a ticket from --ticket, or a fixture ticket of no user) and
 * for a call that takes no ticket (logging in). Throws an application error.
 */
export function authorize(credentials: CredentialStore, mode: InstallationMode, requirement: Requirement, presented: Presented, leniency: Leniency): SoPrincipalCarrier | null {
  const { tenant, headers, nowMs, digester } = presented;
  const hint = headers.misplaced.length === 0 ? '' : ` Headers seen in another namespace: ${headers.misplaced.join(', ')}.`;
  if (mode === 'online') {
    if (headers.applicationToken === null || headers.applicationToken.trim() === '') {
      throw new EmulatorError(
        'ApplicationTokenMissing',
        `No ApplicationToken header: an Online installation requires the application token in the ApplicationToken header (namespace http://www.superoffice.net/ws/crm/NetServer/Services88).${hint}`,
        'The application is not allowed to call this installation.',
      );
    }
    const isKnown = (token: string) => credentials.isKnownApplicationToken(tenant, token, digester);
    if (!isKnown(headers.applicationToken) && !knownOnceTrimmed(headers.applicationToken, 'ApplicationToken', isKnown, leniency)) {
      throw new EmulatorError(
        'ApplicationTokenUnknown',
        `The ApplicationToken is not known in tenant '${tenant}'.`,
        'The application is not allowed to call this installation.',
      );
    }
  }
  if (requirement === 'applicationToken') return null;
  if (headers.ticket === null || headers.ticket.trim() === '') {
    throw new EmulatorError(
      'TicketMissing',
      `No ticket: the Credentials header must carry a Ticket (namespace http://www.superoffice.net/ws/crm/NetServer/Services88).${hint}`,
      'You are not logged in.',
    );
  }
  let check = credentials.checkTicket(tenant, headers.ticket, nowMs, digester);
  const isKnown = (ticket: string) => credentials.ticketStatus(tenant, ticket, nowMs, digester) !== 'unknown';
  if (check.status === 'unknown' && knownOnceTrimmed(headers.ticket, 'Ticket', isKnown, leniency)) {
    check = credentials.checkTicket(tenant, headers.ticket.trim(), nowMs, digester);
  }
  if (check.status !== 'valid') throw ticketRefusal(check.status, tenant);
  return check.user;
}

/**
 * Whether the lenient emulator takes a secret that is unknown as sent (as the real service compares it): only when
 * it is known once the white space around it is trimmed, and then it says so.
 */
function knownOnceTrimmed(secret: string, header: 'Ticket' | 'ApplicationToken', isKnown: (secret: string) => boolean, leniency: Leniency): boolean {
  const trimmed = secret.trim();
  if (leniency.strict || trimmed === secret || !isKnown(trimmed)) return false;
  leniency.warn(credentialWhitespaceWarning(header));
  return true;
}

/** Why a ticket is not accepted in a tenant (an application error). SOAP and REST both ask. */
export function ticketRefusal(status: 'expired' | 'unknown', tenant: TenantId): EmulatorError {
  switch (status) {
    case 'expired':
      return new EmulatorError('TicketExpired', 'The ticket has expired: log in again (SoPrincipal.svc AuthenticateUsernamePassword) for a new one.', 'Your session has expired. Please log in again.');
    // A ticket of another tenant is unknown here, as it would be to another installation: nothing tells it is valid elsewhere.
    case 'unknown':
      return new EmulatorError('TicketUnknown', `The ticket is not known in tenant '${tenant}'.`, 'You are not logged in.');
  }
}
