// The simulated resource server under `/api` (psa-apis.md §3.3-3.5): list with the record-count envelope
// (a bare array for `/Agent`), get by id, POST of an array to create or update, delete, and `Agent/me`.
// A verb a path does not take answers 405 with `Allow`.

import { Hono, type Context } from 'hono';
import { entityNamed, SIM_ENTITIES, type SimEntityName } from './catalog.ts';
import { runList } from './list-query.ts';
import type { SimEnv } from './sim-env.ts';
import type { SimState } from './sim-state.ts';
import { applyWrite } from './write-rules.ts';
import { methodNotAllowed } from '../../common/simulator/method-not-allowed.ts';

export type ResourceDeps = { state: SimState; apiAgentId: () => number };

export function resourceApi(deps: ResourceDeps): Hono<SimEnv> {
	const { state } = deps;
	const api = new Hono<SimEnv>();
	const idOf = (c: Context<SimEnv>) => Number(c.req.param('id'));

	api.get('/agent/me', (c) => c.json(state.get('Agent', deps.apiAgentId())));
	api.get('/:entity', (c) => {
		const entity = known(c);
		if (!entity) return noResource(c);
		const { records, recordCount } = runList(entity, state.list(entity), new URL(c.req.url).searchParams);
		const key = SIM_ENTITIES[entity].listKey;
		return c.json(key === null ? records : { record_count: recordCount, [key]: records });
	});
	api.get('/:entity/:id{[0-9]+}', (c) => {
		const entity = known(c);
		if (!entity) return noResource(c);
		const record = state.get(entity, idOf(c));
		return record ? c.json(record) : c.body(null, 404);
	});
	api.post('/:entity', (c) => {
		const entity = known(c);
		if (!entity) return noResource(c);
		const result = applyWrite(state, entity, c.get('body'));
		if (!result.ok) return c.json(result.errors, 400);
		// §3.5 [UNVERIFIED]: one record comes back as the object itself, several as an array.
		return c.json(result.records.length === 1 ? result.records[0] : result.records, 201);
	});
	api.delete('/:entity/:id{[0-9]+}', (c) => {
		const entity = known(c);
		if (!entity) return noResource(c);
		return state.delete(entity, idOf(c)) ? c.body(null, 200) : c.body(null, 404);
	});
	api.all('/agent/me', onlyVerbs(['GET']));
	api.all('/:entity', onlyVerbs(['GET', 'POST']));
	api.all('/:entity/:id{[0-9]+}', onlyVerbs(['GET', 'DELETE']));
	return api;
}

/** ASP.NET's answer to a verb a route does not take (Halo runs on it). */
export function onlyVerbs(verbs: string[]) {
	return methodNotAllowed<Context<SimEnv>>(verbs, (method) => ({
		Message: `The requested resource does not support http method '${method}'.`
	}));
}

function known(c: Context<SimEnv>): SimEntityName | undefined {
	return entityNamed(c.req.param('entity') ?? '');
}

function noResource(c: Context<SimEnv>) {
	return c.json({ Message: `No HTTP resource was found that matches the request URI '${c.req.url}'.` }, 404);
}
