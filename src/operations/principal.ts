import { epochMillisecondsOf } from '../contract/datetime.js';
import type { OperationRequests, OperationResponses } from '../contract/generated.js';
import { encodeTicket, newTicketParts } from '../contract/ticket.js';
import { DEFAULT_TENANT } from '../store/chat-store.js';
import type { OperationContext } from './context.js';

/** The answer to a login that did not succeed: no principal, no ticket. */
const NOT_AUTHENTICATED: OperationResponses['AuthenticateUsernamePassword'] = { Response: null, Credentials: null, AuthenticationSucceeded: false };

/**
 * SoPrincipal's login, independent of how it is called. A wrong user name or password is not an error:
 * the answer says AuthenticationSucceeded=false and carries no ticket.
 */
export function authenticateUsernamePassword(
  context: OperationContext,
  request: OperationRequests['AuthenticateUsernamePassword'],
): OperationResponses['AuthenticateUsernamePassword'] {
  // A nil UserName or Password logs nobody in, not even a user whose name or password is empty.
  if (request.UserName === null || request.Password === null) return NOT_AUTHENTICATED;
  const principal = context.credentials.authenticate(context.tenant, request.UserName, request.Password);
  if (principal === undefined) return NOT_AUTHENTICATED;
  const nowMs = epochMillisecondsOf(context.clock.now());
  // On-site installations have no CustId, and their tickets none either.
  const ticket = encodeTicket(newTicketParts(context.tenant === DEFAULT_TENANT ? undefined : context.tenant));
  context.credentials.addIssuedTicket(context.tenant, ticket, nowMs, nowMs + context.ticketTtlMs, principal);
  // The emulator grants no module licences and keeps no provided credentials: both are answered empty.
  return { Response: { ...principal, Licenses: [], ProvidedCredentials: [] }, Credentials: { Ticket: ticket }, AuthenticationSucceeded: true };
}
