import { describe, expect, it } from 'vitest';
import { forgivesTypo, MATCH, termMatcher, withinOneEdit } from './term-match.ts';

describe('withinOneEdit', () => {
	it.each([
		['monitor', 'monitor'],
		['moniter', 'monitor'],
		['monitr', 'monitor'],
		['monittor', 'monitor'],
		['mointor', 'monitor'],
		['laptpo', 'laptop']
	])('%s is within one edit of %s', (a, b) => {
		expect(withinOneEdit(a, b)).toBe(true);
	});

	it.each([
		['monetor', 'monitors'],
		['mnoitro', 'monitor'],
		['laptop', 'lap'],
		['firewall', 'firewell2']
	])('%s is not within one edit of %s', (a, b) => {
		expect(withinOneEdit(a, b)).toBe(false);
	});
});

describe('termMatcher', () => {
	it('counts the same word, and its plural either way, as exact', () => {
		expect(termMatcher('monitor')('monitor')).toBe(MATCH.exact);
		expect(termMatcher('monitor')('monitors')).toBe(MATCH.exact);
		expect(termMatcher('monitors')('monitor')).toBe(MATCH.exact);
		expect(termMatcher('switch')('switches')).toBe(MATCH.exact);
		expect(termMatcher('accessory')('accessories')).toBe(MATCH.exact);
		expect(termMatcher('batteries')('battery')).toBe(MATCH.exact);
		expect(termMatcher('dock')('docker')).toBe(MATCH.prefix);
	});

	it('matches the start of a word as you type', () => {
		expect(termMatcher('moni')('monitoring')).toBe(MATCH.prefix);
		expect(termMatcher('m')('monitor')).toBe(MATCH.prefix);
	});

	it('matches inside a word from three characters', () => {
		expect(termMatcher('pad')('thinkpad')).toBe(MATCH.infix);
		expect(termMatcher('2425')('p2425h')).toBe(MATCH.infix);
		expect(termMatcher('ad')('thinkpad')).toBe(MATCH.none);
	});

	it('forgives one typo in a word of five letters or more', () => {
		expect(termMatcher('moniter')('monitor')).toBe(MATCH.fuzzy);
		expect(termMatcher('moniter')('monitors')).toBe(MATCH.fuzzy);
		expect(termMatcher('lpatop')('laptop')).toBe(MATCH.fuzzy);
		expect(termMatcher('dokc')('dock')).toBe(MATCH.none);
	});

	it('forgives no typo in a code: P2725H is another monitor than P2425H', () => {
		expect(forgivesTypo('p2725h')).toBe(false);
		expect(termMatcher('p2725h')('p2425h')).toBe(MATCH.none);
	});

	it('does not match an unrelated word', () => {
		expect(termMatcher('firewall')('monitor')).toBe(MATCH.none);
	});
});
