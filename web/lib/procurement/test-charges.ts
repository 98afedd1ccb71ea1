// A buildTicketCharge(overrides) factory for the procurement tests: a valid imported charge with a unique id.

import type { TicketCharge } from '../../../shared/schema/psa-entities.ts';

let counter = 0;

export function buildTicketCharge(overrides: Partial<TicketCharge> = {}): TicketCharge {
	counter += 1;
	return {
		id: `autotask-charge-${counter}`,
		provider: 'autotask',
		externalId: String(counter),
		ticketNumber: `T20250101.${String(counter).padStart(4, '0')}`,
		companyId: null,
		productId: null,
		name: 'USB-C dock',
		quantity: 1,
		unitCost: 15_000,
		unitPrice: 19_900,
		status: 'New',
		createdAt: Date.UTC(2025, 0, 1, 9, 0),
		importedAt: Date.UTC(2025, 0, 1, 9, 15),
		...overrides
	};
}
