// What a pull reads, in one statement: the versions, the client group's owner, the changed rows the
// user may see, the group's lastMutationIDs and its rejections. One statement sees one snapshot on
// both stores (DESIGN section 3: cookie, patch and lastMutationIDChanges in one snapshot), so no
// transaction is opened, and on Postgres the pull is one round trip instead of seven.
// It does not know what the rows become on the wire (pull.ts does).

import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Principal } from '../../shared/auth/permissions.ts';
import { readScope } from '../../shared/auth/read-scope.ts';
import { ACTIVITY_WINDOW_DAYS, activityCutoff } from '../../shared/schema/activity-entities.ts';
import { STAFF_SOURCE } from '../../shared/auth/staff-directory.ts';
import { TABLE_NAMES } from '../../shared/schema/tables.ts';
import type { Cookie, Rejection } from '../../shared/sync/protocol.ts';
import { compareStored } from '../../shared/sync/stored-order.ts';
import type { Database } from '../store/schema.ts';

export type ChangedRow = {
	tbl: string;
	id: string;
	version: number;
	deleted: number;
	scope: string | null;
	value: string;
};

export type PullRead = {
	owner: string | null;
	spaceVersion: number;
	/** The user's own ACL version, before the read rules' version is added. */
	userAclVersion: number;
	/** In cursor order (version, tbl, id). */
	rows: ChangedRow[];
	lastMutationIDs: Record<string, number>;
	rejections: Rejection[];
};

export type PullQuery = {
	clientGroupID: string;
	/** Rows after this position: its cursor when it has one, else every version above `v`. */
	after: Pick<Cookie, 'v' | 'c'>;
	limit: number;
	/** Mutation state changed after this space version. */
	mutationsSince: number;
	/** Rejections recorded after this space version. */
	rejectionsSince: number;
};

/**
 * One row per fact, told apart by `kind`; each kind uses the columns it needs:
 *   row        tbl, id, version, deleted, scope, value (an entity)
 *   versions   id = the group's owner, version = space version, deleted = the user's ACL version
 *   client     id = client id, version = its lastMutationID
 *   rejection  tbl = mutation name, id = client id, version = mutation id,
 *              deleted = the space version it was recorded at, scope = code, value = message
 * A UNION keeps no order, so rows and rejections are put back in order here.
 */
type Fact = {
	kind: 'row' | 'versions' | 'client' | 'rejection';
	tbl: string | null;
	id: string | null;
	version: number | null;
	deleted: number | null;
	scope: string | null;
	value: string | null;
};

export async function readPull(db: Kysely<Database>, principal: Principal, query: PullQuery): Promise<PullRead> {
	const text = (value: string | null) => sql<string | null>`${sql.lit(value)}`;
	const none = sql<number | null>`NULL`;
	const { after } = query;
	const cursor = after.c ?? null;
	const rows = db
		.selectFrom('entities')
		.select([text('row').as('kind'), 'tbl', 'id', 'version', 'deleted', 'scope', 'value'])
		.where('org_id', '=', principal.orgId)
		.where((eb) =>
			cursor
				? eb.or([
						eb('version', '>', cursor.v),
						eb.and([eb('version', '=', cursor.v), eb('tbl', '>', cursor.t)]),
						eb.and([eb('version', '=', cursor.v), eb('tbl', '=', cursor.t), eb('id', '>', cursor.i)])
					])
				: eb('version', '>', after.v)
		)
		.where((eb) => visibleRows(eb, principal))
		.orderBy('version')
		.orderBy('tbl')
		.orderBy('id')
		.limit(query.limit);
	const versions = db
		.selectFrom('orgs')
		.innerJoin('users', 'users.org_id', 'orgs.id')
		.select((eb) => [
			text('versions').as('kind'),
			text(null).as('tbl'),
			eb
				.selectFrom('client_groups')
				.select('user_id')
				.where('client_groups.id', '=', query.clientGroupID)
				.$asScalar()
				.as('id'),
			'orgs.version as version',
			'users.acl_version as deleted',
			text(null).as('scope'),
			text(null).as('value')
		])
		.where('orgs.id', '=', principal.orgId)
		.where('users.id', '=', principal.userId);
	const clients = db
		.selectFrom('clients')
		.select([
			text('client').as('kind'),
			text(null).as('tbl'),
			'id',
			'last_mutation_id as version',
			none.as('deleted'),
			text(null).as('scope'),
			text(null).as('value')
		])
		.where('client_group_id', '=', query.clientGroupID)
		.where('version', '>', query.mutationsSince);
	const rejections = db
		.selectFrom('rejections')
		.select([
			text('rejection').as('kind'),
			'name as tbl',
			'client_id as id',
			'mutation_id as version',
			'version as deleted',
			'code as scope',
			'message as value'
		])
		.where('client_group_id', '=', query.clientGroupID)
		.where('version', '>', query.rejectionsSince);
	// The rows sit in a subquery of their own: SQLite takes no ORDER BY or LIMIT on one arm of a UNION.
	const facts = await db
		.selectFrom(rows.as('r'))
		.selectAll()
		.$castTo<Fact>()
		.unionAll(versions.$castTo<Fact>())
		.unionAll(clients.$castTo<Fact>())
		.unionAll(rejections.$castTo<Fact>())
		.execute();
	return toPullRead(facts);
}

function toPullRead(facts: readonly Fact[]): PullRead {
	let head: Fact | undefined;
	const rows: Fact[] = [];
	const clients: Fact[] = [];
	const rejections: Fact[] = [];
	for (const fact of facts) {
		if (fact.kind === 'row') rows.push(fact);
		else if (fact.kind === 'versions') head = fact;
		else if (fact.kind === 'client') clients.push(fact);
		else rejections.push(fact);
	}
	if (!head) throw new Error('The pulling user or their organisation is not in the store');
	rows.sort(
		(a, b) => Number(a.version) - Number(b.version) || compareStored(a.tbl!, b.tbl!) || compareStored(a.id!, b.id!)
	);
	rejections.sort((a, b) => Number(a.deleted) - Number(b.deleted) || Number(a.version) - Number(b.version));
	return {
		owner: head.id,
		spaceVersion: Number(head.version),
		userAclVersion: Number(head.deleted),
		rows: rows.map((r) => ({
			tbl: r.tbl!,
			id: r.id!,
			version: Number(r.version),
			deleted: Number(r.deleted),
			scope: r.scope,
			value: r.value!
		})),
		lastMutationIDs: Object.fromEntries(clients.map((c) => [c.id!, Number(c.version)])),
		rejections: rejections.map((r) => ({
			clientID: r.id!,
			mutationID: Number(r.version),
			name: r.tbl!,
			code: r.scope!,
			message: r.value!
		}))
	};
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
