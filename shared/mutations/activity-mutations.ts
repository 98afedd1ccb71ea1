// The activity log's one setting: how many days the gateway keeps entries (it prunes older ones).

import { z } from 'zod';
import { activityRetentionDays } from '../schema/activity-entities.ts';
import { AUTH_SETTINGS_ID } from '../schema/identity-entities.ts';
import { defineMutation } from './define.ts';

export const setActivityRetention = defineMutation({
	name: 'setActivityRetention',
	permission: 'admin',
	stores: ['authSettings'],
	args: z.object({ days: activityRetentionDays }).strict(),
	async apply(tx, { days }) {
		const settings = (await tx.get('authSettings', AUTH_SETTINGS_ID)) ?? { id: AUTH_SETTINGS_ID, mspDomains: [] };
		await tx.put('authSettings', { ...settings, activityRetentionDays: days });
	}
});
