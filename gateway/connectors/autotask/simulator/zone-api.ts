// The REST surface of one simulated zone, under `{zone}/ATServicesRest/V1.0` (psa-apis.md §1):
// queries with paging, get by id, writes on root and parent URLs, field and UDF metadata, the API
// version and thresholds. Records are answered whole (wire-record.ts). A verb a path does not take
// answers 405 with `Allow`. Routes are lower-case: the simulator matches paths case-insensitively.

import { Hono, type Context } from 'hono';
import { methodNotAllowed } from '../../common/simulator/method-not-allowed.ts';
import { applyWrite, type WriteDeps } from './apply-write.ts';
import { childAt, entityDef, entityNamed, type EntityDef, type SimEntityName } from './catalog.ts';
import { fieldList } from './field-metadata.ts';
import { decodePaging, encodePaging, runPage } from './paging.ts';
import { parseQuery, type SimQuery } from './query-engine.ts';
import { errorsBody, type SimEnv } from './sim-env.ts';
import type { Usage } from './usage.ts';
import { wireRecord } from './wire-record.ts';
import type { WriteKind } from './write-rules.ts';

export type ZoneApiDeps = WriteDeps & {
	usage: Usage;
	hourlyThreshold: number;
	/** The absolute zone root (`…/ATServicesRest/`) as seen by this request. */
	zoneRoot(c: Context<SimEnv>): string;
};

export function zoneApi(deps: ZoneApiDeps) {
	const { state } = deps;

	function page(c: Context<SimEnv>, entity: SimEntityName, query: SimQuery, afterId: number) {
		const udfs = state.udfs(entity);
		const records = state.list(entity).map((r) => wireRecord(entity, r, udfs));
		const result = runPage(entity, records, query, afterId);
		if (!result.ok) return c.json(errorsBody([result.error]), 500);
		const { items, nextAfterId } = result.value;
		const nextPageUrl =
			nextAfterId === null
				? null
				: `${deps.zoneRoot(c)}V1.0/${entity}/query/next?paging=${encodePaging({ query, afterId: nextAfterId })}`;
		return c.json({
			items,
			pageDetails: { count: items.length, requestCount: query.maxRecords, prevPageUrl: null, nextPageUrl }
		});
	}

	async function write(c: Context<SimEnv>, kind: WriteKind, entity: SimEntityName, parentId?: number, id?: number) {
		const body = kind === 'delete' ? {} : await c.req.json().catch(() => undefined);
		if (body === undefined) return c.json(errorsBody(['The request body is not valid JSON.']), 500);
		const answer = applyWrite(deps, { kind, entity, body, parentId, id });
		if (answer.status === 405)
			c.header('Allow', writeVerbs(entity, parentId !== undefined, id !== undefined).join(', '));
		return c.json(answer.body, answer.status);
	}

	return (
		new Hono<SimEnv>()
			.get('/thresholdinformation', (c) =>
				c.json({
					externalRequestThreshold: deps.hourlyThreshold,
					requestThresholdTimeframe: 60,
					currentTimeframeRequestCount: deps.usage.windowCount()
				})
			)
			// §1.1 [V] route; the answer's shape is [UNVERIFIED].
			.get('/version', (c) => c.json({ version: '1.0' }))
			.all('/version', only(['GET']))
			.all('/thresholdinformation', only(['GET']))
			.get('/:entity/entityinformation/fields', (c) =>
				withEntity(c, (entity) => c.json({ fields: fieldList(entity, state.picklists(entity)) }))
			)
			.get('/:entity/entityinformation/userdefinedfields', (c) =>
				withEntity(c, (entity) => c.json({ fields: state.udfs(entity) }))
			)
			.all('/:entity/entityinformation/fields', only(['GET']))
			.all('/:entity/entityinformation/userdefinedfields', only(['GET']))
			.get('/:entity/entityinformation', (c) =>
				withEntity(c, (entity) => {
					const def: EntityDef = entityDef(entity);
					return c.json({
						info: {
							name: entity,
							canCreate: def.create,
							canUpdate: def.update,
							canDelete: def.remove,
							canQuery: true,
							hasUserDefinedFields: 'userDefinedFields' in def.fields
						}
					});
				})
			)
			.post('/:entity/query/count', (c) =>
				withEntity(c, async (entity) => {
					const query = parseQuery(entity, await c.req.json().catch(() => null));
					if (!query.ok) return c.json(errorsBody([query.error]), 500);
					const all = runPage(entity, state.list(entity), { ...query.value, maxRecords: Number.MAX_SAFE_INTEGER }, 0);
					return c.json({ queryCount: all.ok ? all.value.items.length : 0 });
				})
			)
			.get('/:entity/query/next', (c) =>
				withEntity(c, (entity) => {
					const token = decodePaging(c.req.query('paging'));
					if (!token) return c.json(errorsBody(['The paging token is not valid.']), 500);
					return page(c, entity, token.query, token.afterId);
				})
			)
			.post('/:entity/query', (c) =>
				withEntity(c, async (entity) => {
					const query = parseQuery(entity, await c.req.json().catch(() => null));
					return query.ok ? page(c, entity, query.value, 0) : c.json(errorsBody([query.error]), 500);
				})
			)
			// §1.4 [V]: the same query as a GET with the JSON in `search`.
			.get('/:entity/query', (c) =>
				withEntity(c, (entity) => {
					let body: unknown = null;
					try {
						body = JSON.parse(c.req.query('search') ?? '');
					} catch {
						return c.json(errorsBody(['search must be a JSON query.']), 500);
					}
					const query = parseQuery(entity, body);
					return query.ok ? page(c, entity, query.value, 0) : c.json(errorsBody([query.error]), 500);
				})
			)
			.get('/:entity/:id{[0-9]+}', (c) =>
				withEntity(c, (entity) => {
					const item = state.get(entity, Number(c.req.param('id')));
					// §1.4 [3P]: a missing id is a 404.
					return item ? c.json({ item: wireRecord(entity, item, state.udfs(entity)) }) : c.json({ item: null }, 404);
				})
			)
			.post('/:entity', (c) => withEntity(c, (entity) => write(c, 'create', entity)))
			.patch('/:entity', (c) => withEntity(c, (entity) => write(c, 'update', entity)))
			.put('/:entity', (c) => withEntity(c, (entity) => write(c, 'replace', entity)))
			.post('/:entity/:pid{[0-9]+}/:child', (c) =>
				withChild(c, (child, parentId) => write(c, 'create', child, parentId))
			)
			.patch('/:entity/:pid{[0-9]+}/:child', (c) =>
				withChild(c, (child, parentId) => write(c, 'update', child, parentId))
			)
			.put('/:entity/:pid{[0-9]+}/:child', (c) =>
				withChild(c, (child, parentId) => write(c, 'replace', child, parentId))
			)
			.delete('/:entity/:pid{[0-9]+}/:child/:id{[0-9]+}', (c) =>
				withChild(c, (child, parentId) => write(c, 'delete', child, parentId, Number(c.req.param('id'))))
			)
			.all('/:entity/entityinformation', only(['GET']))
			.all('/:entity/query/count', only(['POST']))
			.all('/:entity/query/next', only(['GET']))
			.all('/:entity/query', only(['GET', 'POST']))
			.all('/:entity/:id{[0-9]+}', only(['GET']))
			.all('/:entity', (c) => withEntity(c, (entity) => only(writeVerbs(entity, false, false))(c)))
			.all('/:entity/:pid{[0-9]+}/:child', (c) => withChild(c, (child) => only(writeVerbs(child, true, false))(c)))
			.all('/:entity/:pid{[0-9]+}/:child/:id{[0-9]+}', (c) =>
				withChild(c, (child) => only(writeVerbs(child, true, true))(c))
			)
	);
}

function only(verbs: string[]) {
	return methodNotAllowed<Context<SimEnv>>(verbs, (method) =>
		errorsBody([`The requested resource does not support http method '${method}'.`])
	);
}

/** The write verbs an entity takes on its root URL, its parent URL, or a record under its parent URL (§1.3). */
function writeVerbs(entity: SimEntityName, underParent: boolean, withId: boolean): string[] {
	const def: EntityDef = entityDef(entity);
	if (Boolean(def.parent) !== underParent) return [];
	if (withId) return def.remove ? ['DELETE'] : [];
	return [...(def.create ? ['POST'] : []), ...(def.update ? ['PATCH', 'PUT'] : [])];
}

function withEntity(c: Context<SimEnv>, fn: (entity: SimEntityName) => Response | Promise<Response>) {
	const entity = entityNamed(c.req.param('entity') ?? '');
	return entity ? fn(entity) : c.json(errorsBody([`${c.req.param('entity')} is not an entity.`]), 404);
}

function withChild(c: Context<SimEnv>, fn: (child: SimEntityName, parentId: number) => Response | Promise<Response>) {
	const parent = entityNamed(c.req.param('entity') ?? '');
	const segment = c.req.param('child') ?? '';
	const child = parent && childAt(parent, segment);
	if (!child) return c.json(errorsBody([`${c.req.param('entity')}/${c.req.param('child')} is not an entity.`]), 404);
	return fn(child, Number(c.req.param('pid')));
}
