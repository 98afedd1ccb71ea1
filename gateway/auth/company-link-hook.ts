// The hook PSA sync calls when it matches an MSP user to their PSA record (seeds: "Company links of
// MSP users are verified automatically during PSA sync"). It writes through the sync store, so the
// change replicates to admins and the user's own view resets, like an admin's verifyCompanyLink.

import { sql } from 'kysely';
import { DomainError } from '../../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';

export type VerifiedLink = { changed: boolean };

/** Links `userId` to `companyId` (the MSP's own company, for staff) and marks the link verified. */
export async function verifyCompanyLinkFromPsa(
	store: Store,
	orgId: string,
	userId: string,
	companyId: string
): Promise<VerifiedLink> {
	return store.write(async (trx) => {
		const version = await nextSpaceVersion(trx, orgId);
		const tx = createSqlTx(trx, orgId, version);
		const user = await tx.get('users', userId);
		if (!user) throw DomainError.of('userNotFound');
		if (!(await tx.get('companies', companyId))) throw DomainError.of('companyNotFound');
		if (user.companyId === companyId && user.companyVerified) return { changed: false };
		await tx.put('users', { ...user, companyId, companyVerified: true });
		await trx
			.updateTable('users')
			.set({ acl_version: sql`acl_version + 1` })
			.where('id', '=', userId)
			.execute();
		return { changed: true };
	});
}
