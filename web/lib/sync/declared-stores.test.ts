// Every mutation declares its stores, and its local transaction spans those alone (local-mutation.ts).
// Each mutation's paths (declared-stores/*-paths.ts) run here, every read and write included, on the
// real local write: a table missing from the declaration would fail the write instead of reaching
// these outcomes.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/permissions.ts';
import { DomainError } from '../../../shared/errors.ts';
import { MUTATIONS, type MutationName } from '../../../shared/mutations/registry.ts';
import { TEST_NOW } from '../../../shared/test/builders.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { adminPaths } from './declared-stores/admin-paths.ts';
import { catalogPaths } from './declared-stores/catalog-paths.ts';
import type { Path } from './declared-stores/path-family.ts';
import { procurementPaths } from './declared-stores/procurement-paths.ts';
import { psaPaths } from './declared-stores/psa-paths.ts';
import { quoteAnswerPaths } from './declared-stores/quote-answer-paths.ts';
import { quotePaths } from './declared-stores/quote-paths.ts';
import { createIdbTx } from './idb-tx.ts';
import { runLocalMutation } from './local-mutation.ts';

const FAMILIES = [quotePaths, quoteAnswerPaths, catalogPaths, adminPaths, psaPaths, procurementPaths];

async function outcomeOf(db: LocalDb, as: Principal, name: MutationName, args: unknown): Promise<string | null> {
	return runLocalMutation(db, as, name, args as never, TEST_NOW).then(
		() => null,
		(error: unknown) => {
			if (error instanceof DomainError) return error.code;
			throw error;
		}
	);
}

describe('declared stores', () => {
	let db: LocalDb;

	beforeEach(() => {
		db = openTestDb();
	});
	afterEach(() => destroyTestDb(db));

	it('has the paths of every mutation run here, each in one family', () => {
		const covered = FAMILIES.flatMap((family) => Object.keys(family.paths));
		expect(covered.sort()).toEqual(Object.keys(MUTATIONS).sort());
	});

	for (const family of FAMILIES) {
		describe(family.name, () => {
			beforeEach(() => family.seed(db));

			for (const [name, paths] of Object.entries(family.paths) as [MutationName, Path[]][]) {
				for (const { args, outcome } of paths) {
					it(`${name} ${JSON.stringify(args)} ends ${outcome ?? 'applied'} within its stores`, async () => {
						expect(await outcomeOf(db, family.as, name, args)).toBe(outcome);
					});
				}
			}
		});
	}

	it('fails a write that reads a table its transaction does not span, naming the table', async () => {
		await db.open();
		const trans = db.backendDB().transaction(['quotes', 'outbox'], 'readwrite');
		const tx = createIdbTx(db, trans);
		await expect((async () => tx.get('companies', 'company-acme'))()).rejects.toThrow(
			"This write's transaction does not span 'companies': add it to the mutation's stores."
		);
	});
});
