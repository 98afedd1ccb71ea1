import { describe, expect, it } from 'vitest';
import { newCharge, cancelCharge } from '../../../shared/quotes/charge-rules.ts';
import type { Ticket } from '../../../shared/schema/quote-charge-entities.ts';
import { buildQuoteLine, TEST_NOW } from '../../../shared/test/builders.ts';
import { chargeBadge, findTickets, toReorder } from './quote-charges.ts';

const none = { product: () => undefined, category: () => undefined };
const charge = newCharge(buildQuoteLine({ id: 'line-1', quoteId: 'q-1' }), 'ticket-1', 1, none, TEST_NOW);

const ticket = (number: string, title: string, companyId = 'company-acme'): Ticket => ({
	id: `autotask-ticket-${number}`,
	provider: 'autotask',
	externalId: number,
	number,
	title,
	companyId,
	status: 'New'
});

describe('quote charge badges', () => {
	it('say each status in the seed’s words, with the PSA id of a Synced one', () => {
		expect(chargeBadge(charge)).toEqual({ label: 'Pending', tone: 'neutral', detail: 'Queued for the next sync' });
		expect(chargeBadge({ ...charge, status: 'synced', externalId: '31007' })).toMatchObject({
			label: 'Synced',
			detail: 'PSA charge 31007'
		});
		expect(chargeBadge({ ...charge, status: 'error', error: 'BillingCode does not exist or is invalid' })).toEqual({
			label: 'Error',
			tone: 'danger',
			detail: 'BillingCode does not exist or is invalid'
		});
	});

	it('say why a charge was cancelled and that it waits to be re-ordered', () => {
		const cancelled = cancelCharge({ ...charge, status: 'synced', externalId: '1' }, 'billingCodeChanged', TEST_NOW);
		expect(chargeBadge(cancelled).detail).toBe(
			'Cancelled because the billing code mapping changed; the PSA is told at the next sync; to re-order.'
		);
		expect(toReorder([cancelled, charge])).toEqual([cancelled]);
	});
});

describe('ticket search', () => {
	const tickets = [
		ticket('T20261101.0001', 'Onboard new starter'),
		ticket('T20261102.0004', 'Replace laptops'),
		ticket('T20261103.0001', 'Replace laptops', 'company-globex')
	];

	it('finds the company’s tickets by every word of number or title', () => {
		expect(findTickets(tickets, 'company-acme', 'replace LAPTOPS').map((t) => t.number)).toEqual(['T20261102.0004']);
		expect(findTickets(tickets, 'company-acme', '').map((t) => t.number)).toEqual(['T20261102.0004', 'T20261101.0001']);
		expect(findTickets(tickets, 'company-acme', '0001 onboard')).toHaveLength(1);
	});
});
