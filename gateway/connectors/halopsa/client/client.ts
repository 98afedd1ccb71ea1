// A thin typed fetch client for the HaloPSA API (psa-apis.md §3): the client-credentials token, lists
// with `pageinate` paging, get by id, and create/update as a POST of an array. Every answer is a value
// (HaloResult); the one retry it makes is a fresh token after a 401. Budgets belong to the job runner.

import { haloCredentialsSchema, type HaloCredentialsInput } from './credentials.ts';
import { HALO_ENTITIES, type HaloCreate, type HaloEntity, type HaloRecord, type HaloUpdate } from './entities.ts';
import { agentSchema, type HaloAgent } from './entity-schemas.ts';
import { ok, unexpected, type HaloFailure, type HaloResult } from './failures.ts';
import type { Classified } from './classify-response.ts';
import { withFreshTokenOnce, type StaleToken } from '../../common/token-cache.ts';
import { createTokenCache } from './token-cache.ts';
import type { FetchLike } from '../../common/transport-core.ts';
import { createTransport } from './transport.ts';
import { listEnvelopeSchema } from './wire-schemas.ts';

export type HaloClientOptions = {
	credentials: HaloCredentialsInput;
	fetch?: FetchLike;
	/** Per request; a request that takes longer is a `timeout` failure. */
	timeoutMs?: number;
	clock?: { now(): number };
	/** Renew the token this long before it expires (default a minute). */
	refreshMarginMs?: number;
};

export type ListQuery = Record<string, string | number | boolean | undefined>;
export type Page<E extends HaloEntity> = { records: HaloRecord<E>[]; recordCount: number | null };

export type HaloClient = {
	/** One request with the query as given: a page when it carries `pageinate`, else Halo's default list. */
	list<E extends HaloEntity>(entity: E, query?: ListQuery): Promise<HaloResult<Page<E>>>;
	/** Every page (`pageinate=true`, `page_no` from 1) until `record_count` is reached or a page comes up short. */
	listAll<E extends HaloEntity>(
		entity: E,
		query?: ListQuery,
		options?: { pageSize?: number; maxPages?: number; onPage?: (done: number, total: number | null) => void }
	): Promise<HaloResult<HaloRecord<E>[]>>;
	/** The record, or null when Halo answers 404. */
	get<E extends HaloEntity>(entity: E, id: number, query?: ListQuery): Promise<HaloResult<HaloRecord<E> | null>>;
	create<E extends HaloEntity>(entity: E, body: HaloCreate<E>): Promise<HaloResult<HaloRecord<E>>>;
	/** §3.5: an update is a POST to the same URL of a record that carries its `id`. */
	update<E extends HaloEntity>(entity: E, body: HaloUpdate<E>): Promise<HaloResult<HaloRecord<E>>>;
	/** Creates and updates several records in one POST; the saved records, in the order Halo answers them. */
	save<E extends HaloEntity>(entity: E, bodies: HaloCreate<E>[]): Promise<HaloResult<HaloRecord<E>[]>>;
	/** The agent the API application runs as (`GET /Agent/me`). */
	me(): Promise<HaloResult<HaloAgent>>;
	/** Requests sent, by endpoint (`GET /Client`, `POST /auth/token`). */
	calls(): Record<string, number>;
};

export function createHaloClient(opts: HaloClientOptions): HaloClient {
	const credentials = haloCredentialsSchema.parse(opts.credentials);
	const now = () => (opts.clock ?? Date).now();
	const transport = createTransport({
		fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
		timeoutMs: opts.timeoutMs ?? 30_000,
		now
	});
	const tokens = createTokenCache({ transport, credentials, now, refreshMarginMs: opts.refreshMarginMs ?? 60_000 });

	/** One call to `{resourceUrl}/{path}` with a bearer token; a 401 gets one fresh token and one more try. */
	async function call(method: string, path: string, endpoint: string, query?: ListQuery, json?: unknown) {
		const url = `${credentials.resourceUrl}/${path}${queryString(query)}`;
		return withFreshTokenOnce(tokens, async (): Promise<Classified | StaleToken<Classified>> => {
			const token = await tokens.token();
			if (!token.ok) return token;
			const answer = await transport.send({
				method,
				endpoint: `${method} /${endpoint}`,
				url,
				headers: { Authorization: `Bearer ${token.value}` },
				body: json === undefined ? undefined : { json }
			});
			return !answer.ok && answer.code === 'auth_failed' ? { ok: false, stale: token.value, answer } : answer;
		});
	}

	function parseRecords<E extends HaloEntity>(entity: E, items: unknown[]): HaloResult<HaloRecord<E>[]> {
		const schema = HALO_ENTITIES[entity].schema;
		const records: HaloRecord<E>[] = [];
		for (const item of items) {
			const parsed = schema.safeParse(item);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				return unexpected(
					`HaloPSA sent a ${entity} record that does not fit: ${issue?.path.join('.')} ${issue?.message}.`,
					200
				);
			}
			records.push(parsed.data as HaloRecord<E>);
		}
		return ok(records);
	}

	function readPage<E extends HaloEntity>(entity: E, answer: Classified): HaloResult<Page<E>> {
		if (!answer.ok) return answer;
		const envelope = listEnvelopeSchema.safeParse(answer.body);
		if (!envelope.success) return unexpected(`HaloPSA sent a ${entity} list that is not a list.`, 200);
		if (Array.isArray(envelope.data)) {
			const records = parseRecords(entity, envelope.data);
			return records.ok ? ok({ records: records.value, recordCount: null }) : records;
		}
		const body = envelope.data as Record<string, unknown>;
		const key = HALO_ENTITIES[entity].listKeys.find((k) => Array.isArray(body[k]));
		if (!key) return unexpected(`HaloPSA sent a ${entity} list without its records.`, 200);
		const records = parseRecords(entity, body[key] as unknown[]);
		return records.ok ? ok({ records: records.value, recordCount: envelope.data.record_count ?? null }) : records;
	}

	async function write<E extends HaloEntity>(entity: E, bodies: object[]): Promise<HaloResult<HaloRecord<E>[]>> {
		const answer = await call('POST', entity, entity, undefined, bodies);
		if (!answer.ok) return answer;
		// §3.5 [UNVERIFIED]: one record may come back as the object itself rather than an array.
		const items = Array.isArray(answer.body) ? answer.body : [answer.body];
		return parseRecords(entity, items);
	}

	async function writeOne<E extends HaloEntity>(entity: E, body: object): Promise<HaloResult<HaloRecord<E>>> {
		const saved = await write(entity, [body]);
		if (!saved.ok) return saved;
		const record = saved.value[0];
		return record ? ok(record) : unexpected(`HaloPSA saved no ${entity} record.`, 200);
	}

	const client: HaloClient = {
		async list(entity, query) {
			return readPage(entity, await call('GET', entity, entity, query));
		},
		async listAll(entity, query = {}, options = {}) {
			const pageSize = options.pageSize ?? 100;
			const maxPages = options.maxPages ?? 50;
			const all: HaloRecord<typeof entity>[] = [];
			const seen = new Set<number>();
			for (let pageNo = 1; ; pageNo += 1) {
				if (pageNo > maxPages) return tooManyPages(entity, maxPages);
				const page = await client.list(entity, { ...query, pageinate: true, page_size: pageSize, page_no: pageNo });
				if (!page.ok) return page;
				const fresh = page.value.records.filter((r) => !seen.has(r.id));
				for (const record of fresh) seen.add(record.id);
				all.push(...fresh);
				options.onPage?.(all.length, page.value.recordCount);
				const { recordCount, records } = page.value;
				// A host that ignores paging answers the same records again: nothing new means done.
				const done = recordCount !== null ? all.length >= recordCount : records.length < pageSize;
				if (done || fresh.length === 0) return ok(all);
			}
		},
		async get(entity, id, query) {
			const answer = await call('GET', `${entity}/${id}`, `${entity}/{id}`, query);
			if (!answer.ok) return answer.code === 'not_found' ? ok(null) : answer;
			const records = parseRecords(entity, [answer.body]);
			return records.ok ? ok(records.value[0] ?? null) : records;
		},
		create: (entity, body) => writeOne(entity, body),
		update: (entity, body) => writeOne(entity, body),
		save: (entity, bodies) => write(entity, bodies),
		async me() {
			const answer = await call('GET', 'Agent/me', 'Agent/me');
			if (!answer.ok) return answer;
			const parsed = agentSchema.safeParse(answer.body);
			return parsed.success ? ok(parsed.data) : unexpected('HaloPSA sent no agent for Agent/me.', 200);
		},
		calls: () => transport.calls()
	};
	return client;
}

function queryString(query: ListQuery | undefined): string {
	if (!query) return '';
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
	const text = params.toString();
	return text ? `?${text}` : '';
}

function tooManyPages(entity: string, maxPages: number): HaloFailure {
	return { ok: false, code: 'too_many_pages', message: `The ${entity} list has more than ${maxPages} pages.` };
}
