// Users have no lookup of their own in the adapters: Synchronize brings every active staff record and
// user-linking.ts matches them. A re-index of users reads the people once and asks them the same way:
// is the linked record still there (active and eligible), and whose email matches the user's.

import type { Provider } from '../../../shared/psa/providers.ts';
import { psaOk, type PsaAdapter, type PsaResult, type ReindexLookup, type SyncContext } from '../../psa/provider.ts';
import { readEntities } from '../../store/entity-reader.ts';
import type { Store } from '../../store/store.ts';
import { linkPeople, normalizeEmail } from '../user-linking.ts';

export async function openUsersLookup(
	adapter: PsaAdapter,
	ctx: SyncContext,
	deps: { store: Store; orgId: string; provider: Provider }
): Promise<PsaResult<ReindexLookup>> {
	const synced = await adapter.synchronize(ctx);
	if (!synced.ok) return synced;
	const people = synced.value.people.filter((p) => p.active && !p.ineligible);
	const users = await readEntities(deps.store.db, deps.orgId, 'users');
	// Records another user keeps by its identifier are not free to be matched by email.
	const kept = new Map<string, string>();
	for (const decision of linkPeople(deps.provider, users, people, { createMissing: false })) {
		if (decision.action === 'keep') kept.set(decision.person.externalId, decision.userId);
	}
	const live = new Set(people.map((p) => p.externalId));
	return psaOk({
		exists: async (externalId) => psaOk(live.has(externalId)),
		async candidates(userId) {
			const user = users.find((u) => u.id === userId);
			const email = normalizeEmail(user?.email);
			if (!user || user.kind !== 'msp' || !email) return psaOk([]);
			return psaOk(
				people
					.filter((p) => normalizeEmail(p.email) === email && (kept.get(p.externalId) ?? userId) === userId)
					.map((p) => p.externalId)
			);
		}
	});
}
