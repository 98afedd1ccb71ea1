// Reading a tenant's picklists (psa-apis.md §1.7): value ↔ label, and whether a value is still
// active. Labels are the tenant's; code compares them, never hard-coded numbers. Pure.

import type { PicklistValue } from './wire-schemas.ts';

export function labelOf(values: PicklistValue[], value: number | string | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	return values.find((v) => v.value === String(value))?.label ?? null;
}

/** The value whose label matches, compared trimmed and case-insensitively. */
export function valueOf(values: PicklistValue[], label: string): number | null {
	const wanted = label.trim().toLowerCase();
	const found = values.find((v) => v.label.trim().toLowerCase() === wanted);
	return found ? Number(found.value) : null;
}

/** False for a value the tenant deleted or deactivated ("Payment term/type is deleted"). */
export function isActiveValue(values: PicklistValue[], value: number | string): boolean {
	const found = values.find((v) => v.value === String(value));
	return found !== undefined && found.isActive !== false;
}

export function defaultValue(values: PicklistValue[]): number | null {
	const found = values.find((v) => v.isDefaultValue && v.isActive !== false);
	return found ? Number(found.value) : null;
}
