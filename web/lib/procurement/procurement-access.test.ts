import { describe, expect, it } from 'vitest';
import type { Permission, Principal } from '../../../shared/auth/permissions.ts';
import { canReadTicketCharges } from './procurement-access.ts';

function principal(permissions: Permission[], overrides: Partial<Principal> = {}): Principal {
	return {
		userId: 'u',
		orgId: 'o',
		isAdmin: false,
		permissions,
		companyId: 'c',
		companyVerified: true,
		kind: 'msp',
		...overrides
	};
}

describe('canReadTicketCharges', () => {
	it('opens the queue to a Procurement editor and to an admin', () => {
		expect(canReadTicketCharges(principal(['procurementEditor']))).toBe(true);
		expect(canReadTicketCharges(principal([], { isAdmin: true, companyId: null }))).toBe(true);
	});

	it('keeps it from everyone else, and from a Procurement editor whose link is not verified', () => {
		expect(canReadTicketCharges(principal(['quoteEditor', 'productEditor']))).toBe(false);
		expect(canReadTicketCharges(principal(['procurementEditor'], { companyVerified: false }))).toBe(false);
	});
});
