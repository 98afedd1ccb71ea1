// The purchase order job on its own, with an adapter that records what it is asked: what it hands the
// PSA (the Purchase Order billing code from the settings, the links of products and company), and the
// orders it refuses before any PSA work (not supported, unknown, or not fit to send).

import { describe, expect, it } from 'vitest';
import { autotaskAdapter } from '../connectors/autotask/sync/adapter.ts';
import type { PsaAdapter, PurchaseOrderToCreate } from '../psa/provider.ts';
import { memorySyncContext } from '../psa/test/memory-sync-context.ts';
import { createPsaPurchaseOrder, FINISHED_LINK, type DistributorOrderForPsa } from './psa-purchase-order.ts';
import { loaderOf, ORDER } from './psa-purchase-order-test-kit.ts';

function recording() {
	const asked: PurchaseOrderToCreate[] = [];
	const adapter: PsaAdapter = {
		...autotaskAdapter,
		createPurchaseOrder: async (_ctx, input) => {
			asked.push(input);
			return { ok: true, value: { externalId: '4711' } };
		}
	};
	return { adapter, asked };
}

const context = () => memorySyncContext({}, { credentials: {}, settings: { purchaseOrderBillingCodeId: '29682801' } });

describe('the purchase order job', () => {
	it('hands the PSA the order with the Purchase Order billing code and the linked product and company', async () => {
		const { adapter, asked } = recording();
		const ctx = context();
		await ctx.links.set('products', 'p-laptop', '88');
		await ctx.links.set('companies', 'company-acme', '12');

		const result = await createPsaPurchaseOrder(adapter, ctx, 'autotask', ORDER.orderId, loaderOf('org-test', [ORDER]));

		expect(result).toEqual({ ok: true, value: { externalId: '4711', summary: 'Purchase order 4711 in Autotask.' } });
		expect(asked).toEqual([
			{
				orderId: 'order-1',
				vendorName: 'Ingram Micro',
				purchaseOrderNumber: 'OUT-01042',
				shipTo: ORDER.shipTo,
				companyExternalId: '12',
				billingCodeId: '29682801',
				lines: [
					{ ...ORDER.lines[0]!, productExternalId: '88' },
					{ ...ORDER.lines[1]!, productExternalId: null }
				]
			}
		]);
		expect(await ctx.links.get(FINISHED_LINK, ORDER.orderId)).toBe('4711');
	});

	it('an order whose PO is made already asks the PSA nothing', async () => {
		const { adapter, asked } = recording();
		const ctx = context();
		await ctx.links.set(FINISHED_LINK, ORDER.orderId, '4711');

		const result = await createPsaPurchaseOrder(adapter, ctx, 'autotask', ORDER.orderId, loaderOf('org-test', [ORDER]));

		expect(result.ok && result.value.externalId).toBe('4711');
		expect(asked).toEqual([]);
	});

	const broken: [string, DistributorOrderForPsa][] = [
		['a line of no quantity', { ...ORDER, lines: [{ ...ORDER.lines[0]!, quantity: 0 }] }],
		['a NUL in a name', { ...ORDER, lines: [{ ...ORDER.lines[0]!, name: 'Lap\u0000top' }] }],
		['no lines', { ...ORDER, lines: [] }],
		['a fractional cost', { ...ORDER, lines: [{ ...ORDER.lines[0]!, unitCost: 0.5 }] }]
	];
	it.each(broken)('an order with %s is refused with the reason, before any PSA work', async (_what, order) => {
		const { adapter, asked } = recording();
		const result = await createPsaPurchaseOrder(
			adapter,
			context(),
			'autotask',
			ORDER.orderId,
			loaderOf('org-test', [order])
		);

		expect(result.ok).toBe(false);
		expect(!result.ok && result.kind).toBe('permanent');
		expect(!result.ok && result.message).toMatch(/^The distributor order cannot become a purchase order: lines/);
		expect(asked).toEqual([]);
	});

	it('a loader that answers another order is refused', async () => {
		const { adapter, asked } = recording();
		const other = async () => ({ ...ORDER, orderId: 'order-2' });
		const result = await createPsaPurchaseOrder(adapter, context(), 'autotask', ORDER.orderId, other);

		expect(!result.ok && result.message).toBe(
			'The distributor order cannot become a purchase order: orderId another order.'
		);
		expect(asked).toEqual([]);
	});

	it('a PSA without purchase orders says so without loading the order', async () => {
		let loads = 0;
		const counting = async () => (loads++, ORDER);
		const { createPurchaseOrder: _none, ...adapter } = autotaskAdapter;

		const result = await createPsaPurchaseOrder(adapter, context(), 'halopsa', ORDER.orderId, counting);

		expect(result).toEqual({ ok: false, kind: 'permanent', message: 'Purchase orders are not supported by this PSA.' });
		expect(loads).toBe(0);
	});

	it('without the procurement module wired in, the job says so', async () => {
		const { adapter } = recording();
		const result = await createPsaPurchaseOrder(adapter, context(), 'autotask', ORDER.orderId, undefined);

		expect(!result.ok && result.message).toBe(
			'Purchase orders cannot be created yet: no distributor orders are connected.'
		);
	});
});
