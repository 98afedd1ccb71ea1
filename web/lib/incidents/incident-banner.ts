// Which open incidents the app shell warns about on a screen: those that touch the area the screen
// belongs to, measured or announced by the vendor (a person's report is not yet a known outage), and
// not dismissed on this device. Pure; IncidentBanner.svelte reads the replica and renders it.

import type { Area, Incident } from '../../../shared/schema/incident-entities.ts';

const AREA_PREFIXES: readonly [string, Area][] = [
	['/quotes', 'quotes'],
	['/whitespace', 'quotes'],
	['/procurement', 'procurement'],
	['/catalog', 'catalog'],
	['/companies', 'companies'],
	['/admin/integrations', 'sync'],
	['/admin/issues', 'sync'],
	['/admin', 'admin']
];

export function areaOfPath(pathname: string): Area | null {
	const match = AREA_PREFIXES.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`));
	return match ? match[1] : null;
}

export function incidentsForBanner(
	incidents: readonly Incident[],
	pathname: string,
	dismissed: ReadonlySet<string>
): Incident[] {
	const area = areaOfPath(pathname);
	if (!area) return [];
	return incidents
		.filter((i) => i.endedAt === null && i.source !== 'report' && !dismissed.has(i.id) && i.affects.includes(area))
		.sort((a, b) => a.startedAt - b.startedAt);
}
