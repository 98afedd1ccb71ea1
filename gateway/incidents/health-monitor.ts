// What Outpost measures of each system, kept in the store so every replica sees the same window, and
// the incidents it opens and closes from it (health-rule.ts decides; this module does the I/O).

import type { IncidentSystem } from '../../shared/schema/incident-entities.ts';
import type { ReplicatedWriter } from '../jobs/replicated-write.ts';
import type { Store } from '../store/store.ts';
import { closeIncident, findOpen, openIncident, reviseIncident } from './incident-rows.ts';
import {
	decideHealth,
	decideQuiet,
	DEFAULT_THRESHOLDS,
	type HealthThresholds,
	type Measured,
	type MeasuredKind,
	type Outcome
} from './health-rule.ts';

export type HealthMonitor = {
	/** One call's outcome (one job attempt), then whatever incident it opens or closes. */
	record(orgId: string, system: IncidentSystem, outcome: Outcome): Promise<void>;
	/** The rate budget stopped a job: an incident until calls succeed again. */
	budgetExhausted(orgId: string, system: IncidentSystem, retryInMs: number): Promise<void>;
	/** Closes Outpost's own incidents once quiet, and forgets closed incidents past retention. */
	sweep(): Promise<void>;
};

export type HealthMonitorDeps = {
	store: Store;
	write: ReplicatedWriter;
	clock?: { now(): number };
	thresholds?: HealthThresholds;
	/** Closed incidents older than this are deleted by sweep(). */
	retentionMs?: number;
};

const MEASURED_KINDS: ReadonlySet<string> = new Set(['auth', 'errors', 'budget']);
const DAY = 24 * 60 * 60_000;

export function createHealthMonitor(deps: HealthMonitorDeps): HealthMonitor {
	const clock = deps.clock ?? Date;
	const t = deps.thresholds ?? DEFAULT_THRESHOLDS;
	const retentionMs = deps.retentionMs ?? 90 * DAY;
	let sequence = 0;

	// Ordered by id: the time, then a per-process counter, so outcomes of one millisecond keep their order.
	const outcomeId = (at: number) =>
		`${String(at).padStart(15, '0')}-${String(sequence++ % 1e6).padStart(6, '0')}-${crypto.randomUUID().slice(0, 8)}`;

	async function recent(orgId: string, system: string, now: number): Promise<Measured[]> {
		const rows = await deps.store.db
			.selectFrom('health_outcomes')
			.select(['at', 'outcome'])
			.where('org_id', '=', orgId)
			.where('system', '=', system)
			.where('at', '>', now - t.windowMs)
			.orderBy('id')
			.execute();
		return rows.map((r) => ({ at: Number(r.at), outcome: r.outcome as Outcome }));
	}

	async function openKind(orgId: string, system: IncidentSystem): Promise<MeasuredKind | null> {
		const rows = await deps.store.db
			.selectFrom('entities')
			.select('value')
			.where('org_id', '=', orgId)
			.where('tbl', '=', 'incidents')
			.where('parent', '=', system)
			.where('deleted', '=', 0)
			.execute();
		for (const { value } of rows) {
			const row = JSON.parse(value) as { source: string; endedAt: number | null; kind: string };
			if (row.source === 'measured' && row.endedAt === null && MEASURED_KINDS.has(row.kind)) {
				return row.kind as MeasuredKind;
			}
		}
		return null;
	}

	return {
		async record(orgId, system, outcome) {
			const now = clock.now();
			await deps.store.write(async (trx) => {
				await trx
					.insertInto('health_outcomes')
					.values({ id: outcomeId(now), org_id: orgId, system, at: now, outcome })
					.execute();
				await trx
					.deleteFrom('health_outcomes')
					.where('org_id', '=', orgId)
					.where('system', '=', system)
					.where('at', '<=', now - 2 * t.windowMs)
					.execute();
			});
			const decision = decideHealth(await recent(orgId, system, now), await openKind(orgId, system), now, t);
			if (decision.action === 'none') return;
			// Decided outside, applied inside: the transaction looks again, so two replicas open one incident.
			await deps.write(orgId, async (tx) => {
				const open = await findOpen(tx, system, 'measured');
				if (decision.action === 'open' && !open) {
					await openIncident(tx, { system, source: 'measured', kind: decision.kind, cause: decision.cause, now });
				} else if (decision.action === 'update' && open && open.kind !== decision.kind) {
					await reviseIncident(tx, open, decision.kind, decision.cause, now);
				} else if (decision.action === 'close' && open) {
					await closeIncident(tx, open, now, decision.cause);
				}
			});
		},
		async budgetExhausted(orgId, system, retryInMs) {
			if ((await openKind(orgId, system)) !== null) return;
			const now = clock.now();
			const minutes = Math.max(1, Math.ceil(retryInMs / 60_000));
			const cause = `Outpost stopped calling to stay inside the hourly limit; calls resume in about ${minutes} min.`;
			await deps.write(orgId, async (tx) => {
				if (await findOpen(tx, system, 'measured')) return;
				await openIncident(tx, { system, source: 'measured', kind: 'budget', cause, now });
			});
		},
		async sweep() {
			const now = clock.now();
			const open = await deps.store.db
				.selectFrom('entities')
				.select(['org_id', 'value'])
				.where('tbl', '=', 'incidents')
				.where('parent', '=', 'outpost')
				.where('deleted', '=', 0)
				.execute();
			for (const { org_id: orgId, value } of open) {
				const row = JSON.parse(value) as { source: string; endedAt: number | null };
				if (row.source !== 'measured' || row.endedAt !== null) continue;
				if (!decideQuiet(await recent(orgId, 'outpost', now), now, t)) continue;
				await deps.write(orgId, async (tx) => {
					const current = await findOpen(tx, 'outpost', 'measured');
					if (current) await closeIncident(tx, current, now, 'No errors since.');
				});
			}
			await forgetOld(now - retentionMs);
		}
	};

	async function forgetOld(before: number) {
		const rows = await deps.store.db
			.selectFrom('entities')
			.select(['org_id', 'id', 'value'])
			.where('tbl', '=', 'incidents')
			.where('deleted', '=', 0)
			.execute();
		const byOrg = new Map<string, string[]>();
		for (const { org_id: orgId, id, value } of rows) {
			const { endedAt } = JSON.parse(value) as { endedAt: number | null };
			if (endedAt !== null && endedAt < before) byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), id]);
		}
		for (const [orgId, ids] of byOrg) {
			await deps.write(orgId, async (tx) => {
				for (const id of ids) await tx.delete('incidents', id);
			});
		}
	}
}
