// Which parts of Outpost an outage of a system touches: a PSA carries quotes, companies, ticket charges
// and sync; a distributor carries procurement and prices; Outpost itself carries everything.

import { AREAS, type Area, type IncidentSystem } from '../schema/incident-entities.ts';

const PSA_AREAS: readonly Area[] = ['quotes', 'procurement', 'companies', 'sync'];
const DISTRIBUTOR_AREAS: readonly Area[] = ['procurement', 'catalog'];

export function systemAreas(system: IncidentSystem): Area[] {
	switch (system) {
		case 'outpost':
			return [...AREAS];
		case 'ingrammicro':
		case 'tdsynnex':
			return [...DISTRIBUTOR_AREAS];
		default:
			return [...PSA_AREAS];
	}
}
