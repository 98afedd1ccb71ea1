// Pull (DESIGN section 3): everything the user may see that changed since their cookie, read in one
// snapshot together with the client group's lastMutationIDs and rejections. An unchanged cookie costs
// one small query; large catch-ups come in bounded pages; a changed ACL version resets the client.

import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Principal } from '../../shared/auth/permissions.ts';
import { READ_RULES_VERSION, readScope } from '../../shared/auth/read-scope.ts';
import { redactForReader } from '../../shared/auth/redact.ts';
import { DomainError } from '../../shared/errors.ts';
import { ACTIVITY_WINDOW_DAYS, activityCutoff } from '../../shared/schema/activity-entities.ts';
import { STAFF_SOURCE, staffEntry } from '../../shared/auth/staff-directory.ts';
import { TABLE_NAMES, type TableName } from '../../shared/schema/tables.ts';
import type { Cookie, PatchOp, PullRequest, PullResponse, Rejection } from '../../shared/sync/protocol.ts';
import type { SeenVersions } from '../auth/session-profile.ts';
import type { Store } from '../store/store.ts';
import type { Database } from '../store/schema.ts';
import { rememberedOwner, rememberOwner } from './client-group-owners.ts';
import { checkClientGroup, claimGroup } from './client-ownership.ts';

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
		const current =
			seen !== undefined &&
			isCurrent(cookie, seen.space, seen.acl) &&
			rememberedOwner(store, request.clientGroupID) === principal.userId;
		if (current || (await isUpToDate(store, principal, request.clientGroupID, cookie))) {
			return { cookie, lastMutationIDChanges: {}, rejections: [], more: false, patch: [] };
		}
	}
	let owner: string | null = null;
	const response = await store.snapshot(async (trx) => {
		owner = await checkClientGroup(trx, principal, request.clientGroupID);
		const { spaceVersion, aclVersion } = await readVersions(trx, principal);
		// A cookie from a future this store never reached (a restored backup) is as unusable as none.
		const reset =
			request.cookie === null ||
			request.cookie.acl !== aclVersion ||
			request.cookie.v > spaceVersion ||
			(request.cookie.c?.v ?? 0) > spaceVersion;
		const base: Cookie = reset ? { v: 0, acl: aclVersion } : request.cookie!;
		if (!reset && base.v === spaceVersion && !base.c) {
			return { cookie: base, lastMutationIDChanges: {}, rejections: [], more: false, patch: [] };
		}
		const rows = await readChangedRows(trx, principal, base, pageSize + 1);
		const more = rows.length > pageSize;
		const page = more ? rows.slice(0, pageSize) : rows;
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
			lastMutationIDChanges: await readLastMutationIDs(trx, request.clientGroupID, base.v),
			// Since the client's own position even when its view is reset: a refusal it has not been told
			// about must reach it, however many there are.
			rejections: await readRejections(trx, request.clientGroupID, request.cookie?.v ?? 0),
			more: false,
			patch
		};
	});
	// A group belongs to whoever first pushed or pulled with it; claimed after the snapshot, so a
	// new device's first pull is the only one that writes.
	if (owner === null) await claimGroup(store.db, principal, request.clientGroupID, now());
	rememberOwner(store, request.clientGroupID, principal.userId);
	return response;
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

/**
 * The user's ACL version counts the changes to what they may see: theirs (a role, a company link)
 * plus the read rules' own. Both only grow, so the sum changes whenever either does.
 */
async function readVersions(trx: Transaction<Database>, principal: Principal) {
	const row = await trx
		.selectFrom('orgs')
		.innerJoin('users', 'users.org_id', 'orgs.id')
		.select(['orgs.version as spaceVersion', 'users.acl_version as aclVersion'])
		.where('orgs.id', '=', principal.orgId)
		.where('users.id', '=', principal.userId)
		.executeTakeFirstOrThrow();
	return { spaceVersion: row.spaceVersion, aclVersion: Number(row.aclVersion) + READ_RULES_VERSION };
}

type ChangedRow = { tbl: string; id: string; deleted: number; scope: string | null; value: string };

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

function readChangedRows(trx: Transaction<Database>, principal: Principal, base: Cookie, limit: number) {
	const after = base.c ?? null;
	return trx
		.selectFrom('entities')
		.select(['tbl', 'id', 'version', 'deleted', 'scope', 'value'])
		.where('org_id', '=', principal.orgId)
		.where((eb) =>
			after
				? eb.or([
						eb('version', '>', after.v),
						eb.and([eb('version', '=', after.v), eb('tbl', '>', after.t)]),
						eb.and([eb('version', '=', after.v), eb('tbl', '=', after.t), eb('id', '>', after.i)])
					])
				: eb('version', '>', base.v)
		)
		.where((eb) => visibleRows(eb, principal))
		.orderBy('version')
		.orderBy('tbl')
		.orderBy('id')
		.limit(limit)
		.execute();
}

function visibleRows(eb: ExpressionBuilder<Database, 'entities'>, principal: Principal) {
	const allowed = TABLE_NAMES.flatMap((table) => {
		const scope = readScope(principal, table);
		const stored = table === 'staff' ? STAFF_SOURCE : table;
		if (scope.kind === 'none') return [];
		// Devices keep the last days of the activity log; older pages are read from the gateway.
		if (table === 'activity') return [eb.and([eb('tbl', '=', stored), eb('id', '>=', activityWindowStart())])];
		if (scope.kind === 'all') return [eb('tbl', '=', stored)];
		if (scope.kind === 'scoped') return [eb.and([eb('tbl', '=', stored), eb('scope', 'is not', null)])];
		return [eb.and([eb('tbl', '=', stored), eb('scope', '=', scope.companyId)])];
	});
	return allowed.length ? eb.or(allowed) : sql<boolean>`1 = 0`;
}

function activityWindowStart(): string {
	return activityCutoff(Date.now(), ACTIVITY_WINDOW_DAYS);
}

async function readLastMutationIDs(trx: Transaction<Database>, clientGroupID: string, since: number) {
	const rows = await trx
		.selectFrom('clients')
		.select(['id', 'last_mutation_id'])
		.where('client_group_id', '=', clientGroupID)
		.where('version', '>', since)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.id, r.last_mutation_id]));
}

async function readRejections(trx: Transaction<Database>, clientGroupID: string, since: number): Promise<Rejection[]> {
	const rows = await trx
		.selectFrom('rejections')
		.select(['client_id', 'mutation_id', 'name', 'code', 'message'])
		.where('client_group_id', '=', clientGroupID)
		.where('version', '>', since)
		.orderBy('version')
		.orderBy('mutation_id')
		.execute();
	return rows.map((r) => ({
		clientID: r.client_id,
		mutationID: r.mutation_id,
		name: r.name,
		code: r.code,
		message: r.message
	}));
}
