// fast-check arbitraries from zod schemas, through z.toJSONSchema. A value is either valid (so it
// gets past validation and reaches the store: real ids of this and another organisation, nasty
// strings and numbers that the schema accepts), or valid with exactly one thing wrong (one field
// out of bounds, of the wrong type, hostile, missing or added), or hostile as a whole.

import fc from 'fast-check';
import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';
import { hostileValue, NASTY_NUMBERS, NASTY_STRINGS, withOwnKeys } from './hostile-json.ts';

export type Pools = {
	/** Ids that exist somewhere (this organisation's, another organisation's), by table. */
	ids: Readonly<Record<string, readonly string[]>>;
	/** Email addresses that exist somewhere. */
	emails: readonly string[];
	/** The table a bare `id` argument refers to, when the caller knows it. */
	idTable?: string;
};

/** Which table an argument named like this refers to. */
const TABLE_OF_KEY: [RegExp, string][] = [
	[/^quoteId$/, 'quotes'],
	[/^lineIds$/, 'quoteLines'],
	[/^(companyId|companyIds)$/, 'companies'],
	[/^contactId$/, 'contacts'],
	[/^(productId|prices)$/, 'products'],
	[/^categoryId$/, 'categories'],
	[/^roleIds$/, 'roles'],
	[/^rootCause$/, 'rootCauses']
];

function idsFor(key: string, pools: Pools): string[] {
	const table = key === 'id' ? pools.idTable : TABLE_OF_KEY.find(([re]) => re.test(key))?.[1];
	const all = Object.values(pools.ids).flat();
	return table && pools.ids[table]?.length ? [...pools.ids[table]!, ...all.slice(0, 5)] : all;
}

type JsonSchema = {
	type?: string;
	enum?: unknown[];
	const?: unknown;
	anyOf?: JsonSchema[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	propertyNames?: JsonSchema;
	items?: JsonSchema;
	minItems?: number;
	maxItems?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	format?: string;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	exclusiveMaximum?: number;
};

/** Arguments for `schema` as a client might send them: valid, valid but for one thing, or hostile. */
export function argsArbitrary(schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
	return fc.oneof(
		{ weight: 4, arbitrary: valid(json, '', pools) },
		{ weight: 3, arbitrary: oneThingWrong(json, '', pools) },
		{ weight: 1, arbitrary: hostileValue() }
	);
}

function valid(schema: JsonSchema, key: string, pools: Pools): fc.Arbitrary<unknown> {
	if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valid(s, key, pools)));
	if (schema.const !== undefined) return fc.constant(schema.const);
	if (schema.enum) return fc.constantFrom(...schema.enum);
	switch (schema.type) {
		case 'string':
			return validString(schema, key, pools);
		case 'integer':
		case 'number':
			return validNumber(schema);
		case 'boolean':
			return fc.boolean();
		case 'null':
			return fc.constant(null);
		case 'array':
			return fc.array(valid(schema.items ?? {}, key, pools), {
				minLength: schema.minItems ?? 0,
				maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3))
			});
		case 'object':
			return validObject(schema, pools);
		default:
			return hostileValue();
	}
}

function validObject(schema: JsonSchema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
	if (!schema.properties && typeof schema.additionalProperties === 'object') {
		return fc.dictionary(
			validString(schema.propertyNames ?? { type: 'string' }, 'prices', pools) as fc.Arbitrary<string>,
			valid(schema.additionalProperties, '', pools),
			{ maxKeys: 3 }
		);
	}
	const required = new Set(schema.required ?? []);
	const fields = Object.fromEntries(
		Object.entries(schema.properties ?? {}).map(([name, s]) => {
			const value = valid(s, name, pools);
			return [name, required.has(name) ? value : fc.option(value, { nil: undefined, freq: 3 })];
		})
	);
	return fc.record(fields) as fc.Arbitrary<Record<string, unknown>>;
}

/** A valid value with exactly one thing wrong in it, however deep. */
function oneThingWrong(schema: JsonSchema, key: string, pools: Pools): fc.Arbitrary<unknown> {
	if (schema.type === 'object' && schema.properties) {
		const names = Object.keys(schema.properties);
		const record = validObject(schema, pools);
		const wrongField = fc
			.tuple(record, fc.constantFrom(...names))
			.chain(([r, name]) =>
				oneThingWrong(schema.properties![name]!, name, pools).map((bad) => ({ ...r, [name]: bad }))
			);
		const extraField = fc
			.tuple(record, fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'orgId', 'userId'), hostileValue())
			.map(([r, k, v]) => withOwnKeys([...Object.entries(r), [k, v]]));
		const missingField = fc
			.tuple(record, fc.constantFrom(...(schema.required?.length ? schema.required : names)))
			.map(([r, k]) => Object.fromEntries(Object.entries(r).filter(([name]) => name !== k)));
		return fc.oneof({ weight: 4, arbitrary: wrongField }, extraField, missingField);
	}
	if (schema.type === 'array' && schema.items) {
		const items = schema.items;
		return fc.oneof(
			fc
				.tuple(fc.array(valid(items, key, pools), { maxLength: 2 }), oneThingWrong(items, key, pools))
				.map(([list, bad]) => [...list, bad]),
			fc.constant(Array.from({ length: (schema.maxItems ?? 50) + 1 }, () => null)),
			invalid(schema)
		);
	}
	return fc.oneof(invalid(schema), hostileValue());
}

/** Values just outside what the schema allows: one past a bound, the wrong type, not an option. */
function invalid(schema: JsonSchema): fc.Arbitrary<unknown> {
	const wrong: unknown[] = ['not-an-option', 12, true, null, [], {}];
	if (schema.type === 'string') {
		if (schema.maxLength !== undefined) wrong.push('x'.repeat(schema.maxLength + 1));
		if ((schema.minLength ?? 0) > 0) wrong.push('');
	}
	if (schema.type === 'integer' || schema.type === 'number') {
		wrong.push(...NASTY_NUMBERS, '1');
		if (schema.minimum !== undefined) wrong.push(schema.minimum - 1);
		if (schema.maximum !== undefined) wrong.push(schema.maximum + 1);
		if (schema.type === 'integer') wrong.push(0.5);
	}
	if (schema.type === 'array' && (schema.minItems ?? 0) > 0) wrong.push([]);
	return fc.constantFrom(...wrong);
}

function validString(schema: JsonSchema, key: string, pools: Pools): fc.Arbitrary<unknown> {
	if (schema.format === 'date') return isoDay();
	if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
	if (/email/i.test(key)) return fc.oneof(fc.constantFrom(...pools.emails), fc.emailAddress());
	const min = schema.minLength ?? 0;
	const max = schema.maxLength ?? 300;
	const fits = (s: string) => s.length >= min && s.length <= max;
	const options: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
		{ weight: 2, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 24) }) },
		{ weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 24) }) },
		{ weight: 1, arbitrary: fc.constant('x'.repeat(Math.max(min, max))) }
	];
	const nasty = NASTY_STRINGS.filter(fits);
	if (nasty.length) options.push({ weight: 2, arbitrary: fc.constantFrom(...nasty) });
	if (/(^id$|Id$|Ids$|^newId$|^rootCause$|^prices$)/.test(key)) {
		const ids = idsFor(key, pools).filter(fits);
		if (ids.length) options.push({ weight: 12, arbitrary: fc.constantFrom(...ids) });
	}
	if (key === 'position') options.push({ weight: 6, arbitrary: sortKey() });
	return fc.oneof(...options);
}

function validNumber(schema: JsonSchema): fc.Arbitrary<unknown> {
	const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e12);
	const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e12);
	const min = Math.max(low, Number.MIN_SAFE_INTEGER);
	const max = Math.min(high, Number.MAX_SAFE_INTEGER);
	const inRange =
		schema.type === 'integer'
			? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }).map((n) => n as unknown)
			: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => n as unknown);
	return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom<unknown>(min, max) });
}

function isoDay(): fc.Arbitrary<string> {
	return fc
		.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10));
}

/** A fractional-index key as the client makes them, or a string that only looks like one. */
function sortKey(): fc.Arbitrary<string> {
	return fc.oneof(
		fc.constant(generateKeyBetween(null, null)),
		fc.constantFrom('a0', 'a1', 'Zz', 'a0V', 'b00', 'a', 'A', '0', '!', '~~', 'a0 '),
		fc.string({ minLength: 1, maxLength: 6 })
	);
}
