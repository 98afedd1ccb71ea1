// The documentation of /api/sync (DESIGN section 3): push and pull of named mutations and the poke
// stream. What a mutation's args must be is in components.schemas (Mutation, Mutation.<name>).

import { pullRequestSchema, pushRequestSchema } from '../../../shared/sync/protocol.ts';
import { named, type RouteDoc } from './route-doc.ts';
import { pullResponseSchema, pushResponseSchema } from './wire-shapes.ts';

const tag = 'Sync';

export const SYNC_DOCS: RouteDoc[] = [
	{
		method: 'post',
		path: '/api/sync/push',
		tag,
		access: 'user',
		summary: 'Push mutations',
		description:
			'Runs each mutation in one transaction, a savepoint each; every result says applied, duplicate or rejected with a code. Each `args` must fit its mutation (components.schemas.Mutation); an unknown name or wrong args rejects that mutation, not the request.',
		body: named('PushRequest', pushRequestSchema),
		response: {
			status: 200,
			description: 'What happened to each mutation.',
			schema: named('PushResponse', pushResponseSchema)
		},
		errors: ['versionNotSupported', 'clientNotOwned', 'outOfOrder', 'temporarilyUnavailable']
	},
	{
		method: 'post',
		path: '/api/sync/pull',
		tag,
		access: 'user',
		summary: 'Pull changes since a cookie',
		description: 'Paged (`more`), scoped to what the user may see, from one snapshot.',
		body: named('PullRequest', pullRequestSchema),
		response: {
			status: 200,
			description: 'A patch and the new cookie.',
			schema: named('PullResponse', pullResponseSchema)
		},
		errors: ['versionNotSupported', 'clientNotOwned']
	},
	{
		method: 'get',
		path: '/api/sync/events',
		tag,
		access: 'user',
		summary: 'The poke stream (Server-Sent Events)',
		description: 'Events `hello` then `poke` whenever a commit touched something the user can see; pull on a poke.',
		response: { status: 200, description: 'An event stream.', contentType: 'text/event-stream' }
	}
];
