// Ingram Micro as an ordering port: P&A per line before the first submission, placeOrderOnce (the
// customer PO number looked up before any create), and order details mapped to Outpost's statuses.

import {
	INGRAM_MESSAGES,
	type IngramFailure,
	type UnavailableProduct
} from '../connectors/ingrammicro/client/failures.ts';
import type { IngramClient } from '../connectors/ingrammicro/client/client.ts';
import { orderStatusOf, trackingNumbers } from '../connectors/ingrammicro/client/orders.ts';
import { placeOrderOnce } from '../connectors/ingrammicro/client/place-order.ts';
import type { OrderDetail } from '../connectors/ingrammicro/client/wire-schemas.ts';
import { toPsaFailure } from '../connectors/ingrammicro/failure.ts';
import type { DistributorStatus, HeldLine, OrderPort, PortFailure } from './order-port.ts';
import { asPortFailure, credentialsFailure, temporarily } from './port-failure.ts';
import { lineStatusFromText, orderStatusFromName } from './status-mapping.ts';

const UNAVAILABLE_WORDS = { out_of_stock: 'Out of stock', discontinued: 'Discontinued', unknown_product: 'Not sold' };

export function ingramFailure(failure: IngramFailure): PortFailure {
	if (failure.code === 'auth_failed') {
		return failure.reason === 'customer_number'
			? credentialsFailure(INGRAM_MESSAGES.invalidCustomerNumber, 'invalid_customer_number')
			: credentialsFailure(INGRAM_MESSAGES.reauthenticate, 'reauthenticate');
	}
	const mapped = toPsaFailure(failure);
	if (mapped.kind !== 'permanent') return temporarily(mapped);
	return asPortFailure(mapped, 'rejected');
}

function heldOf(products: UnavailableProduct[]): HeldLine[] {
	return products.flatMap((p) =>
		p.customerLineNumber && /^\d+$/.test(p.customerLineNumber)
			? [
					{
						lineNumber: Number(p.customerLineNumber),
						reason: `${UNAVAILABLE_WORDS[p.reason]}: ${p.detail}`.slice(0, 500)
					}
				]
			: []
	);
}

export function ingramPort(client: IngramClient): OrderPort {
	return {
		distributor: 'ingrammicro',
		async availability(lines) {
			const answer = await client.priceAndAvailability(lines.map((l) => ({ vendorPartNumber: l.mpn || l.sku })));
			if (!answer.ok) return ingramFailure(answer);
			const held: HeldLine[] = [];
			const distributorSkus = new Map<number, string>();
			answer.value.forEach((item, i) => {
				const line = lines[i]!;
				if (item.status === 'available' || item.status === 'backorder') {
					if (item.ingramPartNumber) distributorSkus.set(line.lineNumber, item.ingramPartNumber);
					return;
				}
				const words = item.statusMessage ?? UNAVAILABLE_WORDS[item.status];
				held.push({ lineNumber: line.lineNumber, reason: `${UNAVAILABLE_WORDS[item.status]}: ${words}`.slice(0, 500) });
			});
			return { ok: true, value: { held, distributorSkus } };
		},
		async place(order, availability) {
			const placed = await placeOrderOnce(client, {
				customerOrderNumber: order.poNumber,
				lines: order.lines.map((line) => {
					const ingramPartNumber = availability.distributorSkus.get(line.lineNumber);
					return {
						customerLineNumber: String(line.lineNumber),
						...(ingramPartNumber ? { ingramPartNumber } : { vendorPartNumber: line.mpn || line.sku }),
						quantity: line.quantity
					};
				})
			});
			if (placed.ok) {
				const { ingramOrderNumbers, existed, rejected } = placed.value;
				return { ok: true, value: { orderIds: ingramOrderNumbers, placedNow: !existed, held: heldOf(rejected) } };
			}
			if (placed.code === 'rejected' && placed.reason === 'product_unavailable') {
				return { ok: true, value: { orderIds: [], placedNow: false, held: heldOf(placed.products) } };
			}
			return ingramFailure(placed);
		},
		async status(poNumber, orderIds) {
			let numbers = orderIds;
			if (numbers.length === 0) {
				const found = await client.findOrdersByPo(poNumber);
				if (!found.ok) return ingramFailure(found);
				numbers = found.value.map((o) => o.ingramOrderNumber);
			}
			const details: OrderDetail[] = [];
			for (const number of numbers) {
				const detail = await client.orderDetails(number);
				if (!detail.ok) return ingramFailure(detail);
				if (detail.value) details.push(detail.value);
			}
			if (details.length === 0) return { ok: true, value: null };
			return { ok: true, value: statusOf(details) };
		},
		async cancel(orderIds) {
			for (const number of orderIds) {
				const detail = await client.orderDetails(number);
				if (!detail.ok) return ingramFailure(detail);
				if (!detail.value || orderStatusOf(detail.value) === 'Canceled') continue;
				const canceled = await client.cancelOrder(number);
				if (canceled.ok) continue;
				// A 400 with Ingram's message: it will not cancel this order (released to the warehouse).
				if (canceled.code === 'rejected' && canceled.reason === 'validation') {
					return { ok: true, value: { canceled: false, refusal: canceled.message.slice(0, 500) } };
				}
				return ingramFailure(canceled);
			}
			return { ok: true, value: { canceled: true } };
		}
	};
}

/** One PO, perhaps split into several Ingram orders: the least advanced order's state is the PO's. */
function statusOf(details: OrderDetail[]): DistributorStatus {
	const statuses = details.map((d) => orderStatusFromName(orderStatusOf(d)));
	const lines = details.flatMap((detail) => {
		const tracking = trackingNumbers(detail);
		return (detail.lines ?? []).flatMap((line) => {
			const number = Number(line.customerLineNumber);
			if (!Number.isInteger(number) || number < 1) return [];
			const lineTracking = (line.shipmentDetails ?? []).flatMap((s) =>
				(s.packageDetails ?? []).map((p) => p.trackingNumber?.trim() ?? '').filter((t) => tracking.includes(t))
			);
			return [
				{ lineNumber: number, status: lineStatusFromText(line.lineStatus ?? ''), tracking: [...new Set(lineTracking)] }
			];
		});
	});
	return { status: leastAdvanced(statuses), orderIds: details.map((d) => d.ingramOrderNumber), lines };
}

const PROGRESS = ['error', 'on_hold', 'backordered', 'processing', 'shipped', 'delivered', 'canceled'] as const;
function leastAdvanced(statuses: DistributorStatus['status'][]): DistributorStatus['status'] {
	return [...statuses].sort((a, b) => PROGRESS.indexOf(a) - PROGRESS.indexOf(b))[0] ?? 'processing';
}
