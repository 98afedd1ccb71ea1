// For tests: the job runner over a real store, driving the real Autotask adapter against the
// simulator on loopback, on one fake clock that both sides read and every sleep advances.

import type { Category, Product } from '../../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import { buildQuote, buildQuoteLine, buildUser } from '../../../shared/test/builders.ts';
import { startSandbox, type Sandbox } from '../../connectors/autotask/test/client-sandbox.ts';
import type { TestStoreKind } from '../../test/stores.ts';
import { buildBillingCode, buildResource } from '../../connectors/autotask/simulator/seed-builders.ts';
import type { ProviderSpec } from '../registry.ts';
import { autotaskSpec } from '../../connectors/autotask/spec.ts';
import { fakeClock, START, startJobsHarness, type JobsHarness } from './jobs-harness.ts';

export { ORG, START } from './jobs-harness.ts';

export type AutotaskJobs = JobsHarness & {
	sandbox: Sandbox;
	/** Billing code ids in the simulator: an active Material Cost Code and an inactive one. */
	codes: { active: number; inactive: number };
	/** A quote of Acme with one line per product id given (null: a line without a product). */
	quote(products: (string | null)[], overrides?: Partial<Quote>): Promise<{ quote: Quote; lines: QuoteLine[] }>;
	count(entity: Parameters<Sandbox['control']['records']>[0]): number;
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
	const time = fakeClock();
	const sandbox = await startSandbox({
		simulator: { clock: time.clock, sleep: time.sleep, hourlyThreshold: options.hourlyThreshold }
	});
	const jobs = await startJobsHarness(kind, {
		provider: 'autotask',
		spec: { ...autotaskSpec, ...options.spec },
		credentials: { ...sandbox.control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl },
		time
	});
	sandbox.control.seed('Resources', [buildResource({ email: 'owner@msp.test' })]);
	const [active, inactive] = sandbox.control.seed('BillingCodes', [
		buildBillingCode({ name: 'Hardware' }),
		buildBillingCode({ name: 'Retired hardware', isActive: false })
	]);
	await jobs.write(async (tx) => {
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

	let quotes = 0;
	const closeJobs = jobs.close;
	const harness: AutotaskJobs = Object.assign(jobs, {
		sandbox,
		codes: { active: active!, inactive: inactive! },
		async quote(productIds: (string | null)[], overrides: Partial<Quote> = {}) {
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
			await jobs.write(async (tx) => {
				await tx.put('quotes', quote);
				for (const line of lines) await tx.put('quoteLines', line);
			});
			return { quote, lines };
		},
		count: (entity: Parameters<Sandbox['control']['records']>[0]) => sandbox.control.records(entity).length,
		async close() {
			await sandbox.close();
			await closeJobs();
		}
	});
	if (options.withLookups) {
		await harness.enqueue('synchronize', 'autotask');
		await harness.drain();
	}
	return harness;
}
