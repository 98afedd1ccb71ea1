// One shape for ordering at any distributor (issue 13): what the submission and the status poll need
// from Ingram Micro or TD SYNNEX, in Outpost's words. Each distributor's port (ingram-port.ts,
// tdsynnex-port.ts) maps its client onto it; failures carry the fix the seed names.

import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import type {
	OrderFailure,
	PurchaseOrderLineStatus,
	PurchaseOrderStatus
} from '../../shared/schema/purchase-order-entities.ts';
import type { PsaFailure } from '../psa/provider.ts';

export type PortFailure = PsaFailure & { failure: OrderFailure };
export type PortResult<T> = { ok: true; value: T } | PortFailure;

export type LineToOrder = { lineNumber: number; mpn: string; sku: string; quantity: number; unitCost: number };

/** Where the goods go: the organisation's letterhead address (TD SYNNEX requires one). */
export type ShipTo = { name: string; line1: string; city: string; state: string; zip: string; country: string };

export type OrderToPlace = { poNumber: string; shipTo: ShipTo; lines: LineToOrder[] };

/** A line the distributor will not sell now, with its reason in the distributor's words. */
export type HeldLine = { lineNumber: number; reason: string };

export type Availability = { held: HeldLine[]; distributorSkus: Map<number, string> };

export type Placed = { orderIds: string[]; placedNow: boolean; held: HeldLine[] };

/** Order states the distributor reports (never Draft or Submitted: those are Outpost's). */
export type DistributorOrderStatus = Exclude<PurchaseOrderStatus, 'draft' | 'submitted'>;

export type DistributorStatus = {
	status: DistributorOrderStatus;
	orderIds: string[];
	lines: { lineNumber: number; status: Exclude<PurchaseOrderLineStatus, 'open' | 'submitted'>; tracking: string[] }[];
};

/** The distributor's answer to a cancel: done, or refused in its own words (the order already shipped). */
export type CancelAnswer = { canceled: true } | { canceled: false; refusal: string };

export type OrderPort = {
	distributor: DistributorName;
	/** Whether each line can be ordered now (discontinued, out of stock), and the distributor's own SKU for it. */
	availability(lines: LineToOrder[]): Promise<PortResult<Availability>>;
	/** Looks the PO number up and submits only when the distributor has none (placeOrderOnce). */
	place(order: OrderToPlace, availability: Availability): Promise<PortResult<Placed>>;
	/** The order's state now; null when the distributor has no order with this PO number. */
	status(poNumber: string, orderIds: string[]): Promise<PortResult<DistributorStatus | null>>;
	/**
	 * Cancels each of the PO's orders the distributor has not canceled yet (each looked up first, so a
	 * run repeated after a cut sends no second cancel). Absent: the distributor's API cannot cancel.
	 */
	cancel?(orderIds: string[]): Promise<PortResult<CancelAnswer>>;
};
