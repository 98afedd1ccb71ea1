// Runs the procurement queue's distributor jobs for the job runner (gateway/jobs/job-runner.ts): a
// claimed submitPurchaseOrder, pollPurchaseOrders or cancelPlacedPurchaseOrder job opens its distributor's port, runs, and ends as
// the PSA jobs do: retried by the distributor's policy, or finished with its issue in Admin › Tools ›
// Issues opened (grouped by root cause), updated or cleared.

import { DISTRIBUTOR_LABELS, type DistributorName } from '../../shared/schema/distributor-entities.ts';
import { ORG_PROFILE_ID } from '../../shared/schema/org-profile-entities.ts';
import { issueId, type OrderJobKind } from '../../shared/schema/psa-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import { OutboundRefused } from '../connectors/common/outbound-fetch.ts';
import type { OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { BudgetExhausted } from '../jobs/budgeted-fetch.ts';
import { failedIssue, type IssueSubject } from '../jobs/issue-record.ts';
import type { Job, JobStore } from '../jobs/job-store.ts';
import type { RateBudget } from '../jobs/rate-budget.ts';
import { syncWriter, type ReplicatedWriter } from '../jobs/replicated-write.ts';
import { decideRetry } from '../jobs/retry-policy.ts';
import { readEntity } from '../store/entity-reader.ts';
import type { Store } from '../store/store.ts';
import { storeReader } from '../jobs/store-sync-context.ts';
import type { OrderSubmittedHook } from './after-submit.ts';
import { openBudgetedPort } from './budgeted-port.ts';
import { cancelOrder } from './cancel-order.ts';
import { DISTRIBUTOR_BUDGETS, type PortDeps } from './distributor-ports.ts';
import type { PortFailure } from './order-port.ts';
import { pollOrders } from './poll-orders.ts';
import { shipToOf } from './ship-to.ts';
import { submitOrder, type OrderOutcome } from './submit-order.ts';

export type OrderJobDeps = PortDeps & {
	store: Store;
	jobs: JobStore;
	budget: RateBudget;
	write: ReplicatedWriter;
	outbound: OutboundPolicy;
	fetch: typeof fetch;
	onOrderSubmitted: OrderSubmittedHook;
	/** "purchase order 1234 in Autotask" when a canceled order has one in the PSA (its admin closes it). */
	psaPurchaseOrderOf?: (orgId: string, orderId: string) => Promise<string | null>;
	log: (message: string, detail?: unknown) => void;
};

export function createOrderJobs(deps: OrderJobDeps) {
	async function run(job: Job, distributor: DistributorName, kind: OrderJobKind): Promise<OrderOutcome> {
		const opened = await openBudgetedPort(deps, job.org_id, distributor);
		if (!opened.ok) return opened;
		const write = syncWriter(deps.write, distributor, kind);
		const ctx = {
			data: storeReader(deps.store, job.org_id),
			write: <T>(fn: (tx: Tx) => Promise<T>) => write(job.org_id, (tx) => fn(tx)),
			now: () => deps.clock.now(),
			shipTo: async () => {
				const [profile, account] = await Promise.all([
					readEntity(deps.store.db, job.org_id, 'orgProfile', ORG_PROFILE_ID),
					readEntity(deps.store.db, job.org_id, 'distributors', distributor)
				]);
				return shipToOf(profile, distributor, account?.country ?? undefined);
			},
			onSubmitted: (order: Parameters<OrderSubmittedHook>[1], lines: Parameters<OrderSubmittedHook>[2]) =>
				deps.onOrderSubmitted(job.org_id, order, lines)
		};
		if (kind === 'cancelPlacedPurchaseOrder') {
			const psaPurchaseOrder = async (id: string) => (await deps.psaPurchaseOrderOf?.(job.org_id, id)) ?? null;
			return cancelOrder(opened.port, { ...ctx, psaPurchaseOrder }, job.entity_id);
		}
		return kind === 'submitPurchaseOrder'
			? submitOrder(opened.port, ctx, job.entity_id)
			: pollOrders(opened.port, ctx, distributor);
	}

	async function execute(job: Job, leaseMs: number): Promise<void> {
		const distributor = job.provider as DistributorName;
		const kind = job.kind as OrderJobKind;
		const heartbeat = setInterval(async () => {
			const at = deps.clock.now();
			if (!(await deps.jobs.extendLease(job, at, at + leaseMs).catch(() => true))) clearInterval(heartbeat);
		}, leaseMs / 3);
		(heartbeat as { unref?(): void }).unref?.();
		let outcome: OrderOutcome;
		try {
			outcome = DISTRIBUTOR_BUDGETS[distributor]
				? await run(job, distributor, kind)
				: { ok: false, kind: 'permanent', message: `No distributor ${distributor}.`, failure: 'rejected' };
		} catch (error) {
			if (error instanceof BudgetExhausted) {
				const now = deps.clock.now();
				await deps.jobs.reschedule(job, now + error.retryInMs, now, error.message, false);
				return;
			}
			if (!(error instanceof OutboundRefused))
				deps.log(`Distributor job ${kind} ${job.entity_id} failed unexpectedly`, error);
			const message = error instanceof Error ? error.message : String(error);
			outcome = { ok: false, kind: 'permanent', message, failure: 'rejected', rootCause: { kind: 'credentials' } };
		} finally {
			clearInterval(heartbeat);
		}
		await settle(job, distributor, kind, outcome);
	}

	async function settle(job: Job, distributor: DistributorName, kind: OrderJobKind, outcome: OrderOutcome) {
		const now = deps.clock.now();
		if (!outcome.ok && DISTRIBUTOR_BUDGETS[distributor]) {
			const decision = decideRetry(DISTRIBUTOR_BUDGETS[distributor].retry, outcome, job.retries);
			if (decision.retry) {
				await deps.jobs.reschedule(job, now + decision.delayMs, now, outcome.message, true);
				return;
			}
		}
		const subject = await subjectOf(job, distributor, kind);
		await syncWriter(
			deps.write,
			distributor,
			kind
		)(job.org_id, async (tx, trx) => {
			if (!(await deps.jobs.finish(trx, job, outcome.ok ? 'done' : 'failed', now, outcome.ok ? null : outcome.message)))
				return;
			const id = issueId(distributor, kind, subject.entityId);
			const existing = await tx.get('issues', id);
			if (!outcome.ok) await tx.put('issues', failedIssue(existing, subject, failureOf(outcome), now));
			else if (outcome.warning) {
				const warning = { message: outcome.warning, severity: 'warning' as const };
				await tx.put('issues', failedIssue(existing, subject, warning, now));
			} else if (existing) await tx.delete('issues', id);
		});
	}

	async function subjectOf(job: Job, distributor: DistributorName, kind: OrderJobKind): Promise<IssueSubject> {
		const base = { provider: distributor, operation: kind, entityId: job.entity_id, quoteId: null };
		const label = DISTRIBUTOR_LABELS[distributor];
		if (kind === 'pollPurchaseOrders')
			return { ...base, entityTable: 'distributors', label: `${label} · Order status` };
		const order = await readEntity(deps.store.db, job.org_id, 'purchaseOrders', job.entity_id);
		return {
			...base,
			entityTable: 'purchaseOrders',
			label: `Purchase order ${order?.poNumber ?? job.entity_id} · ${label}`
		};
	}

	return { execute };
}

const failureOf = (outcome: PortFailure) => ({ message: outcome.message, rootCause: outcome.rootCause });
