import { epochMillisecondsOf } from '../contract/datetime.js';
import type { Authentication, AuthenticateUsernamePasswordRequest } from '../contract/messages.js';
import { encodeTicket, newTicketParts } from '../contract/ticket.js';
import { DEFAULT_TENANT } from '../store/chat-store.js';
import type { OperationContext } from './context.js';

/**
 * SoPrincipal's login, independent of how it is called. A wrong user name or password is not an error:
 * the answer says AuthenticationSucceeded=false (null here) and carries no ticket.
 */
export function authenticateUsernamePassword(context: OperationContext, request: AuthenticateUsernamePasswordRequest): Authentication | null {
  // A nil UserName or Password logs nobody in, not even a user whose name or password is empty.
  if (request.UserName === null || request.Password === null) return null;
  const principal = context.credentials.authenticate(context.tenant, request.UserName, request.Password);
  if (principal === undefined) return null;
  const nowMs = epochMillisecondsOf(context.clock.now());
  // On-site installations have no CustId, and their tickets none either.
  const ticket = encodeTicket(newTicketParts(context.tenant === DEFAULT_TENANT ? undefined : context.tenant));
  context.credentials.addIssuedTicket(context.tenant, ticket, nowMs, nowMs + context.ticketTtlMs, principal);
  return { principal, ticket };
}
