// The signed-in user of a request, in one statement: the session, the account, the replicated users
// row and the organisation's roles (a handful) together, where reading them one by one cost a round
// trip each on every request on Postgres. The same statement reads the organisation's space version
// and the user's ACL version, so a pull whose cookie is current needs nothing more. Prepared: on
// Postgres, planning the join cost more than running it.

import { sql } from 'kysely';
import type { UserProfile } from '../../shared/auth/user-profile.ts';
import { TABLES } from '../../shared/schema/tables.ts';
import { prepared, runAlone } from '../store/prepared-statements.ts';
import type { Store } from '../store/store.ts';
import { profileOf } from './principal.ts';
import { hashToken, keepSession, type SessionPolicy } from './sessions.ts';

type Row = {
	space_version: number;
	acl_version: number;
	expires_at: number;
	last_seen_at: number;
	org_id: string;
	user_value: string | null;
	role_value: string | null;
};

/** The versions a pull's cookie is compared with, as this request's first statement saw them. */
export type SeenVersions = { space: number; acl: number };

export type SessionProfile = { profile: UserProfile; versions: SeenVersions };

/** The profile of the session's user, or null when the session is unknown, ended or its user is gone. */
export async function resolveSessionProfile(
	store: Store,
	token: string,
	now: number,
	policy: SessionPolicy
): Promise<SessionProfile | null> {
	const idHash = hashToken(token);
	const rows = await runAlone(
		store,
		sql<Row>`${prepared('session-profile')}
		SELECT s.expires_at, s.last_seen_at, a.org_id, a.acl_version, o.version AS space_version,
			u.value AS user_value, r.value AS role_value
		FROM sessions s
		JOIN users a ON a.id = s.user_id
		JOIN orgs o ON o.id = a.org_id
		LEFT JOIN entities u ON u.org_id = a.org_id AND u.tbl = 'users' AND u.id = a.id AND u.deleted = 0
		LEFT JOIN entities r ON r.org_id = a.org_id AND r.tbl = 'roles' AND r.deleted = 0
		WHERE s.id_hash = ${idHash}`
	);
	const first = rows[0];
	if (!first) return null;
	const session = { expires_at: Number(first.expires_at), last_seen_at: Number(first.last_seen_at) };
	if (!(await keepSession(store, idHash, session, now, policy))) return null;
	if (first.user_value === null) return null;
	return {
		profile: profileFromStored(first.org_id, first.user_value, rows),
		versions: { space: Number(first.space_version), acl: Number(first.acl_version) }
	};
}

/**
 * The profile is a function of the stored texts alone, so it is kept by them: a request whose user
 * and roles are stored as before skips parsing and checking them again.
 * Any change to the user or a role changes the key, so nothing stale is ever answered.
 */
const profiles = new Map<string, UserProfile>();
const PROFILES_KEPT = 1_000;

function profileFromStored(orgId: string, userValue: string, rows: readonly Row[]): UserProfile {
	const key = [orgId, userValue, ...rows.map((r) => r.role_value ?? '')].join('\u0000');
	const kept = profiles.get(key);
	if (kept) return kept;
	const user = TABLES.users.schema.parse(JSON.parse(userValue));
	const wanted = new Set(user.roleIds);
	const roles = rows.flatMap((row) => {
		if (row.role_value === null) return [];
		const role = JSON.parse(row.role_value) as { id: string };
		return wanted.has(role.id) ? [TABLES.roles.schema.parse(role)] : [];
	});
	const profile = deepFreeze(profileOf(orgId, user, roles));
	if (profiles.size >= PROFILES_KEPT) profiles.clear();
	profiles.set(key, profile);
	return profile;
}

/** Shared by requests, so nobody may change it. */
function deepFreeze<T extends object>(value: T): T {
	for (const inner of Object.values(value)) if (inner !== null && typeof inner === 'object') deepFreeze(inner);
	return Object.freeze(value);
}
