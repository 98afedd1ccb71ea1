import { describe, expect, it } from 'vitest';
import { isPublicPath } from './public-paths.ts';

describe('isPublicPath', () => {
	it.each(['/', '/invite/abc_DEF-123', '/verify/abc', '/reset', '/reset/', '/reset/abc', '/reset/abc/'])(
		'lets a signed-out visitor open %s',
		(path) => {
			expect(isPublicPath(path)).toBe(true);
		}
	);

	it.each([
		'/quotes',
		'/quotes/q-1',
		'/admin/mailbox',
		'/invite',
		'/invite/',
		'/invite/abc/quotes',
		'/verify',
		'/reset/abc/more',
		'/resetting',
		'/x/reset/abc'
	])('sends a signed-out visitor away from %s', (path) => {
		expect(isPublicPath(path)).toBe(false);
	});
});
