// User-defined fields (psa-apis.md §1.1, §1.5): the tenant defines them per entity; every record of
// such an entity answers each of them as `{ name, value }` (null when unset), other entities answer
// `userDefinedFields: []`. Writes name UDFs by `name`; a PATCH changes only the ones it names.

import { entityDef, type SimEntityName } from './catalog.ts';

export type UdfDefinition = {
	name: string;
	label: string;
	dataType: 'string' | 'integer' | 'double' | 'datetime' | 'boolean';
	isRequired: boolean;
	isActive: boolean;
	isPickList: boolean;
	picklistValues: { value: string; label: string; isActive: boolean }[] | null;
	udfType: number;
	displayFormat: number;
	sortOrder: number;
};

export type UdfInput = Partial<UdfDefinition> & { name: string };
export type UdfValue = { name: string; value: unknown };

export function hasUdfs(entity: SimEntityName): boolean {
	return 'userDefinedFields' in entityDef(entity).fields;
}

export function udfDefinition(input: UdfInput, index: number): UdfDefinition {
	return {
		label: input.name,
		dataType: 'string',
		isRequired: false,
		isActive: true,
		isPickList: false,
		picklistValues: null,
		udfType: 1,
		displayFormat: 1,
		sortOrder: index + 1,
		...input
	};
}

/** The `userDefinedFields` a record answers: each definition in order, with the stored value or null. */
export function udfsOf(stored: unknown, definitions: UdfDefinition[]): UdfValue[] {
	const values = asUdfValues(stored);
	return definitions.map((d) => ({ name: d.name, value: valueNamed(values, d.name) ?? null }));
}

/** The UDFs a write sends, checked against the definitions; canonical names. */
export function readUdfs(
	entity: SimEntityName,
	given: unknown,
	definitions: UdfDefinition[]
): { ok: true; value: UdfValue[] } | { ok: false; error: string } {
	if (!Array.isArray(given)) return { ok: false, error: 'userDefinedFields must be a list of { name, value }.' };
	const out: UdfValue[] = [];
	for (const item of given) {
		const name = typeof item?.name === 'string' ? item.name : null;
		if (name === null) return { ok: false, error: 'Each user-defined field needs a name.' };
		const definition = definitions.find((d) => d.name.toLowerCase() === name.toLowerCase());
		if (!definition) return { ok: false, error: `${name} is not a user-defined field of ${entity}.` };
		out.push({ name: definition.name, value: item.value ?? null });
	}
	return { ok: true, value: out };
}

/** PATCH semantics: the UDFs named in `changes` take their new values, the rest keep theirs. */
export function mergeUdfs(previous: unknown, changes: UdfValue[]): UdfValue[] {
	const merged = asUdfValues(previous).filter(
		(p) => !changes.some((c) => c.name.toLowerCase() === p.name.toLowerCase())
	);
	return [...merged, ...changes];
}

function asUdfValues(stored: unknown): UdfValue[] {
	return Array.isArray(stored) ? stored.filter((u): u is UdfValue => typeof u?.name === 'string') : [];
}

function valueNamed(values: UdfValue[], name: string): unknown {
	return values.find((v) => v.name.toLowerCase() === name.toLowerCase())?.value;
}
