// Which products a category's billing code must reach in a PSA: those linked to a PSA record whose
// billing code, as Outpost last sent it, is not the category's (unknown counts as not). Read from the
// store or inside a push transaction, so the mapping's save and the job's own steps agree.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';

/** The external-link kind that remembers the billing code a product's PSA record was last given. */
export const PRODUCT_BILLING_CODE_LINK = 'productBillingCodes';

export type LinkedProduct = { productId: string; externalId: string; billingCode: string | null };

const CHUNK = 500;

export async function linkedProducts(
	db: Kysely<Database> | Transaction<Database>,
	orgId: string,
	provider: string,
	productIds: readonly string[]
): Promise<LinkedProduct[]> {
	const external = new Map<string, string>();
	const codes = new Map<string, string>();
	for (let i = 0; i < productIds.length; i += CHUNK) {
		const rows = await db
			.selectFrom('external_links')
			.select(['kind', 'local_id', 'external_id'])
			.where('org_id', '=', orgId)
			.where('provider', '=', provider)
			.where('kind', 'in', ['products', PRODUCT_BILLING_CODE_LINK])
			.where('local_id', 'in', productIds.slice(i, i + CHUNK))
			.execute();
		for (const row of rows) (row.kind === 'products' ? external : codes).set(row.local_id, row.external_id);
	}
	return [...productIds].sort().flatMap((productId) => {
		const externalId = external.get(productId);
		return externalId ? [{ productId, externalId, billingCode: codes.get(productId) ?? null }] : [];
	});
}

export const needsCode = (product: LinkedProduct, billingCode: string): boolean => product.billingCode !== billingCode;
