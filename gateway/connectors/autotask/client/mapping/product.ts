// Outpost product ↔ Autotask Products payload (psa-apis.md §1.5). The billing code comes from the
// product's category (seeds: "Salesbuildr maps billing codes to product categories"). Pure.

import type { AutotaskProduct, CreateBody } from '../entity-schemas.ts';
import { amountToCents, centsToAmount } from './money.ts';

export type ProductSource = {
	name: string;
	sku: string | null;
	description: string | null;
	unitPriceCents: number;
	unitCostCents: number;
	doesNotRequireProcurement: boolean;
};

/** `billingCodeID` is the category's mapped billing code; a category without one cannot sync. */
export function productPayload(product: ProductSource, billingCodeID: number): CreateBody<'Products'> {
	return {
		name: product.name.trim().slice(0, 100),
		sku: product.sku?.trim() || null,
		description: product.description?.slice(0, 2000) || null,
		unitPrice: centsToAmount(product.unitPriceCents),
		unitCost: centsToAmount(product.unitCostCents),
		isActive: true,
		isSerialized: false,
		productBillingCodeID: billingCodeID,
		doesNotRequireProcurement: product.doesNotRequireProcurement
	};
}

export type ImportedProduct = ProductSource & {
	externalId: number;
	billingCodeExternalId: number | null;
	isActive: boolean;
};

export function productFromAutotask(record: AutotaskProduct): ImportedProduct {
	return {
		externalId: record.id,
		name: record.name ?? '',
		sku: record.sku ?? null,
		description: record.description ?? null,
		unitPriceCents: amountToCents(record.unitPrice),
		unitCostCents: amountToCents(record.unitCost),
		doesNotRequireProcurement: record.doesNotRequireProcurement === true,
		billingCodeExternalId: record.productBillingCodeID ?? null,
		isActive: record.isActive !== false
	};
}
