// The job runner: claims due PSA jobs from the store, runs each through its provider's adapter with a
// budgeted fetch, and turns the outcome into a retry (per the provider's policy), a sync issue, or a
// cleared issue. Clock and sleep are injected so tests run the schedules in milliseconds.

import { ERRORS } from '../../shared/errors.ts';
import type { Provider } from '../../shared/psa/providers.ts';
import {
	defaultIntegration,
	isOrderJobKind,
	issueId,
	type Integration,
	type PsaJobKind
} from '../../shared/schema/psa-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { PsaFailure, PsaResult, SyncContext } from '../psa/provider.ts';
import type { ProviderRegistry, ProviderSpec } from '../psa/registry.ts';
import { readEntity } from '../store/entity-reader.ts';
import type { Store } from '../store/store.ts';
import type { PokeHub } from '../sync/poke-hub.ts';
import { OutboundRefused, outboundFetch } from '../connectors/common/outbound-fetch.ts';
import type { OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import type { HealthMonitor } from '../incidents/health-monitor.ts';
import type { Outcome } from '../incidents/health-rule.ts';
import { BudgetExhausted, budgetedFetch } from './budgeted-fetch.ts';
import { candidateLinks } from './candidate-links.ts';
import type { CredentialVault } from './credential-vault.ts';
import { failedIssue } from './issue-record.ts';
import { subjectOf } from './job-subject.ts';
import { sendingQuoteSync, settledQuoteSync, waitingQuoteSync } from './quote-sync-record.ts';
import { runHandler, type Handled } from './job-handlers.ts';
import type { LoadPurchaseOrderInput } from './psa-purchase-order.ts';
import { createJobStore, type Job } from './job-store.ts';
import { createRateBudget, type RateBudget } from './rate-budget.ts';
import { replicatedWriter, syncWriter, type ReplicatedWriter } from './replicated-write.ts';
import { importRequestsPerHour, pollRequestsPerHour } from './periodic-jobs.ts';
import { decideRetry } from './retry-policy.ts';
import { storeLinks, storeSyncContext } from './store-sync-context.ts';
import { noPsaPurchaseOrder, type OrderSubmittedHook } from '../procurement/after-submit.ts';
import { createOrderJobs } from '../procurement/order-jobs.ts';

export type JobRunnerDeps = {
	store: Store;
	pokes: Pick<PokeHub, 'poke'>;
	providers: ProviderRegistry;
	vault: CredentialVault;
	clock?: { now(): number };
	sleep?: (ms: number) => Promise<void>;
	/** fetch for PSA requests (tests wrap it to cut a run short). */
	fetch?: typeof fetch;
	/** Which URLs PSA requests may go to: strict, or loopback too in sandbox mode. */
	outbound: OutboundPolicy;
	/** How long a claimed job is ours before another replica may take it over. */
	leaseMs?: number;
	log?: (message: string, detail?: unknown) => void;
	/** Told what each job attempt said of its system's health (platform incidents). */
	health?: Pick<HealthMonitor, 'record' | 'budgetExhausted'>;
	/** Called once a purchase order is placed at its distributor (the PSA purchase order hangs here). */
	onOrderSubmitted?: OrderSubmittedHook;
	/** Reads a submitted distributor order for job kind createPsaPurchaseOrder. */
	loadPurchaseOrderInput?: LoadPurchaseOrderInput;
	/** Names a canceled order's PSA purchase order, which someone must close in the PSA. */
	psaPurchaseOrderOf?: (orgId: string, orderId: string) => Promise<string | null>;
};

export type JobRunner = {
	/** Runs due jobs one after another until none is due; returns how many ran. */
	runDue(): Promise<number>;
	/** Polls for due jobs every `pollMs` until stopped. */
	start(pollMs?: number): void;
	stop(): Promise<void>;
	/**
	 * One connection test right now, outside the queue (Admin > Integrations > Test connection): with
	 * the saved credentials, or with `candidate` ones not saved yet (what it learns is kept if it passes).
	 */
	testConnection(
		orgId: string,
		provider: Provider,
		candidate?: { credentials: unknown }
	): Promise<PsaResult<{ summary: string }>>;
	budget: RateBudget;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const budgetKeyOf = (orgId: string, provider: string) => `${orgId}|${provider}`;

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
	const clock = deps.clock ?? Date;
	const sleep = deps.sleep ?? realSleep;
	const leaseMs = deps.leaseMs ?? 60_000;
	const log = deps.log ?? ((message, detail) => console.error(message, detail));
	const jobs = createJobStore(deps.store);
	const budget = createRateBudget(deps.store, clock);
	const write: ReplicatedWriter = replicatedWriter(deps.store, deps.pokes, clock);
	const orders = createOrderJobs({
		store: deps.store,
		jobs,
		budget,
		write,
		vault: deps.vault,
		outbound: deps.outbound,
		fetch: deps.fetch ?? fetch,
		clock,
		sleep,
		log,
		onOrderSubmitted: deps.onOrderSubmitted ?? noPsaPurchaseOrder,
		psaPurchaseOrderOf: deps.psaPurchaseOrderOf
	});

	async function contextFor(orgId: string, provider: Provider, spec: ProviderSpec, resumed: boolean) {
		const [credentials, integration] = await Promise.all([
			deps.vault.open(orgId, provider),
			readEntity(deps.store.db, orgId, 'integrations', provider)
		]);
		if (credentials === null || !integration?.configured) return null;
		return contextWith(orgId, provider, spec, resumed, credentials, integration);
	}

	function contextWith(
		orgId: string,
		provider: Provider,
		spec: ProviderSpec,
		resumed: boolean,
		credentials: unknown,
		integration: Integration
	): SyncContext {
		return storeSyncContext({
			store: deps.store,
			write: syncWriter(write, provider, 'sync'),
			orgId,
			provider,
			now: () => clock.now(),
			resumed,
			credentials,
			settings: integration.settings,
			lookups: integration.lookups,
			// The policy is asked before the budget, so a refused URL holds no in-flight slot.
			fetch: outboundFetch(
				deps.outbound,
				budgetedFetch({
					budget,
					key: budgetKeyOf(orgId, provider),
					limits: spec.limits,
					endpointOf: spec.endpointOf,
					fetch: deps.fetch ?? fetch,
					sleep
				})
			)
		});
	}

	const refused = (error: OutboundRefused): PsaFailure => ({
		ok: false,
		kind: 'permanent',
		message: error.message,
		rootCause: { kind: 'credentials' }
	});

	const notConfigured: PsaFailure = {
		ok: false,
		kind: 'permanent',
		message: ERRORS.integrationNotConfigured.message,
		rootCause: { kind: 'credentials' }
	};

	async function execute(job: Job): Promise<void> {
		if (isOrderJobKind(job.kind)) return orders.execute(job, leaseMs);
		const provider = job.provider as Provider;
		const kind = job.kind as PsaJobKind;
		const spec = deps.providers[provider];
		const now = clock.now();
		// Extends the lease only while it is still ours: once it lapsed, another replica may run the job.
		const heartbeat = setInterval(async () => {
			const at = clock.now();
			if (!(await jobs.extendLease(job, at, at + leaseMs).catch(() => true))) clearInterval(heartbeat);
		}, leaseMs / 3);
		(heartbeat as { unref?(): void }).unref?.();
		let outcome: Handled;
		try {
			if (kind === 'syncQuote') await markSending(job.org_id, provider, job.entity_id);
			const ctx = spec ? await contextFor(job.org_id, provider, spec, job.attempts > 1) : null;
			outcome =
				spec && ctx
					? await runHandler(kind, spec.adapter, ctx, job.entity_id, {
							store: deps.store,
							write: syncWriter(write, provider, kind),
							orgId: job.org_id,
							provider,
							now,
							jobId: job.id,
							loadPurchaseOrderInput: deps.loadPurchaseOrderInput
						})
					: notConfigured;
		} catch (error) {
			if (error instanceof BudgetExhausted) {
				const resumesAt = clock.now() + error.retryInMs;
				await jobs.reschedule(job, resumesAt, clock.now(), error.message, false);
				if (kind === 'syncQuote') await markWaiting(job.org_id, provider, job.entity_id, resumesAt);
				await observe(() => deps.health?.budgetExhausted(job.org_id, provider, error.retryInMs));
				return;
			}
			if (error instanceof OutboundRefused) {
				outcome = refused(error);
			} else {
				log(`PSA job ${job.kind} ${job.entity_id} failed unexpectedly`, error);
				outcome = {
					ok: false,
					kind: 'permanent',
					message: `Unexpected error while syncing: ${error instanceof Error ? error.message : String(error)}`
				};
			}
		} finally {
			clearInterval(heartbeat);
		}
		await settle(job, provider, kind, spec, outcome);
	}

	/** Back in the queue on the quote too, with why and about when, rather than "sending" until the next run. */
	async function markWaiting(orgId: string, provider: Provider, quoteId: string, resumesAt: number) {
		await syncWriter(
			write,
			provider,
			'syncQuote'
		)(orgId, async (tx) => {
			if (!(await tx.get('quotes', quoteId))) return;
			const previous = await tx.get('quoteSyncs', quoteId);
			await tx.put('quoteSyncs', waitingQuoteSync(quoteId, previous, provider, resumesAt, clock.now()));
		});
	}

	/** Incidents are a report on the work, never a reason for it to fail. */
	async function observe(report: () => Promise<void> | undefined) {
		try {
			await report();
		} catch (error) {
			log('Recording the health of a PSA failed', error);
		}
	}

	async function settle(
		job: Job,
		provider: Provider,
		kind: PsaJobKind,
		spec: ProviderSpec | undefined,
		outcome: Handled
	) {
		const health = healthOutcome(outcome);
		if (health) await observe(() => deps.health?.record(job.org_id, provider, health));
		const now = clock.now();
		if (!outcome.ok && spec) {
			const decision = decideRetry(spec.retry, outcome, job.retries);
			if (decision.retry) {
				await jobs.reschedule(job, now + decision.delayMs, now, outcome.message, true);
				return;
			}
		}
		const subject = await subjectOf(deps.store.db, job.org_id, provider, kind, job.entity_id);
		const lastHour = await budget.lastHour(budgetKeyOf(job.org_id, provider));
		await syncWriter(
			write,
			provider,
			kind
		)(job.org_id, async (tx, trx) => {
			// A run that lost its claim (it hung past its lease and another runner took over) leaves no trace.
			const status = outcome.ok ? 'done' : 'failed';
			if (!(await jobs.finish(trx, job, status, now, outcome.ok ? null : outcome.message))) return;
			const id = issueId(provider, kind, job.entity_id);
			const existing = await tx.get('issues', id);
			if (!outcome.ok) {
				await tx.put('issues', failedIssue(existing, subject, outcome, now));
			} else if (outcome.value.warnings.length > 0) {
				const message = outcome.value.warnings.join(' ');
				const entity = outcome.value.quote?.entity;
				await tx.put('issues', failedIssue(existing, subject, { message, severity: 'warning', entity }, now));
			} else if (existing) {
				await tx.delete('issues', id);
			}
			if (kind === 'syncQuote' && (await tx.get('quotes', job.entity_id))) {
				const previous = await tx.get('quoteSyncs', job.entity_id);
				await tx.put('quoteSyncs', settledQuoteSync(job.entity_id, previous, provider, outcome, now));
			}
			await recordIntegration(tx, provider, kind, spec, outcome, lastHour, now);
		});
	}

	async function recordIntegration(
		tx: Tx,
		provider: Provider,
		kind: PsaJobKind,
		spec: ProviderSpec | undefined,
		outcome: Handled,
		lastHour: number,
		now: number
	) {
		const integration: Integration = (await tx.get('integrations', provider)) ?? defaultIntegration(provider);
		const next: Integration = {
			...integration,
			usage: { lastHour, hourlyLimit: spec?.limits.hourly ?? null, at: now },
			pollRequestsPerHour: spec?.adapter.pollOpportunities ? pollRequestsPerHour(spec.pollRequests) : 0,
			importRequestsPerHour:
				spec?.adapter.importTicketCharges && spec.importRequests ? importRequestsPerHour(spec.importRequests) : 0
		};
		if (kind === 'synchronize') {
			next.lastSync = {
				at: now,
				ok: outcome.ok,
				summary: outcome.ok ? (outcome.value.summary ?? '') : outcome.message
			};
		}
		await tx.put('integrations', next);
	}

	/** Who edits the quote sees it leave the queue; a quote deleted meanwhile has no state to show. */
	async function markSending(orgId: string, provider: Provider, quoteId: string) {
		await syncWriter(
			write,
			provider,
			'syncQuote'
		)(orgId, async (tx) => {
			if (!(await tx.get('quotes', quoteId))) return;
			const previous = await tx.get('quoteSyncs', quoteId);
			await tx.put('quoteSyncs', sendingQuoteSync(quoteId, previous, provider, clock.now()));
		});
	}

	async function runDue(): Promise<number> {
		let ran = 0;
		for (let job = await jobs.claim(clock.now(), leaseMs); job; job = await jobs.claim(clock.now(), leaseMs)) {
			await execute(job);
			ran++;
		}
		return ran;
	}

	let loop: Promise<void> | null = null;
	let stopping = false;
	return {
		runDue,
		budget,
		start(pollMs = 500) {
			stopping = false;
			loop ??= (async () => {
				while (!stopping) {
					try {
						if ((await runDue()) === 0) await realSleep(pollMs);
					} catch (error) {
						log('The PSA job runner hit a store error; trying again shortly', error);
						await realSleep(pollMs * 4);
					}
				}
			})();
		},
		async stop() {
			stopping = true;
			await loop;
			loop = null;
		},
		async testConnection(orgId, provider, candidate) {
			const spec = deps.providers[provider];
			if (!spec) return notConfigured;
			const links = candidateLinks();
			const ctx = candidate
				? {
						...contextWith(
							orgId,
							provider,
							spec,
							false,
							candidate.credentials,
							(await readEntity(deps.store.db, orgId, 'integrations', provider)) ?? defaultIntegration(provider)
						),
						links
					}
				: await contextFor(orgId, provider, spec, false);
			if (!ctx) return notConfigured;
			try {
				const result = await spec.adapter.testConnection(ctx);
				if (result.ok && candidate) await links.keepIn(storeLinks(deps.store, orgId, provider));
				return result;
			} catch (error) {
				if (error instanceof BudgetExhausted) return { ok: false, kind: 'rate_limited', message: error.message };
				if (error instanceof OutboundRefused) return refused(error);
				throw error;
			}
		}
	};
}

/**
 * What a job attempt tells of its system: a success, or the failure's own health signal. Anything else
 * (a rule the system quoted, a 429, a failure Outpost made itself) neither opens nor closes an incident.
 */
export function healthOutcome(outcome: Handled): Outcome | null {
	if (outcome.ok) return 'ok';
	return outcome.health ?? null;
}
