// The local reads behind the PSA admin screens, run inside live() so they follow every write and
// pull. Issues and integrations replicate to admins only; anyone else reads empty tables.

import type { Category } from '../../../shared/schema/catalog-entities.ts';
import type { Integration, Issue } from '../../../shared/schema/psa-entities.ts';
import type { LocalDb } from '../platform/local-db.ts';

export type PsaData = { issues: Issue[]; categories: Category[]; integrations: Integration[] };

export const EMPTY_PSA_DATA: PsaData = { issues: [], categories: [], integrations: [] };

/** Issues, categories by name and integrations, read in one transaction so they agree. */
export async function loadPsaData(db: LocalDb): Promise<PsaData> {
	return db.transaction('r', [db.issues, db.categories, db.integrations], async () => {
		const [issues, categories, integrations] = await Promise.all([
			db.issues.toArray(),
			db.categories.orderBy('name').toArray(),
			db.integrations.toArray()
		]);
		return { issues, categories, integrations };
	});
}
