import { describe, expect, it } from 'vitest';
import { billingCodeOptions, materialCostCodes } from './billing-code.ts';
import { productFromAutotask, productPayload } from './product.ts';
import { inImportWindow, recentChargesFilter, ticketChargeFromAutotask } from './ticket-charge.ts';

const picklist = (entries: [number, string][]) =>
	entries.map(([value, label]) => ({ value: String(value), label, isActive: true }));

describe('products', () => {
	const source = {
		name: ' Dock ',
		sku: 'DK-1',
		description: null,
		unitPriceCents: 19_900,
		unitCostCents: 15_000,
		doesNotRequireProcurement: true
	};

	it('sends the category’s billing code with prices in decimal', () => {
		expect(productPayload(source, 44)).toEqual({
			name: 'Dock',
			sku: 'DK-1',
			description: null,
			unitPrice: 199,
			unitCost: 150,
			isActive: true,
			isSerialized: false,
			productBillingCodeID: 44,
			doesNotRequireProcurement: true
		});
	});

	it('reads a product back in cents', () => {
		expect(
			productFromAutotask({ id: 3, name: 'Dock', unitPrice: 199, unitCost: 150, productBillingCodeID: 44 })
		).toEqual({
			externalId: 3,
			name: 'Dock',
			sku: null,
			description: null,
			unitPriceCents: 19_900,
			unitCostCents: 15_000,
			doesNotRequireProcurement: false,
			billingCodeExternalId: 44,
			isActive: true
		});
	});
});

describe('billing codes', () => {
	const types = picklist([
		[1, 'Work Type'],
		[3, 'Material Cost Code']
	]);
	const options = billingCodeOptions(
		[
			{ id: 1, name: 'Labour', billingCodeType: 1 },
			{ id: 2, name: 'Hardware', billingCodeType: 3 },
			{ id: 3, name: 'Old hardware', billingCodeType: 3, isActive: false },
			{ id: 4, name: 'Accessories', billingCodeType: 3 }
		],
		types
	);

	it('lists every code by name with its type label', () => {
		expect(options.map((o) => [o.name, o.type, o.isActive])).toEqual([
			['Accessories', 'Material Cost Code', true],
			['Hardware', 'Material Cost Code', true],
			['Labour', 'Work Type', true],
			['Old hardware', 'Material Cost Code', false]
		]);
	});

	it('offers only active Material Cost Codes for charges and purchase orders', () => {
		expect(materialCostCodes(options).map((o) => o.externalId)).toEqual([4, 2]);
	});
});

describe('ticket charges', () => {
	const now = Date.UTC(2026, 10, 1, 9);
	const statuses = picklist([
		[1, 'New'],
		[6, 'Cancelled']
	]);
	const charge = (overrides = {}) =>
		ticketChargeFromAutotask(
			{
				id: 1,
				ticketID: 2,
				productID: 3,
				name: 'Dock',
				unitQuantity: 2,
				unitPrice: 199,
				unitCost: 150,
				status: 6,
				createDate: '2026-11-01T08:00:00Z',
				...overrides
			},
			statuses
		);

	it('queries the last two hours', () => {
		expect(recentChargesFilter(now)).toEqual([{ op: 'gte', field: 'createDate', value: '2026-11-01T07:00:00.000Z' }]);
	});

	it('mirrors the tenant’s status label', () => {
		expect(charge()).toEqual({
			externalId: 1,
			ticketExternalId: 2,
			productExternalId: 3,
			billingCodeExternalId: null,
			name: 'Dock',
			quantity: 2,
			unitPriceCents: 19_900,
			unitCostCents: 15_000,
			status: 'Cancelled',
			createdAt: Date.UTC(2026, 10, 1, 8),
			isBilled: false
		});
		expect(charge({ status: 5 }).status).toBeNull();
	});

	it('takes charges created in the last two hours', () => {
		expect(inImportWindow(charge(), now)).toBe(true);
		expect(inImportWindow(charge({ createDate: '2026-11-01T07:00:00Z' }), now)).toBe(true);
		expect(inImportWindow(charge({ createDate: '2026-11-01T06:59:59Z' }), now)).toBe(false);
		expect(inImportWindow(charge({ createDate: null }), now)).toBe(false);
	});
});
