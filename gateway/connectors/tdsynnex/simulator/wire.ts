// The simulator's side of the wire (psa-apis.md §5.2): the three request documents read with zod, and
// the answers written with the same XML library the client reads them with. Error elements and line
// codes are the guesses ../README.md lists.

import { z } from 'zod';
import { type XmlDocument } from '../client/xml.ts';
import { stockOf, type SimProduct } from './catalog.ts';
import type { SimOrder } from './orders.ts';

const text = z.string().max(2000);

export const priceRequestSchema = z.object({
	priceRequest: z.looseObject({
		customerNo: text,
		userName: text,
		password: text,
		skuList: z
			.array(z.looseObject({ synnexSKU: text.optional(), mfgPN: text.optional(), lineNumber: text }))
			.max(5000)
			.default([])
	})
});

const credential = z.looseObject({ UserID: text, Password: text });

export const orderRequestSchema = z.object({
	SynnexB2B: z.looseObject({
		Credential: credential,
		OrderRequest: z.looseObject({
			CustomerNumber: text,
			PONumber: text,
			BackOrderFlag: text.optional(),
			Items: z.looseObject({
				Item: z.array(
					z.looseObject({
						'@_lineNumber': text,
						SKU: text,
						OrderQuantity: text,
						UnitPrice: text.optional()
					})
				)
			})
		})
	})
});

export const orderStatusRequestSchema = z.object({
	SynnexB2B: z.looseObject({
		Credential: credential,
		OrderStatusRequest: z.looseObject({ CustomerNumber: text, PONumber: text })
	})
});

export function priceLine(
	product: SimProduct | undefined,
	lineNumber: number,
	asked: { synnexSKU?: string; mfgPN?: string }
) {
	if (!product) {
		return { synnexSKU: '0', mfgPN: asked.mfgPN ?? '', status: 'Not found', lineNumber };
	}
	return {
		synnexSKU: product.synnexSku,
		mfgPN: product.mfgPN,
		mfgCode: product.mfgCode,
		status: product.status,
		description: product.description,
		GlobalProductStatusCode: product.status,
		price: (product.priceCents / 100).toFixed(2),
		totalQuantity: stockOf(product),
		AvailabilityByWarehouse: product.warehouses.map((w) => ({
			warehouseInfo: { number: w.number, zipcode: w.zipcode, city: w.city, addr: w.addr },
			qty: w.qty
		})),
		lineNumber
	};
}

export const priceError = (customerNo: string, detail: string): XmlDocument => ({
	priceResponse: { customerNo, errorDetail: detail }
});

export function orderAccepted(order: SimOrder, respondedAt: string): XmlDocument {
	return {
		SynnexB2B: {
			OrderResponse: {
				CustomerNumber: order.customerNumber,
				PONumber: order.poNumber,
				Code: 'accepted',
				ResponseDateTime: respondedAt,
				Items: {
					Item: order.lines.map((line) => ({
						'@_lineNumber': line.lineNumber,
						SKU: line.sku,
						OrderQuantity: line.quantity,
						Code: 'accepted',
						OrderNumber: line.orderNumber,
						OrderType: '01'
					}))
				}
			}
		}
	};
}

export function orderRejected(
	customerNumber: string,
	poNumber: string,
	reason: string,
	lines: { lineNumber: number; sku: string; quantity: number; reason: string | null }[] = []
): XmlDocument {
	return {
		SynnexB2B: {
			OrderResponse: {
				CustomerNumber: customerNumber,
				PONumber: poNumber,
				Code: 'rejected',
				Reason: reason,
				...(lines.length
					? {
							Items: {
								Item: lines.map((l) => ({
									'@_lineNumber': l.lineNumber,
									SKU: l.sku,
									OrderQuantity: l.quantity,
									Code: l.reason ? 'rejected' : 'accepted',
									...(l.reason ? { Reason: l.reason } : {})
								}))
							}
						}
					: {})
			}
		}
	};
}

export function statusRejected(customerNumber: string, poNumber: string, reason: string): XmlDocument {
	return {
		SynnexB2B: {
			OrderStatusResponse: { CustomerNumber: customerNumber, PONumber: poNumber, Code: 'rejected', Reason: reason }
		}
	};
}

export function orderStatus(order: SimOrder): XmlDocument {
	return {
		SynnexB2B: {
			OrderStatusResponse: {
				CustomerNumber: order.customerNumber,
				PONumber: order.poNumber,
				Code: 'accepted',
				PODatetime: new Date(order.createdAt).toISOString().slice(0, 19),
				Items: {
					Item: order.lines.map((line) => ({
						'@_lineNumber': line.lineNumber,
						Code: line.code,
						OrderNumber: line.orderNumber,
						OrderType: '01',
						OrderQuantity: line.quantity,
						UnitPrice: (line.unitPriceCents / 100).toFixed(2),
						SKU: line.sku,
						MfgPN: line.mfgPN,
						ProductName: line.description,
						ShipQuantity: line.shipped,
						...(line.packages.length ? { ShipDatetime: line.packages.at(-1)!.shippedAt } : {}),
						...(line.eta && line.shipped < line.quantity ? { ETADate: line.eta } : {}),
						...(line.packages.length
							? {
									Packages: {
										Package: line.packages.map((p) => ({
											TrackingNumber: p.trackingNumber,
											ShipItemQuantity: p.quantity
										}))
									}
								}
							: {})
					}))
				}
			}
		}
	};
}
