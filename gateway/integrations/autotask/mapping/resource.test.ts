import { describe, expect, it } from 'vitest';
import { linkUsersToResources } from './resource.ts';

const resources = [
	{ id: 10, email: 'Sam.Seller@msp.example ', isActive: true },
	{ id: 11, email: 'pat@msp.example', isActive: true },
	{ id: 12, email: 'gone@msp.example', isActive: false }
];

describe('linking users to resources', () => {
	it('matches by external identifier first', () => {
		expect(linkUsersToResources([{ id: 'u1', email: 'sam.seller@msp.example', externalId: 11 }], resources)).toEqual([
			{ userId: 'u1', resourceId: 11, by: 'external_id' }
		]);
	});

	it('falls back to the email, case-insensitive and trimmed', () => {
		expect(linkUsersToResources([{ id: 'u1', email: ' SAM.seller@MSP.example', externalId: null }], resources)).toEqual(
			[{ userId: 'u1', resourceId: 10, by: 'email' }]
		);
	});

	it('falls back to the email when the stored identifier no longer exists', () => {
		expect(linkUsersToResources([{ id: 'u1', email: 'pat@msp.example', externalId: 99 }], resources)).toEqual([
			{ userId: 'u1', resourceId: 11, by: 'email' }
		]);
	});

	it('never links to an inactive resource, and says when nothing matched', () => {
		expect(
			linkUsersToResources(
				[
					{ id: 'u1', email: 'gone@msp.example', externalId: 12 },
					{ id: 'u2', email: 'new@msp.example', externalId: null }
				],
				resources
			)
		).toEqual([
			{ userId: 'u1', resourceId: null, by: 'none' },
			{ userId: 'u2', resourceId: null, by: 'none' }
		]);
	});
});
