import { describe, expect, it } from 'vitest';
import { buildQuoteLine, TEST_NOW } from '../test/builders.ts';
import type { QuoteCharge } from '../schema/quote-charge-entities.ts';
import {
	billableLines,
	cancelCharge,
	chargeId,
	chargesAfterMappingChange,
	chargesOfWithdrawnQuote,
	newCharge,
	reorderCharges,
	workFor,
	type ChargeCatalog
} from './charge-rules.ts';

const LATER = TEST_NOW + 60_000;

const catalog = (billingCodeId: string | null): ChargeCatalog => ({
	product: (id) => (id === 'p-laptop' ? { id, categoryId: 'cat-hw' } : undefined),
	category: (id) => (id === 'cat-hw' ? { id, billingCodeId } : undefined)
});

const line = buildQuoteLine({
	id: 'line-1',
	quoteId: 'quote-1',
	productId: 'p-laptop',
	description: 'ThinkPad T14\nwith dock',
	quantity: 2,
	unitPrice: 10_000,
	unitCost: 7_000,
	discountPercent: 10
});

const charge = (overrides: Partial<QuoteCharge> = {}): QuoteCharge => ({
	...newCharge(line, 'ticket-1', 1, catalog('code-7'), TEST_NOW),
	...overrides
});

describe('quote charges', () => {
	it('a billable line becomes a Pending charge with its category billing code and discounted price', () => {
		expect(charge()).toMatchObject({
			id: 'qc1-line-1',
			quoteId: 'quote-1',
			ticketId: 'ticket-1',
			categoryId: 'cat-hw',
			billingCodeId: 'code-7',
			name: 'ThinkPad T14',
			quantity: 2,
			unitPrice: 9_000,
			unitCost: 7_000,
			status: 'pending',
			externalId: null
		});
		expect(workFor(charge())).toBe('create');
	});

	it('optional lines and lines of no quantity are not charged', () => {
		const lines = [
			line,
			buildQuoteLine({ id: 'opt', optional: true, quantity: 1 }),
			buildQuoteLine({ id: 'none', quantity: 0 })
		];
		expect(billableLines(lines).map((l) => l.id)).toEqual(['line-1']);
	});

	it('a charge id stays within 64 characters however long the line id', () => {
		const id = chargeId('x'.repeat(64), 2);
		expect(id.length).toBeLessThanOrEqual(64);
		expect(id).not.toBe(chargeId('x'.repeat(63) + 'y', 2));
	});

	it('a withdrawn quote cancels its Synced charges in the PSA and its Pending ones before they reach it', () => {
		const [synced, pending] = chargesOfWithdrawnQuote(
			[charge({ status: 'synced', externalId: '31007' }), charge({ id: 'qc1-line-2' })],
			LATER
		);
		expect(synced).toMatchObject({ status: 'cancelled', psaCancelPending: true, cancelReason: 'quoteWithdrawn' });
		expect(workFor(synced!)).toBe('cancel');
		expect(pending).toMatchObject({ status: 'cancelled', psaCancelPending: false });
		expect(workFor(pending!)).toBeNull();
	});

	it('a changed mapping cancels Synced charges to re-order and re-targets Pending ones', () => {
		const changed = chargesAfterMappingChange(
			[
				charge({ status: 'synced', externalId: '31007' }),
				charge({ id: 'qc1-line-2' }),
				charge({ id: 'qc1-line-3', categoryId: 'cat-other' })
			],
			{ id: 'cat-hw', billingCodeId: 'code-9' },
			LATER
		);
		expect(changed).toHaveLength(2);
		expect(changed[0]).toMatchObject({ status: 'cancelled', cancelReason: 'billingCodeChanged', reorder: true });
		expect(changed[1]).toMatchObject({ id: 'qc1-line-2', status: 'pending', billingCodeId: 'code-9' });
	});

	it('an unchanged mapping changes nothing', () => {
		expect(
			chargesAfterMappingChange([charge({ status: 'synced' })], { id: 'cat-hw', billingCodeId: 'code-7' }, LATER)
		).toEqual([]);
	});

	it("an admin's cancel of a Synced charge is carried out in the PSA and is not marked to re-order", () => {
		expect(cancelCharge(charge({ status: 'synced', externalId: '1' }), 'admin', LATER)).toMatchObject({
			status: 'cancelled',
			psaCancelPending: true,
			cancelReason: 'admin',
			reorder: false
		});
	});

	it('re-order recreates each cancelled charge once, with the mapping of today', () => {
		const cancelled = cancelCharge(charge({ status: 'synced', externalId: '1' }), 'billingCodeChanged', LATER);
		const writes = reorderCharges([cancelled], [line], catalog('code-9'), LATER);
		expect(writes).toHaveLength(2);
		expect(writes[0]).toMatchObject({ id: 'qc2-line-1', status: 'pending', billingCodeId: 'code-9', externalId: null });
		expect(writes[1]).toMatchObject({ id: cancelled.id, reorder: false, reorderedAs: 'qc2-line-1' });
		expect(reorderCharges([writes[1]!, writes[0]!], [line], catalog('code-9'), LATER)).toEqual([]);
	});

	it('a live charge is not re-ordered, nor one whose line was removed since', () => {
		const cancelled = cancelCharge(charge(), 'admin', LATER);
		expect(reorderCharges([charge({ id: 'qc9-line-1' })], [line], catalog('code-9'), LATER)).toEqual([]);
		expect(reorderCharges([cancelled], [], catalog('code-9'), LATER)).toEqual([]);
	});
});
