// Admin › Distributors settings that need no network: whether Outpost orders from a distributor, and
// which distributor it prefers. They work offline and replicate; the credentials are an HTTP route.

import { z } from 'zod';
import {
	DISTRIBUTORS,
	defaultDistributor,
	distributorName,
	inPreferenceOrder,
	type Distributor
} from '../schema/distributor-entities.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';

export const setDistributorOrdering = defineMutation({
	name: 'setDistributorOrdering',
	permission: 'admin',
	stores: ['distributors'],
	args: z.object({ distributor: distributorName, enabled: z.boolean() }).strict(),
	async apply(tx, { distributor, enabled }) {
		const row = (await tx.get('distributors', distributor)) ?? defaultDistributor(distributor);
		await tx.put('distributors', { ...row, orderingEnabled: enabled });
	}
});

export const moveDistributor = defineMutation({
	name: 'moveDistributor',
	permission: 'admin',
	stores: ['distributors'],
	/** Up: preferred one place earlier (rank 2 → 1); the distributor it passes moves the other way. */
	args: z.object({ distributor: distributorName, direction: z.enum(['up', 'down']) }).strict(),
	async apply(tx, { distributor, direction }) {
		const order = await preferenceOrder(tx);
		const from = order.findIndex((row) => row.id === distributor);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= order.length) return;
		[order[from], order[to]] = [order[to]!, order[from]!];
		for (const [index, row] of order.entries()) {
			if (row.preferenceRank !== index + 1) await tx.put('distributors', { ...row, preferenceRank: index + 1 });
		}
	}
});

async function preferenceOrder(tx: Pick<Tx, 'get'>): Promise<Distributor[]> {
	return inPreferenceOrder(await Promise.all(DISTRIBUTORS.map((name) => tx.get('distributors', name))));
}
