// PSA jobs on three replicas: every replica runs the job runner on the shared jobs table (claims are
// SELECT … FOR UPDATE SKIP LOCKED, one running job per organisation and PSA). The replicas start
// together in sandbox mode on an empty database, so they also migrate it and seed the demo at the
// same time. Quote syncs pushed through HAProxy then reach the Autotask simulator: each job claimed
// once, and exactly one record in Autotask for each thing synced, a second sync of every quote included.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncClient } from '../../gateway/test/wire-client.ts';
import { createAutotaskSimulator, type AutotaskSimulator } from '../../gateway/sandbox/autotask/simulator.ts';
import { seedAutotaskDemo } from '../../gateway/sandbox/autotask/demo-tenant.ts';
import { DEMO_ORG } from '../../gateway/demo/demo-data.ts';
import { startFleet, type Fleet } from './fleet.ts';
import { SCALE_OUT_SKIPPED } from './scale-out-ready.ts';

const ADMIN = 'admin@demo.outpost.test';
const QUOTES = 4;
const RECORDS = ['Companies', 'Contacts', 'Opportunities', 'Quotes', 'QuoteItems', 'Products'] as const;

describe.skipIf(SCALE_OUT_SKIPPED)('PSA jobs on three replicas', () => {
	let fleet: Fleet;
	let autotask: AutotaskSimulator;
	beforeAll(async () => {
		fleet = await startFleet({ replicas: 3, sandbox: true, startEmpty: true });
		autotask = createAutotaskSimulator({ log: () => {} });
	}, 120_000);
	afterAll(async () => {
		await autotask?.close();
		await fleet?.close();
	}, 60_000);

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

	it('three replicas starting at once on an empty database migrate and seed it once', async () => {
		const migrations = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(fleet.store.db);
		expect(migrations.rows.map((m) => m.name).sort()).toEqual(['001-initial', '002-binary-collation', '003-psa-jobs']);
		const orgs = await fleet.store.db.selectFrom('orgs').select('id').execute();
		expect(orgs).toEqual([{ id: DEMO_ORG.id }]);
		for (const replica of fleet.replicas) expect(replica.alive, replica.name).toBe(true);
	});

	it('quote syncs pushed through HAProxy create exactly one Autotask record of each thing', async () => {
		// Each replica connected the demo to simulators of its own as it started; once their first
		// synchronisations are over, the organisation's Autotask becomes the test's, forgetting the old links.
		await jobsSettled();
		const { zoneLookupUrl } = await autotask.listen();
		seedAutotaskDemo(autotask.control, Date.now());
		await fleet.store.db
			.deleteFrom('external_links')
			.where('org_id', '=', DEMO_ORG.id)
			.where('provider', '=', 'autotask')
			.execute();
		const admin = await fleet.login(ADMIN);
		const connected = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...autotask.control.credentials, zoneLookupUrl }
		});
		expect(connected.status, JSON.stringify(connected.body)).toBe(200);
		const before = Object.fromEntries(RECORDS.map((e) => [e, autotask.control.records(e).length]));

		const quotes = await quotesWithLines(QUOTES);
		const sync = syncClient(admin);
		for (const round of [1, 2]) {
			const pushed = await sync.push(quotes.map((q) => sync.m('syncQuoteToPsa', { quoteId: q.id })));
			expect(pushed.body.results.map((r) => r.status)).toEqual(Array(QUOTES).fill('applied'));
			await jobsSettled();
			const jobs = await fleet.store.db
				.selectFrom('jobs')
				.select(['entity_id', 'status', 'attempts', 'last_error'])
				.where('kind', '=', 'syncQuote')
				.where(
					'entity_id',
					'in',
					quotes.map((q) => q.id)
				)
				.execute();
			expect(jobs.length, `round ${round}: one job per quote per round`).toBe(QUOTES * round);
			for (const job of jobs)
				expect(job, `round ${round}`).toMatchObject({ status: 'done', attempts: 1, last_error: null });

			const created = Object.fromEntries(RECORDS.map((e) => [e, autotask.control.records(e).length - before[e]!]));
			expect(created.Quotes, `round ${round}`).toBe(QUOTES);
			expect(created.Opportunities, `round ${round}`).toBe(QUOTES);
			// A line Autotask cannot take (a product it refuses) is skipped with a warning; the others are linked.
			const itemLinks = await fleet.store.db
				.selectFrom('external_links')
				.select('external_id')
				.where('provider', '=', 'autotask')
				.where('kind', '=', 'quoteLines')
				.execute();
			expect(itemLinks.length, `round ${round}: lines synced`).toBeGreaterThan(0);
			expect(created.QuoteItems, `round ${round}: one item per linked line`).toBe(itemLinks.length);
			expect(new Set(itemLinks.map((l) => l.external_id)).size, `round ${round}: no item linked twice`).toBe(
				itemLinks.length
			);
			expect(created.Companies, `round ${round}`).toBe(new Set(quotes.map((q) => q.companyId)).size);
			for (const [entity, key] of [
				['Companies', 'companyName'],
				['Contacts', 'emailAddress'],
				['Products', 'sku']
			] as const) {
				const values = autotask.control.records(entity).map((r) => r[key]);
				expect(values.length, `round ${round}: no two ${entity} with one ${key}`).toBe(new Set(values).size);
			}
		}
	}, 150_000);

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
