// The Marketplace's one write: a product's cost set to what a distributor quoted for it (the picked
// source), by who may edit products. It is an ordinary mutation, so it works offline and the
// activity log records the change like any other product edit.

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { distributorName } from '../schema/distributor-entities.ts';
import { id } from '../schema/entities.ts';
import { timestamp } from '../schema/timestamp.ts';
import { defineMutation } from './define.ts';

export const setProductCostFromDistributor = defineMutation({
	name: 'setProductCostFromDistributor',
	permission: 'productEditor',
	stores: ['products'],
	args: z
		.object({
			productId: id,
			distributor: distributorName,
			/** The distributor's cost per unit, in cents (the product's `cost`). */
			cost: z.number().int().min(0).max(1_000_000_000_00),
			/** When the distributor quoted it. */
			asOf: timestamp
		})
		.strict(),
	async apply(tx, { productId, cost }) {
		const product = await tx.get('products', productId);
		if (!product) throw new DomainError('product_not_found', 'That product is not in the catalog.');
		if (product.cost === cost) return;
		await tx.put('products', { ...product, cost });
	}
});
