// A typed fetch client for TD SYNNEX's EC Express XML API (psa-apis.md §5.2): price & availability,
// PO submission and PO status. Every answer is a value (TdSynnexResult). `placeOrder` is the one call
// that places an order: it looks the customer PO number up first, so a PO is placed exactly once
// however often a submission is retried or resumed. Retries and budgets belong to the runner.

import type { z } from 'zod';
import type { FetchLike } from '../../common/transport-core.ts';
import { TDSYNNEX_PA_BATCH, TDSYNNEX_TIMEOUT_MS } from '../spec.ts';
import type { Classified } from './classify-response.ts';
import { tdSynnexCredentialsSchema, type TdSynnexCredentialsInput } from './credentials.ts';
import { ok, TDSYNNEX_MESSAGES, type TdSynnexFailure, type TdSynnexResult } from './failures.ts';
import { readOrderResponse, readOrderStatus, readPriceResponse } from './read-answers.ts';
import {
	describeIssues,
	orderRequestDocument,
	orderStatusRequestDocument,
	poNumberSchema,
	priceQueriesSchema,
	priceRequestDocument,
	purchaseOrderSchema,
	type PriceQuery,
	type PurchaseOrder
} from './requests.ts';
import { createTransport, type RequestHook } from './transport.ts';
import { buildXml, type XmlDocument } from './xml.ts';
import type { PriceAvailability, SubmittedOrder, TdSynnexOrderStatus } from './values.ts';

export type * from './values.ts';

export type TdSynnexClientOptions = {
	/** Parsed here: hostile until proven otherwise. */
	credentials: TdSynnexCredentialsInput;
	fetch?: FetchLike;
	timeoutMs?: number;
	clock?: { now(): number };
	onRequest?: RequestHook;
	/** Products per P&A request; the spec's unless a test sets it. */
	batchSize?: number;
};

export type PlacedOrder = {
	/** False when TD SYNNEX already had this PO number (an earlier attempt got through). */
	placedNow: boolean;
	poNumber: string;
	orderNumbers: string[];
};

export type TdSynnexClient = {
	/** One entry per query, in order; `TDSYNNEX_PA_BATCH` products per request. */
	priceAvailability(queries: PriceQuery[]): Promise<TdSynnexResult<PriceAvailability[]>>;
	/** Sends the PO once, as given. Use `placeOrder` to place an order: this one does not look first. */
	submitOrder(order: PurchaseOrder): Promise<TdSynnexResult<SubmittedOrder>>;
	/** The PO by customer PO number; null when TD SYNNEX has none. */
	orderStatus(poNumber: string): Promise<TdSynnexResult<TdSynnexOrderStatus | null>>;
	/** Looks the PO number up, submits only when TD SYNNEX has none, and reads a duplicate answer as placed. */
	placeOrder(order: PurchaseOrder): Promise<TdSynnexResult<PlacedOrder>>;
	calls(): Record<string, number>;
};

export function createTdSynnexClient(opts: TdSynnexClientOptions): TdSynnexClient {
	const parsedCredentials = tdSynnexCredentialsSchema.safeParse(opts.credentials);
	const credentials = parsedCredentials.success ? parsedCredentials.data : null;
	const transport = createTransport({
		baseUrl: credentials?.baseUrl ?? 'http://invalid.invalid',
		fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
		timeoutMs: opts.timeoutMs ?? TDSYNNEX_TIMEOUT_MS,
		now: () => (opts.clock ?? Date).now(),
		onRequest: opts.onRequest
	});
	const batchSize = Math.max(1, opts.batchSize ?? TDSYNNEX_PA_BATCH);
	// Saved credentials that cannot be sent are fixed where they were entered (Admin › Distributors).
	const refused = (): TdSynnexFailure => {
		const error = parsedCredentials.error!;
		const customerNumber = error.issues.some((issue) => issue.path[0] === 'customerNumber');
		return {
			ok: false,
			code: 'auth_failed',
			message: customerNumber ? TDSYNNEX_MESSAGES.invalidCustomerNumber : TDSYNNEX_MESSAGES.authentication,
			status: 0,
			detail: describeIssues(error),
			reason: customerNumber ? 'customer_number' : 'credentials'
		};
	};
	const post = async <T>(
		path: Parameters<typeof transport.post>[0],
		document: XmlDocument,
		read: (classified: Classified & { ok: true }) => TdSynnexResult<T>
	): Promise<TdSynnexResult<T>> => {
		const answer = await transport.post(path, buildXml(document));
		return answer.ok ? read(answer) : answer;
	};

	const client: TdSynnexClient = {
		async priceAvailability(queries) {
			if (!credentials) return refused();
			const input = validate(priceQueriesSchema, queries);
			if (!input.ok) return input;
			const results: PriceAvailability[] = [];
			for (let start = 0; start < input.value.length; start += batchSize) {
				const batch = input.value.slice(start, start + batchSize);
				const answer = await post('/SynnexXML/PriceAvailability', priceRequestDocument(credentials, batch), (a) =>
					readPriceResponse(a.document, batch.length)
				);
				if (!answer.ok) return answer;
				// Each request numbers its lines from 1; the answer numbers them in the order asked.
				results.push(...answer.value.map((line) => ({ ...line, lineNumber: start + line.lineNumber })));
			}
			return ok(results);
		},
		async submitOrder(order) {
			if (!credentials) return refused();
			const input = validate(purchaseOrderSchema, order);
			if (!input.ok) return input;
			return post('/SynnexXML/PO', orderRequestDocument(credentials, input.value), (a) =>
				readOrderResponse(a.document, input.value.poNumber)
			);
		},
		async orderStatus(poNumber) {
			if (!credentials) return refused();
			const input = validate(poNumberSchema, poNumber);
			if (!input.ok) return input;
			return post('/SynnexXML/POStatus', orderStatusRequestDocument(credentials, input.value), (a) =>
				readOrderStatus(a.document, input.value)
			);
		},
		async placeOrder(order) {
			const input = validate(purchaseOrderSchema, order);
			if (!input.ok) return input;
			const known = await client.orderStatus(input.value.poNumber);
			if (!known.ok) return known;
			if (known.value) return ok(placed(false, known.value.poNumber, known.value.lines));
			const submitted = await client.submitOrder(input.value);
			if (submitted.ok) return ok(placed(true, submitted.value.poNumber, submitted.value.lines));
			if (submitted.code !== 'rejected' || !submitted.duplicate) return submitted;
			// Another attempt got through between the look-up and the submission: that one is the order.
			const again = await client.orderStatus(input.value.poNumber);
			if (!again.ok) return again;
			return again.value ? ok(placed(false, again.value.poNumber, again.value.lines)) : submitted;
		},
		calls: transport.calls
	};
	return client;
}

function placed(placedNow: boolean, poNumber: string, lines: { orderNumber: string | null }[]): PlacedOrder {
	const orderNumbers = [...new Set(lines.map((l) => l.orderNumber).filter((n): n is string => !!n))];
	return { placedNow, poNumber, orderNumbers };
}

function validate<S extends z.ZodType>(schema: S, input: unknown): TdSynnexResult<z.output<S>> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return ok(parsed.data);
	return { ok: false, code: 'invalid_request', message: `Not sent to TD SYNNEX: ${describeIssues(parsed.error)}` };
}
