import { describe, expect, it } from 'vitest';
import { compareStored } from './stored-order.ts';

describe('compareStored', () => {
	it('orders text as its UTF-8 bytes, the order both stores sort row keys in', () => {
		const texts = [
			'',
			'a',
			'ab',
			'b',
			'Z',
			'~',
			'é',
			'\u07ff',
			'\ud7ff',
			'\ue000',
			'\uffff',
			'😀',
			'😀a',
			'\u{10000}',
			'a😀',
			'a\uffff'
		];
		const byBytes = [...texts].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
		expect([...texts].sort(compareStored)).toEqual(byBytes);
	});
});
