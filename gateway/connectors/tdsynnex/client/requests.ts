// What Outpost asks TD SYNNEX, validated (every input is hostile), and the XML documents that carry it
// (psa-apis.md §5.2). Pure: values in, documents out; ./xml.ts writes them, escaping every text.

import { z } from 'zod';
import type { TdSynnexCredentials } from './credentials.ts';
import type { XmlDocument } from './xml.ts';

/** TD SYNNEX's own product id: digits. A SKU it does not know would be filed as a non-stock quote line (§5.2). */
const synnexSku = z
	.string()
	.trim()
	.regex(/^\d{1,12}$/, 'a TD SYNNEX SKU (digits)');
const printable = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'required')
		.max(max, `at most ${max} characters`)
		.regex(/^[\x20-\x7e\u00a0-\u00ff]+$/, 'letters, digits, punctuation and spaces only');

export const priceQuerySchema = z.union([
	z.object({ synnexSku }).strict(),
	z.object({ mfgPN: printable(100) }).strict()
]);
export type PriceQuery = z.infer<typeof priceQuerySchema>;
export const priceQueriesSchema = z.array(priceQuerySchema).max(5000, 'at most 5,000 products at once');

/** The customer PO number: the idempotency key of an order. [UNVERIFIED] length: 30 is kept under. */
export const poNumberSchema = printable(30);

export const purchaseOrderSchema = z.object({
	poNumber: poNumberSchema,
	shipTo: z.object({
		name: printable(60),
		line1: printable(60),
		line2: printable(60).optional(),
		city: printable(40),
		state: printable(30),
		zip: printable(15),
		country: z.string().regex(/^[A-Z]{2}$/, 'an ISO country code (US, CA)')
	}),
	/** A TD SYNNEX ship method code (FG, FX, …); its default when absent. */
	shipMethod: z
		.string()
		.regex(/^[A-Z0-9]{1,6}$/, 'a ship method code')
		.optional(),
	dropShip: z.boolean().default(true),
	/** Let TD SYNNEX backorder what it cannot ship now, instead of refusing the line. */
	backorder: z.boolean().default(true),
	lines: z
		.array(
			z.object({
				lineNumber: z.number().int().min(1).max(9999),
				synnexSku,
				quantity: z.number().int().min(1).max(99_999),
				unitPriceCents: z.number().int().min(0).max(1e11).optional()
			})
		)
		.min(1, 'at least one line')
		.max(500, 'at most 500 lines')
		.refine((lines) => new Set(lines.map((l) => l.lineNumber)).size === lines.length, 'line numbers repeat')
});
export type PurchaseOrder = z.input<typeof purchaseOrderSchema>;
export type ValidPurchaseOrder = z.output<typeof purchaseOrderSchema>;

/** `<priceRequest>` with the credentials in the body and one `<skuList>` per product. */
export function priceRequestDocument(credentials: TdSynnexCredentials, queries: PriceQuery[]): XmlDocument {
	return {
		priceRequest: {
			customerNo: credentials.customerNumber,
			userName: credentials.userName,
			password: credentials.password,
			skuList: queries.map((query, index) => ({
				...('synnexSku' in query ? { synnexSKU: query.synnexSku } : { mfgPN: query.mfgPN }),
				lineNumber: index + 1
			}))
		}
	};
}

const credential = (c: TdSynnexCredentials) => ({ UserID: c.userName, Password: c.password });
const money = (cents: number) => (cents / 100).toFixed(2);

/** `<SynnexB2B><OrderRequest>`: one PO, its ship-to and its lines by TD SYNNEX SKU. */
export function orderRequestDocument(credentials: TdSynnexCredentials, order: ValidPurchaseOrder): XmlDocument {
	const shipTo = order.shipTo;
	return {
		SynnexB2B: {
			Credential: credential(credentials),
			OrderRequest: {
				CustomerNumber: credentials.customerNumber,
				PONumber: order.poNumber,
				DropShipFlag: order.dropShip ? 'Y' : 'N',
				BackOrderFlag: order.backorder ? 'Y' : 'N',
				Shipment: {
					ShipTo: {
						AddressName1: shipTo.name,
						AddressLine1: shipTo.line1,
						...(shipTo.line2 ? { AddressLine2: shipTo.line2 } : {}),
						City: shipTo.city,
						State: shipTo.state,
						ZipCode: shipTo.zip,
						Country: shipTo.country
					},
					...(order.shipMethod ? { ShipMethod: { Code: order.shipMethod } } : {})
				},
				Payment: { BillTo: { '@_code': credentials.customerNumber } },
				Items: {
					Item: order.lines.map((line) => ({
						'@_lineNumber': line.lineNumber,
						SKU: line.synnexSku,
						OrderQuantity: line.quantity,
						...(line.unitPriceCents === undefined ? {} : { UnitPrice: money(line.unitPriceCents) })
					}))
				}
			}
		}
	};
}

/** `<SynnexB2B><OrderStatusRequest>` by customer PO number. */
export function orderStatusRequestDocument(credentials: TdSynnexCredentials, poNumber: string): XmlDocument {
	return {
		SynnexB2B: {
			'@_version': '2.7',
			Credential: credential(credentials),
			OrderStatusRequest: { CustomerNumber: credentials.customerNumber, PONumber: poNumber }
		}
	};
}

/** Where a zod failure points, for an `invalid_request` message: "lines.0.synnexSku: a TD SYNNEX SKU (digits)". */
export function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
		.join('; ');
}
