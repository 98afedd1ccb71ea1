import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../shared/test/builders.ts';
import {
	holderOf,
	identifiersText,
	linkedNotice,
	movableRecords,
	parseExternalId,
	providerOf,
	unlinkedProviders,
	withoutLinkHint
} from './psa-links.ts';

describe('providerOf', () => {
	it('knows the three PSAs and nothing else', () => {
		expect(providerOf('autotask')).toBe('autotask');
		expect(providerOf('halopsa')).toBe('halopsa');
		expect(providerOf('syncro')).toBeNull();
		expect(providerOf('toString')).toBeNull();
	});
});

describe('unlinkedProviders', () => {
	it('lists the PSAs without an identifier, in the usual order', () => {
		expect(unlinkedProviders(buildUser({ externalIds: { connectwise: '12', syncro: 'a' } }))).toEqual([
			'autotask',
			'halopsa'
		]);
		expect(unlinkedProviders(buildUser({ externalIds: { autotask: '1', connectwise: '2', halopsa: '3' } }))).toEqual(
			[]
		);
	});
});

describe('parseExternalId', () => {
	it('trims and accepts 1 to 64 characters', () => {
		expect(parseExternalId('  29684 ', 'autotask')).toEqual({ ok: true, value: '29684' });
		expect(parseExternalId('x'.repeat(64), 'halopsa')).toEqual({ ok: true, value: 'x'.repeat(64) });
	});
	it('says what is wrong with an empty or long id', () => {
		expect(parseExternalId('   ', 'connectwise')).toEqual({
			ok: false,
			message: 'Enter the id of the ConnectWise record.'
		});
		expect(parseExternalId('x'.repeat(65), 'autotask')).toEqual({
			ok: false,
			message: 'A record id has at most 64 characters.'
		});
	});
});

describe('holderOf', () => {
	const pat = buildUser({ id: 'pat', externalIds: { autotask: '1' } });
	const dup = buildUser({ id: 'dup', name: 'Dup', email: 'dup@x.test', externalIds: { autotask: '29684' } });
	const sam = buildUser({ id: 'sam', externalIds: { halopsa: '29684' } });
	it('finds who else holds the record in that PSA, whatever the spacing', () => {
		expect(holderOf(pat, [pat, dup, sam], 'autotask', ' 29684 ')).toEqual({
			id: 'dup',
			name: 'Dup',
			email: 'dup@x.test'
		});
	});
	it('finds nobody for the user’s own record, another PSA, or nothing typed', () => {
		expect(holderOf(pat, [pat, dup, sam], 'autotask', '1')).toBeNull();
		expect(holderOf(pat, [pat, dup, sam], 'connectwise', '29684')).toBeNull();
		expect(holderOf(pat, [pat, dup, sam], 'autotask', '  ')).toBeNull();
	});
});

describe('withoutLinkHint', () => {
	it('promises email matching only to MSP staff', () => {
		expect(withoutLinkHint(buildUser({ email: 'pat@msp.test' }))).toBe(
			'The next Synchronize matches by email (pat@msp.test).'
		);
		expect(withoutLinkHint(buildUser({ kind: 'customer' }))).toMatch(/^Synchronize links only MSP staff/);
	});
});

describe('movableRecords', () => {
	it('lists the duplicate’s known-PSA records the user does not already have', () => {
		const pat = buildUser({ externalIds: { autotask: '1', halopsa: '77' } });
		const dup = buildUser({ externalIds: { autotask: '29684', halopsa: '77', syncro: 'a' } });
		expect(movableRecords(pat, dup)).toEqual([{ provider: 'autotask', label: 'Autotask', value: '29684' }]);
		expect(movableRecords(pat, buildUser())).toEqual([]);
	});
});

describe('identifiersText', () => {
	it('names each PSA with its id, or null without any', () => {
		expect(identifiersText(buildUser({ externalIds: { halopsa: '77', autotask: '29684' } }))).toBe(
			'Autotask 29684 · HaloPSA 77'
		);
		expect(identifiersText(buildUser())).toBeNull();
	});
});

describe('linkedNotice', () => {
	it('confirms the link and names whoever lost the record', () => {
		expect(linkedNotice('halopsa', '77', null)).toBe('Linked to HaloPSA record 77.');
		expect(linkedNotice('autotask', '29684', { id: 'dup', name: 'Dup', email: 'd@x.test' })).toBe(
			'Linked to Autotask record 29684, taken from Dup.'
		);
	});
});
