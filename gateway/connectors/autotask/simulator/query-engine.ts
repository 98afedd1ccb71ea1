// The simulator's query language (psa-apis.md §1.4): parses a query body, evaluates filters against
// records, pages by ascending id and projects IncludeFields. Pure; the routes do the HTTP.

import { z } from 'zod';
import { entityDef, fieldNamed, type FieldType, type SimEntityName } from './catalog.ts';
import type { SimRecord } from './sim-state.ts';

const COMPARISONS = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginsWith', 'endsWith', 'contains'] as const;
type Comparison = (typeof COMPARISONS)[number];
type Scalar = string | number | boolean;

export type Condition =
	| { op: Comparison; field: string; value: Scalar; udf: boolean }
	| { op: 'in' | 'notIn'; field: string; value: Scalar[]; udf: boolean }
	| { op: 'exist' | 'notExist'; field: string; udf: boolean }
	| { op: 'and' | 'or'; items: Condition[] };

export type SimQuery = { filter: Condition[]; maxRecords: number; includeFields: string[] | null };
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const PAGE_LIMIT = 500;
/** §1.4 [V] for SOAP, assumed for REST. */
export const OR_LIMIT = 500;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const leafSchema = z.object({
	op: z.string(),
	field: z.string().min(1),
	value: z.union([scalar, z.array(scalar)]).optional(),
	udf: z.boolean().optional()
});
const groupSchema = z.object({ op: z.string(), items: z.array(z.unknown()) });

/** Accepts `MaxRecords`/`maxRecords`, `IncludeFields`/`includeFields` and `filter` in any case (§1.4). */
export function parseQuery(entity: SimEntityName, body: unknown): Parsed<SimQuery> {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return fail('The query body must be a JSON object.');
	const keys = new Map(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v]));
	const max = keys.get('maxrecords') ?? PAGE_LIMIT;
	if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > PAGE_LIMIT) {
		return fail(`MaxRecords must be between 1 and ${PAGE_LIMIT}.`);
	}
	const rawFilter = keys.get('filter');
	if (!Array.isArray(rawFilter) || rawFilter.length === 0) return fail('A query must have at least one filter.');
	const filter: Condition[] = [];
	for (const raw of rawFilter) {
		const condition = parseCondition(entity, raw);
		if (!condition.ok) return condition;
		filter.push(condition.value);
	}
	if (countOr(filter, false) > OR_LIMIT) {
		return fail(`Invalid query syntax. Queries are limited to ${OR_LIMIT} or fewer 'OR' conditions.`);
	}
	const rawInclude = keys.get('includefields');
	let includeFields: string[] | null = null;
	if (Array.isArray(rawInclude) && rawInclude.length > 0) {
		includeFields = [];
		for (const name of rawInclude) {
			const field = typeof name === 'string' ? fieldNamed(entity, name) : undefined;
			if (!field) return fail(`IncludeFields: ${String(name)} is not a field of ${entity}.`);
			includeFields.push(field);
		}
	}
	return { ok: true, value: { filter, maxRecords: max, includeFields } };
}

function parseCondition(entity: SimEntityName, raw: unknown): Parsed<Condition> {
	const group = groupSchema.safeParse(raw);
	if (group.success) {
		const op = group.data.op.toLowerCase();
		if (op !== 'and' && op !== 'or') return fail(`Unknown filter operator ${group.data.op}.`);
		const items: Condition[] = [];
		for (const item of group.data.items) {
			const parsed = parseCondition(entity, item);
			if (!parsed.ok) return parsed;
			items.push(parsed.value);
		}
		return { ok: true, value: { op, items } };
	}
	const leaf = leafSchema.safeParse(raw);
	if (!leaf.success) return fail('Each filter needs op and field, or op and items; values may not be null.');
	const { field: rawField, value } = leaf.data;
	const udf = leaf.data.udf === true;
	const field = udf ? rawField : fieldNamed(entity, rawField);
	if (!field) return fail(`${rawField} is not a field of ${entity}.`);
	const op = [...COMPARISONS, 'in', 'notIn', 'exist', 'notExist'].find(
		(o) => o.toLowerCase() === leaf.data.op.toLowerCase()
	);
	if (!op) return fail(`Unknown filter operator ${leaf.data.op}.`);
	if (op === 'exist' || op === 'notExist') return { ok: true, value: { op, field, udf } };
	if (op === 'in' || op === 'notIn') {
		if (!Array.isArray(value)) return fail(`The ${op} operator needs a list of values.`);
		return { ok: true, value: { op, field, value, udf } };
	}
	if (value === undefined || Array.isArray(value)) return fail(`The ${op} operator needs one value.`);
	// Booleans must be literal true/false (§1.4 [V]).
	if (!udf && typeOf(entity, field) === 'boolean' && typeof value !== 'boolean') {
		return fail(`${field} is a boolean: compare it with true or false.`);
	}
	return { ok: true, value: { op: op as Comparison, field, value, udf } };
}

function countOr(conditions: Condition[], inOr: boolean): number {
	let n = 0;
	for (const c of conditions) {
		if (c.op === 'and' || c.op === 'or') n += countOr(c.items, inOr || c.op === 'or');
		else if (inOr) n += 1;
	}
	return n;
}

export function matchesAll(entity: SimEntityName, record: SimRecord, filter: Condition[]): boolean {
	return filter.every((c) => matches(entity, record, c));
}

function matches(entity: SimEntityName, record: SimRecord, c: Condition): boolean {
	if ('items' in c) {
		const test = (item: Condition) => matches(entity, record, item);
		return c.op === 'and' ? c.items.every(test) : c.items.some(test);
	}
	const actual = c.udf ? udfValue(record, c.field) : record[c.field];
	const type: FieldType = c.udf ? 'string' : typeOf(entity, c.field);
	switch (c.op) {
		case 'exist':
			return present(actual);
		case 'notExist':
			return !present(actual);
		case 'in':
			return c.value.some((v) => compare(actual, v, type) === 0);
		case 'notIn':
			return !c.value.some((v) => compare(actual, v, type) === 0);
		case 'beginsWith':
			return text(actual).startsWith(text(c.value));
		case 'endsWith':
			return text(actual).endsWith(text(c.value));
		case 'contains':
			return text(actual).includes(text(c.value));
	}
	const order = compare(actual, c.value, type);
	if (c.op === 'noteq') return order !== 0;
	if (order === null) return false;
	if (c.op === 'eq') return order === 0;
	if (c.op === 'gt') return order > 0;
	if (c.op === 'gte') return order >= 0;
	if (c.op === 'lt') return order < 0;
	return order <= 0;
}

/** null when the two cannot be compared (a missing value, a date that does not parse). */
function compare(actual: unknown, wanted: Scalar, type: FieldType): number | null {
	if (!present(actual)) return null;
	if (type === 'integer' || type === 'double') {
		const n = Number(actual) - Number(wanted);
		return Number.isNaN(n) ? null : sign(n);
	}
	if (type === 'datetime') {
		const a = Date.parse(String(actual));
		const w = Date.parse(String(wanted));
		return Number.isNaN(a) || Number.isNaN(w) ? null : sign(a - w);
	}
	if (type === 'boolean') return actual === wanted ? 0 : 1;
	// String comparisons are case-insensitive, as on Autotask's SQL Server collation.
	const a = text(actual);
	const w = text(wanted);
	return a === w ? 0 : a < w ? -1 : 1;
}

function udfValue(record: SimRecord, name: string): unknown {
	const udfs = Array.isArray(record.userDefinedFields) ? record.userDefinedFields : [];
	const found = udfs.find((u: { name?: unknown }) => String(u?.name).toLowerCase() === name.toLowerCase());
	return found?.value ?? null;
}

function typeOf(entity: SimEntityName, field: string): FieldType {
	return entityDef(entity).fields[field] ?? 'string';
}

const present = (v: unknown) => v !== null && v !== undefined && v !== '';
const text = (v: unknown) => String(v ?? '').toLowerCase();
const sign = (n: number) => (n === 0 ? 0 : n > 0 ? 1 : -1);

/** Keeps only the requested fields, and `id` always. */
export function project(record: SimRecord, includeFields: string[] | null): SimRecord {
	if (!includeFields) return record;
	const out: SimRecord = { id: record.id };
	for (const field of includeFields) out[field] = record[field] ?? null;
	return out;
}

function fail(error: string): { ok: false; error: string } {
	return { ok: false, error };
}
