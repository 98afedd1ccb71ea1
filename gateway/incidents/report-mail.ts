// The mail a report of an incident sends to support: the person's words, then the diagnostic bundle
// and what the gateway adds, ids only. Pure; every value in it comes from a named field.

import { INCIDENT_SYSTEM_LABELS } from '../../shared/schema/incident-entities.ts';
import type { IncidentReport } from '../../shared/incidents/incident-report.ts';

export type GatewayFacts = {
	orgId: string;
	reporterId: string;
	incidentId: string;
	at: number;
	store: string;
	/** Jobs waiting for or running against each system, and failed in the last hour. */
	queuedJobs: number;
	failedJobsLastHour: number;
	openIncidentIds: readonly string[];
	recentIssueIds: readonly string[];
};

const iso = (t: number | null) => (t === null ? 'never' : new Date(t).toISOString());
const list = (ids: readonly string[]) => (ids.length ? ids.join(', ') : 'none');

export function reportMail(report: IncidentReport, facts: GatewayFacts): { subject: string; body: string } {
	const d = report.diagnostics;
	const system = INCIDENT_SYSTEM_LABELS[report.system];
	const rejections = d.recentRejections.length
		? d.recentRejections.map((r) => `${r.mutation} → ${r.code} at ${iso(r.at)}`).join('; ')
		: 'none';
	const lines = [
		`An Outpost user reported an incident with ${system}.`,
		'',
		`Summary: ${report.summary}`,
		...(report.details ? ['', report.details] : []),
		'',
		'— Diagnostics (ids only; no credentials, tokens or customer data) —',
		`Incident: ${facts.incidentId}`,
		`Organisation: ${facts.orgId}`,
		`Reported by user: ${facts.reporterId}`,
		`Reported at: ${iso(facts.at)}`,
		`App version: ${d.appVersion} (protocol ${d.protocolVersion}, local schema ${d.schemaVersion})`,
		`Browser: ${d.browser}`,
		`Screen: ${d.page}`,
		`Sync: ${d.connection}${d.online ? '' : ' (browser offline)'}, last synced ${iso(d.lastSyncedAt)}`,
		`Outbox size: ${d.outboxSize}`,
		`Recent sync errors: ${rejections}`,
		`Recent issues (device): ${list(d.recentIssueIds)}`,
		`Open incidents (device): ${list(d.openIncidentIds)}`,
		`Gateway store: ${facts.store}`,
		`PSA jobs queued: ${facts.queuedJobs}; failed in the last hour: ${facts.failedJobsLastHour}`,
		`Open incidents (gateway): ${list(facts.openIncidentIds)}`,
		`Recent issues (gateway): ${list(facts.recentIssueIds)}`
	];
	return { subject: `[Outpost incident] ${system}: ${report.summary}`.slice(0, 300), body: lines.join('\n') };
}
