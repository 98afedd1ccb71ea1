import { describe, expect, it } from 'vitest';
import { readProviders } from './oidc-providers.ts';

describe('readProviders', () => {
	it('reads the enabled providers, keeping only their id and name', () => {
		const body = {
			providers: [
				{ id: 'google', name: 'Google', extra: 1 },
				{ id: 'microsoft', name: 'Microsoft' }
			]
		};
		expect(readProviders(body)).toEqual([
			{ id: 'google', name: 'Google' },
			{ id: 'microsoft', name: 'Microsoft' }
		]);
	});

	it('offers none when any entry does not fit', () => {
		for (const providers of [
			[{ id: 'password', name: 'Password' }],
			[{ id: 'constructor', name: 'Sneaky' }],
			[{ id: 'google', name: '' }],
			[{ id: 'google', name: 'G'.repeat(41) }],
			[{ id: 'google', name: 'Google' }, null]
		]) {
			expect(readProviders({ providers }), JSON.stringify(providers)).toEqual([]);
		}
	});

	it('offers none for a body that is not a provider list', () => {
		expect(readProviders(null)).toEqual([]);
		expect(readProviders({ providers: 'google' })).toEqual([]);
	});
});
