// /api/incidents/report: any signed-in member of staff reports an incident. It is recorded (an
// incident of source 'report', replicated to staff) and mailed to the organisation's support address
// with the diagnostic bundle, in one transaction: no mail for a report that was not kept.

import { Hono } from 'hono';
import { sql } from 'kysely';
import { ERRORS } from '../../shared/errors.ts';
import { incidentReportSchema, type IncidentReportAnswer } from '../../shared/incidents/incident-report.ts';
import { ORG_PROFILE_ID } from '../../shared/schema/org-profile-entities.ts';
import { requireUser, type GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import type { ReplicatedWriter } from '../jobs/replicated-write.ts';
import type { Mailer } from '../mail/mailer.ts';
import { readEntity } from '../store/entity-reader.ts';
import { openIncident } from './incident-rows.ts';
import { reportMail, type GatewayFacts } from './report-mail.ts';

const HOUR = 60 * 60_000;

export function incidentRoutes(deps: GuardDeps & { write: ReplicatedWriter; mailer: Mailer }) {
	async function gatewayFacts(orgId: string, now: number) {
		const db = deps.store.db;
		const jobs = await db
			.selectFrom('jobs')
			.select([
				sql<number>`sum(case when status in ('queued', 'running') then 1 else 0 end)`.as('queued'),
				sql<number>`sum(case when status = 'failed' and updated_at > ${now - HOUR} then 1 else 0 end)`.as('failed')
			])
			.where('org_id', '=', orgId)
			.executeTakeFirst();
		const rows = await db
			.selectFrom('entities')
			.select(['tbl', 'value'])
			.where('org_id', '=', orgId)
			.where('tbl', 'in', ['issues', 'incidents'])
			.where('deleted', '=', 0)
			.execute();
		type Row = { tbl: string; id: string; endedAt?: number | null; lastSeenAt?: number };
		const values: Row[] = rows.map((r) => ({ ...(JSON.parse(r.value) as Omit<Row, 'tbl'>), tbl: r.tbl }));
		const openIncidentIds = values
			.filter((v) => v.tbl === 'incidents' && v.endedAt === null)
			.map((v) => String(v.id))
			.slice(0, 20);
		const recentIssueIds = values
			.filter((v) => v.tbl === 'issues')
			.sort((a, b) => Number(b.lastSeenAt) - Number(a.lastSeenAt))
			.map((v) => String(v.id))
			.slice(0, 20);
		return {
			queuedJobs: Number(jobs?.queued ?? 0),
			failedJobsLastHour: Number(jobs?.failed ?? 0),
			openIncidentIds,
			recentIssueIds
		};
	}

	return new Hono<AppEnv>()
		.use(requireUser(deps, { companyLink: true }))
		.post('/report', jsonBody(incidentReportSchema), async (c) => {
			const principal = c.get('principal');
			if (principal.kind === 'customer') {
				return errorResponse(c, ERRORS.forbidden.code, 'Reports of incidents come from the MSP’s own staff.');
			}
			const report = c.req.valid('json');
			const now = deps.now();
			const { orgId, userId } = principal;
			const profile = await readEntity(deps.store.db, orgId, 'orgProfile', ORG_PROFILE_ID);
			const supportEmail = profile?.supportEmail || null;
			const facts = await gatewayFacts(orgId, now);
			const incidentId = await deps.write(orgId, async (tx, trx) => {
				const incident = await openIncident(tx, {
					system: report.system,
					source: 'report',
					kind: 'reported',
					title: report.summary,
					cause: report.details || report.summary,
					reportedBy: userId,
					now
				});
				if (supportEmail) {
					const all: GatewayFacts = {
						...facts,
						orgId,
						reporterId: userId,
						incidentId: incident.id,
						at: now,
						store: deps.store.kind
					};
					await deps.mailer.send(trx, { orgId, to: supportEmail, ...reportMail(report, all) }, now);
				}
				return incident.id;
			});
			return c.json({ incidentId, mailedTo: supportEmail } satisfies IncidentReportAnswer);
		});
}
