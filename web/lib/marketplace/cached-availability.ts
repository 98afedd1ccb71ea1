// What the device keeps of the distributors' answers, per part (local only, never replicated): the
// offers and picked source the gateway answered, and when, so a rep offline sees the last known cost
// and stock and how old they are.

import type { DistributorReport, PartAvailability } from '../../../shared/marketplace/availability.ts';

export type CachedAvailability = PartAvailability & {
	/** When the gateway answered (its clock). */
	fetchedAt: number;
	/** Which distributors answered that time, and why the others did not. */
	distributors: DistributorReport[];
};
