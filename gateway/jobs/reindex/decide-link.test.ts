import { describe, expect, it } from 'vitest';
import { decideLink } from './decide-link.ts';

describe('decideLink', () => {
	it('keeps a link whose PSA record is still there, without looking further', () => {
		expect(decideLink('7', true, [])).toEqual({ verdict: 'unchanged', change: null });
	});

	it('re-links a record whose PSA record is gone to the one record its natural key matches', () => {
		expect(decideLink('7', false, ['9'])).toEqual({ verdict: 'relinked', change: { set: '9' } });
	});

	it('links a record that had no link to its one match', () => {
		expect(decideLink(null, false, ['9'])).toEqual({ verdict: 'relinked', change: { set: '9' } });
	});

	it('unlinks a record whose PSA record is gone when nothing matches', () => {
		expect(decideLink('7', false, [])).toEqual({ verdict: 'unlinked', change: { clear: true } });
	});

	it('leaves a record that was never linked and matches nothing as it is', () => {
		expect(decideLink(null, false, [])).toEqual({ verdict: 'unchanged', change: null });
	});

	it('cannot decide between several matches and changes nothing', () => {
		expect(decideLink('7', false, ['9', '11'])).toEqual({ verdict: 'undecided', change: null });
	});

	it('counts the same record answered twice as one match', () => {
		expect(decideLink('7', false, ['9', '9'])).toEqual({ verdict: 'relinked', change: { set: '9' } });
	});
});
