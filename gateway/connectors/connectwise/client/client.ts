// A thin typed fetch client for the ConnectWise PSA REST API 3.0 (psa-apis.md §2): codebase discovery,
// Basic auth with the clientId header, conditions, Link-header paging, create, JSON-patch updates and
// deletes. Every answer is a value (ConnectwiseResult); retries, budgets and caching belong to the runner.

import { conditionsOf, type Condition } from './conditions.ts';
import { apiRoot, discoverCompanyInfo } from './company-info.ts';
import { authHeaders, connectwiseCredentialsSchema, siteRoot, type ConnectwiseCredentials } from './credentials.ts';
import { ok, unexpected, type ConnectwiseFailure, type ConnectwiseResult } from './failures.ts';
import { linkRelations } from './link-header.ts';
import {
	CONNECTWISE_RESOURCES,
	CREATE_SCHEMAS,
	forecastItemInput,
	patchOperationSchema,
	purchaseOrderLineItemInput,
	type PurchaseOrderLineItemInput,
	type CreatableResource,
	type CreateBody,
	type CwRecord,
	type ForecastItemInput,
	type PatchOperation,
	type ResourceName
} from './resources.ts';
import type { Classified } from './classify-response.ts';
import type { FetchLike } from '../../common/transport-core.ts';
import { createTransport, type RequestHook } from './transport.ts';
import {
	countSchema,
	forecastItemSchema,
	forecastSchema,
	purchaseOrderLineItemSchema,
	systemInfoSchema,
	type CompanyInfo
} from './wire-schemas.ts';
import type { z } from 'zod';

export type ConnectwiseClientOptions = {
	credentials: ConnectwiseCredentials;
	fetch?: FetchLike;
	/** A codebase found earlier (`v2025_1/`): skips discovery. */
	codebase?: string;
	/** Per request; a request that takes longer is a `timeout` failure. */
	timeoutMs?: number;
	clock?: { now(): number };
	onRequest?: RequestHook;
};

export type ListQuery = {
	conditions?: Condition[];
	orderBy?: string;
	/** Partial response (`id,name,status/id`). */
	fields?: string[];
	/** 25 unless given; ConnectWise allows up to 1000 (§2.5 [V]). */
	pageSize?: number;
	/** `pagination-type: forward-only` with `pageId` (§2.5 [V]); `orderBy` is not allowed with it. */
	forwardOnly?: boolean;
};

export type ForecastItem = z.infer<typeof forecastItemSchema>;
export type Forecast = z.infer<typeof forecastSchema>;
export type PurchaseOrderLineItem = z.infer<typeof purchaseOrderLineItemSchema>;

export type ConnectwiseClient = {
	companyInfo(): Promise<ConnectwiseResult<CompanyInfo>>;
	/** `GET /system/info`: the cheapest authenticated call. */
	systemInfo(): Promise<ConnectwiseResult<z.infer<typeof systemInfoSchema>>>;
	/** One result per page, following the `Link` header's `next`; stops after the first failure. */
	pages<R extends ResourceName>(resource: R, query?: ListQuery): AsyncGenerator<ConnectwiseResult<CwRecord<R>[]>>;
	/** Every page collected; more than `maxPages` (default 20) is a `too_many_pages` failure. */
	listAll<R extends ResourceName>(
		resource: R,
		query?: ListQuery,
		options?: { maxPages?: number }
	): Promise<ConnectwiseResult<CwRecord<R>[]>>;
	/** The first match or null, in one call. */
	first<R extends ResourceName>(resource: R, conditions: Condition[]): Promise<ConnectwiseResult<CwRecord<R> | null>>;
	count(resource: ResourceName, conditions?: Condition[]): Promise<ConnectwiseResult<number>>;
	/** The record, or null when ConnectWise answers 404. */
	get<R extends ResourceName>(resource: R, id: number): Promise<ConnectwiseResult<CwRecord<R> | null>>;
	/** The created record as ConnectWise answers it (201, with `id` and defaults). */
	create<R extends CreatableResource>(resource: R, body: CreateBody<R>): Promise<ConnectwiseResult<CwRecord<R>>>;
	patch<R extends CreatableResource>(
		resource: R,
		id: number,
		operations: PatchOperation[]
	): Promise<ConnectwiseResult<CwRecord<R>>>;
	remove(resource: CreatableResource, id: number): Promise<ConnectwiseResult<null>>;
	forecast(opportunityId: number): Promise<ConnectwiseResult<Forecast>>;
	createForecastItem(opportunityId: number, body: ForecastItemInput): Promise<ConnectwiseResult<ForecastItem>>;
	patchForecastItem(
		opportunityId: number,
		id: number,
		operations: PatchOperation[]
	): Promise<ConnectwiseResult<ForecastItem>>;
	removeForecastItem(opportunityId: number, id: number): Promise<ConnectwiseResult<null>>;
	/** A purchase order's line items, up to 1000 (one page). */
	purchaseOrderLineItems(purchaseOrderId: number): Promise<ConnectwiseResult<PurchaseOrderLineItem[]>>;
	createPurchaseOrderLineItem(
		purchaseOrderId: number,
		body: PurchaseOrderLineItemInput
	): Promise<ConnectwiseResult<PurchaseOrderLineItem>>;
	/** Requests sent, by endpoint (`POST /company/companies`). */
	calls(): Record<string, number>;
};

export function createConnectwiseClient(opts: ConnectwiseClientOptions): ConnectwiseClient {
	const credentials = connectwiseCredentialsSchema.parse(opts.credentials);
	const site = siteRoot(credentials.site);
	const origin = new URL(site).origin;
	const now = () => (opts.clock ?? Date).now();
	const transport = createTransport({
		fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
		headers: authHeaders(credentials),
		timeoutMs: opts.timeoutMs ?? 30_000,
		now,
		onRequest: opts.onRequest
	});
	let root: string | null = opts.codebase ? apiRoot(site, opts.codebase) : null;
	let info: CompanyInfo | null = null;

	async function companyInfo(): Promise<ConnectwiseResult<CompanyInfo>> {
		if (info) return ok(info);
		const found = await discoverCompanyInfo(transport, site, credentials.companyId);
		if (found.ok) {
			info = found.value;
			root ??= apiRoot(site, found.value.Codebase);
		}
		return found;
	}

	/** One call to `{root}{path}`; `template` names it for counting (`company/companies/{id}`). */
	async function call(
		method: string,
		path: string,
		template: string,
		body?: unknown,
		headers?: Record<string, string>
	) {
		if (!root) {
			const found = await companyInfo();
			if (!found.ok) return found;
		}
		const url = `${root}${path}`;
		return transport.send({ method, endpoint: `${method} /${template}`, url }, body, { headers });
	}

	function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): ConnectwiseResult<z.infer<S>> {
		const parsed = schema.safeParse(body);
		if (parsed.success) return ok(parsed.data);
		const issue = parsed.error.issues[0];
		return unexpected(`ConnectWise sent ${what} that does not fit: ${issue?.path.join('.')} ${issue?.message}.`, 200);
	}

	function parseList<R extends ResourceName>(resource: R, body: unknown): ConnectwiseResult<CwRecord<R>[]> {
		if (!Array.isArray(body)) return unexpected(`ConnectWise sent a ${resource} page that is not an array.`, 200);
		const records: CwRecord<R>[] = [];
		for (const item of body) {
			const parsed = parse(CONNECTWISE_RESOURCES[resource].schema, item, `a ${resource} record`);
			if (!parsed.ok) return parsed;
			records.push(parsed.value as CwRecord<R>);
		}
		return ok(records);
	}

	async function* pagesWithNext<R extends ResourceName>(
		resource: R,
		query: ListQuery = {}
	): AsyncGenerator<ConnectwiseResult<{ records: CwRecord<R>[]; next: string | null }>, void> {
		const { path } = CONNECTWISE_RESOURCES[resource];
		const params = new URLSearchParams();
		if (query.conditions?.length) params.set('conditions', conditionsOf(query.conditions));
		if (query.orderBy && !query.forwardOnly) params.set('orderBy', query.orderBy);
		if (query.fields?.length) params.set('fields', query.fields.join(','));
		params.set('pageSize', String(query.pageSize ?? 25));
		if (query.forwardOnly) params.set('pageId', '0');
		const headers = query.forwardOnly ? { 'pagination-type': 'forward-only' } : undefined;
		const endpoint = `GET /${path}`;
		let answer: Classified = await call('GET', `${path}?${params}`, path, undefined, headers);
		for (;;) {
			if (!answer.ok) return yield answer;
			const records = parseList(resource, answer.body);
			if (!records.ok) return yield records;
			const next = linkRelations(answer.headers.get('link')).next ?? null;
			// An empty page ends the walk whatever the header says, so a server that keeps linking cannot loop us.
			const more = next && records.value.length > 0 ? next : null;
			yield ok({ records: records.value, next: more });
			if (!more) return;
			// §2.5: `next` is an absolute URL; the keys go only to the site they were issued for.
			if (!sameOrigin(more, origin)) {
				return yield unexpected(`ConnectWise sent a next page outside its site: ${more}`, 200);
			}
			answer = await transport.send({ method: 'GET', endpoint, url: more }, undefined, { headers });
		}
	}

	async function write<S extends z.ZodType>(
		method: 'POST' | 'PATCH',
		path: string,
		template: string,
		body: unknown,
		schema: S,
		what: string
	): Promise<ConnectwiseResult<z.infer<S>>> {
		const answer = await call(method, path, template, body);
		if (!answer.ok) return answer;
		return parse(schema, answer.body, what);
	}

	function checkBody(schema: z.ZodType, body: unknown, what: string): ConnectwiseFailure | null {
		const parsed = schema.safeParse(body);
		if (parsed.success) return null;
		const issue = parsed.error.issues[0];
		return invalidRequest(`The ${what} cannot be sent: ${issue?.path.join('.')} ${issue?.message}.`);
	}

	function checkPatch(operations: PatchOperation[]): ConnectwiseFailure | null {
		if (operations.length === 0) return invalidRequest('A PATCH needs at least one operation.');
		return checkBody(patchOperationSchema.array(), operations, 'patch');
	}

	async function removeAt(path: string, template: string): Promise<ConnectwiseResult<null>> {
		const answer = await call('DELETE', path, template);
		return answer.ok ? ok(null) : answer;
	}

	return {
		companyInfo,
		async systemInfo() {
			const answer = await call('GET', 'system/info', 'system/info');
			return answer.ok ? parse(systemInfoSchema, answer.body, 'system info') : answer;
		},
		async *pages(resource, query) {
			for await (const page of pagesWithNext(resource, query)) yield page.ok ? ok(page.value.records) : page;
		},
		async listAll(resource, query, options = {}) {
			const maxPages = options.maxPages ?? 20;
			const all: CwRecord<typeof resource>[] = [];
			let count = 0;
			for await (const page of pagesWithNext(resource, query)) {
				if (!page.ok) return page;
				all.push(...page.value.records);
				count += 1;
				if (count >= maxPages && page.value.next) {
					return {
						ok: false,
						code: 'too_many_pages',
						message: `The ${resource} list has more than ${maxPages} pages.`
					};
				}
			}
			return ok(all);
		},
		async first(resource, conditions) {
			for await (const page of pagesWithNext(resource, { conditions, pageSize: 1 })) {
				return page.ok ? ok(page.value.records[0] ?? null) : page;
			}
			return ok(null);
		},
		async count(resource, conditions = []) {
			const { path } = CONNECTWISE_RESOURCES[resource];
			const query = conditions.length ? `?${new URLSearchParams({ conditions: conditionsOf(conditions) })}` : '';
			const answer = await call('GET', `${path}/count${query}`, `${path}/count`);
			if (!answer.ok) return answer;
			const parsed = parse(countSchema, answer.body, `a ${resource} count`);
			return parsed.ok ? ok(parsed.value.count) : parsed;
		},
		async get(resource, id) {
			const { path, schema } = CONNECTWISE_RESOURCES[resource];
			const answer = await call('GET', `${path}/${id}`, `${path}/{id}`);
			if (!answer.ok) return answer.code === 'not_found' ? ok(null) : answer;
			return parse(schema, answer.body, `a ${resource} record`) as ConnectwiseResult<CwRecord<typeof resource>>;
		},
		async create(resource, body) {
			const { path, schema } = CONNECTWISE_RESOURCES[resource];
			const refused = checkBody(CREATE_SCHEMAS[resource], body, `new ${resource} record`);
			if (refused) return refused;
			return write('POST', path, path, body, schema, `a ${resource} record`) as Promise<
				ConnectwiseResult<CwRecord<typeof resource>>
			>;
		},
		async patch(resource, id, operations) {
			const { path, schema } = CONNECTWISE_RESOURCES[resource];
			const refused = checkPatch(operations);
			if (refused) return refused;
			return write('PATCH', `${path}/${id}`, `${path}/{id}`, operations, schema, `a ${resource} record`) as Promise<
				ConnectwiseResult<CwRecord<typeof resource>>
			>;
		},
		remove(resource, id) {
			const { path } = CONNECTWISE_RESOURCES[resource];
			return removeAt(`${path}/${id}`, `${path}/{id}`);
		},
		async forecast(opportunityId) {
			const answer = await call('GET', forecastPath(opportunityId), FORECAST_TEMPLATE);
			return answer.ok ? parse(forecastSchema, answer.body, 'a forecast') : answer;
		},
		async createForecastItem(opportunityId, body) {
			const refused = checkBody(forecastItemInput, body, 'forecast item');
			if (refused) return refused;
			const full = { ...body, opportunity: { id: opportunityId } };
			return write('POST', forecastPath(opportunityId), FORECAST_TEMPLATE, full, forecastItemSchema, 'a forecast item');
		},
		async patchForecastItem(opportunityId, id, operations) {
			const refused = checkPatch(operations);
			if (refused) return refused;
			const path = `${forecastPath(opportunityId)}/${id}`;
			return write('PATCH', path, `${FORECAST_TEMPLATE}/{id}`, operations, forecastItemSchema, 'a forecast item');
		},
		removeForecastItem(opportunityId, id) {
			return removeAt(`${forecastPath(opportunityId)}/${id}`, `${FORECAST_TEMPLATE}/{id}`);
		},
		async purchaseOrderLineItems(purchaseOrderId) {
			const answer = await call('GET', `${lineItemsPath(purchaseOrderId)}?pageSize=1000`, LINE_ITEMS_TEMPLATE);
			return answer.ok ? parse(purchaseOrderLineItemSchema.array(), answer.body, 'line items') : answer;
		},
		async createPurchaseOrderLineItem(purchaseOrderId, body) {
			const refused = checkBody(purchaseOrderLineItemInput, body, 'purchase order line item');
			if (refused) return refused;
			const path = lineItemsPath(purchaseOrderId);
			return write('POST', path, LINE_ITEMS_TEMPLATE, body, purchaseOrderLineItemSchema, 'a line item');
		},
		calls: () => transport.calls()
	};
}

const LINE_ITEMS_TEMPLATE = 'procurement/purchaseorders/{id}/lineitems';
const lineItemsPath = (purchaseOrderId: number) => `procurement/purchaseorders/${purchaseOrderId}/lineitems`;

const FORECAST_TEMPLATE = 'sales/opportunities/{id}/forecast';
const forecastPath = (opportunityId: number) => `sales/opportunities/${opportunityId}/forecast`;

function sameOrigin(url: string, base: string): boolean {
	try {
		return new URL(url).origin === new URL(base).origin;
	} catch {
		return false;
	}
}

function invalidRequest(message: string): ConnectwiseFailure {
	return { ok: false, code: 'invalid_request', message };
}
