// Report an incident from this device: the diagnostic bundle from the replica (through the pure
// builder, which names every field it takes), and the POST to /api/incidents/report.

import {
	incidentReportAnswerSchema,
	type IncidentReport,
	type IncidentReportAnswer
} from '../../../shared/incidents/incident-report.ts';
import { buildDiagnosticBundle, type DiagnosticBundle } from '../../../shared/incidents/diagnostic-bundle.ts';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { refusalOf, requestJson } from '../platform/json-request.ts';
import type { SyncStatus } from '../sync/replica.svelte.ts';

export type DeviceFacts = { appVersion: string; userAgent: string; pathname: string; online: boolean };

export async function collectDiagnostics(
	db: LocalDb,
	status: SyncStatus,
	device: DeviceFacts
): Promise<DiagnosticBundle> {
	const [rejections, issues, incidents] = await Promise.all([
		db.rejections.toArray(),
		db.issues.toArray(),
		db.incidents.toArray()
	]);
	return buildDiagnosticBundle({
		appVersion: device.appVersion,
		protocolVersion: PROTOCOL_VERSION,
		schemaVersion: db.verno,
		userAgent: device.userAgent,
		pathname: device.pathname,
		online: device.online,
		status: { connection: status.connection, pending: status.pending, lastSyncedAt: status.lastSyncedAt },
		rejections,
		issues,
		incidents
	});
}

export type ReportResult = ({ ok: true } & IncidentReportAnswer) | { ok: false; message: string };

export async function sendReport(report: IncidentReport): Promise<ReportResult> {
	const answer = await requestJson('/api/incidents/report', { body: report });
	if (!answer.reached) {
		return { ok: false, message: 'Reporting needs a connection to the server. Try again when you are online.' };
	}
	if (!answer.ok) return { ok: false, message: refusalOf(answer.body)?.message ?? 'The report could not be sent.' };
	const parsed = incidentReportAnswerSchema.safeParse(answer.body);
	return parsed.success ? { ok: true, ...parsed.data } : { ok: false, message: 'The report could not be sent.' };
}
