// A thin typed fetch client for the Autotask REST API v1.0 (psa-apis.md §1): zone discovery, header
// auth, queries with nextPageUrl paging, get/create/update/delete, picklists. Every answer is a value
// (AutotaskResult); retries, budgets and caching belong to the job runner that drives it.

import { autotaskCredentialsSchema, authHeaders, type AutotaskCredentials } from './credentials.ts';
import {
	AUTOTASK_ENTITIES,
	parentOf,
	writePath,
	type CreatableEntity,
	type EntityName,
	type ParentKey,
	type RemovableEntity,
	type UpdatableEntity
} from './entities.ts';
import { ENTITY_SCHEMAS, type AutotaskRecord, type CreateBody } from './entity-schemas.ts';
import { noMatchingRecords, ok, unexpected, type AutotaskFailure, type AutotaskResult } from './failures.ts';
import { queryBody, type FilterCondition, type QueryInput } from './filter.ts';
import type { Classified } from './classify-response.ts';
import type { FetchLike } from '../../common/transport-core.ts';
import { createTransport, type RequestHook } from './transport.ts';
import {
	fieldsSchema,
	itemIdSchema,
	itemSchema,
	queryCountSchema,
	queryPageSchema,
	thresholdInformationSchema,
	type FieldInfo,
	type PicklistValue,
	type ThresholdInformation,
	type ZoneInformation
} from './wire-schemas.ts';
import { DEFAULT_ZONE_LOOKUP_URL, discoverZone, withSlash } from './zone.ts';

export type AutotaskClientOptions = {
	credentials: AutotaskCredentials;
	fetch?: FetchLike;
	/** Where zone lookups go; the simulator's in sandbox mode. */
	zoneLookupUrl?: string;
	/** A zone found earlier: skips discovery. */
	zoneUrl?: string;
	/** Per request; a request that takes longer is a `timeout` failure. */
	timeoutMs?: number;
	clock?: { now(): number };
	onRequest?: RequestHook;
};

type ParentFields<E extends EntityName> = [ParentKey<E>] extends [never] ? unknown : { [K in ParentKey<E>]: number };
export type CreateInput<E extends CreatableEntity> = CreateBody<E> & ParentFields<E>;
export type UpdateInput<E extends UpdatableEntity> = { id: number } & CreateBody<E> & ParentFields<E>;
export type RemoveInput<E extends RemovableEntity> = { id: number } & ParentFields<E>;

export type AutotaskClient = {
	zone(): Promise<AutotaskResult<ZoneInformation>>;
	/** One result per page, following `nextPageUrl`; stops after the first failure. */
	queryPages<E extends EntityName>(entity: E, query?: QueryInput): AsyncGenerator<AutotaskResult<AutotaskRecord<E>[]>>;
	/** Every page collected; more than `maxPages` pages (default 20) is a `too_many_pages` failure. */
	queryAll<E extends EntityName>(
		entity: E,
		query?: QueryInput,
		options?: { maxPages?: number }
	): Promise<AutotaskResult<AutotaskRecord<E>[]>>;
	/** The first match; none is `No matching records found`. Costs one call. */
	queryOne<E extends EntityName>(entity: E, filter: FilterCondition[]): Promise<AutotaskResult<AutotaskRecord<E>>>;
	count(entity: EntityName, filter?: FilterCondition[]): Promise<AutotaskResult<number>>;
	/** The record, or null when Autotask answers 404. */
	get<E extends EntityName>(entity: E, id: number): Promise<AutotaskResult<AutotaskRecord<E> | null>>;
	/** The new record's id. Children go through their parent's URL. */
	create<E extends CreatableEntity>(entity: E, body: CreateInput<E>): Promise<AutotaskResult<number>>;
	/** A partial update (PATCH): `id` plus the changed fields (and the parent id for children). */
	update<E extends UpdatableEntity>(entity: E, body: UpdateInput<E>): Promise<AutotaskResult<number>>;
	remove<E extends RemovableEntity>(entity: E, ref: RemoveInput<E>): Promise<AutotaskResult<number>>;
	fields(entity: EntityName): Promise<AutotaskResult<FieldInfo[]>>;
	/** The picklist of one field, as the tenant has it (labels are per tenant: never hard-code them). */
	picklist(entity: EntityName, field: string): Promise<AutotaskResult<PicklistValue[]>>;
	thresholdInformation(): Promise<AutotaskResult<ThresholdInformation>>;
	/** Requests sent, by endpoint (`POST /Companies/query`). */
	calls(): Record<string, number>;
};

export function createAutotaskClient(opts: AutotaskClientOptions): AutotaskClient {
	const credentials = autotaskCredentialsSchema.parse(opts.credentials);
	const now = () => (opts.clock ?? Date).now();
	const transport = createTransport({
		fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
		headers: authHeaders(credentials),
		timeoutMs: opts.timeoutMs ?? 30_000,
		now,
		onRequest: opts.onRequest
	});
	let zone: ZoneInformation | null = opts.zoneUrl ? { url: withSlash(opts.zoneUrl) } : null;

	let lookup: Promise<AutotaskResult<ZoneInformation>> | null = null;

	/** One lookup however many calls wait for it; a failed one is not kept, so the next call retries. */
	async function resolveZone(): Promise<AutotaskResult<ZoneInformation>> {
		if (zone) return ok(zone);
		lookup ??= discoverZone(transport, opts.zoneLookupUrl ?? DEFAULT_ZONE_LOOKUP_URL, credentials.userName);
		const found = await lookup;
		lookup = null;
		if (found.ok) zone = found.value;
		return found;
	}

	/** One call to `{zoneUrl}V1.0/{path}`; `endpoint` names it for counting and budgets. */
	async function call(method: string, path: string, endpoint: string, entity: string, body?: unknown) {
		const root = await resolveZone();
		if (!root.ok) return root;
		const url = `${root.value.url}V1.0/${path}`;
		return transport.send({ method, endpoint: `${method} /${endpoint}`, entity, url }, body);
	}

	function parseRecords<E extends EntityName>(entity: E, items: unknown[]): AutotaskResult<AutotaskRecord<E>[]> {
		const schema = ENTITY_SCHEMAS[entity];
		const records: AutotaskRecord<E>[] = [];
		for (const item of items) {
			const parsed = schema.safeParse(item);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				return unexpected(
					`Autotask sent a ${entity} record that does not fit: ${issue?.path.join('.')} ${issue?.message}.`,
					200
				);
			}
			records.push(parsed.data as AutotaskRecord<E>);
		}
		return ok(records);
	}

	/** Each page with the URL of the next one; stops after the first failure. */
	async function* pages<E extends EntityName>(
		entity: E,
		query: QueryInput = {}
	): AsyncGenerator<AutotaskResult<{ records: AutotaskRecord<E>[]; next: string | null }>, void> {
		let answer = await call('POST', `${entity}/query`, `${entity}/query`, entity, queryBody(query));
		for (;;) {
			const step = readPage(entity, answer);
			yield step;
			if (!step.ok || !step.value.next) return;
			const next = step.value.next;
			// The next page is an absolute, opaque URL (§1.4); credentials go only to the zone's own host.
			if (!zone || !sameOrigin(next, zone.url)) {
				yield unexpected(`Autotask sent a nextPageUrl outside its zone: ${next}`, 200);
				return;
			}
			answer = await transport.send({ method: 'GET', endpoint: `GET /${entity}/query/next`, entity, url: next });
		}
	}

	function readPage<E extends EntityName>(entity: E, answer: Classified) {
		if (!answer.ok) return answer;
		const page = queryPageSchema.safeParse(answer.body);
		if (!page.success) return unexpected(`Autotask sent a ${entity} query page without items.`, 200);
		const records = parseRecords(entity, page.data.items);
		if (!records.ok) return records;
		return ok({ records: records.value, next: page.data.pageDetails?.nextPageUrl ?? null });
	}

	const client: AutotaskClient = {
		zone: resolveZone,
		async *queryPages(entity, query) {
			for await (const page of pages(entity, query)) yield page.ok ? ok(page.value.records) : page;
		},
		async queryAll(entity, query, options = {}) {
			const maxPages = options.maxPages ?? 20;
			const all: AutotaskRecord<typeof entity>[] = [];
			let count = 0;
			for await (const page of pages(entity, query)) {
				if (!page.ok) return page;
				all.push(...page.value.records);
				count += 1;
				if (count >= maxPages && page.value.next) return tooManyPages(entity, maxPages);
			}
			return ok(all);
		},
		async queryOne(entity, filter) {
			for await (const page of pages(entity, { filter, maxRecords: 1 })) {
				if (!page.ok) return page;
				const first = page.value.records[0];
				return first ? ok(first) : noMatchingRecords();
			}
			return noMatchingRecords();
		},
		async count(entity, filter) {
			const answer = await call(
				'POST',
				`${entity}/query/count`,
				`${entity}/query/count`,
				entity,
				queryBody({ filter })
			);
			if (!answer.ok) return answer;
			const parsed = queryCountSchema.safeParse(answer.body);
			return parsed.success ? ok(parsed.data.queryCount) : unexpected(`Autotask sent no ${entity} count.`, 200);
		},
		async get(entity, id) {
			const answer = await call('GET', `${entity}/${id}`, `${entity}/{id}`, entity);
			if (!answer.ok) return answer.code === 'not_found' ? ok(null) : answer;
			const parsed = itemSchema.safeParse(answer.body);
			if (!parsed.success) return unexpected(`Autotask sent no ${entity} item.`, 200);
			if (parsed.data.item === null) return ok(null);
			const records = parseRecords(entity, [parsed.data.item]);
			return records.ok ? ok(records.value[0] ?? null) : records;
		},
		async create(entity, body) {
			return write('POST', entity, body as Record<string, unknown>);
		},
		async update(entity, body) {
			return write('PATCH', entity, body as Record<string, unknown>);
		},
		async remove(entity, ref) {
			const path = writePath(entity, ref as Record<string, unknown>);
			if (!path.ok) return invalidRequest(path.message);
			const template = templateOf(entity);
			return itemIdOf(await call('DELETE', `${path.path}/${ref.id}`, `${template}/{id}`, entity), entity);
		},
		async fields(entity) {
			const path = `${entity}/entityInformation/fields`;
			const answer = await call('GET', path, path, entity);
			if (!answer.ok) return answer;
			const parsed = fieldsSchema.safeParse(answer.body);
			return parsed.success ? ok(parsed.data.fields) : unexpected(`Autotask sent no ${entity} field list.`, 200);
		},
		async picklist(entity, field) {
			const fields = await client.fields(entity);
			if (!fields.ok) return fields;
			// Field names are case-insensitive in Autotask (§1.4 [3P]).
			const found = fields.value.find((f) => f.name.toLowerCase() === field.toLowerCase());
			if (!found?.isPickList) return unexpected(`Autotask has no picklist ${entity}.${field}.`, 200);
			return ok(found.picklistValues ?? []);
		},
		async thresholdInformation() {
			const answer = await call('GET', 'ThresholdInformation', 'ThresholdInformation', 'ThresholdInformation');
			if (!answer.ok) return answer;
			const parsed = thresholdInformationSchema.safeParse(answer.body);
			return parsed.success ? ok(parsed.data) : unexpected('Autotask sent no threshold information.', 200);
		},
		calls: () => transport.calls()
	};

	async function write(method: 'POST' | 'PATCH', entity: EntityName, body: Record<string, unknown>) {
		const route = AUTOTASK_ENTITIES[entity];
		if ((method === 'POST' && !route.create) || (method === 'PATCH' && !route.update)) {
			return invalidRequest(`Autotask does not allow ${method} on ${entity}.`);
		}
		if (method === 'PATCH' && typeof body.id !== 'number')
			return invalidRequest(`An update of ${entity} needs its id.`);
		const path = writePath(entity, body);
		if (!path.ok) return invalidRequest(path.message);
		return itemIdOf(await call(method, path.path, templateOf(entity), entity, body), entity);
	}

	return client;
}

/** `Companies/{id}/Contacts` for children, the entity name otherwise: the counting key of writes. */
function templateOf(entity: EntityName): string {
	const parent = parentOf(entity);
	return parent ? `${parent.entity}/{id}/${parent.segment}` : entity;
}

function itemIdOf(answer: Classified, entity: string): AutotaskResult<number> {
	if (!answer.ok) return answer;
	const parsed = itemIdSchema.safeParse(answer.body);
	return parsed.success ? ok(parsed.data.itemId) : unexpected(`Autotask sent no itemId for ${entity}.`, 200);
}

function sameOrigin(url: string, base: string): boolean {
	try {
		return new URL(url).origin === new URL(base).origin;
	} catch {
		return false;
	}
}

function invalidRequest(message: string): AutotaskFailure {
	return { ok: false, code: 'invalid_request', message };
}

function tooManyPages(entity: string, maxPages: number): AutotaskFailure {
	return { ok: false, code: 'too_many_pages', message: `The ${entity} query has more than ${maxPages} pages.` };
}
