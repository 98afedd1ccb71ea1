// For the purchase order job tests: fetches that cut a run short (a process that dies after its k-th
// request reached the PSA, an answer lost on the way back) and an order loader over a fixed list.

import type { DistributorOrderForPsa, LoadPurchaseOrderInput } from './psa-purchase-order.ts';

/** fetch that counts requests; from the k-th on, it reads the answer and then hangs: the process died. */
export function dyingAt(k: number) {
	let sent = 0;
	let reached: () => void = () => {};
	const died = new Promise<void>((resolve) => (reached = resolve));
	const fetchUntilDeath: typeof fetch = async (input, init) => {
		sent++;
		const response = await fetch(input, init);
		if (sent < k) return response;
		await response.arrayBuffer();
		reached();
		return new Promise<Response>(() => {});
	};
	return { fetch: fetchUntilDeath, died, sent: () => sent };
}

/** fetch whose k-th request reaches the PSA but whose answer is lost (a reset after the PSA acted). */
export function answerLostAt(k: number) {
	let sent = 0;
	const lossy: typeof fetch = async (input, init) => {
		const response = await fetch(input, init);
		if (++sent !== k) return response;
		await response.arrayBuffer();
		throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
	};
	return { fetch: lossy };
}

export const loaderOf =
	(orgId: string, orders: DistributorOrderForPsa[]): LoadPurchaseOrderInput =>
	async (org, orderId) =>
		org === orgId ? (orders.find((o) => o.orderId === orderId) ?? null) : null;

/** One line of a product the PSA has (linked as p-laptop), one of a product it lacks (p-dock). */
export const ORDER: DistributorOrderForPsa = {
	orderId: 'order-1',
	distributorName: 'Ingram Micro',
	customerPoNumber: 'OUT-01042',
	companyId: 'company-acme',
	shipTo: {
		name: 'Acme Corporation',
		address1: '1 Main Street',
		city: 'Springfield',
		state: 'IL',
		postalCode: '62701'
	},
	lines: [
		{ lineId: 'order-1-line-1', productId: 'p-laptop', name: 'Laptop', sku: 'T14-G5', quantity: 3, unitCost: 91_000 },
		{ lineId: 'order-1-line-2', productId: 'p-dock', name: 'Dock', sku: 'DOCK-40', quantity: 2, unitCost: 18_050 }
	]
};
