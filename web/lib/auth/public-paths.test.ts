import { describe, expect, it } from 'vitest';
import { isPublicPath, rendersBeforeSession } from './public-paths.ts';

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

describe('rendersBeforeSession', () => {
	it('shows the sign-in page at once on a device that remembers nobody', () => {
		expect(rendersBeforeSession('/', false)).toBe(true);
	});

	it('waits for the session where a remembered user may be let in or another screen is asked for', () => {
		expect(rendersBeforeSession('/', true)).toBe(false);
		expect(rendersBeforeSession('/quotes', false)).toBe(false);
		expect(rendersBeforeSession('/invite/abc', false)).toBe(false);
	});
});
