// TD SYNNEX for the distributor ordering contract (../../common/test/distributor-contract.ts): its client
// and simulator behind the contract's harness. The simulator here does not refuse a repeated PO number,
// so only the client's look-up before submitting keeps an order single.

import type { ContractClient, DistributorHarness } from '../../common/test/distributor-contract.ts';
import type { TdSynnexClient } from '../client/client.ts';
import { TDSYNNEX_PA_BATCH } from '../spec.ts';
import { buildProduct } from '../simulator/seed-builders.ts';
import { startSandbox } from './client-sandbox.ts';

const SHIP_TO = { name: 'Acme Inc', line1: '1 Main St', city: 'Irvine', state: 'CA', zip: '92612', country: 'US' };

export async function startTdSynnexHarness(): Promise<DistributorHarness> {
	const box = await startSandbox({ simulator: { rejectDuplicates: false } });
	const product = buildProduct({ stock: 10_000 });
	box.control.seedProducts([product]);
	return {
		sku: product.synnexSku,
		paBatchSize: TDSYNNEX_PA_BATCH,
		sim: {
			ordersWithPoNumber: box.control.ordersWithPoNumber,
			totalCalls: box.control.totalCalls,
			resetCalls: box.control.resetCalls,
			faultAtRequest: box.control.faultAtRequest,
			ship: (poNumber, trackingNumber) => box.control.ship(poNumber, { trackingNumber })
		},
		newClient: () => contractClient(box.newClient()),
		close: box.close
	};
}

function contractClient(client: TdSynnexClient): ContractClient {
	return {
		async priceAvailability(skus) {
			return client.priceAvailability(skus.map((sku) => (/^\d+$/.test(sku) ? { synnexSku: sku } : { mfgPN: sku })));
		},
		placeOrder: (order) =>
			client.placeOrder({
				poNumber: order.poNumber,
				shipTo: SHIP_TO,
				lines: order.lines.map((line, i) => ({ lineNumber: i + 1, synnexSku: line.sku, quantity: line.quantity }))
			}),
		async orderStatus(poNumber) {
			const answer = await client.orderStatus(poNumber);
			if (!answer.ok || !answer.value) return answer.ok ? { ok: true, value: null } : answer;
			const tracking = answer.value.lines.flatMap((line) => line.tracking.map((t) => t.number));
			return { ok: true, value: { status: answer.value.status, tracking } };
		}
	};
}
