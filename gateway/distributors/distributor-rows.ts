// Versioned writes to an organisation's `distributors` rows, creating the row first when nobody
// configured that distributor yet.

import {
	defaultDistributor,
	type Distributor,
	type DistributorName
} from '../../shared/schema/distributor-entities.ts';
import type { ReplicatedWriter } from '../jobs/replicated-write.ts';

export function updateDistributor(
	write: ReplicatedWriter,
	orgId: string,
	name: DistributorName,
	change: (row: Distributor) => Distributor
): Promise<Distributor> {
	return write(orgId, async (tx) => {
		const next = change((await tx.get('distributors', name)) ?? defaultDistributor(name));
		await tx.put('distributors', next);
		return next;
	});
}
