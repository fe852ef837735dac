import type { RequestHeaders } from '../contract/headers.js';
import { EmulatorError } from '../errors.js';
import type { CredentialStore } from '../store/credentials.js';
import type { TenantId } from '../store/chat-store.js';

/** `online`: SuperOffice Online, where the ApplicationToken is required and checked. `onsite`: it is not checked. */
export type InstallationMode = 'online' | 'onsite';

/** Checks the caller's ApplicationToken (online only) and ticket. Throws an application error. */
export function authorize(credentials: CredentialStore, tenant: TenantId, mode: InstallationMode, headers: RequestHeaders): void {
  const hint = headers.misplaced.length === 0 ? '' : ` Headers seen in another namespace: ${headers.misplaced.join(', ')}.`;
  if (mode === 'online') {
    if (headers.applicationToken === null || headers.applicationToken === '') {
      throw new EmulatorError(
        'ApplicationTokenMissing',
        `No ApplicationToken header: an Online installation requires the application token in the ApplicationToken header (namespace http://www.superoffice.net/ws/crm/NetServer/Services88).${hint}`,
        'The application is not allowed to call this installation.',
      );
    }
    if (!credentials.isKnownApplicationToken(tenant, headers.applicationToken)) {
      throw new EmulatorError(
        'ApplicationTokenUnknown',
        `The ApplicationToken is not known in tenant '${tenant}'.`,
        'The application is not allowed to call this installation.',
      );
    }
  }
  if (headers.ticket === null || headers.ticket === '') {
    throw new EmulatorError(
      'TicketMissing',
      `No ticket: the Credentials header must carry a Ticket (namespace http://www.superoffice.net/ws/crm/NetServer/Services88).${hint}`,
      'You are not logged in.',
    );
  }
  if (!credentials.isKnownTicket(tenant, headers.ticket)) {
    throw new EmulatorError('TicketUnknown', `The ticket is not known in tenant '${tenant}', or has expired.`, 'Your session has expired. Please log in again.');
  }
}
