// For tests: the job runner over a real store, driving the real Autotask adapter against the
// simulator on loopback, on one fake clock that both sides read and every sleep advances.

import type { Category, Product } from '../../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import { defaultIntegration, issueId, type Issue, type JobKind } from '../../../shared/schema/psa-entities.ts';
import { buildQuote, buildQuoteLine, buildUser } from '../../../shared/test/builders.ts';
import { startSandbox, type Sandbox } from '../../integrations/autotask/test-sandbox.ts';
import { createCredentialVault } from '../../jobs/credential-vault.ts';
import { createJobRunner, type JobRunner, type JobRunnerDeps } from '../../jobs/job-runner.ts';
import { enqueueJob, type Enqueued } from '../../jobs/job-store.ts';
import { replicatedWriter } from '../../jobs/replicated-write.ts';
import { readEntity } from '../../store/entity-reader.ts';
import type { Store } from '../../store/store.ts';
import type { TestStoreKind } from '../../test/stores.ts';
import { buildBillingCode, buildResource } from '../../sandbox/autotask/seed-builders.ts';
import { createPokeHub } from '../../sync/poke-hub.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import type { ProviderSpec } from '../registry.ts';
import { autotaskSpec } from '../autotask/spec.ts';

export const ORG = 'org-test';
export const START = Date.UTC(2026, 10, 21, 9, 0, 0);

export type FakeClock = { t: number; now(): number };

export type AutotaskJobs = {
	store: Store;
	sandbox: Sandbox;
	clock: FakeClock;
	runner: JobRunner;
	/** Billing code ids in the simulator: an active Material Cost Code and an inactive one. */
	codes: { active: number; inactive: number };
	write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	/** A quote of Acme with one line per product id given (null: a line without a product). */
	quote(products: (string | null)[], overrides?: Partial<Quote>): Promise<{ quote: Quote; lines: QuoteLine[] }>;
	enqueue(kind: JobKind, entityId: string): Promise<Enqueued>;
	/** Runs every due job, advancing the clock to each next retry, until the queue is empty. */
	drain(maxSteps?: number): Promise<void>;
	issue(kind: JobKind, entityId: string): Promise<Issue | undefined>;
	count(entity: Parameters<Sandbox['control']['records']>[0]): number;
	/** Another runner on the same store, clock and simulator (a restarted process). */
	newRunner(overrides?: Partial<JobRunnerDeps>): JobRunner;
	close(): Promise<void>;
};

export const ACME: Company = { id: 'company-acme', name: 'Acme Corporation', isMsp: false, createdAt: START };
const MSP: Company = { id: 'company-msp', name: 'Test MSP', isMsp: true, createdAt: START };

const category = (id: string, billingCodeId: number | null): Category => ({
	id,
	name: id.replace('cat-', ''),
	defaultMarkupPercent: 20,
	billingCodeId: billingCodeId === null ? null : String(billingCodeId)
});

const product = (id: string, categoryId: string, sku: string, overrides: Partial<Product> = {}): Product => ({
	id,
	name: `Product ${id}`,
	sku,
	mpn: '',
	description: '',
	categoryId,
	cost: 10_000,
	price: 15_000,
	billing: 'one-time',
	distributor: null,
	noProcurement: false,
	active: true,
	...overrides
});

export async function startAutotaskJobs(
	kind: TestStoreKind,
	options: { spec?: Partial<ProviderSpec>; hourlyThreshold?: number; withLookups?: boolean } = {}
): Promise<AutotaskJobs> {
	const clock: FakeClock = { t: START, now: () => clock.t };
	const sleep = async (ms: number) => {
		clock.t += ms;
	};
	const sandbox = await startSandbox({ simulator: { clock, sleep, hourlyThreshold: options.hourlyThreshold } });
	const { store, close } = await kind.open();
	await store.db.insertInto('orgs').values({ id: ORG, name: 'Test MSP', version: 0, next_quote_number: 1 }).execute();
	const pokes = createPokeHub();
	const vault = await createCredentialVault(store, crypto.getRandomValues(new Uint8Array(32)));
	await vault.save(ORG, 'autotask', { ...sandbox.control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl }, START);
	const write = replicatedWriter(store, pokes);

	const [ownerId] = sandbox.control.seed('Resources', [buildResource({ email: 'owner@msp.test' })]);
	const [active, inactive] = sandbox.control.seed('BillingCodes', [
		buildBillingCode({ name: 'Hardware' }),
		buildBillingCode({ name: 'Retired hardware', isActive: false })
	]);
	await write(ORG, async (tx) => {
		await tx.put('integrations', { ...defaultIntegration('autotask'), configured: true });
		await tx.put('companies', MSP);
		await tx.put('companies', ACME);
		await tx.put('contacts', {
			id: 'contact-ada',
			companyId: ACME.id,
			name: 'Ada Lovelace',
			email: 'ada@acme.example',
			phone: '',
			jobTitle: ''
		});
		await tx.put('users', buildUser({ id: 'user-owner', email: 'owner@msp.test', companyId: MSP.id }));
		await tx.put('categories', category('cat-hw', active!));
		await tx.put('categories', category('cat-legacy', inactive!));
		await tx.put('categories', category('cat-unmapped', null));
		await tx.put('products', product('p-laptop', 'cat-hw', 'T14-G5'));
		await tx.put('products', product('p-dock', 'cat-hw', 'DOCK-40'));
		await tx.put('products', product('p-old', 'cat-legacy', 'OLD-1'));
		await tx.put('products', product('p-misc', 'cat-unmapped', 'MISC-1'));
	});
	void ownerId;

	const newRunner = (overrides: Partial<JobRunnerDeps> = {}) =>
		createJobRunner({
			store,
			pokes,
			providers: { autotask: { ...autotaskSpec, ...options.spec } },
			vault,
			clock,
			sleep,
			log: () => {},
			...overrides
		});
	const runner = newRunner();
	let quotes = 0;

	const harness: AutotaskJobs = {
		store,
		sandbox,
		clock,
		runner,
		codes: { active: active!, inactive: inactive! },
		write: (fn) => write(ORG, fn),
		async quote(productIds, overrides = {}) {
			quotes++;
			const quote = buildQuote({
				id: `quote-${quotes}`,
				companyId: ACME.id,
				contactId: 'contact-ada',
				ownerId: 'user-owner',
				title: `Refresh ${quotes}`,
				number: `Q-${String(quotes).padStart(5, '0')}`,
				...overrides
			});
			const lines = productIds.map((productId, i) =>
				buildQuoteLine({
					id: `${quote.id}-line-${i + 1}`,
					quoteId: quote.id,
					productId,
					description: productId ? `Item ${productId}` : 'Onsite labour',
					position: `a${i}`
				})
			);
			await write(ORG, async (tx) => {
				await tx.put('quotes', quote);
				for (const line of lines) await tx.put('quoteLines', line);
			});
			return { quote, lines };
		},
		enqueue: (jobKind, entityId) =>
			enqueueJob(
				store.db,
				{ orgId: ORG, provider: 'autotask', kind: jobKind, entityId, runAt: clock.now() },
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
		issue: (jobKind, entityId) => readEntity(store.db, ORG, 'issues', issueId('autotask', jobKind, entityId)),
		count: (entity) => sandbox.control.records(entity).length,
		newRunner,
		async close() {
			await sandbox.close();
			await close();
		}
	};
	if (options.withLookups) {
		await harness.enqueue('synchronize', 'autotask');
		await harness.drain();
	}
	return harness;
}
