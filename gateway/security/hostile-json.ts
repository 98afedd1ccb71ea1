// Hostile values as JSON text can carry them: lone surrogates, NUL, huge strings, numbers JSON.parse
// turns into Infinity or -0, deep nesting and own "__proto__" keys. JSON.stringify cannot write all
// of these, so values are serialized here, with RawJson for text that must reach the server as is.

import fc from 'fast-check';

/** JSON text emitted verbatim by toJsonText, e.g. `1e999`, which the server parses as Infinity. */
export class RawJson {
	constructor(readonly text: string) {}
	toString() {
		return `raw(${this.text.length > 40 ? `${this.text.slice(0, 40)}…` : this.text})`;
	}
}

/** JSON text of `value`, keeping own "__proto__" keys and RawJson as they are. */
export function toJsonText(value: unknown): string {
	if (value instanceof RawJson) return value.text;
	if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** An object whose own keys include "__proto__" (as JSON.parse makes it), not a prototype change. */
export function withOwnKeys(entries: [string, unknown][]): Record<string, unknown> {
	return Object.fromEntries(entries);
}

export const LONE_SURROGATE = '\uD800';
export const NUL = '\u0000';

/** Short strings that have broken parsers, stores and sort keys somewhere. */
export const NASTY_STRINGS = [
	'',
	' ',
	'!',
	'~',
	LONE_SURROGATE,
	`a${LONE_SURROGATE}b`,
	'\uDFFF',
	NUL,
	`a${NUL}b`,
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'../../etc/passwd',
	'%00',
	'%E0%A4%A',
	"'; DROP TABLE entities; --",
	'" OR 1=1 --',
	'<script>alert(1)</script>',
	'${7*7}',
	'\u202Eevil',
	'😀',
	'\r\nSet-Cookie: x=1',
	'null',
	'NaN',
	'-0',
	'1e999',
	'a0',
	'Zz',
	'http://127.0.0.1:1/'
] as const;

/** Numbers that are not what a schema expects: JSON cannot say NaN, but 1e999 parses as Infinity. */
export const NASTY_NUMBERS: unknown[] = [
	0,
	-1,
	-0.5,
	0.5,
	-2_147_483_649,
	2 ** 31,
	2 ** 53 + 2,
	-(2 ** 53) - 2,
	Number.MAX_VALUE,
	Number.MIN_VALUE,
	new RawJson('-0'),
	new RawJson('1e999'),
	new RawJson('-1e999'),
	new RawJson('1e-999'),
	new RawJson('123456789012345678901234567890')
];

const HUGE = 'x'.repeat(200_000);
const deep = (depth: number, open: string, close: string) => new RawJson(open.repeat(depth) + close.repeat(depth));

/** Values of the wrong shape for nearly any field: hostile primitives, containers and nesting. */
export function hostileValue(): fc.Arbitrary<unknown> {
	return fc.oneof(
		fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS),
		fc.constantFrom<unknown>(
			null,
			true,
			false,
			[],
			{},
			HUGE,
			`${HUGE}${LONE_SURROGATE}`,
			deep(5_000, '[', ']'),
			new RawJson(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`),
			withOwnKeys([['__proto__', { isAdmin: true, permissions: ['quoteEditor'] }]]),
			withOwnKeys([['constructor', { prototype: { isAdmin: true } }]]),
			Array.from({ length: 3_000 }, () => 'x')
		),
		fc.string({ unit: 'binary', maxLength: 40 }),
		fc.integer(),
		fc.double()
	);
}
