// Pull (DESIGN section 3): everything the user may see that changed since their cookie, read in one
// snapshot together with the client group's lastMutationIDs and rejections (pull-read.ts). An unchanged
// cookie costs one small query; large catch-ups come in bounded pages; a changed ACL version resets
// the client.

import { sql } from 'kysely';
import type { Principal } from '../../shared/auth/permissions.ts';
import { READ_RULES_VERSION, readScope } from '../../shared/auth/read-scope.ts';
import { redactForReader } from '../../shared/auth/redact.ts';
import { DomainError } from '../../shared/errors.ts';
import { STAFF_SOURCE, staffEntry } from '../../shared/auth/staff-directory.ts';
import type { TableName } from '../../shared/schema/tables.ts';
import type { Cookie, PatchOp, PullRequest, PullResponse } from '../../shared/sync/protocol.ts';
import type { SeenVersions } from '../auth/session-profile.ts';
import type { Store } from '../store/store.ts';
import { rememberedOwner, rememberOwner } from './client-group-owners.ts';
import { claimGroup } from './client-ownership.ts';
import { readPull, type ChangedRow, type PullQuery, type PullRead } from './pull-read.ts';

export const DEFAULT_PAGE_SIZE = 2_000;

export type PullOptions = {
	pageSize?: number | undefined;
	/**
	 * The versions the request's session statement read: when they match the cookie and the client
	 * group is known to be the user's, the pull is answered without asking the store again.
	 */
	seen?: SeenVersions;
	now?: () => number;
};

export async function processPull(
	store: Store,
	principal: Principal,
	request: PullRequest,
	{ pageSize = DEFAULT_PAGE_SIZE, seen, now = Date.now }: PullOptions = {}
): Promise<PullResponse> {
	const cookie = request.cookie;
	if (cookie && !cookie.c) {
		// The session statement's versions are as fresh as a store check would be; when they show a
		// change, the read below is the one statement this pull needs.
		const current =
			seen === undefined
				? await isUpToDate(store, principal, request.clientGroupID, cookie)
				: isCurrent(cookie, seen.space, seen.acl) && rememberedOwner(store, request.clientGroupID) === principal.userId;
		if (current) return { cookie, lastMutationIDChanges: {}, rejections: [], more: false, patch: [] };
	}
	let read = await readPull(store.db, principal, pullQuery(request, null, pageSize));
	let base = baseOf(request.cookie, read);
	// Read as if the cookie were usable; when it is not (a changed ACL, a restored backup), read
	// again from the start. A reset is always a correct answer, whatever the second read sees.
	if (base !== request.cookie && request.cookie !== null) {
		read = await readPull(store.db, principal, pullQuery(request, { v: 0 }, pageSize));
		base = { v: 0, acl: read.userAclVersion + READ_RULES_VERSION };
	}
	const { owner } = read;
	if (owner !== null && owner !== principal.userId) throw DomainError.of('clientNotOwned');
	const response = pullResponse(principal, request, base, read, pageSize);
	// A group belongs to whoever first pushed or pulled with it; claimed after the read, so a
	// new device's first pull is the only one that writes.
	if (owner === null) await claimGroup(store.db, principal, request.clientGroupID, now());
	rememberOwner(store, request.clientGroupID, principal.userId);
	return response;
}

/** What to read: after the cookie, or from `reset` (the start) when given. */
function pullQuery(request: PullRequest, reset: { v: 0 } | null, pageSize: number): PullQuery {
	const after = reset ?? request.cookie ?? { v: 0 };
	return {
		clientGroupID: request.clientGroupID,
		after,
		limit: pageSize + 1,
		mutationsSince: after.v,
		// Since the client's own position even when its view is reset: a refusal it has not been told
		// about must reach it, however many there are.
		rejectionsSince: request.cookie?.v ?? 0
	};
}

/** The position the answer starts from: the cookie, or a reset (version 0) when it is unusable. */
function baseOf(cookie: Cookie | null, read: PullRead): Cookie {
	const aclVersion = read.userAclVersion + READ_RULES_VERSION;
	// A cookie from a future this store never reached (a restored backup) is as unusable as none.
	const reset =
		cookie === null ||
		cookie.acl !== aclVersion ||
		cookie.v > read.spaceVersion ||
		(cookie.c?.v ?? 0) > read.spaceVersion;
	return reset ? { v: 0, acl: aclVersion } : cookie;
}

function pullResponse(
	principal: Principal,
	request: PullRequest,
	base: Cookie,
	read: PullRead,
	pageSize: number
): PullResponse {
	const { spaceVersion } = read;
	const aclVersion = read.userAclVersion + READ_RULES_VERSION;
	const reset = base !== request.cookie;
	if (!reset && base.v === spaceVersion && !base.c) {
		return { cookie: base, lastMutationIDChanges: {}, rejections: [], more: false, patch: [] };
	}
	const more = read.rows.length > pageSize;
	const page = more ? read.rows.slice(0, pageSize) : read.rows;
	const patch: PatchOp[] = reset && !base.c ? [{ op: 'clear' }] : [];
	for (const row of page) patch.push(...patchOps(principal, row));
	if (more) {
		const last = page[page.length - 1]!;
		const cookie: Cookie = { v: base.v, acl: aclVersion, c: { v: last.version, t: last.tbl, i: last.id } };
		return { cookie, lastMutationIDChanges: {}, rejections: [], more, patch };
	}
	// Mutation state only travels with the last page, so no acknowledged mutation is dropped
	// by the client before all of its effects have arrived.
	return {
		cookie: { v: spaceVersion, acl: aclVersion },
		lastMutationIDChanges: read.lastMutationIDs,
		rejections: read.rejections,
		more: false,
		patch
	};
}

/**
 * Whether a cookie is current: the client group's owner and both versions in one statement, which
 * is a snapshot of its own, so the commonest pull costs one round trip and no transaction.
 */
async function isUpToDate(store: Store, principal: Principal, clientGroupID: string, cookie: Cookie) {
	const { rows } = await sql<{ owner: string | null; space_version: number; acl_version: number }>`
		SELECT (SELECT user_id FROM client_groups WHERE id = ${clientGroupID}) AS owner,
			o.version AS space_version, u.acl_version
		FROM orgs o JOIN users u ON u.org_id = o.id
		WHERE o.id = ${principal.orgId} AND u.id = ${principal.userId}`.execute(store.db);
	const row = rows[0];
	if (!row) return false;
	if (row.owner !== null && row.owner !== principal.userId) throw DomainError.of('clientNotOwned');
	if (row.owner !== null) rememberOwner(store, clientGroupID, row.owner);
	return isCurrent(cookie, Number(row.space_version), Number(row.acl_version));
}

function isCurrent(cookie: Cookie, spaceVersion: number, userAclVersion: number) {
	return cookie.v === spaceVersion && cookie.acl === userAclVersion + READ_RULES_VERSION;
}

/** What one stored row becomes for this reader: itself (redacted), its staff directory entry, or both. */
function patchOps(principal: Principal, row: ChangedRow): PatchOp[] {
	const ops: PatchOp[] = [];
	const table = row.tbl as TableName;
	if (table !== STAFF_SOURCE || readScope(principal, table).kind !== 'none') {
		ops.push(
			row.deleted
				? { op: 'del', table, id: row.id }
				: { op: 'put', table, id: row.id, value: redactForReader(principal, table, JSON.parse(row.value)) }
		);
	}
	const directory = readScope(principal, 'staff');
	const inDirectory = directory.kind === 'all' || (directory.kind === 'company' && directory.companyId === row.scope);
	if (table === STAFF_SOURCE && inDirectory) {
		const entry = row.deleted ? null : staffEntry(JSON.parse(row.value));
		ops.push(
			entry ? { op: 'put', table: 'staff', id: row.id, value: entry } : { op: 'del', table: 'staff', id: row.id }
		);
	}
	return ops;
}
