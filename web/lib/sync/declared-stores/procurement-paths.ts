// The procurement queue: accepted quotes become purchase orders, changed, submitted, retried and
// canceled (run as an admin).

import { draftLine, draftOrder } from '../../../../shared/procurement/purchase-order-rules.ts';
import { defaultDistributor } from '../../../../shared/schema/distributor-entities.ts';
import { buildQuote, buildQuoteLine, TEST_NOW } from '../../../../shared/test/builders.ts';
import { buildProduct } from '../../catalog/test-products.ts';
import { admin, path, type PathFamily } from './path-family.ts';

const ap = buildProduct({ id: 'p-ap', distributor: 'ingram' });
const switchLine = buildProduct({ id: 'p-switch', distributor: 'ingram' });
const wonLine = buildQuoteLine({ id: 'l-won', quoteId: 'q-won', productId: 'p-ap', quantity: 4 });
const orderedLine = buildQuoteLine({ id: 'l-ordered', quoteId: 'q-ordered', productId: 'p-ap', quantity: 1 });
const draft = draftOrder('po-draft', 'ingrammicro', 'q-ordered', 'user-admin', TEST_NOW);
const placed = {
	...draftOrder('po-placed', 'ingrammicro', 'q-ordered', 'user-admin', TEST_NOW),
	status: 'submitted' as const
};

export const procurementPaths: PathFamily = {
	name: 'procurement',
	as: admin,
	async seed(db) {
		await db.distributors.bulkPut([
			{ ...defaultDistributor('ingrammicro'), orderingEnabled: true },
			{ ...defaultDistributor('tdsynnex'), orderingEnabled: true }
		]);
		await db.products.bulkPut([ap, switchLine]);
		await db.quotes.bulkPut([
			buildQuote({ id: 'q-won', status: 'accepted' }),
			buildQuote({ id: 'q-ordered', status: 'accepted' }),
			buildQuote({ id: 'q-draft' })
		]);
		await db.quoteLines.bulkPut([wonLine, orderedLine]);
		await db.purchaseOrders.bulkPut([{ ...draft, lineCount: 1 }, placed]);
		await db.purchaseOrderLines.put(draftLine(draft, orderedLine, ap, TEST_NOW));
	},
	paths: {
		orderQuote: [
			path({ quoteId: 'q-won', orderIds: { ingrammicro: 'po-new-1', tdsynnex: 'po-new-2' } }),
			path(
				{ quoteId: 'q-ordered', orderIds: { ingrammicro: 'po-new-1', tdsynnex: 'po-new-2' } },
				'quote_nothing_to_procure'
			),
			path({ quoteId: 'q-won', orderIds: { ingrammicro: 'po-draft', tdsynnex: 'po-new-2' } }, 'id_taken'),
			path(
				{ quoteId: 'q-draft', orderIds: { ingrammicro: 'po-new-1', tdsynnex: 'po-new-2' } },
				'order_quote_not_accepted'
			)
		],
		addQuoteToPurchaseOrder: [
			path({ orderId: 'po-draft', quoteId: 'q-won' }),
			path({ orderId: 'po-placed', quoteId: 'q-won' }, 'purchase_order_not_draft')
		],
		changePurchaseOrderLine: [
			path({ id: `${draft.poNumber}-1`, quantity: 2, productId: 'p-switch' }),
			path({ id: `${draft.poNumber}-1`, distributor: 'tdsynnex', newOrderId: 'po-td' }),
			path({ id: 'pol-ghost', quantity: 2 }, 'purchase_order_line_not_found')
		],
		submitPurchaseOrder: [path({ id: 'po-draft' }), path({ id: 'po-placed' }, 'purchase_order_not_draft')],
		retryPurchaseOrder: [path({ id: 'po-placed' }), path({ id: 'po-draft' }, 'purchase_order_not_retryable')],
		cancelPurchaseOrder: [path({ id: 'po-draft' }), path({ id: 'po-ghost' }, 'purchase_order_not_found')],
		cancelPlacedPurchaseOrder: [
			path({ id: 'po-placed' }),
			path({ id: 'po-draft' }, 'purchase_order_not_cancelable_at_distributor')
		]
	}
};
