// The REST surface under `{site}/{codebase}apis/3.0` (psa-apis.md §2.3-§2.6): lists with conditions,
// childConditions, customFieldConditions, orderBy, fields and paging, `/count`, get by id, create
// (201), full replace with PUT (200), JSON-patch (200), delete (204), the opportunity forecast, and
// system info. A verb a path does not take answers 405 with `Allow`.

import { Hono, type Context } from 'hono';
import { methodNotAllowed } from '../../common/simulator/method-not-allowed.ts';
import {
	applyCreate,
	applyDelete,
	applyPatch,
	applyReplace,
	existing,
	notFound,
	type WriteDeps
} from './apply-write.ts';
import { fieldOf } from './conditions-engine.ts';
import { parseListFilter } from './list-filter.ts';
import { runPage } from './paging.ts';
import { ROOT_PATHS, type SimResourceName } from './resources.ts';
import { errorBody, type SimEnv } from './sim-env.ts';
import type { SimRecord } from './sim-state.ts';

export function recordsApi(deps: WriteDeps) {
	const { state } = deps;
	const app = new Hono<SimEnv>();

	const only = (...verbs: string[]) =>
		methodNotAllowed<Context<SimEnv>>(verbs, (method) =>
			errorBody('MethodNotAllowed', `The requested resource does not support http method '${method}'.`)
		);

	app.get('/system/info', (c) =>
		c.json({ version: 'v2025.1.98765', isCloud: true, serverTimeZone: 'Eastern Standard Time', licenseBits: [] })
	);
	app.all('/system/info', only('GET'));

	const forecast = '/sales/opportunities/:pid{[0-9]+}/forecast';
	app.get(forecast, (c) => {
		const parentId = Number(c.req.param('pid'));
		if (!state.get('opportunities', parentId)) return answer(c, notFound('opportunities', parentId));
		const items = state.list('forecastItems').filter((r) => (r.opportunity as { id: number }).id === parentId);
		return c.json({ id: parentId, forecastItems: items });
	});
	app.post(forecast, async (c) => {
		const parentId = Number(c.req.param('pid'));
		if (!state.get('opportunities', parentId)) return answer(c, notFound('opportunities', parentId));
		return answer(c, applyCreate(deps, 'forecastItems', await jsonOf(c), parentId));
	});
	app.get(`${forecast}/:id{[0-9]+}`, (c) => {
		const [parentId, id] = [Number(c.req.param('pid')), Number(c.req.param('id'))];
		const item = existing(state, 'forecastItems', id, parentId);
		return item ? c.json(item) : answer(c, notFound('forecastItems', id));
	});
	app.put(`${forecast}/:id{[0-9]+}`, async (c) =>
		answer(
			c,
			applyReplace(deps, 'forecastItems', Number(c.req.param('id')), await jsonOf(c), Number(c.req.param('pid')))
		)
	);
	app.patch(`${forecast}/:id{[0-9]+}`, async (c) =>
		answer(c, applyPatch(deps, 'forecastItems', Number(c.req.param('id')), await jsonOf(c), Number(c.req.param('pid'))))
	);
	app.delete(`${forecast}/:id{[0-9]+}`, (c) =>
		answer(c, applyDelete(deps, 'forecastItems', Number(c.req.param('id')), Number(c.req.param('pid'))))
	);
	app.all(forecast, only('GET', 'POST'));
	app.all(`${forecast}/:id{[0-9]+}`, only('GET', 'PUT', 'PATCH', 'DELETE'));

	// [UNVERIFIED] a purchase order's line items list and take new ones under it (§2.3), like the forecast.
	const lineItems = '/procurement/purchaseorders/:pid{[0-9]+}/lineitems';
	app.get(lineItems, (c) => {
		const parentId = Number(c.req.param('pid'));
		if (!state.get('purchaseOrders', parentId)) return answer(c, notFound('purchaseOrders', parentId));
		const found = filtered(c, 'purchaseOrderLineItems');
		return Array.isArray(found) ? c.json(found.filter((r) => r.purchaseOrderId === parentId)) : found;
	});
	app.post(lineItems, async (c) => {
		const parentId = Number(c.req.param('pid'));
		if (!state.get('purchaseOrders', parentId)) return answer(c, notFound('purchaseOrders', parentId));
		return answer(c, applyCreate(deps, 'purchaseOrderLineItems', await jsonOf(c), parentId));
	});
	app.all(lineItems, only('GET', 'POST'));

	for (const [resource, def] of ROOT_PATHS) {
		const base = `/${def.path}`;
		app.get(`${base}/count`, (c) => {
			const found = filtered(c, resource);
			return Array.isArray(found) ? c.json({ count: found.length }) : found;
		});
		app.get(base, (c) => list(c, resource));
		app.get(`${base}/:id{[0-9]+}`, (c) => {
			const id = Number(c.req.param('id'));
			const record = state.get(resource, id);
			return record ? c.json(record) : answer(c, notFound(resource, id));
		});
		app.all(`${base}/count`, only('GET'));
		if (def.writable) {
			app.post(base, async (c) => answer(c, applyCreate(deps, resource, await jsonOf(c))));
			app.put(`${base}/:id{[0-9]+}`, async (c) =>
				answer(c, applyReplace(deps, resource, Number(c.req.param('id')), await jsonOf(c)))
			);
			app.patch(`${base}/:id{[0-9]+}`, async (c) =>
				answer(c, applyPatch(deps, resource, Number(c.req.param('id')), await jsonOf(c)))
			);
			app.delete(`${base}/:id{[0-9]+}`, (c) => answer(c, applyDelete(deps, resource, Number(c.req.param('id')))));
		}
		app.all(base, def.writable ? only('GET', 'POST') : only('GET'));
		app.all(`${base}/:id{[0-9]+}`, def.writable ? only('GET', 'PUT', 'PATCH', 'DELETE') : only('GET'));
	}

	function filtered(c: Context<SimEnv>, resource: SimResourceName): SimRecord[] | Response {
		const filter = parseListFilter({
			conditions: c.req.query('conditions'),
			childConditions: c.req.query('childConditions'),
			customFieldConditions: c.req.query('customFieldConditions')
		});
		if (!filter.ok) return c.json(errorBody('InvalidObject', filter.error), 400);
		return state.list(resource).filter(filter.value);
	}

	function list(c: Context<SimEnv>, resource: SimResourceName) {
		const found = filtered(c, resource);
		if (!Array.isArray(found)) return found;
		const forwardOnly = c.req.header('pagination-type')?.toLowerCase() === 'forward-only';
		const orderBy = c.req.query('orderBy');
		if (forwardOnly && orderBy) {
			return c.json(errorBody('InvalidObject', 'orderBy is not supported with forward-only pagination.'), 400);
		}
		const ordered = orderBy ? sortBy(found, orderBy) : found;
		const page = runPage(ordered, { url: new URL(c.req.url), forwardOnly });
		if (page.link) c.header('Link', page.link);
		const fields = c.req.query('fields');
		return c.json(fields ? page.items.map((r) => project(r, fields)) : page.items);
	}

	return app;
}

function answer(c: Context<SimEnv>, written: { status: number; body: unknown }) {
	if (written.status === 204) return c.body(null, 204);
	return c.json(written.body, written.status as 200);
}

async function jsonOf(c: Context<SimEnv>): Promise<unknown> {
	return c.req.json().catch(() => undefined);
}

/** `orderBy=name desc`: one field, asc unless told. */
function sortBy(records: SimRecord[], orderBy: string): SimRecord[] {
	const [field = 'id', direction = 'asc'] = orderBy.trim().split(/\s+/);
	const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
	return [...records].sort((a, b) => {
		const [x, y] = [fieldOf(a, field), fieldOf(b, field)];
		if (x === y) return a.id - b.id;
		if (x === undefined || x === null) return -sign;
		if (y === undefined || y === null) return sign;
		return (String(x).localeCompare(String(y), undefined, { numeric: true }) || a.id - b.id) * sign;
	});
}

/** `fields=id,name,status/id`: the named top-level fields (nested paths keep their whole parent). */
function project(record: SimRecord, fields: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const path of fields.split(',').map((f) => f.trim().split('/')[0]!)) {
		if (path in record) out[path] = record[path];
	}
	return out;
}
