// TD SYNNEX as an ordering port: P&A by manufacturer part number first (a PO names TD SYNNEX's own
// SKUs, which only P&A tells), its placeOrder (the PO number looked up before any submission, a
// duplicate answer read as placed), and PO status mapped to Outpost's statuses.

import { INVALID_CUSTOMER_NUMBER_FIX } from '../connectors/common/distributor-connection.ts';
import type { TdSynnexClient } from '../connectors/tdsynnex/client/client.ts';
import type { TdSynnexFailure, UnavailableLine } from '../connectors/tdsynnex/client/failures.ts';
import { TDSYNNEX_MESSAGES, toPsaFailure } from '../connectors/tdsynnex/failure.ts';
import type { HeldLine, OrderPort, PortFailure } from './order-port.ts';
import { asPortFailure, credentialsFailure, temporarily } from './port-failure.ts';
import { tdLineStatus, tdOrderStatus } from './status-mapping.ts';

const REASONS = { out_of_stock: 'Out of stock', discontinued: 'Discontinued', not_found: 'Not sold' };

export function tdSynnexFailure(failure: TdSynnexFailure): PortFailure {
	if (failure.code === 'auth_failed') {
		return failure.reason === 'customer_number'
			? credentialsFailure(INVALID_CUSTOMER_NUMBER_FIX, 'invalid_customer_number')
			: credentialsFailure(
					`${TDSYNNEX_MESSAGES.authentication}. Update them at Admin > Distributors.`,
					'reauthenticate'
				);
	}
	const mapped = toPsaFailure(failure);
	if (mapped.kind !== 'permanent') return temporarily(mapped);
	return asPortFailure(mapped, 'rejected');
}

const heldOf = (lines: UnavailableLine[]): HeldLine[] =>
	lines.map((l) => ({ lineNumber: l.lineNumber, reason: `${REASONS[l.reason]}: ${l.detail}`.slice(0, 500) }));

export function tdSynnexPort(client: TdSynnexClient): OrderPort {
	return {
		distributor: 'tdsynnex',
		async availability(lines) {
			const answer = await client.priceAvailability(
				lines.map((l) => (/^\d{1,12}$/.test(l.sku) ? { synnexSku: l.sku } : { mfgPN: l.mpn || l.sku }))
			);
			if (!answer.ok) return tdSynnexFailure(answer);
			const held: HeldLine[] = [];
			const distributorSkus = new Map<number, string>();
			answer.value.forEach((item, i) => {
				const line = lines[i]!;
				if (item.status !== 'active' || !item.synnexSku) {
					const why = item.status === 'discontinued' ? 'Discontinued' : 'Not sold';
					held.push({
						lineNumber: line.lineNumber,
						reason: `${why}: ${item.description ?? (line.mpn || line.sku)}`.slice(0, 500)
					});
				} else if (item.totalQuantity === 0) {
					held.push({ lineNumber: line.lineNumber, reason: 'Out of stock: no warehouse has it.' });
				} else {
					distributorSkus.set(line.lineNumber, item.synnexSku);
				}
			});
			return { ok: true, value: { held, distributorSkus } };
		},
		async place(order, availability) {
			const placed = await client.placeOrder({
				poNumber: order.poNumber,
				shipTo: { ...order.shipTo },
				lines: order.lines.map((line) => ({
					lineNumber: line.lineNumber,
					synnexSku: availability.distributorSkus.get(line.lineNumber) ?? line.sku,
					quantity: line.quantity
				}))
			});
			if (placed.ok) {
				return {
					ok: true,
					value: { orderIds: placed.value.orderNumbers, placedNow: placed.value.placedNow, held: [] }
				};
			}
			if (placed.code === 'rejected' && placed.lines.length > 0) {
				return { ok: true, value: { orderIds: [], placedNow: false, held: heldOf(placed.lines) } };
			}
			return tdSynnexFailure(placed);
		},
		async status(poNumber) {
			const answer = await client.orderStatus(poNumber);
			if (!answer.ok) return tdSynnexFailure(answer);
			if (!answer.value) return { ok: true, value: null };
			const orderIds = [...new Set(answer.value.lines.map((l) => l.orderNumber).filter((n): n is string => !!n))];
			return {
				ok: true,
				value: {
					status: tdOrderStatus(answer.value.status),
					orderIds,
					lines: answer.value.lines.map((l) => ({
						lineNumber: l.lineNumber,
						status: tdLineStatus(l.status),
						tracking: l.tracking.map((t) => t.number).slice(0, 20)
					}))
				}
			};
		}
	};
}
