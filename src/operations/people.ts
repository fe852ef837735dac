import type { Associate } from '../contract/generated.js';
import type { SoPrincipalCarrier } from '../contract/principal.js';
import { EmulatorError } from '../errors.js';
import type { OperationContext } from './context.js';

/** Who calls, and whom an operation names: the user behind the ticket, and the tenant's associates. */

/** The user the ticket speaks for: operations "for the current user" have no meaning for a system ticket. */
export function currentUser(context: OperationContext, operation: string): SoPrincipalCarrier {
  if (context.user !== null) return context.user;
  throw new EmulatorError(
    'UserRequired',
    `${operation} acts for the current user, and this ticket speaks for none (a --ticket ticket, or a fixture ticket bound to no user): call it with the ticket of a user, from AuthenticateUsernamePassword or a fixture user's tickets.`,
    'A user must be logged in to do this.',
  );
}

/** An associate of the tenant by user name (in any case) or by associate id, as TransferChatSession's ToAssociate names one. */
export function associateNamed(context: OperationContext, name: string | null, field = 'ToAssociate'): Associate {
  const wanted = (name ?? '').trim();
  const associates = context.store.list(context.tenant, 'associates');
  const found = associates.find((associate) => associate.Name?.toLowerCase() === wanted.toLowerCase() || String(associate.AssociateId) === wanted);
  if (found === undefined || wanted === '') {
    throw new EmulatorError(
      'AssociateUnknown',
      `${field} '${wanted}' is not an associate of tenant '${context.tenant}': give a user name or an associate id of ${associates.map((associate) => `${associate.Name ?? ''} (${associate.AssociateId})`).join(', ') || 'its users (it has none)'}.`,
      'The agent was not found.',
      undefined,
      field,
    );
  }
  return found;
}

/**
 * An administrator may manage any topic's agents: a system caller (a --ticket ticket, or a fixture ticket bound to
 * no user), or a user granted the functional right `admin-all`.
 */
export function isAdministrator(user: SoPrincipalCarrier | null): boolean {
  return user === null || (user.FunctionRights ?? []).includes('admin-all');
}
