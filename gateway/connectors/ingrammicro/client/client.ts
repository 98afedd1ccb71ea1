// A typed fetch client for the Ingram Micro Reseller API v6 (psa-apis.md §4): the client-credentials
// token, the IM-* headers, price & availability in batches of 50, and order create / details / search /
// cancel. Every answer is a value (IngramResult); the one retry it makes is a fresh token after a 401,
// and it waits for an X-RateLimit window only when the wait is short. Retries belong to the job runner.

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { FetchLike } from '../../common/transport-core.ts';
import { toAvailability, type ProductAvailability } from './availability.ts';
import type { Classified } from './classify-response.ts';
import { ingramCredentialsSchema, type IngramCredentials, type IngramCredentialsInput } from './credentials.ts';
import { INGRAM_MESSAGES, ok, unexpected, type IngramFailure, type IngramResult } from './failures.ts';
import { orderRequestSchema, toPlacedOrder, type OrderRequest, type PlacedOrder } from './orders.ts';
import { createRateGate } from './rate-gate.ts';
import { withFreshTokenOnce, type StaleToken } from '../../common/token-cache.ts';
import { createTokenCache } from './token-cache.ts';
import { createTransport } from './transport.ts';
import {
	orderCreateResponseSchema,
	orderDetailSchema,
	orderSearchSchema,
	priceAndAvailabilitySchema,
	type OrderDetail,
	type OrderSearch
} from './wire-schemas.ts';

/** §4.4 [V]: at most 50 products per P&A call. */
export const PA_BATCH_SIZE = 50;

export const ENDPOINTS = {
	priceAndAvailability: 'POST /resellers/v6/catalog/priceandavailability',
	createOrder: 'POST /resellers/v6/orders',
	orderDetails: 'GET /resellers/v6.1/orders/{ingramOrderNumber}',
	searchOrders: 'GET /resellers/v6/orders/search',
	cancelOrder: 'DELETE /resellers/v6/orders/{orderNumber}'
} as const;

export type IngramClientOptions = {
	credentials: IngramCredentialsInput;
	fetch?: FetchLike;
	/** Per request; a request that takes longer is a `timeout` failure. */
	timeoutMs?: number;
	clock?: { now(): number };
	sleep?: (ms: number) => Promise<void>;
	/** Renew the token this long before it expires (default five minutes). */
	refreshMarginMs?: number;
	/** Wait this long at most for an exhausted X-RateLimit window (default 5 s); longer is a rate_limited failure. */
	maxRateWaitMs?: number;
};

export type ProductQuery = { ingramPartNumber?: string; vendorPartNumber?: string; quantity?: number };
export type OrderSummary = NonNullable<OrderSearch['orders']>[number];

export type IngramClient = {
	readonly credentials: IngramCredentials;
	/** One call per 50 products, in order; the answer has one entry per product asked for. */
	priceAndAvailability(products: ProductQuery[]): Promise<IngramResult<ProductAvailability[]>>;
	/** Places the order as given (no lookup first: see `placeOrderOnce`). */
	createOrder(order: OrderRequest): Promise<IngramResult<PlacedOrder>>;
	/** The order, or null when Ingram has no such order. */
	orderDetails(ingramOrderNumber: string): Promise<IngramResult<OrderDetail | null>>;
	/** Orders whose customer PO number is `customerOrderNumber` (exact match). */
	findOrdersByPo(customerOrderNumber: string): Promise<IngramResult<OrderSummary[]>>;
	cancelOrder(ingramOrderNumber: string): Promise<IngramResult<null>>;
	/** A cheap authenticated call: token, then a search that finds nothing. */
	testConnection(): Promise<IngramResult<null>>;
	/** Requests sent, by endpoint. */
	calls(): Record<string, number>;
};

export function createIngramClient(opts: IngramClientOptions): IngramClient {
	const credentials = ingramCredentialsSchema.parse(opts.credentials);
	const now = () => (opts.clock ?? Date).now();
	const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const transport = createTransport({
		fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
		timeoutMs: opts.timeoutMs ?? 30_000,
		now
	});
	const tokens = createTokenCache({ transport, credentials, now, refreshMarginMs: opts.refreshMarginMs ?? 300_000 });
	const gate = createRateGate({ now, sleep, maxWaitMs: opts.maxRateWaitMs ?? 5_000 });

	const imHeaders = (): Record<string, string> => ({
		'IM-CustomerNumber': credentials.customerNumber,
		'IM-CountryCode': credentials.countryCode,
		// §4.3: unique per call, at most 32 characters [length UNVERIFIED].
		'IM-CorrelationID': randomUUID().replaceAll('-', ''),
		...(credentials.senderId ? { 'IM-SenderID': credentials.senderId } : {})
	});

	/** One call with a bearer token; a 401 gets one fresh token and one more try. */
	async function call(endpoint: string, method: string, path: string, json?: unknown): Promise<Classified> {
		return withFreshTokenOnce(tokens, async (): Promise<Classified | StaleToken<Classified>> => {
			const refused = await gate.admit(endpoint);
			if (refused) return refused;
			const token = await tokens.token();
			if (!token.ok) return token;
			const { answer, rate } = await transport.send({
				method,
				endpoint,
				url: `${credentials.apiUrl}${path}`,
				headers: { Authorization: `Bearer ${token.value}`, ...imHeaders() },
				body: json === undefined ? undefined : { json }
			});
			gate.record(endpoint, rate);
			const stale = !answer.ok && answer.code === 'auth_failed' && answer.reason === 'token_refused';
			return stale ? { ok: false, stale: token.value, answer } : answer;
		});
	}

	function parse<S extends z.ZodType>(answer: Classified, schema: S, what: string): IngramResult<z.infer<S>> {
		if (!answer.ok) return answer;
		const parsed = schema.safeParse(answer.body);
		if (parsed.success) return ok(parsed.data);
		const issue = parsed.error.issues[0];
		return unexpected(
			`Ingram Micro sent ${what} that does not fit: ${issue?.path.join('.')} ${issue?.message}.`,
			answer.status
		);
	}

	async function searchByPo(po: string, pageSize: number): Promise<IngramResult<OrderSummary[]>> {
		const query = new URLSearchParams({ customerOrderNumber: po, pageSize: String(pageSize), pageNumber: '1' });
		const answer = await call(ENDPOINTS.searchOrders, 'GET', `/resellers/v6/orders/search?${query}`);
		// [GUESS] a search that finds nothing may be a 404 rather than an empty list.
		if (!answer.ok && answer.code === 'not_found') return ok([]);
		const parsed = parse(answer, orderSearchSchema, 'an order search');
		if (!parsed.ok) return parsed;
		const wanted = po.trim().toLowerCase();
		return ok((parsed.value.orders ?? []).filter((o) => (o.customerOrderNumber ?? '').trim().toLowerCase() === wanted));
	}

	return {
		credentials,
		async priceAndAvailability(products) {
			if (products.length === 0) return ok([]);
			const bad = products.findIndex((p) => !p.ingramPartNumber?.trim() && !p.vendorPartNumber?.trim());
			if (bad !== -1) return invalidRequest(`Product ${bad + 1} has neither an Ingram nor a vendor part number.`);
			const results: ProductAvailability[] = [];
			for (let start = 0; start < products.length; start += PA_BATCH_SIZE) {
				const batch = products.slice(start, start + PA_BATCH_SIZE);
				const body = {
					showAvailableDiscounts: false,
					showReserveInventoryDetails: false,
					products: batch.map((p) => ({
						...(p.ingramPartNumber ? { ingramPartNumber: p.ingramPartNumber.trim() } : {}),
						...(p.vendorPartNumber ? { vendorPartNumber: p.vendorPartNumber.trim() } : {}),
						...(p.quantity ? { quantityRequested: String(p.quantity) } : {})
					}))
				};
				const path = '/resellers/v6/catalog/priceandavailability?includeAvailability=true&includePricing=true';
				const parsed = parse(
					await call(ENDPOINTS.priceAndAvailability, 'POST', path, body),
					priceAndAvailabilitySchema,
					'a P&A answer'
				);
				if (!parsed.ok) return parsed;
				if (parsed.value.length !== batch.length) {
					return unexpected(
						`Ingram Micro answered ${parsed.value.length} P&A entries for ${batch.length} products.`,
						200
					);
				}
				// `index` says which product an entry answers [V]; without it, the order they were asked in.
				parsed.value.forEach((item, i) => {
					const at =
						item.index !== null && item.index !== undefined && item.index >= 0 && item.index < batch.length
							? item.index
							: i;
					results.push(toAvailability(item, start + at));
				});
			}
			return ok(results.sort((a, b) => a.index - b.index));
		},
		async createOrder(order) {
			const checked = orderRequestSchema.safeParse(order);
			if (!checked.success) {
				const issue = checked.error.issues[0];
				return invalidRequest(`The order cannot be sent: ${issue?.path.join('.') || 'order'} ${issue?.message}.`);
			}
			const parsed = parse(
				await call(ENDPOINTS.createOrder, 'POST', '/resellers/v6/orders', checked.data),
				orderCreateResponseSchema,
				'an order answer'
			);
			if (!parsed.ok) return parsed;
			const placed = toPlacedOrder(checked.data.customerOrderNumber, parsed.value);
			if (placed.ingramOrderNumbers.length === 0) {
				if (placed.rejected.length === 0)
					return unexpected('Ingram Micro created no order and named no rejected line.', 200);
				return productUnavailable(placed);
			}
			return ok(placed);
		},
		async orderDetails(ingramOrderNumber) {
			const path = `/resellers/v6.1/orders/${encodeURIComponent(ingramOrderNumber)}`;
			const answer = await call(ENDPOINTS.orderDetails, 'GET', path);
			if (!answer.ok && answer.code === 'not_found') return ok(null);
			return parse(answer, orderDetailSchema, 'order details');
		},
		findOrdersByPo: (po) => searchByPo(po, 25),
		async cancelOrder(ingramOrderNumber) {
			const path = `/resellers/v6/orders/${encodeURIComponent(ingramOrderNumber)}`;
			const answer = await call(ENDPOINTS.cancelOrder, 'DELETE', path);
			return answer.ok ? ok(null) : answer;
		},
		async testConnection() {
			const found = await searchByPo(`OUTPOST-TEST-${randomUUID().slice(0, 8)}`, 1);
			return found.ok ? ok(null) : found;
		},
		calls: () => transport.calls()
	};
}

function invalidRequest(message: string): IngramFailure {
	return { ok: false, code: 'invalid_request', message };
}

function productUnavailable(placed: PlacedOrder): IngramFailure {
	const parts = placed.rejected
		.map((r) => `${r.ingramPartNumber ?? r.vendorPartNumber ?? '?'}: ${r.detail}`)
		.join('; ');
	return {
		ok: false,
		code: 'rejected',
		reason: 'product_unavailable',
		message: `${INGRAM_MESSAGES.productUnavailable} (${parts})`,
		status: 200,
		products: placed.rejected
	};
}
