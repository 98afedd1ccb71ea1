// For tests: the job runner over a real store with both distributors connected to their simulators
// (sealed credentials, ordering on), on a fake clock. Orders are written as the submit mutation leaves
// them and their job queued as its server effect does; the simulators count what was placed.

import type { DistributorName } from '../../../shared/schema/distributor-entities.ts';
import { defaultDistributor } from '../../../shared/schema/distributor-entities.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';
import { issueId, type Issue, type OrderJobKind } from '../../../shared/schema/psa-entities.ts';
import { draftOrder } from '../../../shared/procurement/purchase-order-rules.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import { createOutboundPolicy } from '../../connectors/common/outbound-policy.ts';
import { saveIngramCredentials } from '../../connectors/ingrammicro/ordering-credentials.ts';
import { buildProduct as ingramProduct } from '../../connectors/ingrammicro/simulator/seed-builders.ts';
import {
	startSandbox as startIngram,
	type Sandbox as IngramSandbox
} from '../../connectors/ingrammicro/test/client-sandbox.ts';
import { saveTdSynnexCredentials } from '../../connectors/tdsynnex/ordering-credentials.ts';
import { buildProduct as tdProduct } from '../../connectors/tdsynnex/simulator/seed-builders.ts';
import { startSandbox as startTd, type Sandbox as TdSandbox } from '../../connectors/tdsynnex/test/client-sandbox.ts';
import { createCredentialVault } from '../../jobs/credential-vault.ts';
import { createJobRunner, type JobRunner, type JobRunnerDeps } from '../../jobs/job-runner.ts';
import { enqueueJob } from '../../jobs/job-store.ts';
import { replicatedWriter } from '../../jobs/replicated-write.ts';
import { fakeClock } from '../../psa/test/jobs-harness.ts';
import { readEntity } from '../../store/entity-reader.ts';
import type { Store } from '../../store/store.ts';
import { createPokeHub } from '../../sync/poke-hub.ts';
import type { TestStoreKind } from '../../test/stores.ts';

export const ORG = 'org-orders';

/** The products both simulators sell: an access point, and one discontinued since the quote. */
export const PART = { ingram: 'AP-1', mpn: 'MR46-HW', retiredMpn: 'MR33-HW', retiredIngram: 'AP-OLD' };

export type OrderHarness = {
	store: Store;
	clock: ReturnType<typeof fakeClock>['clock'];
	ingram: IngramSandbox;
	td: TdSandbox;
	runner: JobRunner;
	submitted: { order: PurchaseOrder; lines: PurchaseOrderLine[] }[];
	/** Seals new credentials, as Admin › Distributors does after a passing test. */
	saveCredentials(distributor: DistributorName, credentials: unknown): Promise<void>;
	newRunner(overrides?: Partial<JobRunnerDeps>): JobRunner;
	/** A submitted order of two lines (quantity 2 of the access point, 1 of `secondMpn`), its job queued. */
	submit(distributor: DistributorName, id: string, secondMpn?: string): Promise<PurchaseOrder>;
	enqueue(kind: OrderJobKind, distributor: DistributorName, entityId: string): Promise<void>;
	/** Runs due jobs, moving the clock to each next retry, until none is queued. */
	drain(runner?: JobRunner): Promise<void>;
	order(id: string): Promise<PurchaseOrder | undefined>;
	lines(id: string): Promise<PurchaseOrderLine[]>;
	issue(kind: OrderJobKind, distributor: DistributorName, entityId: string): Promise<Issue | undefined>;
	/** Orders each simulator holds with this PO number. */
	placed(distributor: DistributorName, poNumber: string): number;
	close(): Promise<void>;
};

export async function startOrderHarness(kind: TestStoreKind): Promise<OrderHarness> {
	const { clock, sleep } = fakeClock();
	const { store, close } = await kind.open();
	await store.db.insertInto('orgs').values({ id: ORG, name: 'Test MSP', version: 0, next_quote_number: 1 }).execute();
	const ingram = await startIngram();
	ingram.control.seedProducts(
		ingramProduct({ ingramPartNumber: PART.ingram, vendorPartNumber: PART.mpn }),
		ingramProduct({ ingramPartNumber: PART.retiredIngram, vendorPartNumber: PART.retiredMpn })
	);
	ingram.control.discontinue(PART.retiredIngram);
	const td = await startTd({ simulator: { rejectDuplicates: false } });
	td.control.seedProducts([
		tdProduct({ mfgPN: PART.mpn, stock: 1_000 }),
		tdProduct({ mfgPN: PART.retiredMpn, status: 'Discontinued' })
	]);
	const vault = await createCredentialVault(store, crypto.getRandomValues(new Uint8Array(32)));
	await saveIngramCredentials(vault, ORG, ingram.credentials, clock.now());
	await saveTdSynnexCredentials(vault, ORG, { ...td.control.credentials, baseUrl: td.baseUrl }, clock.now());
	const pokes = createPokeHub();
	const write = <T>(fn: (tx: Tx) => Promise<T>) => replicatedWriter(store, pokes, clock)(ORG, fn);
	await write(async (tx) => {
		for (const name of ['ingrammicro', 'tdsynnex'] as const) {
			await tx.put('distributors', {
				...defaultDistributor(name),
				configured: true,
				orderingEnabled: true,
				country: 'US'
			});
		}
	});
	const submitted: OrderHarness['submitted'] = [];
	const newRunner = (overrides: Partial<JobRunnerDeps> = {}) =>
		createJobRunner({
			store,
			pokes,
			providers: {},
			vault,
			clock,
			sleep,
			log: () => {},
			outbound: createOutboundPolicy({ allowLoopback: true }),
			onOrderSubmitted: async (_org, order, lines) => {
				submitted.push({ order, lines });
			},
			...overrides
		});
	const enqueue = async (jobKind: OrderJobKind, distributor: DistributorName, entityId: string) => {
		await enqueueJob(
			store.db,
			{ orgId: ORG, provider: distributor, kind: jobKind, entityId, runAt: clock.now() },
			clock.now()
		);
	};
	const harness: OrderHarness = {
		store,
		clock,
		ingram,
		td,
		runner: newRunner(),
		submitted,
		async saveCredentials(distributor, credentials) {
			if (distributor === 'ingrammicro') await saveIngramCredentials(vault, ORG, credentials, clock.now());
			else await saveTdSynnexCredentials(vault, ORG, credentials, clock.now());
		},
		newRunner,
		enqueue,
		async submit(distributor, id, secondMpn = PART.mpn) {
			const order: PurchaseOrder = {
				...draftOrder(id, distributor, 'quote-1', 'user-buyer', clock.now()),
				status: 'submitted',
				lineCount: 2,
				submittedAt: clock.now()
			};
			const line = (n: number, mpn: string, quantity: number): PurchaseOrderLine => ({
				id: `${order.poNumber}-${n}`,
				orderId: id,
				quoteId: 'quote-1',
				quoteLineId: `quote-line-${n}`,
				productId: `product-${n}`,
				description: mpn,
				mpn,
				sku: mpn,
				quantity,
				unitCost: 83_650,
				lineNumber: n,
				status: 'submitted',
				tracking: [],
				holdReason: null,
				updatedAt: clock.now()
			});
			await write(async (tx) => {
				await tx.put('purchaseOrders', order);
				await tx.put('purchaseOrderLines', line(1, PART.mpn, 2));
				await tx.put('purchaseOrderLines', line(2, secondMpn, 1));
			});
			await enqueue('submitPurchaseOrder', distributor, id);
			return order;
		},
		async drain(runner = harness.runner) {
			for (let step = 0; step < 200; step++) {
				await runner.runDue();
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
		order: (id) => readEntity(store.db, ORG, 'purchaseOrders', id),
		lines: async (id) =>
			(
				await store.snapshot((trx) =>
					trx
						.selectFrom('entities')
						.select('value')
						.where('org_id', '=', ORG)
						.where('tbl', '=', 'purchaseOrderLines')
						.where('deleted', '=', 0)
						.execute()
				)
			)
				.map((r) => JSON.parse(r.value) as PurchaseOrderLine)
				.filter((l) => l.orderId === id)
				.sort((a, b) => a.lineNumber - b.lineNumber),
		issue: (jobKind, distributor, entityId) =>
			readEntity(store.db, ORG, 'issues', issueId(distributor, jobKind, entityId)),
		placed: (distributor, poNumber) =>
			distributor === 'ingrammicro'
				? ingram.control.ordersWithPo(poNumber).length
				: td.control.ordersWithPoNumber(poNumber),
		async close() {
			await Promise.all([ingram.close(), td.close()]);
			await close();
		}
	};
	return harness;
}
