// Names each request by its endpoint, `METHOD /Path` with ids as `{id}` and entities in their
// canonical spelling (`POST /Companies/{id}/Contacts`): the key calls are counted and faults matched by.

import { childAt, entityDef, entityNamed, type EntityDef, type SimEntityName } from './catalog.ts';

export type Endpoint = {
	/** `POST /Companies/query` */
	key: string;
	/** The object endpoint the thread limit counts against (§1.8); null for meta endpoints. */
	entity: SimEntityName | null;
	/** The concrete path after `V1.0`, canonical case: `/Companies/17/Contacts`. */
	path: string;
};

const META: Record<string, string> = {
	zoneinformation: 'ZoneInformation',
	thresholdinformation: 'ThresholdInformation',
	version: 'Version'
};
const TAILS: Record<string, string> = {
	query: 'query',
	count: 'count',
	next: 'next',
	entityinformation: 'entityInformation',
	fields: 'fields',
	userdefinedfields: 'userDefinedFields'
};

/** `segments` are the path segments after `V1.0`, in any case. */
export function endpointOf(method: string, segments: string[]): Endpoint {
	const verb = method.toUpperCase();
	const [first = '', second, third, fourth] = segments;
	const meta = META[first.toLowerCase()];
	if (meta && segments.length === 1) return { key: `${verb} /${meta}`, entity: null, path: `/${meta}` };
	const entity = entityNamed(first) ?? null;
	const name = entity ?? first;
	const isId = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
	if (isId(second) && third !== undefined) {
		const child = entity ? childAt(entity, third) : undefined;
		const segment = child ? childSegment(third, child) : third;
		const tail = isId(fourth) ? '/{id}' : '';
		const concrete = `/${name}/${second}/${segment}${isId(fourth) ? `/${fourth}` : ''}`;
		return { key: `${verb} /${name}/{id}/${segment}${tail}`, entity: child ?? entity, path: concrete };
	}
	const rest = segments.slice(1).map((s) => (isId(s) ? '{id}' : (TAILS[s.toLowerCase()] ?? s)));
	const concrete = segments.slice(1).map((s) => (isId(s) ? s : (TAILS[s.toLowerCase()] ?? s)));
	return {
		key: `${verb} /${[name, ...rest].join('/')}`,
		entity,
		path: `/${[name, ...concrete].join('/')}`
	};
}

function childSegment(given: string, child: SimEntityName): string {
	const def: EntityDef = entityDef(child);
	return def.parent?.segment ?? given;
}
