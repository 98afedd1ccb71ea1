import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
	it.each(['/quotes', '/quotes/0199a1b2-c3d4?tab=lines#total', '/'])('keeps the same-site path %s', (path) => {
		expect(safeReturnTo(path)).toBe(path);
	});

	it('normalises a path the way the browser would', () => {
		expect(safeReturnTo('/quotes/../quotes/./x')).toBe('/quotes/x');
	});

	it.each([
		undefined,
		'',
		'//evil.example',
		'//evil.example/quotes',
		'https://evil.example',
		'http://outpost.invalid/quotes',
		'/\\evil.example',
		'/\\/evil.example',
		'\\\\evil.example',
		'javascript:alert(1)',
		'quotes',
		'/\tevil',
		'/api/auth/logout'
	])('falls back to the default for %j', (value) => {
		expect(safeReturnTo(value)).toBe(DEFAULT_RETURN_TO);
	});
});
