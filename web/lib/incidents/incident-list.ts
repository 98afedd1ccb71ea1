// Admin › Tools › Incidents, pure: incidents grouped per system, open ones first, then the recent
// closed ones newest first; older closed ones stay out of the list.

import {
	INCIDENT_SYSTEM_LABELS,
	INCIDENT_SYSTEMS,
	type Area,
	type Incident,
	type IncidentSource,
	type IncidentSystem
} from '../../../shared/schema/incident-entities.ts';

export const RECENT_DAYS = 30;
const DAY = 24 * 60 * 60_000;

export type SystemGroup = { system: IncidentSystem; label: string; open: number; incidents: Incident[] };

export function groupBySystem(incidents: readonly Incident[], now: number, recentDays = RECENT_DAYS): SystemGroup[] {
	const shown = incidents.filter((i) => i.endedAt === null || i.endedAt > now - recentDays * DAY);
	return INCIDENT_SYSTEMS.map((system) => {
		const mine = shown.filter((i) => i.system === system);
		const open = mine.filter((i) => i.endedAt === null).sort((a, b) => b.startedAt - a.startedAt);
		const closed = mine.filter((i) => i.endedAt !== null).sort((a, b) => b.endedAt! - a.endedAt!);
		return { system, label: INCIDENT_SYSTEM_LABELS[system], open: open.length, incidents: [...open, ...closed] };
	})
		.filter((g) => g.incidents.length > 0)
		.sort((a, b) => Number(b.open > 0) - Number(a.open > 0));
}

export const SOURCE_LABELS: Record<IncidentSource, string> = {
	measured: 'Measured by Outpost',
	vendor: 'Vendor status page',
	report: 'Reported by a user'
};

const AREA_LABELS: Record<Area, string> = {
	quotes: 'Quotes',
	procurement: 'Procurement',
	catalog: 'Catalog',
	companies: 'Companies',
	sync: 'PSA sync',
	admin: 'Admin'
};

export function affectsText(areas: readonly Area[]): string {
	return areas.map((a) => AREA_LABELS[a]).join(', ');
}
