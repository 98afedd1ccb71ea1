// The sync wire protocol (DESIGN section 3; reference/sync.md section 2): push, pull, and the cookie.
//
// PROTOCOL_VERSION history, one line a version:
//   1: push/pull of named mutations, per-organisation version cookie with ACL version and paging cursor.
//      A push may stop after PUSH_LIMITS.workBytes, keeping what it did and answering out_of_order
//      (as after a gap) so the client resends the rest at once; no client change was needed.

import { z } from 'zod';
import { id } from '../schema/entities.ts';
import { compareStored } from './stored-order.ts';

export const PROTOCOL_VERSION = 1;
/** Bumped whenever the replicated row shapes change incompatibly; an older client is told to reload. */
export const SCHEMA_VERSION = 1;

const versions = {
	protocolVersion: z.number().int().optional(),
	schemaVersion: z.number().int().optional()
};

/** What one push may carry and do; the gateway answers 413 above maxBodyBytes. */
export const PUSH_LIMITS = {
	maxMutations: 1_000,
	maxBodyBytes: 8 * 1024 * 1024,
	/** One mutation's arguments, as JSON; a larger one is rejected with too_large. */
	maxArgsBytes: 1024 * 1024,
	/** How deeply one mutation's arguments may nest; a deeper one is rejected with invalid_input. */
	maxArgsDepth: 32,
	/**
	 * Arguments one push applies in its transaction before it stops (409 out_of_order, resend from
	 * the next id), so one device's backlog never holds the store for long.
	 */
	workBytes: 1024 * 1024
} as const;

export const mutationSchema = z.object({
	id: z.number().int().positive(),
	/**
	 * Any text: a name no mutation has is rejected on its own (the gateway stores it made storable),
	 * so a device that sends one is never stuck behind a push refused whole.
	 */
	name: z.string().min(1),
	args: z.unknown(),
	timestamp: z.number().finite()
});
export type WireMutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
	...versions,
	clientGroupID: id,
	clientID: id,
	mutations: z.array(mutationSchema).max(PUSH_LIMITS.maxMutations)
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type MutationResult =
	| { id: number; status: 'applied' }
	| { id: number; status: 'duplicate' }
	| { id: number; status: 'rejected'; code: string; message: string };
export type PushResponse = { results: MutationResult[] };

/**
 * Where a client stands: it holds every row up to space version `v`; during a paged pull `c` marks
 * how far past `v` it has got, in (version, table, id) order. `acl` is the version of what its user
 * may see; when that changes the client is reset.
 */
export const cookieSchema = z.object({
	v: z.number().int().nonnegative(),
	acl: z.number().int().nonnegative(),
	c: z.object({ v: z.number().int().nonnegative(), t: z.string(), i: z.string() }).optional()
});
export type Cookie = z.infer<typeof cookieSchema>;

export const pullRequestSchema = z.object({
	...versions,
	clientGroupID: id,
	clientID: id,
	cookie: cookieSchema.nullable()
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export type PatchOp =
	{ op: 'put'; table: string; id: string; value: unknown } | { op: 'del'; table: string; id: string } | { op: 'clear' };

export type Rejection = { clientID: string; mutationID: number; name: string; code: string; message: string };

export type PullResponse = {
	cookie: Cookie;
	lastMutationIDChanges: Record<string, number>;
	rejections: Rejection[];
	more: boolean;
	patch: PatchOp[];
};

/** Negative when a is behind b, zero when equal; cookies must never go backwards. */
export function compareCookies(a: Cookie, b: Cookie): number {
	const [av, aComplete, at, ai] = position(a);
	const [bv, bComplete, bt, bi] = position(b);
	// Tables and ids in the order the gateway pages them in (stored-order.ts).
	return Math.sign(av - bv || aComplete - bComplete || compareStored(at, bt) || compareStored(ai, bi));
}

// A complete version sorts after every cursor inside the versions it covers.
function position(c: Cookie): [number, number, string, string] {
	return c.c ? [c.c.v, 0, c.c.t, c.c.i] : [c.v, 1, '', ''];
}

export function isSupportedVersion(body: { protocolVersion?: number; schemaVersion?: number }): boolean {
	return (
		(body.protocolVersion ?? PROTOCOL_VERSION) === PROTOCOL_VERSION &&
		(body.schemaVersion ?? SCHEMA_VERSION) === SCHEMA_VERSION
	);
}
