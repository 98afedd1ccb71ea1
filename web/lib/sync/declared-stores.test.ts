// A mutation that declares its stores gets a local transaction over those alone (local-mutation.ts).
// Each declared mutation's paths run here, every read and write included, on the real local write:
// a table missing from the declaration would fail the write instead of reaching these outcomes.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/permissions.ts';
import { DomainError } from '../../../shared/errors.ts';
import { MUTATIONS, type MutationName } from '../../../shared/mutations/registry.ts';
import { buildCompany, buildQuote, buildQuoteLine, TEST_NOW } from '../../../shared/test/builders.ts';
import { buildProduct } from '../catalog/test-products.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { createIdbTx } from './idb-tx.ts';
import { runLocalMutation } from './local-mutation.ts';

const sales: Principal = {
	userId: 'user-sales',
	orgId: 'org-demo',
	isAdmin: false,
	permissions: ['quoteEditor', 'productViewer'],
	companyId: 'company-msp',
	companyVerified: true,
	kind: 'msp'
};
const dock = buildProduct({ id: 'p-dock', name: 'USB-C dock', categoryId: 'cat-acc', cost: 10_000, price: 15_000 });

/** One path of a mutation: its arguments, and the error code it ends with (null: it is applied). */
type Path = { args: Record<string, unknown>; outcome: string | null };
const path = (args: Record<string, unknown>, outcome: string | null = null): Path => ({ args, outcome });

// Every path that reads a table another does not: each store a mutation touches is reached here.
const PATHS: Partial<Record<MutationName, Path[]>> = {
	createQuote: [
		path({ id: 'q-new', companyId: 'company-acme', title: 'New', contactId: 'c-acme' }),
		path({ id: 'q1', companyId: 'company-acme', title: 'Taken' }, 'id_taken'),
		path({ id: 'q-new', companyId: 'company-ghost', title: 'New' }, 'company_not_found')
	],
	updateQuote: [
		path({ id: 'q1', companyId: 'company-globex', contactId: 'c-globex' }),
		path({ id: 'q1', status: 'sent' }),
		path({ id: 'q1', contactId: 'c-globex' }, 'contact_not_of_company')
	],
	addQuoteLine: [
		path({ id: 'l-new', quoteId: 'q1', description: 'Labour', unitPrice: 100 }),
		path({ id: 'l-dock', quoteId: 'q1', productId: 'p-dock' }),
		path({ id: 'l-ghost', quoteId: 'q1', productId: 'p-ghost' }, 'product_not_found')
	],
	updateQuoteLine: [path({ id: 'l1', quantity: 3 }), path({ id: 'l-ghost', quantity: 3 }, 'quote_line_not_found')],
	removeQuoteLine: [path({ id: 'l1' }), path({ id: 'l-ghost' })]
};

async function outcomeOf(db: LocalDb, name: MutationName, args: unknown): Promise<string | null> {
	return runLocalMutation(db, sales, name, args as never, TEST_NOW).then(
		() => null,
		(error: unknown) => {
			if (error instanceof DomainError) return error.code;
			throw error;
		}
	);
}

describe('declared stores', () => {
	let db: LocalDb;

	beforeEach(async () => {
		db = openTestDb();
		await db.companies.bulkPut([
			buildCompany({ id: 'company-acme' }),
			buildCompany({ id: 'company-globex', name: 'Globex' })
		]);
		await db.contacts.bulkPut([
			{ id: 'c-acme', companyId: 'company-acme', name: 'Dana', email: '', phone: '', jobTitle: '' },
			{ id: 'c-globex', companyId: 'company-globex', name: 'Gil', email: '', phone: '', jobTitle: '' }
		]);
		await db.categories.put({ id: 'cat-acc', name: 'Accessories', defaultMarkupPercent: 30, billingCodeId: 'bc-1' });
		await db.products.put(dock);
		await db.pricingBooks.put({
			id: 'book',
			name: 'Acme',
			companyIds: ['company-acme'],
			validFrom: '2026-01-01',
			validTo: null,
			prices: { 'p-dock': 12_000 }
		});
		await db.quotes.put(buildQuote({ id: 'q1', companyId: 'company-acme' }));
		await db.quoteLines.put(buildQuoteLine({ id: 'l1', quoteId: 'q1', quantity: 1, unitPrice: 100 }));
	});
	afterEach(() => destroyTestDb(db));

	it('has its paths run here for every mutation that declares stores', () => {
		const declared = Object.values(MUTATIONS)
			.filter((def) => 'stores' in def)
			.map((def) => def.name);
		expect(Object.keys(PATHS).sort()).toEqual(declared.sort());
	});

	for (const [name, paths] of Object.entries(PATHS) as [MutationName, Path[]][]) {
		for (const { args, outcome } of paths) {
			it(`${name} ${JSON.stringify(args)} ends ${outcome ?? 'applied'} within its stores`, async () => {
				expect(await outcomeOf(db, name, args)).toBe(outcome);
			});
		}
	}

	it('fails a write that reads a table its transaction does not span, naming the table', async () => {
		const trans = db.backendDB().transaction(['quotes', 'outbox'], 'readwrite');
		const tx = createIdbTx(db, trans);
		await expect((async () => tx.get('companies', 'company-acme'))()).rejects.toThrow(
			"This write's transaction does not span 'companies': add it to the mutation's stores."
		);
	});
});
