// Platform incidents: known outages of Outpost itself and of each connected system, opened from what
// the gateway measures, from a vendor's status feed, or from a person's report. Replicated to staff
// (the banner) and admins (Admin › Tools › Incidents); what a report mailed to support stays in the mail.

import { z } from 'zod';
import { id } from './entities.ts';
import { timestamp } from './timestamp.ts';

/** Outpost and every outside system it talks to; the distributors are here before their connectors. */
export const INCIDENT_SYSTEMS = ['outpost', 'autotask', 'connectwise', 'halopsa', 'ingrammicro', 'tdsynnex'] as const;
export const incidentSystem = z.enum(INCIDENT_SYSTEMS);
export type IncidentSystem = z.infer<typeof incidentSystem>;

export const INCIDENT_SYSTEM_LABELS: Record<IncidentSystem, string> = {
	outpost: 'Outpost',
	autotask: 'Autotask',
	connectwise: 'ConnectWise PSA',
	halopsa: 'HaloPSA',
	ingrammicro: 'Ingram Micro',
	tdsynnex: 'TD SYNNEX'
};

/** measured: the gateway's own calls; vendor: the system's status page; report: a person. */
export const INCIDENT_SOURCES = ['measured', 'vendor', 'report'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const INCIDENT_KINDS = ['auth', 'errors', 'budget', 'maintenance', 'outage', 'reported'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** The parts of Outpost a person works in; an incident names the ones it affects. */
export const AREAS = ['quotes', 'procurement', 'catalog', 'companies', 'sync', 'admin'] as const;
export const area = z.enum(AREAS);
export type Area = z.infer<typeof area>;

export const incidentSchema = z.object({
	id,
	system: incidentSystem,
	source: z.enum(INCIDENT_SOURCES),
	kind: z.enum(INCIDENT_KINDS),
	/** One line a person recognises: "Autotask refuses Outpost's credentials". */
	title: z.string().max(200),
	/** What was measured or reported: "5 authentication failures in 10 minutes". */
	cause: z.string().max(2_000),
	affects: z.array(area).max(AREAS.length),
	startedAt: timestamp,
	/** null while open. */
	endedAt: timestamp.nullable(),
	updatedAt: timestamp,
	/** The user who reported it (an id only), for source 'report'. */
	reportedBy: id.nullable()
});

export type Incident = z.infer<typeof incidentSchema>;
