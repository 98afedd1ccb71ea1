// Builds the `conditions` query parameter (psa-apis.md §2.5 [V]): strings in double quotes, numbers
// and booleans bare, datetimes in square brackets, `and` between clauses. Pure.

export type ConditionValue = string | number | boolean | Date | null;
export type Condition =
	| { op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like'; field: string; value: ConditionValue }
	| { op: 'in'; field: string; values: ConditionValue[] };

export const eq = (field: string, value: ConditionValue): Condition => ({ op: '=', field, value });
export const contains = (field: string, value: string): Condition => ({ op: 'contains', field, value });
export const isIn = (field: string, values: ConditionValue[]): Condition => ({ op: 'in', field, values });

export function literal(value: ConditionValue): string {
	if (value === null) return 'null';
	if (value instanceof Date) return `[${value.toISOString().replace(/\.\d{3}Z$/, 'Z')}]`;
	if (typeof value === 'string') return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
	return String(value);
}

/** `identifier="ACME" and company/id=250`; every clause must hold. */
export function conditionsOf(conditions: Condition[]): string {
	return conditions
		.map((c) =>
			c.op === 'in' ? `${c.field} in (${c.values.map(literal).join(', ')})` : `${c.field} ${c.op} ${literal(c.value)}`
		)
		.join(' and ');
}
