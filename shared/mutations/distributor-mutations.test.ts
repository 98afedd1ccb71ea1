import { describe, expect, it } from 'vitest';
import { defaultDistributor } from '../schema/distributor-entities.ts';
import { createMemoryTx } from '../sync/memory-tx.ts';
import { moveDistributor, setDistributorOrdering } from './distributor-mutations.ts';

const ctx = {
	userId: 'admin',
	actor: { kind: 'msp' as const, companyId: 'company-msp', isAdmin: true, permissions: [] },
	now: 1
};

describe('distributor mutations', () => {
	it('moves TD SYNNEX up past Ingram Micro, writing both ranks, even before either row exists', async () => {
		const tx = createMemoryTx();
		await moveDistributor.apply(tx, { distributor: 'tdsynnex', direction: 'up' }, ctx);
		expect((await tx.get('distributors', 'tdsynnex'))?.preferenceRank).toBe(1);
		expect((await tx.get('distributors', 'ingrammicro'))?.preferenceRank).toBe(2);
	});

	it('leaves the first one where it is when moved up', async () => {
		const tx = createMemoryTx();
		await tx.put('distributors', { ...defaultDistributor('ingrammicro'), customerNumber: '20-222222' });
		await moveDistributor.apply(tx, { distributor: 'ingrammicro', direction: 'up' }, ctx);
		expect((await tx.get('distributors', 'ingrammicro'))?.preferenceRank).toBe(1);
		expect(await tx.get('distributors', 'tdsynnex')).toBeUndefined();
	});

	it('turns ordering on and keeps the rest of the row', async () => {
		const tx = createMemoryTx();
		await tx.put('distributors', { ...defaultDistributor('tdsynnex'), configured: true, customerNumber: '780980' });
		await setDistributorOrdering.apply(tx, { distributor: 'tdsynnex', enabled: true }, ctx);
		expect(await tx.get('distributors', 'tdsynnex')).toMatchObject({ orderingEnabled: true, customerNumber: '780980' });
	});

	it('refuses a distributor it does not know', () => {
		expect(moveDistributor.args.safeParse({ distributor: 'dandh', direction: 'up' }).success).toBe(false);
	});
});
