// TD SYNNEX's parsed answers read into values or typed failures (pure): the zod schemas of
// ./wire-schemas.ts, the error texts inside 200 answers, and the line codes of ./order-status.ts.

import type { z } from 'zod';
import { inBodyFailure, unavailableReason } from './classify-response.ts';
import {
	ok,
	productsUnavailable,
	unexpected,
	type TdSynnexFailure,
	type TdSynnexResult,
	type UnavailableLine
} from './failures.ts';
import { lineStatusOf, orderStatusOf } from './order-status.ts';
import type { PriceAvailability, ProductStatus, StatusLine, SubmittedOrder, TdSynnexOrderStatus } from './values.ts';
import {
	errorDocumentSchema,
	errorTextOf,
	orderResponseSchema,
	orderStatusResponseSchema,
	priceResponseSchema,
	type ErrorFields,
	type OrderItem
} from './wire-schemas.ts';
import type { XmlDocument } from './xml.ts';

const ACCEPTED = new Set(['accepted', '0', 'success']);
/** [UNVERIFIED]: how a PO status look-up says it has no such PO. */
const NO_SUCH_PO = /not\s*found|no (such )?(po|order|record)s?\b|does not exist|no data/i;

export function readPriceResponse(document: XmlDocument, asked: number): TdSynnexResult<PriceAvailability[]> {
	const parsed = parseOrError(priceResponseSchema, document, 'price & availability');
	if (!parsed.ok) return parsed;
	const answer = parsed.value.priceResponse;
	const error = errorTextOf(answer);
	if (error) return inBodyFailure(error);
	const byLine = new Map((answer.PriceAvailabilityList ?? []).map((item) => [item.lineNumber, item]));
	const lines: PriceAvailability[] = [];
	for (let lineNumber = 1; lineNumber <= asked; lineNumber++) {
		const item = byLine.get(lineNumber);
		if (!item) {
			lines.push(notFound(lineNumber));
			continue;
		}
		const known = item.synnexSKU.trim() !== '' && item.synnexSKU.trim() !== '0';
		lines.push({
			lineNumber,
			synnexSku: known ? item.synnexSKU.trim() : null,
			mfgPN: item.mfgPN || null,
			description: item.description || null,
			status: known ? productStatus(item.status) : 'not_found',
			unitCostCents: item.price ?? null,
			totalQuantity: Math.max(0, item.totalQuantity ?? 0),
			warehouses: (item.AvailabilityByWarehouse ?? []).map((w) => ({
				number: w.warehouseInfo?.number ?? '',
				city: w.warehouseInfo?.city || null,
				quantity: Math.max(0, w.qty)
			}))
		});
	}
	return ok(lines);
}

export function readOrderResponse(document: XmlDocument, poNumber: string): TdSynnexResult<SubmittedOrder> {
	const parsed = parseOrError(orderResponseSchema, document, 'PO');
	if (!parsed.ok) return parsed;
	const root = parsed.value.SynnexB2B;
	const answer = root.OrderResponse;
	if (!answer) return inBodyFailure(errorTextOf(root) ?? 'TD SYNNEX answered the PO without an OrderResponse.');
	if (answer.PONumber && answer.PONumber !== poNumber) {
		return unexpected(`TD SYNNEX answered about PO ${answer.PONumber}, not ${poNumber}.`, 200);
	}
	const items = answer.Items ? (answer.Items.Item ?? []) : [];
	if (!ACCEPTED.has(answer.Code.trim().toLowerCase())) return refusal(answer, items);
	return ok({
		poNumber,
		lines: items.map((item) => {
			const quantity = item.OrderQuantity ?? 0;
			return {
				lineNumber: lineNumberOf(item),
				sku: item.SKU ?? '',
				quantity,
				orderNumber: item.OrderNumber || null,
				status: lineStatusOf(item.Code, quantity, 0),
				reason: item.Reason || null
			};
		})
	});
}

export function readOrderStatus(document: XmlDocument, poNumber: string): TdSynnexResult<TdSynnexOrderStatus | null> {
	const parsed = parseOrError(orderStatusResponseSchema, document, 'PO status');
	if (!parsed.ok) return parsed;
	const root = parsed.value.SynnexB2B;
	const answer = root.OrderStatusResponse;
	const error = answer ? (errorTextOf(answer) ?? errorTextOf(root)) : errorTextOf(root);
	if (!answer) return error && NO_SUCH_PO.test(error) ? ok(null) : inBodyFailure(error ?? 'No OrderStatusResponse.');
	if (answer.Code.trim().toLowerCase() === 'rejected' || error) {
		const reason = answer.Reason || error || 'rejected';
		return NO_SUCH_PO.test(reason) ? ok(null) : inBodyFailure(reason);
	}
	if (answer.PONumber && answer.PONumber !== poNumber) {
		return unexpected(`TD SYNNEX answered about PO ${answer.PONumber}, not ${poNumber}.`, 200);
	}
	const items = answer.Items ? (answer.Items.Item ?? []) : [];
	const lines: StatusLine[] = items.map((item) => {
		const quantity = item.OrderQuantity ?? 0;
		const shippedQuantity = item.ShipQuantity ?? 0;
		const packages = item.Packages ? (item.Packages.Package ?? []) : [];
		return {
			lineNumber: lineNumberOf(item),
			sku: item.SKU ?? '',
			mfgPN: item.MfgPN || null,
			quantity,
			shippedQuantity,
			orderNumber: item.OrderNumber || null,
			code: item.Code,
			status: lineStatusOf(item.Code, quantity, shippedQuantity),
			reason: item.Reason || null,
			eta: item.ETADate || null,
			shippedAt: item.ShipDatetime || null,
			tracking: packages.map((p) => ({ number: p.TrackingNumber, quantity: p.ShipItemQuantity ?? null }))
		};
	});
	return ok({ poNumber, status: orderStatusOf(lines), placedAt: answer.PODatetime || null, lines });
}

/** A refused PO: the credentials, maintenance or a duplicate first; then the products it will not sell. */
function refusal(answer: { Reason?: string } & ErrorFields, items: OrderItem[]): TdSynnexFailure {
	const reason = answer.Reason || errorTextOf(answer) || items.find((i) => i.Reason)?.Reason || 'rejected';
	const failure = inBodyFailure(reason);
	if (failure.code !== 'rejected' || failure.duplicate) return failure;
	const unavailable: UnavailableLine[] = items.flatMap((item) => {
		const why = item.Reason ? unavailableReason(item.Reason) : null;
		return why ? [{ lineNumber: lineNumberOf(item), sku: item.SKU ?? '', reason: why, detail: item.Reason! }] : [];
	});
	return unavailable.length ? productsUnavailable(unavailable) : failure;
}

function parseOrError<S extends z.ZodType>(
	schema: S,
	document: XmlDocument,
	what: string
): TdSynnexResult<z.output<S>> {
	const parsed = schema.safeParse(document);
	if (parsed.success) return ok(parsed.data);
	const error = errorDocumentSchema.safeParse(document);
	if (error.success) {
		const body = error.data.errorResponse;
		return inBodyFailure(typeof body === 'string' ? body : (errorTextOf(body) ?? 'error'));
	}
	const issue = parsed.error.issues[0];
	const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown shape';
	return unexpected(`TD SYNNEX's ${what} answer is not the documented shape (${where}).`, 200);
}

function productStatus(status: string): ProductStatus {
	const s = status.trim().toLowerCase();
	if (s === 'active') return 'active';
	if (s.startsWith('discontinu')) return 'discontinued';
	return s.includes('not') && s.includes('found') ? 'not_found' : 'active';
}

function notFound(lineNumber: number): PriceAvailability {
	return {
		lineNumber,
		synnexSku: null,
		mfgPN: null,
		description: null,
		status: 'not_found',
		unitCostCents: null,
		totalQuantity: 0,
		warehouses: []
	};
}

const lineNumberOf = (item: OrderItem) => item['@_lineNumber'] ?? item.LineNumber ?? 0;
