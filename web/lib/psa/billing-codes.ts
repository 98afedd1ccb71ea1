// Autotask billing codes as Outpost uses them: the choices a select offers, and whether a category's
// mapping still points at a code Autotask knows and keeps active. The codes come from the
// integration's lookups, refreshed by Synchronize.

import type { Category } from '../../../shared/schema/catalog-entities.ts';
import type { Integration, LookupValue } from '../../../shared/schema/psa-entities.ts';

export type MappingState = 'ok' | 'missing' | 'inactive' | 'unknown';

export const MAPPING_LABELS: Record<MappingState, string> = {
	ok: 'Valid',
	missing: 'No billing code',
	inactive: 'Inactive in Autotask',
	unknown: 'Not found in Autotask'
};

export function billingCodesOf(integration: Integration | null | undefined): LookupValue[] {
	return integration?.lookups['billingCodes'] ?? [];
}

export function activeCodes(codes: readonly LookupValue[]): LookupValue[] {
	return codes.filter((c) => c.active).sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

export function mappingState(codeId: string | null, codes: readonly LookupValue[]): MappingState {
	if (codeId === null || codeId === '') return 'missing';
	const code = codes.find((c) => c.value === codeId);
	if (!code) return 'unknown';
	return code.active ? 'ok' : 'inactive';
}

export type CodeOption = { value: string; label: string };

/**
 * The active codes, plus the current one when it is inactive or unknown, so a select shows what is
 * stored now rather than silently picking another.
 */
export function codeOptions(codes: readonly LookupValue[], current: string | null): CodeOption[] {
	const options = activeCodes(codes).map(({ value, label }) => ({ value, label }));
	const state = mappingState(current, codes);
	if (current && state !== 'ok') {
		const known = codes.find((c) => c.value === current);
		const label = known ? `${known.label} (inactive)` : `${current} (not found in Autotask)`;
		options.unshift({ value: current, label });
	}
	return options;
}

export type CategoryMapping = { category: Category; state: MappingState };

/** Every category with its mapping's state, by name. */
export function categoryMappings(categories: readonly Category[], codes: readonly LookupValue[]): CategoryMapping[] {
	return [...categories]
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
		.map((category) => ({ category, state: mappingState(category.billingCodeId, codes) }));
}
