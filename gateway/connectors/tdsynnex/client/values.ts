// What the TD SYNNEX client answers with: Outpost's reading of P&A lines, a submitted PO and a PO's
// status, in cents and named states, never the wire's strings.

import type { LineStatus, OrderStatusName } from './order-status.ts';

export type ProductStatus = 'active' | 'discontinued' | 'not_found';

export type PriceAvailability = {
	/** 1-based, in the order asked. */
	lineNumber: number;
	/** Null when TD SYNNEX does not know the product (`<synnexSKU>0</synnexSKU>`). */
	synnexSku: string | null;
	mfgPN: string | null;
	description: string | null;
	status: ProductStatus;
	/** The reseller's cost per unit, in cents; null when not priced. */
	unitCostCents: number | null;
	totalQuantity: number;
	warehouses: { number: string; city: string | null; quantity: number }[];
};

export type SubmittedLine = {
	lineNumber: number;
	sku: string;
	quantity: number;
	orderNumber: string | null;
	status: LineStatus;
	reason: string | null;
};

export type SubmittedOrder = { poNumber: string; lines: SubmittedLine[] };

export type StatusLine = SubmittedLine & {
	mfgPN: string | null;
	shippedQuantity: number;
	/** TD SYNNEX's own code for the line, kept for the error details. */
	code: string;
	eta: string | null;
	shippedAt: string | null;
	tracking: { number: string; quantity: number | null }[];
};

export type TdSynnexOrderStatus = {
	poNumber: string;
	status: OrderStatusName;
	placedAt: string | null;
	lines: StatusLine[];
};
