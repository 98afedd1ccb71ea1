import { describe, expect, it } from 'vitest';
import { id } from './entities.ts';

describe('id', () => {
	it.each(['company-acme', 'q-1f0c5d2e-7a4b-4c1e-9f00-1234567890ab', 'autotask', 'émile', 'emoji-😀', 'a'.repeat(64)])(
		'accepts %j',
		(value) => {
			expect(id.safeParse(value).success).toBe(true);
		}
	);

	it.each([
		['', 'empty'],
		['a'.repeat(65), 'longer than 64'],
		['q\u0000', 'NUL'],
		['q\n1', 'a line break'],
		['q\u007f', 'DEL'],
		['q\uD83D', 'a lone high surrogate at the end'],
		['\uDE00q', 'a lone low surrogate'],
		['q\uD83Dx', 'a high surrogate before a letter']
	])('refuses %j (%s)', (value) => {
		expect(id.safeParse(value).success).toBe(false);
	});

	it('names what is wrong', () => {
		expect(id.safeParse('q\u0000').error?.issues[0]?.message).toBe(
			'must not contain control characters or unpaired UTF-16 surrogates'
		);
	});
});
