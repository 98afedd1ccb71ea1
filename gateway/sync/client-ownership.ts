// Client groups and clients belong to the user who first pushed or pulled with them; nobody else
// may push for them or read their mutation state (reference/sync.md section 2.6).

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Principal } from '../../shared/auth/permissions.ts';
import { DomainError } from '../../shared/errors.ts';
import { prepared } from '../store/prepared-statements.ts';
import type { Database } from '../store/schema.ts';

/**
 * Refuses a group or client of another user; creates them (lastMutationID 0) when they are new.
 * Answers the client's lastMutationID. A known client costs one statement.
 */
export async function claimClient(
	trx: Transaction<Database>,
	principal: Principal,
	clientGroupID: string,
	clientID: string,
	now: number
): Promise<number> {
	const { rows } = await sql<{
		owner: string | null;
		client_group: string | null;
		last_mutation_id: number | null;
	}>`${prepared('client-claim')}
		SELECT (SELECT user_id FROM client_groups WHERE id = ${clientGroupID}) AS owner,
			(SELECT client_group_id FROM clients WHERE id = ${clientID}) AS client_group,
			(SELECT last_mutation_id FROM clients WHERE id = ${clientID}) AS last_mutation_id`.execute(trx);
	const known = rows[0]!;
	if (known.owner !== null && known.owner !== principal.userId) throw DomainError.of('clientNotOwned');
	if (known.owner === null) await claimGroup(trx, principal, clientGroupID, now);
	if (known.client_group !== null) {
		if (known.client_group !== clientGroupID) throw DomainError.of('clientNotOwned');
		return Number(known.last_mutation_id);
	}
	await trx
		.insertInto('clients')
		.values({ id: clientID, client_group_id: clientGroupID, last_mutation_id: 0, version: 0 })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	const inserted = await trx
		.selectFrom('clients')
		.select(['client_group_id', 'last_mutation_id'])
		.where('id', '=', clientID)
		.executeTakeFirst();
	if (inserted?.client_group_id !== clientGroupID) throw DomainError.of('clientNotOwned');
	return inserted.last_mutation_id;
}

/** Makes a new group the user's; refuses it when another user created it first. */
export async function claimGroup(
	db: Kysely<Database>,
	principal: Principal,
	clientGroupID: string,
	now: number
): Promise<void> {
	await db
		.insertInto('client_groups')
		.values({ id: clientGroupID, user_id: principal.userId, org_id: principal.orgId, created_at: now })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	// Another user may have created the same group in between; whoever inserted first owns it.
	const owner = await db
		.selectFrom('client_groups')
		.select('user_id')
		.where('id', '=', clientGroupID)
		.executeTakeFirst();
	if (owner?.user_id !== principal.userId) throw DomainError.of('clientNotOwned');
}

/** Read-only check for pull: an unknown group is a new client (null), a foreign one is refused. */
export async function checkClientGroup(
	trx: Transaction<Database>,
	principal: Principal,
	clientGroupID: string
): Promise<string | null> {
	const group = await trx
		.selectFrom('client_groups')
		.select(['user_id'])
		.where('id', '=', clientGroupID)
		.executeTakeFirst();
	if (group && group.user_id !== principal.userId) throw DomainError.of('clientNotOwned');
	return group?.user_id ?? null;
}
