// PSA jobs on three replicas: every replica runs the job runner on the shared jobs table (claims are
// SELECT … FOR UPDATE SKIP LOCKED, one running job per organisation and PSA). The replicas start
// together in sandbox mode on an empty database, so they also migrate it and seed the demo at the
// same time. Quote syncs pushed through HAProxy then reach the Autotask simulator: each job claimed
// once, and exactly one record in Autotask for each thing synced, a second sync of every quote
// included. Then the replica running a quote sync is killed with SIGKILL while Autotask acts on one of
// its requests (gateway/psa/autotask/restart.test.ts does every request, in one process): another
// replica takes the job over and finishes it with nothing duplicated.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../../gateway/demo/demo-data.ts';
import { seedAutotaskDemo } from '../../gateway/connectors/autotask/simulator/demo-tenant.ts';
import type { HttpClient } from '../../gateway/test/http-harness.ts';
import { syncClient } from '../../gateway/test/wire-client.ts';
import { startFleet, type Fleet } from './fleet.ts';
import { startHeldAutotask, type HeldAutotask } from './held-autotask.ts';
import { SCALE_OUT_SKIPPED } from './scale-out-ready.ts';
import { processOfClientPort } from './socket-owner.ts';
import { MIGRATIONS } from '../../gateway/store/migrations/index.ts';

const ADMIN = 'admin@demo.outpost.test';
const QUOTES = 4;
/** Where the replica dies: with Autotask creating the opportunity, the quote, the quote's first item. */
const CUTS: Record<string, RegExp> = {
	Opportunities: /\/Opportunities$/i,
	Quotes: /\/Quotes$/i,
	QuoteItems: /\/Quotes\/\d+\/Items$/i
};
const RECORDS = ['Companies', 'Contacts', 'Opportunities', 'Quotes', 'QuoteItems', 'Products'] as const;
type Counts = Record<(typeof RECORDS)[number], number>;

describe.skipIf(SCALE_OUT_SKIPPED)('PSA jobs on three replicas', () => {
	let fleet: Fleet;
	let autotask: HeldAutotask;
	let admin: HttpClient;
	let quotes: { id: string; companyId: string }[];

	beforeAll(async () => {
		fleet = await startFleet({ replicas: 3, sandbox: true, startEmpty: true });
		autotask = await startHeldAutotask();
	}, 120_000);
	afterAll(async () => {
		await autotask?.close();
		await fleet?.close();
	}, 60_000);

	const counts = (): Counts =>
		Object.fromEntries(RECORDS.map((e) => [e, autotask.control.records(e).length])) as Counts;

	/** Resolves once no job is queued or running (every replica's runner polls every half second). */
	async function jobsSettled(deadlineMs = 90_000): Promise<void> {
		const until = Date.now() + deadlineMs;
		for (;;) {
			const busy = await fleet.store.db
				.selectFrom('jobs')
				.select(['kind', 'entity_id', 'status'])
				.where('status', 'in', ['queued', 'running'])
				.execute();
			if (busy.length === 0) return;
			if (Date.now() > until) throw new Error(`Jobs still busy: ${JSON.stringify(busy)}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/** The Autotask items linked to these quotes' lines. */
	async function linkedItems(quoteIds: string[]): Promise<string[]> {
		const lines = await fleet.store.db
			.selectFrom('entities')
			.select(['id', 'value'])
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', '=', 'quoteLines')
			.where('deleted', '=', 0)
			.execute();
		const lineIds = lines
			.filter((l) => quoteIds.includes((JSON.parse(l.value) as { quoteId: string }).quoteId))
			.map((l) => l.id);
		const links = await fleet.store.db
			.selectFrom('external_links')
			.select('external_id')
			.where('provider', '=', 'autotask')
			.where('kind', '=', 'quoteLines')
			.where('local_id', 'in', lineIds)
			.execute();
		return links.map((l) => l.external_id);
	}

	/** No two Autotask companies, contacts or products with one name, email or SKU. */
	function expectNoTwins(why: string) {
		for (const [entity, key] of [
			['Companies', 'companyName'],
			['Contacts', 'emailAddress'],
			['Products', 'sku']
		] as const) {
			const values = autotask.control.records(entity).map((r) => r[key]);
			expect(values.length, `${why}: no two ${entity} with one ${key}`).toBe(new Set(values).size);
		}
	}

	it('three replicas starting at once on an empty database migrate and seed it once', async () => {
		const migrations = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(fleet.store.db);
		expect(migrations.rows.map((m) => m.name).sort()).toEqual(Object.keys(MIGRATIONS).sort());
		const orgs = await fleet.store.db.selectFrom('orgs').select('id').execute();
		expect(orgs).toEqual([{ id: DEMO_ORG.id }]);
		for (const replica of fleet.replicas) expect(replica.alive, replica.name).toBe(true);
	});

	/**
	 * A sandbox replica connects the demo to simulators of its own each time it starts (forgetting
	 * every PSA link). Once its first synchronisations are over, the organisation's Autotask becomes the test's.
	 */
	async function connectTestAutotask(): Promise<void> {
		await jobsSettled();
		const connected = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...autotask.control.credentials, zoneLookupUrl: autotask.zoneLookupUrl }
		});
		expect(connected.status, JSON.stringify(connected.body)).toBe(200);
	}

	it('quote syncs pushed through HAProxy create exactly one Autotask record of each thing', async () => {
		seedAutotaskDemo(autotask.control, Date.now());
		await fleet.store.db
			.deleteFrom('external_links')
			.where('org_id', '=', DEMO_ORG.id)
			.where('provider', '=', 'autotask')
			.execute();
		admin = await fleet.login(ADMIN);
		await connectTestAutotask();
		const before = counts();

		quotes = await quotesWithLines(QUOTES + Object.keys(CUTS).length);
		const synced = quotes.slice(0, QUOTES);
		// Autotask makes only the companies it did not hold: the sandbox's has Acme already (with tickets).
		const held = new Set(autotask.control.records('Companies').map((c) => c.companyName));
		const newCompanies = new Set((await companyNames(synced.map((q) => q.companyId))).filter((n) => !held.has(n)));
		const sync = syncClient(admin);
		for (const round of [1, 2]) {
			const pushed = await sync.push(synced.map((q) => sync.m('syncQuoteToPsa', { quoteId: q.id })));
			expect(pushed.body.results.map((r) => r.status)).toEqual(Array(QUOTES).fill('applied'));
			await jobsSettled();
			const jobs = await fleet.store.db
				.selectFrom('jobs')
				.select(['entity_id', 'status', 'attempts', 'last_error'])
				.where('kind', '=', 'syncQuote')
				.where(
					'entity_id',
					'in',
					synced.map((q) => q.id)
				)
				.execute();
			expect(jobs.length, `round ${round}: one job per quote per round`).toBe(QUOTES * round);
			for (const job of jobs)
				expect(job, `round ${round}`).toMatchObject({ status: 'done', attempts: 1, last_error: null });

			const now = counts();
			expect(now.Quotes - before.Quotes, `round ${round}: quotes made`).toBe(QUOTES);
			expect(now.Opportunities - before.Opportunities, `round ${round}: opportunities made`).toBe(QUOTES);
			expect(now.Companies - before.Companies, `round ${round}: companies made`).toBe(newCompanies.size);
			// A line Autotask cannot take (a product it refuses) is skipped with a warning; the others are linked.
			const items = await linkedItems(synced.map((q) => q.id));
			expect(items.length, `round ${round}: lines synced`).toBeGreaterThan(0);
			expect(new Set(items).size, `round ${round}: no item linked twice`).toBe(items.length);
			expect(now.QuoteItems - before.QuoteItems, `round ${round}: one item per linked line`).toBe(items.length);
			expectNoTwins(`round ${round}`);
		}
	}, 150_000);

	it.each(Object.keys(CUTS))(
		'the replica running a quote sync dies while Autotask creates %s: another takes over, nothing duplicated',
		async (entity) => {
			const quote = quotes[QUOTES + Object.keys(CUTS).indexOf(entity)]!;
			const sync = syncClient(admin);
			const before = counts();
			const holding = autotask.holdNext('POST', CUTS[entity]!);
			const pushed = await sync.push([sync.m('syncQuoteToPsa', { quoteId: quote.id })]);
			expect(pushed.body.results).toEqual([{ id: 1, status: 'applied' }]);

			const held = await Promise.race([holding, jobsSettled().then(() => finishedWithout(entity, quote.id))]);
			const running = fleet.replicas.filter((r) => r.alive);
			const pid = processOfClientPort(
				held.clientPort,
				running.map((r) => r.pid!)
			);
			const victim = running.find((r) => r.pid === pid);
			expect(victim, `the replica that sent POST ${entity}`).toBeDefined();
			await victim!.kill();
			// Autotask acts on the request; its answer goes to a socket nobody holds any more.
			await held.release();
			// The dead replica's lease would lapse in a minute: it is moved into the past rather than waited out.
			const lapsed = await fleet.store.db
				.updateTable('jobs')
				.set({ lease_until: Date.now() - 1 })
				.where('kind', '=', 'syncQuote')
				.where('entity_id', '=', quote.id)
				.where('status', '=', 'running')
				.executeTakeFirst();
			expect(Number(lapsed.numUpdatedRows)).toBe(1);
			await jobsSettled();

			const job = await fleet.store.db
				.selectFrom('jobs')
				.select(['status', 'attempts', 'last_error'])
				.where('kind', '=', 'syncQuote')
				.where('entity_id', '=', quote.id)
				.executeTakeFirstOrThrow();
			expect(job).toEqual({ status: 'done', attempts: 2, last_error: null });
			const now = counts();
			expect(now.Opportunities - before.Opportunities).toBe(1);
			expect(now.Quotes - before.Quotes).toBe(1);
			const items = await linkedItems([quote.id]);
			expect(items.length).toBeGreaterThan(0);
			expect(now.QuoteItems - before.QuoteItems, 'one item per linked line').toBe(items.length);
			expectNoTwins(`dead while creating ${entity}`);

			await victim!.start();
			await fleet.balancer.waitForUp(fleet.replicas.map((r) => r.name));
			await connectTestAutotask();
		},
		90_000
	);

	async function finishedWithout(entity: string, quoteId: string): Promise<never> {
		const job = await fleet.store.db.selectFrom('jobs').selectAll().where('entity_id', '=', quoteId).execute();
		throw new Error(`The sync of ${quoteId} ended without POST ${entity}: ${JSON.stringify(job)}`);
	}

	/** The names of these companies of the demo organisation. */
	async function companyNames(ids: string[]): Promise<string[]> {
		const rows = await fleet.store.db
			.selectFrom('entities')
			.select('value')
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', '=', 'companies')
			.where('id', 'in', ids)
			.execute();
		return rows.map((r) => (JSON.parse(r.value) as { name: string }).name);
	}

	/** The first `count` quotes of the demo (by id) that have lines, with their company. */
	async function quotesWithLines(count: number) {
		const rows = await fleet.store.db
			.selectFrom('entities')
			.select(['tbl', 'id', 'value'])
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', 'in', ['quotes', 'quoteLines'])
			.where('deleted', '=', 0)
			.orderBy('id')
			.execute();
		const withLines = new Set(
			rows.filter((r) => r.tbl === 'quoteLines').map((r) => (JSON.parse(r.value) as { quoteId: string }).quoteId)
		);
		return rows
			.filter((r) => r.tbl === 'quotes' && withLines.has(r.id))
			.slice(0, count)
			.map((r) => ({ id: r.id, companyId: (JSON.parse(r.value) as { companyId: string }).companyId }));
	}
});
