// Admin › Organisation: the name, address and logo that head the MSP's quotes for its customers.

import { ORG_PROFILE_ID, orgProfileSchema } from '../schema/org-profile-entities.ts';
import { defineMutation } from './define.ts';

export const saveOrgProfile = defineMutation({
	name: 'saveOrgProfile',
	permission: 'admin',
	stores: ['orgProfile'],
	args: orgProfileSchema.omit({ id: true }).strict(),
	async apply(tx, profile) {
		await tx.put('orgProfile', { id: ORG_PROFILE_ID, ...profile });
	}
});
