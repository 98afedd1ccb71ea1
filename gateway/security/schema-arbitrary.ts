// fast-check arbitraries from zod schemas, through z.toJSONSchema: mostly values of the right shape
// (so they get past validation and reach the store), now and then a hostile value of any shape.
// Strings of the right length include the nasty ones; ids and emails come from pools of real ones.

import fc from 'fast-check';
import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';
import { hostileValue, NASTY_NUMBERS, NASTY_STRINGS } from './hostile-json.ts';

export type Pools = {
	/** Ids that exist somewhere: this organisation's, another organisation's. */
	ids: readonly string[];
	/** Email addresses that exist somewhere. */
	emails: readonly string[];
};

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

/** One in `HOSTILE_ONE_IN` values at each level is hostile. */
const HOSTILE_ONE_IN = 8;

/** Arguments for `schema` as a client might send them: mostly well-shaped, sometimes hostile. */
export function argsArbitrary(schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
	return node(json, '', pools);
}

function node(schema: JsonSchema, key: string, pools: Pools): fc.Arbitrary<unknown> {
	return fc.oneof(
		{ weight: HOSTILE_ONE_IN - 1, arbitrary: shaped(schema, key, pools) },
		{ weight: 1, arbitrary: hostileValue() }
	);
}

function shaped(schema: JsonSchema, key: string, pools: Pools): fc.Arbitrary<unknown> {
	if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => shaped(s, key, pools)));
	if (schema.const !== undefined) return fc.constant(schema.const);
	if (schema.enum) return fc.constantFrom(...schema.enum);
	switch (schema.type) {
		case 'string':
			return stringOf(schema, key, pools);
		case 'integer':
		case 'number':
			return numberOf(schema);
		case 'boolean':
			return fc.boolean();
		case 'null':
			return fc.constant(null);
		case 'array':
			return fc.array(node(schema.items ?? {}, key, pools), {
				minLength: schema.minItems ?? 0,
				maxLength: Math.min(schema.maxItems ?? 4, 4)
			});
		case 'object':
			return objectOf(schema, pools);
		default:
			return hostileValue();
	}
}

function objectOf(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
	if (!schema.properties && typeof schema.additionalProperties === 'object') {
		return fc.dictionary(
			stringOf(schema.propertyNames ?? { type: 'string' }, 'id', pools) as fc.Arbitrary<string>,
			node(schema.additionalProperties, '', pools),
			{ maxKeys: 4 }
		);
	}
	const required = new Set(schema.required ?? []);
	const fields = Object.fromEntries(
		Object.entries(schema.properties ?? {}).map(([name, s]) => {
			const value = node(s, name, pools);
			return [name, required.has(name) ? value : fc.option(value, { nil: undefined, freq: 3 })];
		})
	);
	const record = fc.record(fields);
	return fc.oneof(
		{ weight: 6, arbitrary: record },
		// A field too many (an own "__proto__" among them), or one missing.
		{
			weight: 1,
			arbitrary: fc
				.tuple(record, fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'orgId', 'extra'), hostileValue())
				.map(([r, k, v]) => Object.fromEntries([...Object.entries(r as object), [k, v]]))
		},
		{
			weight: 1,
			arbitrary: fc
				.tuple(record, fc.constantFrom(...(schema.required?.length ? schema.required : [''])))
				.map(([r, k]) => Object.fromEntries(Object.entries(r as object).filter(([name]) => name !== k)))
		}
	);
}

function stringOf(schema: JsonSchema, key: string, pools: Pools): fc.Arbitrary<unknown> {
	const min = schema.minLength ?? 0;
	const max = schema.maxLength ?? 300;
	const fits = (s: string) => s.length >= min && s.length <= max;
	const options: fc.Arbitrary<unknown>[] = [
		fc.string({ minLength: min, maxLength: Math.min(max, 24) }),
		fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 24) }),
		fc.constantFrom('x'.repeat(Math.max(min, max)), 'x'.repeat(max + 1))
	];
	const nasty = NASTY_STRINGS.filter(fits);
	if (nasty.length) options.push(fc.constantFrom(...nasty));
	if (schema.format === 'date') options.push(isoDay());
	else if (schema.pattern) options.push(fc.stringMatching(new RegExp(schema.pattern)));
	if (/email/i.test(key)) options.push(fc.constantFrom(...pools.emails), fc.emailAddress());
	if (/(^id$|Id$|Ids$|^newId$|^rootCause$)/.test(key)) {
		const ids = pools.ids.filter(fits);
		if (ids.length) options.push(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.constantFrom(...ids));
	}
	if (key === 'position') options.push(sortKey());
	return fc.oneof(...options);
}

function numberOf(schema: JsonSchema): fc.Arbitrary<unknown> {
	const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e12);
	const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e12);
	const min = Math.max(low, Number.MIN_SAFE_INTEGER);
	const max = Math.min(high, Number.MAX_SAFE_INTEGER);
	const inRange =
		schema.type === 'integer'
			? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }).map((n) => n as unknown)
			: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => n as unknown);
	return fc.oneof(
		{ weight: 4, arbitrary: inRange },
		{ weight: 1, arbitrary: fc.constantFrom<unknown>(low, high, high + 1, low - 1, ...NASTY_NUMBERS) }
	);
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
