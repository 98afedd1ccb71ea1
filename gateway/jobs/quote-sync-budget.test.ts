// A quote sync the PSA's hourly budget turns away goes back to the queue on the quote, saying why and
// about when it resumes, instead of "sending" until the next run (issue 14); then it syncs as usual.

import { afterEach, describe, expect, it } from 'vitest';
import { autotaskSpec } from '../connectors/autotask/spec.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../psa/test/autotask-jobs-harness.ts';
import { readEntity } from '../store/entity-reader.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { budgetKeyOf } from './job-runner.ts';

const LIMITS = { ...autotaskSpec.limits, hourly: 40 };

describe.each(STORE_KINDS)('a quote sync waiting for the hourly budget on $name', (kind) => {
	let at: AutotaskJobs;
	afterEach(() => at.close());

	async function spendBudget() {
		for (;;) {
			const admission = await at.runner.budget.admit(budgetKeyOf(ORG, 'autotask'), 'Spent', LIMITS);
			if (!admission.ok) return;
			await at.runner.budget.release(admission.token);
		}
	}

	const jobOf = (quoteId: string) =>
		at.store.db
			.selectFrom('jobs')
			.select(['status', 'run_at'])
			.where('kind', '=', 'syncQuote')
			.where('entity_id', '=', quoteId)
			.executeTakeFirstOrThrow();

	it('is queued with the reason and the time the runner takes it up again, then synced', async () => {
		at = await startAutotaskJobs(kind, { withLookups: true, spec: { limits: LIMITS } });
		const { quote } = await at.quote(['p-laptop']);
		await spendBudget();
		await at.enqueue('syncQuote', quote.id);
		await at.runner.runDue();

		const job = await jobOf(quote.id);
		expect(job.status).toBe('queued');
		expect(Number(job.run_at)).toBeGreaterThan(at.clock.now());
		expect(await readEntity(at.store.db, ORG, 'quoteSyncs', quote.id)).toMatchObject({
			state: 'queued',
			startedAt: null,
			message: 'Waiting for Autotask’s hourly request budget',
			resumesAt: Number(job.run_at)
		});

		await at.drain();
		expect(await readEntity(at.store.db, ORG, 'quoteSyncs', quote.id)).toMatchObject({
			state: 'synced',
			message: '',
			resumesAt: null
		});
	});
});
