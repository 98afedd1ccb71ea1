// Parses and evaluates the `conditions` grammar (psa-apis.md §2.5 [V]): `field op value` clauses
// with `and`/`or` and parentheses; strings quoted, booleans and null as keywords, datetimes in
// brackets, reference fields as `company/id`. Strings compare case-insensitively, as SQL Server does.

export type Value = string | number | boolean | null | { date: number };
export type Node =
	| { kind: 'and' | 'or'; left: Node; right: Node }
	| { kind: 'cmp'; field: string; op: string; value: Value }
	| { kind: 'in'; field: string; values: Value[]; negated: boolean };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** [3P] `CW-REST`: the text ConnectWise answers for a value it cannot read. */
export const INVALID_VALUE_TEXT =
	'Expected a boolean value, not a numeric. String values should be enclosed with double or single quotes; DateTime values should be enclosed in square brackets; numbers should consist of only digits, and optionally a decimal point and a negation sign; boolean values should be indicated with the keywords true or false; null values should be indicated by the keyword null.';

const TOKEN =
	/\s*(?:(\()|(\))|(,)|("(?:[^"\\]|\\.)*")|('(?:[^'\\]|\\.)*')|(\[[^\]]*\])|(!=|<=|>=|=|<|>)|(-?\d+(?:\.\d+)?)(?![\w/])|([A-Za-z_][\w/.]*))/y;

type Token = { type: 'punct' | 'string' | 'date' | 'op' | 'number' | 'word'; text: string };

function tokenize(input: string): Parsed<Token[]> {
	const tokens: Token[] = [];
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < input.length) {
		if (/^\s*$/.test(input.slice(TOKEN.lastIndex))) break;
		const at = TOKEN.lastIndex;
		const m = TOKEN.exec(input);
		if (!m) return { ok: false, error: `The conditions cannot be read near "${input.slice(at, at + 20).trim()}".` };
		const [, open, close, comma, dq, sq, date, op, num, word] = m;
		if (open || close || comma) tokens.push({ type: 'punct', text: (open ?? close ?? comma)! });
		else if (dq ?? sq) tokens.push({ type: 'string', text: unquote((dq ?? sq)!) });
		else if (date) tokens.push({ type: 'date', text: date.slice(1, -1) });
		else if (op) tokens.push({ type: 'op', text: op });
		else if (num) tokens.push({ type: 'number', text: num });
		else tokens.push({ type: 'word', text: word! });
	}
	return { ok: true, value: tokens };
}

const unquote = (quoted: string) => quoted.slice(1, -1).replace(/\\(.)/g, '$1');

export function parseConditions(input: string): Parsed<Node> {
	const tokens = tokenize(input);
	if (!tokens.ok) return tokens;
	const list = tokens.value;
	let i = 0;
	const peekWord = () => (list[i]?.type === 'word' ? list[i]!.text.toLowerCase() : null);
	const fail = (error: string): never => {
		throw new SyntaxError(error);
	};

	const value = (): Value => {
		const t = list[i++];
		if (!t) return fail(INVALID_VALUE_TEXT);
		if (t.type === 'string') return t.text;
		if (t.type === 'number') return Number(t.text);
		if (t.type === 'date') {
			const at = Date.parse(t.text);
			return Number.isNaN(at) ? fail(INVALID_VALUE_TEXT) : { date: at };
		}
		const word = t.text.toLowerCase();
		if (t.type === 'word' && (word === 'true' || word === 'false')) return word === 'true';
		if (t.type === 'word' && word === 'null') return null;
		return fail(INVALID_VALUE_TEXT);
	};

	const comparison = (): Node => {
		const field = list[i++];
		if (field?.type !== 'word') return fail('A condition must start with a field name.');
		let negated = false;
		if (peekWord() === 'not') {
			negated = true;
			i++;
		}
		const word = peekWord();
		if (word === 'in') {
			i++;
			if (list[i++]?.text !== '(') return fail('in must be followed by a list in parentheses.');
			const values = [value()];
			while (list[i]?.text === ',') {
				i++;
				values.push(value());
			}
			if (list[i++]?.text !== ')') return fail('The in list is not closed.');
			return { kind: 'in', field: field.text, values, negated };
		}
		if (word === 'like' || word === 'contains') {
			i++;
			return { kind: 'cmp', field: field.text, op: negated ? `not ${word}` : word, value: value() };
		}
		const op = list[i++];
		if (negated || op?.type !== 'op') return fail(`${field.text} must be followed by an operator.`);
		return { kind: 'cmp', field: field.text, op: op.text, value: value() };
	};

	const primary = (): Node => {
		if (list[i]?.text === '(' && list[i]?.type === 'punct') {
			i++;
			const inner = orExpr();
			if (list[i++]?.text !== ')') return fail('A parenthesis is not closed.');
			return inner;
		}
		return comparison();
	};
	const andExpr = (): Node => {
		let left = primary();
		while (peekWord() === 'and') {
			i++;
			left = { kind: 'and', left, right: primary() };
		}
		return left;
	};
	const orExpr = (): Node => {
		let left = andExpr();
		while (peekWord() === 'or') {
			i++;
			left = { kind: 'or', left, right: andExpr() };
		}
		return left;
	};

	try {
		const node = orExpr();
		if (i < list.length) return { ok: false, error: `Unexpected "${list[i]!.text}" in the conditions.` };
		return { ok: true, value: node };
	} catch (error) {
		if (error instanceof SyntaxError) return { ok: false, error: error.message };
		throw error;
	}
}

export function matches(node: Node, record: Record<string, unknown>): boolean {
	switch (node.kind) {
		case 'and':
			return matches(node.left, record) && matches(node.right, record);
		case 'or':
			return matches(node.left, record) || matches(node.right, record);
		case 'in': {
			const found = node.values.some((v) => compare(fieldOf(record, node.field), v) === 0);
			return node.negated ? !found : found;
		}
		case 'cmp':
			return test(fieldOf(record, node.field), node.op, node.value);
	}
}

/**
 * `company/id` reads `record.company.id`; field names are matched case-insensitively. `lastUpdated`,
 * which records keep in `_info`, reads `_info/lastUpdated` as ConnectWise's conditions do.
 */
export function fieldOf(record: Record<string, unknown>, path: string): unknown {
	if (path.toLowerCase() === 'lastupdated' && !Object.keys(record).some((k) => k.toLowerCase() === 'lastupdated')) {
		return fieldOf(record, '_info/lastUpdated');
	}
	let current: unknown = record;
	for (const part of path.split('/')) {
		if (current === null || typeof current !== 'object') return undefined;
		const entries = Object.entries(current as Record<string, unknown>);
		current = entries.find(([key]) => key.toLowerCase() === part.toLowerCase())?.[1];
	}
	return current;
}

function test(actual: unknown, op: string, expected: Value): boolean {
	if (op === 'like' || op === 'not like') {
		const pattern = new RegExp(`^${escape(String(expected)).replace(/[*%]/g, '.*')}$`, 'i');
		const hit = typeof actual === 'string' && pattern.test(actual);
		return op === 'like' ? hit : !hit;
	}
	if (op === 'contains' || op === 'not contains') {
		const hit = typeof actual === 'string' && actual.toLowerCase().includes(String(expected).toLowerCase());
		return op === 'contains' ? hit : !hit;
	}
	const order = compare(actual, expected);
	if (order === null) return op === '!=';
	return { '=': order === 0, '!=': order !== 0, '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 }[
		op
	]!;
}

/** -1/0/1, or null when the two cannot be compared (a missing field, a type mismatch). */
function compare(actual: unknown, expected: Value): number | null {
	if (expected === null) return actual === null || actual === undefined ? 0 : 1;
	if (actual === null || actual === undefined) return null;
	if (typeof expected === 'object') {
		const at = typeof actual === 'string' ? Date.parse(actual) : NaN;
		return Number.isNaN(at) ? null : Math.sign(at - expected.date);
	}
	if (typeof expected === 'string' && typeof actual === 'string') {
		const a = actual.toLowerCase();
		const b = expected.toLowerCase();
		return a === b ? 0 : a < b ? -1 : 1;
	}
	if (typeof expected === typeof actual)
		return actual === expected ? 0 : (actual as number) < (expected as number) ? -1 : 1;
	return null;
}

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
