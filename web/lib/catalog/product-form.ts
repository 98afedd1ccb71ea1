// The product editor's form: a product as the text a person edits, and back. Money is typed as
// "1,234.50" and kept in cents; the zod product schema has the last word on every field.

import { parseMoney } from '../../../shared/pricing/quote-totals.ts';
import { productSchema, type BillingCycle, type Product } from '../../../shared/schema/catalog-entities.ts';

export type ProductDraft = {
	name: string;
	sku: string;
	mpn: string;
	description: string;
	/** '' for no category. */
	categoryId: string;
	cost: string;
	price: string;
	billing: BillingCycle;
	/** '' for none. */
	distributor: '' | NonNullable<Product['distributor']>;
	noProcurement: boolean;
	active: boolean;
};

export type DraftErrors = Partial<Record<keyof ProductDraft, string>>;

export const BILLING_LABELS: Record<BillingCycle, string> = {
	'one-time': 'One-time',
	monthly: 'Monthly',
	yearly: 'Yearly'
};
export const DISTRIBUTOR_LABELS: Record<NonNullable<Product['distributor']>, string> = {
	ingram: 'Ingram Micro',
	tdsynnex: 'TD SYNNEX'
};

/** Cents as a person types them: 123450 → "1234.50". */
export function moneyText(cents: number): string {
	return (cents / 100).toFixed(2);
}

export function emptyDraft(): ProductDraft {
	return {
		name: '',
		sku: '',
		mpn: '',
		description: '',
		categoryId: '',
		cost: '',
		price: '',
		billing: 'one-time',
		distributor: '',
		noProcurement: false,
		active: true
	};
}

export function toDraft(product: Product): ProductDraft {
	return {
		name: product.name,
		sku: product.sku,
		mpn: product.mpn,
		description: product.description,
		categoryId: product.categoryId ?? '',
		cost: moneyText(product.cost),
		price: moneyText(product.price),
		billing: product.billing,
		distributor: product.distributor ?? '',
		noProcurement: product.noProcurement,
		active: product.active
	};
}

const FIELD_NAMES: Record<keyof ProductDraft, string> = {
	name: 'Name',
	sku: 'SKU',
	mpn: 'MPN',
	description: 'Description',
	categoryId: 'Category',
	cost: 'Cost',
	price: 'Price',
	billing: 'Billing',
	distributor: 'Distributor',
	noProcurement: 'Does not require procurement',
	active: 'Active'
};

/** Built once: zod compiles a schema on its first use, which is slow to repeat per row. */
const strictProduct = productSchema.strict();

export type DraftResult = { ok: true; product: Product } | { ok: false; errors: DraftErrors };

export function fromDraft(id: string, draft: ProductDraft): DraftResult {
	const errors: DraftErrors = {};
	const money = (field: 'cost' | 'price') => {
		// An empty price means "cost plus the category's markup"; an empty cost is simply unknown.
		if (draft[field].trim() === '') return 0;
		const cents = parseMoney(draft[field].replace(/^[$€£]/, ''));
		if (cents === null) errors[field] = `${FIELD_NAMES[field]} must be an amount like 1234.50.`;
		return cents ?? 0;
	};
	const candidate = {
		id,
		name: draft.name.trim(),
		sku: draft.sku.trim(),
		mpn: draft.mpn.trim(),
		description: draft.description,
		categoryId: draft.categoryId || null,
		cost: money('cost'),
		price: money('price'),
		billing: draft.billing,
		distributor: draft.distributor || null,
		noProcurement: draft.noProcurement,
		active: draft.active
	};
	const checked = strictProduct.safeParse(candidate);
	if (!checked.success) {
		for (const issue of checked.error.issues) {
			const field = String(issue.path[0]) as keyof ProductDraft;
			errors[field] ??= describeProblem(FIELD_NAMES[field] ?? field, issue);
		}
	}
	if (Object.keys(errors).length > 0 || !checked.success) return { ok: false, errors };
	return { ok: true, product: checked.data };
}

type Issue = { code: string; message: string; minimum?: unknown; maximum?: unknown; origin?: unknown };

/** One plain sentence for a schema problem, naming the field as the person sees it. */
export function describeProblem(field: string, issue: Issue): string {
	if (issue.code === 'too_small' && issue.origin === 'string') return `${field} must not be empty.`;
	if (issue.code === 'too_big' && issue.origin === 'string')
		return `${field} must be at most ${String(issue.maximum)} characters.`;
	if (issue.code === 'too_small' && issue.origin === 'number') return `${field} must not be negative.`;
	if (issue.code === 'too_big' && issue.origin === 'number') return `${field} is too large.`;
	if (issue.code === 'invalid_value') return `${field} is not one of the allowed values.`;
	return `${field}: ${issue.message}`;
}
