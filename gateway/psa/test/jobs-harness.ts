// For tests: the job runner over a real store, one PSA provider connected with the credentials of its
// simulator, on a fake clock that every sleep advances and the simulator may read too.

import type { Provider } from '../../../shared/psa/providers.ts';
import { defaultIntegration, issueId, type Issue, type JobKind } from '../../../shared/schema/psa-entities.ts';
import type { RowOf, TableName } from '../../../shared/schema/tables.ts';
import type { MemoryTables } from '../../../shared/sync/memory-tx.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import { createOutboundPolicy } from '../../connectors/common/outbound-policy.ts';
import { createCredentialVault } from '../../jobs/credential-vault.ts';
import { createJobRunner, type JobRunner, type JobRunnerDeps } from '../../jobs/job-runner.ts';
import { enqueueJob, type Enqueued } from '../../jobs/job-store.ts';
import { replicatedWriter } from '../../jobs/replicated-write.ts';
import { readEntity } from '../../store/entity-reader.ts';
import type { Store } from '../../store/store.ts';
import { createPokeHub } from '../../sync/poke-hub.ts';
import type { TestStoreKind } from '../../test/stores.ts';
import type { ProviderSpec } from '../registry.ts';

export const ORG = 'org-test';
export const START = Date.UTC(2026, 10, 21, 9, 0, 0);

export type FakeClock = { t: number; now(): number };

export function fakeClock(): { clock: FakeClock; sleep(ms: number): Promise<void> } {
	const clock: FakeClock = { t: START, now: () => clock.t };
	return {
		clock,
		sleep: async (ms) => {
			clock.t += ms;
		}
	};
}

export type JobsHarness = {
	store: Store;
	clock: FakeClock;
	runner: JobRunner;
	write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	/** Writes every row of these tables, as a device's sync would. */
	putRows(rows: MemoryTables): Promise<void>;
	enqueue(kind: JobKind, entityId: string): Promise<Enqueued>;
	/** Runs every due job, advancing the clock to each next retry, until the queue is empty. */
	drain(maxSteps?: number): Promise<void>;
	issue(kind: JobKind, entityId: string): Promise<Issue | undefined>;
	/** Another runner on the same store and clock (a restarted process). */
	newRunner(overrides?: Partial<JobRunnerDeps>): JobRunner;
	close(): Promise<void>;
};

export async function startJobsHarness(
	kind: TestStoreKind,
	options: {
		provider: Provider;
		spec: ProviderSpec;
		credentials: unknown;
		settings?: Record<string, unknown>;
		time?: ReturnType<typeof fakeClock>;
	}
): Promise<JobsHarness> {
	const { clock, sleep } = options.time ?? fakeClock();
	const { store, close } = await kind.open();
	await store.db.insertInto('orgs').values({ id: ORG, name: 'Test MSP', version: 0, next_quote_number: 1 }).execute();
	const pokes = createPokeHub();
	const vault = await createCredentialVault(store, crypto.getRandomValues(new Uint8Array(32)));
	await vault.save(ORG, options.provider, options.credentials, clock.now());
	const write = replicatedWriter(store, pokes);
	await write(ORG, async (tx) => {
		const integration = defaultIntegration(options.provider);
		await tx.put('integrations', {
			...integration,
			configured: true,
			settings: { ...integration.settings, ...options.settings }
		});
	});
	const newRunner = (overrides: Partial<JobRunnerDeps> = {}) =>
		createJobRunner({
			store,
			pokes,
			providers: { [options.provider]: options.spec },
			vault,
			clock,
			sleep,
			log: () => {},
			// The simulators listen on loopback, as in sandbox mode.
			outbound: createOutboundPolicy({ allowLoopback: true }),
			...overrides
		});

	const harness: JobsHarness = {
		store,
		clock,
		runner: newRunner(),
		write: (fn) => write(ORG, fn),
		putRows: (rows) =>
			write(ORG, async (tx) => {
				for (const [table, list] of Object.entries(rows) as [TableName, RowOf<TableName>[]][]) {
					for (const row of list) await tx.put(table, row);
				}
			}),
		enqueue: (jobKind, entityId) =>
			enqueueJob(
				store.db,
				{ orgId: ORG, provider: options.provider, kind: jobKind, entityId, runAt: clock.now() },
				clock.now()
			),
		async drain(maxSteps = 1_000) {
			for (let step = 0; step < maxSteps; step++) {
				await harness.runner.runDue();
				const next = await store.db
					.selectFrom('jobs')
					.select('run_at')
					.where('status', '=', 'queued')
					.orderBy('run_at')
					.executeTakeFirst();
				if (!next) return;
				clock.t = Math.max(clock.t, Number(next.run_at));
			}
			throw new Error('The queue did not drain.');
		},
		issue: (jobKind, entityId) => readEntity(store.db, ORG, 'issues', issueId(options.provider, jobKind, entityId)),
		newRunner,
		close
	};
	return harness;
}
