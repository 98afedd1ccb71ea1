import { describe, expect, it } from 'vitest';
import { storableText } from './storable-text.ts';

describe('storableText', () => {
	it('replaces NUL and lone surrogates with U+FFFD', () => {
		expect(storableText('a\u0000b')).toBe('a\uFFFDb');
		expect(storableText('x\uD800')).toBe('x\uFFFD');
		expect(storableText('\uDC00x')).toBe('\uFFFDx');
		expect(storableText('\uD800\uD800\uDE00')).toBe('\uFFFD\uD800\uDE00');
	});

	it('keeps everything else as it is, paired surrogates and line breaks included', () => {
		const text = 'Line 1\nLine 2\t“quoted” 😀 émile';
		expect(storableText(text)).toBe(text);
	});
});
