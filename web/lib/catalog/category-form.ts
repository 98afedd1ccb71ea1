// A category as the text a person edits: the name, the default markup ("18", "18.5 %") and the
// Autotask billing code id, free text until the billing-code list arrives.

import { categorySchema, type Category } from '../../../shared/schema/catalog-entities.ts';

export type CategoryDraft = { name: string; markup: string; billingCode: string };
export type CategoryErrors = Partial<Record<keyof CategoryDraft, string>>;

export function toCategoryDraft(category: Category): CategoryDraft {
	return {
		name: category.name,
		markup: String(category.defaultMarkupPercent),
		billingCode: category.billingCodeId ?? ''
	};
}

export function fromCategoryDraft(
	id: string,
	draft: CategoryDraft
): { ok: true; category: Category } | { ok: false; errors: CategoryErrors } {
	const errors: CategoryErrors = {};
	const markupText = draft.markup.replace(/\s*%\s*$/, '').trim();
	const markup = markupText === '' ? 0 : Number(markupText);
	if (!/^\d+(\.\d+)?$/.test(markupText || '0') || markup > 1_000)
		errors.markup = 'Markup must be a percentage from 0 to 1000.';
	if (!draft.name.trim()) errors.name = 'Name must not be empty.';
	else if (draft.name.trim().length > 200) errors.name = 'Name must be at most 200 characters.';
	if (draft.billingCode.trim().length > 64) errors.billingCode = 'Billing code must be at most 64 characters.';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const category = categorySchema.parse({
		id,
		name: draft.name.trim(),
		defaultMarkupPercent: markup,
		billingCodeId: draft.billingCode.trim() || null
	});
	return { ok: true, category };
}
