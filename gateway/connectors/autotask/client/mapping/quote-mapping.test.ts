import { describe, expect, it } from 'vitest';
import { buildQuote, buildQuoteLine, TEST_NOW } from '../../../../../shared/test/builders.ts';
import { opportunityFromAutotask, opportunityPayload } from './opportunity.ts';
import { quoteItemPayload } from './quote-item.ts';
import { quoteLocationPayload, quotePayload } from './quote.ts';

const picklist = (entries: [number, string][]) =>
	entries.map(([value, label]) => ({ value: String(value), label, isActive: true }));

describe('opportunities', () => {
	const refs = { companyID: 1, contactID: 2, ownerResourceID: 3, status: 1, stage: 2, probability: 50 };

	it('carries the quote’s title, totals and expiry, with quote totals on', () => {
		const quote = buildQuote({ title: 'Laptop refresh', validUntil: '2026-12-15' });
		expect(opportunityPayload(quote, refs, { amountCents: 269_800, costCents: 220_000 }, '2026-11-01')).toEqual({
			title: 'Laptop refresh',
			companyID: 1,
			contactID: 2,
			ownerResourceID: 3,
			status: 1,
			stage: 2,
			probability: 50,
			amount: 2698,
			cost: 2200,
			projectedCloseDate: '2026-12-15T00:00:00.000Z',
			startDate: '2026-11-01T00:00:00.000Z',
			useQuoteTotals: true
		});
	});

	it('closes today without an expiry, and never sends an empty title', () => {
		const payload = opportunityPayload(
			buildQuote({ title: '  ', validUntil: null }),
			refs,
			{ amountCents: 0, costCents: 0 },
			'2026-11-01'
		);
		expect(payload.projectedCloseDate).toBe('2026-11-01T00:00:00.000Z');
		expect(payload.title).toBe('Quote');
	});

	it('reads status and stage by the tenant’s labels', () => {
		const polled = opportunityFromAutotask(
			{ id: 9, title: 'X', status: 3, stage: 4, amount: 12.5, lastActivity: '2026-11-01T09:00:00Z' },
			{ status: picklist([[3, 'Closed']]), stage: picklist([[4, 'Won']]) }
		);
		expect(polled).toEqual({
			externalId: 9,
			title: 'X',
			status: 'Closed',
			stage: 'Won',
			amountCents: 1250,
			lastActivityAt: Date.UTC(2026, 10, 1, 9)
		});
	});
});

describe('quotes', () => {
	const refs = { opportunityID: 5, companyID: 1, contactID: null, locationID: 8, paymentTerm: 3 };

	it('names the quote by number and title, one location for all three', () => {
		const quote = buildQuote({ title: 'Laptop refresh', number: 'Q-1042', notes: 'Net 30', validUntil: '2026-12-01' });
		expect(quotePayload(quote, refs)).toEqual({
			name: 'Q-1042 Laptop refresh',
			opportunityID: 5,
			companyID: 1,
			contactID: null,
			description: 'Net 30',
			externalQuoteNumber: 'Q-1042',
			effectiveDate: '2026-11-01T00:00:00.000Z',
			expirationDate: '2026-12-01T00:00:00.000Z',
			paymentTerm: 3,
			billToLocationID: 8,
			shipToLocationID: 8,
			soldToLocationID: 8
		});
	});

	it('defaults the expiry to 30 days after creation, and never before the effective date', () => {
		expect(quotePayload(buildQuote({ validUntil: null, createdAt: TEST_NOW }), refs).expirationDate).toBe(
			'2026-12-01T00:00:00.000Z'
		);
		expect(quotePayload(buildQuote({ validUntil: '2026-01-01', createdAt: TEST_NOW }), refs).expirationDate).toBe(
			'2026-11-01T00:00:00.000Z'
		);
	});

	it('sends a location’s address fields', () => {
		expect(quoteLocationPayload({ address1: '1 Main St', city: 'Springfield', postalCode: null })).toEqual({
			address1: '1 Main St',
			city: 'Springfield',
			postalCode: null
		});
	});
});

describe('quote items', () => {
	const refs = { quoteID: 20, productID: 30, productItemType: 1, sortOrder: 2 };

	it('sends one product line with all discounts zero and the price in decimal', () => {
		const line = buildQuoteLine({
			description: 'ThinkPad T14\nGen 5, 32 GB',
			quantity: 3,
			unitPrice: 134_900
		});
		expect(quoteItemPayload(line, refs)).toEqual({
			ok: true,
			value: {
				quoteID: 20,
				quoteItemType: 1,
				productID: 30,
				name: 'ThinkPad T14',
				description: 'ThinkPad T14\nGen 5, 32 GB',
				quantity: 3,
				unitPrice: 1349,
				isOptional: false,
				unitDiscount: 0,
				lineDiscount: 0,
				percentageDiscount: 0,
				sortOrderID: 2
			}
		});
	});

	it('carries the line discount as a percentage and an optional line as optional', () => {
		const line = buildQuoteLine({ discountPercent: 12.5, optional: true });
		const payload = quoteItemPayload(line, refs);
		expect(payload.ok && payload.value).toMatchObject({
			percentageDiscount: 12.5,
			isOptional: true,
			unitDiscount: 0,
			lineDiscount: 0
		});
	});

	it('refuses a line whose product is not in Autotask', () => {
		expect(quoteItemPayload(buildQuoteLine(), { ...refs, productID: null })).toEqual({
			ok: false,
			reason: 'no_product'
		});
	});
});
