// A category as the text a person edits: the name, the default markup ("18", "18.5 %"), the
// Autotask billing code id (free text until the billing-code list arrives) and the search words
// (other names for what it holds, comma-separated).

import { categorySchema, type Category } from '../../../shared/schema/catalog-entities.ts';

/** `keywords` may be left out (the add form does not ask): none. */
export type CategoryDraft = { name: string; markup: string; billingCode: string; keywords?: string };
export type CategoryErrors = Partial<Record<keyof CategoryDraft, string>>;

/** The schema's limits on a category's keywords, said as the form says them. */
const MAX_KEYWORDS = 50;
const MAX_KEYWORD_LENGTH = 60;

export function toCategoryDraft(category: Category): CategoryDraft {
	return {
		name: category.name,
		markup: String(category.defaultMarkupPercent),
		billingCode: category.billingCodeId ?? '',
		keywords: category.keywords?.join(', ') ?? ''
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
	const keywords = [...new Set((draft.keywords ?? '').split(',').map((k) => k.trim()))].filter((k) => k !== '');
	if (keywords.length > MAX_KEYWORDS) errors.keywords = `At most ${MAX_KEYWORDS} search words.`;
	else if (keywords.some((k) => k.length > MAX_KEYWORD_LENGTH))
		errors.keywords = `Search words must be at most ${MAX_KEYWORD_LENGTH} characters each.`;
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const category = categorySchema.parse({
		id,
		name: draft.name.trim(),
		defaultMarkupPercent: markup,
		billingCodeId: draft.billingCode.trim() || null,
		// Left out when empty, like a category saved before search words existed.
		...(keywords.length > 0 ? { keywords } : {})
	});
	return { ok: true, category };
}
