// Writing incident rows inside a replicated transaction: find the one open for a system and source,
// open one, close one. Which ones to open or close is decided elsewhere (health-rule, status feeds).

import { systemAreas } from '../../shared/incidents/incident-areas.ts';
import {
	INCIDENT_SYSTEM_LABELS,
	type Incident,
	type IncidentKind,
	type IncidentSource,
	type IncidentSystem
} from '../../shared/schema/incident-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';

export async function findOpen(tx: Tx, system: IncidentSystem, source: IncidentSource): Promise<Incident | undefined> {
	const rows = await tx.byIndex('incidents', 'system', system);
	return rows.find((row) => row.source === source && row.endedAt === null);
}

export function titleOf(system: IncidentSystem, kind: IncidentKind): string {
	const name = INCIDENT_SYSTEM_LABELS[system];
	switch (kind) {
		case 'auth':
			return `${name} refuses Outpost’s credentials`;
		case 'errors':
			return `${name} is failing`;
		case 'budget':
			return `${name}’s hourly request budget is spent`;
		case 'maintenance':
			return `${name} is in a maintenance window`;
		case 'outage':
			return `${name} reports an outage`;
		case 'reported':
			return `Reported problem with ${name}`;
	}
}

export type NewIncident = {
	system: IncidentSystem;
	source: IncidentSource;
	kind: IncidentKind;
	cause: string;
	now: number;
	title?: string;
	reportedBy?: string | null;
};

export async function openIncident(tx: Tx, fields: NewIncident): Promise<Incident> {
	const incident: Incident = {
		id: crypto.randomUUID(),
		system: fields.system,
		source: fields.source,
		kind: fields.kind,
		title: (fields.title ?? titleOf(fields.system, fields.kind)).slice(0, 200),
		cause: fields.cause.slice(0, 2_000),
		affects: systemAreas(fields.system),
		startedAt: fields.now,
		endedAt: null,
		updatedAt: fields.now,
		reportedBy: fields.reportedBy ?? null
	};
	await tx.put('incidents', incident);
	return incident;
}

export async function reviseIncident(tx: Tx, incident: Incident, kind: IncidentKind, cause: string, now: number) {
	const title = titleOf(incident.system, kind);
	await tx.put('incidents', { ...incident, kind, title, cause: cause.slice(0, 2_000), updatedAt: now });
}

export async function closeIncident(tx: Tx, incident: Incident, now: number, why: string) {
	const cause = `${incident.cause} ${why}`.slice(0, 2_000);
	await tx.put('incidents', { ...incident, cause, endedAt: now, updatedAt: now });
}
