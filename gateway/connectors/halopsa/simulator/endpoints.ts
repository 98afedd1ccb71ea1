// Names each request by its endpoint, `METHOD /Path` with ids as `{id}` and entities in their canonical
// spelling (`GET /Client/{id}`): the key calls are counted and faults matched by.

import { entityNamed, type SimEntityName } from './catalog.ts';

export type Endpoint = {
	/** `GET /Client/{id}` */
	key: string;
	entity: SimEntityName | null;
	/** The concrete path after `/api`, canonical case: `/Client/17`. */
	path: string;
};

/** `segments` are the path segments after `/api`, in any case. */
export function endpointOf(method: string, segments: string[]): Endpoint {
	const verb = method.toUpperCase();
	const [first = '', ...rest] = segments;
	const entity = entityNamed(first) ?? null;
	const name = entity ?? first;
	const template = rest.map((s) => (/^\d+$/.test(s) ? '{id}' : s.toLowerCase() === 'me' ? 'me' : s));
	const concrete = rest.map((s) => (s.toLowerCase() === 'me' ? 'me' : s));
	return {
		key: `${verb} /${[name, ...template].join('/')}`,
		entity,
		path: `/${[name, ...concrete].join('/')}`
	};
}

export const TOKEN_ENDPOINT: Endpoint = { key: 'POST /auth/token', entity: null, path: '/auth/token' };
