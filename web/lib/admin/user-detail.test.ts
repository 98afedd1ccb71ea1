import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../shared/test/builders.ts';
import { externalIdRows, nameProblem, possibleDuplicates, toggled, toggleLoginMethod } from './user-detail.ts';

describe('toggled', () => {
	it('adds an item once and removes it', () => {
		expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
		expect(toggled(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
		expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
		expect(toggled(['a'], 'z', false)).toEqual(['a']);
	});
});

describe('toggleLoginMethod', () => {
	it('allows and forbids a method', () => {
		expect(toggleLoginMethod(['password', 'google'], 'google', false)).toEqual({ ok: true, value: ['password'] });
		expect(toggleLoginMethod(['password'], 'microsoft', true)).toEqual({ ok: true, value: ['password', 'microsoft'] });
	});

	it('refuses to take away the last one', () => {
		expect(toggleLoginMethod(['google'], 'google', false)).toEqual({
			ok: false,
			message: 'Keep at least one sign-in method.'
		});
	});
});

describe('nameProblem', () => {
	it('wants a name of at most 200 characters', () => {
		expect(nameProblem('Ada')).toBeNull();
		expect(nameProblem('   ')).toBe('Enter a name.');
		expect(nameProblem('x'.repeat(201))).toBe('Use at most 200 characters.');
	});
});

describe('externalIdRows', () => {
	it('is empty for a user not linked to a PSA record', () => {
		expect(externalIdRows(buildUser(), [])).toEqual([]);
	});

	it('names each PSA and shows who else carries the same identifier', () => {
		const pat = buildUser({ id: 'pat', name: 'Pat', externalIds: { halopsa: '77', autotask: '29684' } });
		const dup = buildUser({ id: 'dup', name: 'Patricia', email: 'pat@psa.test', externalIds: { autotask: '29684' } });
		const other = buildUser({ id: 'other', externalIds: { connectwise: '29684' } });
		expect(externalIdRows(pat, [pat, dup, other])).toEqual([
			{
				system: 'autotask',
				label: 'Autotask',
				value: '29684',
				sharedWith: [{ id: 'dup', name: 'Patricia', email: 'pat@psa.test' }]
			},
			{ system: 'halopsa', label: 'HaloPSA', value: '77', sharedWith: [] }
		]);
	});

	it('shows an unknown PSA key as stored', () => {
		expect(externalIdRows(buildUser({ externalIds: { syncro: 'a1' } }), [])[0]).toMatchObject({
			label: 'syncro',
			value: 'a1'
		});
	});
});

describe('possibleDuplicates', () => {
	it('finds the same name, whatever the case and spacing, and the same PSA identifier', () => {
		const pat = buildUser({ id: 'pat', name: 'Pat  Person', externalIds: { connectwise: '12' } });
		const sameName = buildUser({ id: 'a', name: 'pat person' });
		const sameId = buildUser({ id: 'b', name: 'P. Person', externalIds: { connectwise: '12' } });
		const otherPsa = buildUser({ id: 'c', name: 'Someone', externalIds: { autotask: '12' } });
		expect(possibleDuplicates(pat, [pat, sameName, sameId, otherPsa]).map((u) => u.id)).toEqual(['a', 'b']);
	});

	it('finds nobody for a unique person', () => {
		const pat = buildUser({ name: 'Pat' });
		expect(possibleDuplicates(pat, [pat, buildUser({ name: 'Sam' })])).toEqual([]);
	});
});
