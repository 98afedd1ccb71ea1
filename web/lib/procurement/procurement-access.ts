// Who may open the procurement queue: exactly those the gateway replicates ticket charges to.

import type { Principal } from '../../../shared/auth/permissions.ts';
import { readScope } from '../../../shared/auth/read-scope.ts';

export function canReadTicketCharges(p: Principal): boolean {
	return readScope(p, 'ticketCharges').kind !== 'none';
}
