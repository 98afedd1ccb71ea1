// What a distributor's connection test answers, the same for every distributor: the state Admin ›
// Distributors shows and the words that name the fix. Each distributor's connection-check.ts maps its
// own failures onto it.

import type { DistributorConnection } from '../../../shared/schema/distributor-entities.ts';
import { OutboundRefused } from './outbound-fetch.ts';

/** Seed 002, "Invalid customer number", with where it is fixed. */
export const INVALID_CUSTOMER_NUMBER_FIX =
	'Invalid customer number. The ordering credentials need to be updated at Admin > Distributors.';

export type ConnectionOutcome = Omit<DistributorConnection, 'checkedAt'>;

export const connected = (message: string): ConnectionOutcome => ({ state: 'connected', message });
export const failedWith = (state: ConnectionOutcome['state'], message: string): ConnectionOutcome => ({
	state,
	message
});

/** Runs the test call; an address the outbound policy refuses is a failure naming the URL field. */
export async function guardedCheck(
	urlField: string,
	check: () => Promise<ConnectionOutcome>
): Promise<ConnectionOutcome> {
	try {
		return await check();
	} catch (error) {
		if (error instanceof OutboundRefused) return failedWith('failed', `${urlField}: ${error.message}`);
		throw error;
	}
}
