// Demo quotes sent over HTTP to an Autotask seeded like the sandbox's (Acme already there, with
// tickets for quote charges), as integration/scale-out/psa-jobs.test.ts sends them: a quote of a
// company Autotask already holds is still a quote of its own there, on that company; only the company
// is not made again. Acme is linked three ways: by Synchronize (its tickets), by the quote sync finding
// it by name, and by a Synchronize against another Autotask seeded alike (a sandbox replica's own,
// before the test connects its Autotask).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../../../demo/demo-data.ts';
import { createPokeHub } from '../../../sync/poke-hub.ts';
import { createPsaServices, type PsaServices } from '../../../psa/psa-services.ts';
import { startGateway, type Gateway } from '../../../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../../../test/stores.ts';
import { syncClient } from '../../../test/wire-client.ts';
import { createOutboundPolicy } from '../../common/outbound-policy.ts';
import { seedAutotaskDemo } from '../simulator/demo-tenant.ts';
import { createAutotaskSimulator, type AutotaskSimulator } from '../simulator/simulator.ts';

const ADMIN = 'admin@demo.outpost.test';
const ACME = 'company-acme';
type Sandbox = { sim: AutotaskSimulator; zoneLookupUrl: string };
type Quoted = { id: string; companyId: string };

const HOW_ACME_IS_LINKED = [
	{ how: 'by Synchronize, for its tickets', synchronize: 'same' },
	{ how: 'by the quote sync, by its name', synchronize: 'none' },
	{ how: 'by a Synchronize against another Autotask seeded alike', synchronize: 'other' }
] as const;

describe.each(STORE_KINDS)('demo quotes to the sandbox Autotask over HTTP on $name', (kind) => {
	let opened: TestStore;
	let psa: PsaServices;
	let gw: Gateway;
	let quotes: { others: Quoted[]; acme: Quoted[] };
	const sandboxes: Sandbox[] = [];

	beforeAll(async () => {
		opened = await kind.open();
		const pokes = createPokeHub();
		const outbound = createOutboundPolicy({ allowLoopback: true });
		psa = await createPsaServices({ store: opened.store, pokes, outbound, log: () => {} });
		gw = await startGateway(kind, { store: opened.store, pokes, psa });
		quotes = await demoQuotesWithLines();
	}, 60_000);
	afterAll(async () => {
		await gw?.close();
		await opened?.close();
		await Promise.all(sandboxes.map((s) => s.sim.close()));
	});

	async function sandboxAutotask(): Promise<Sandbox> {
		const sim = createAutotaskSimulator({ log: () => {} });
		const { zoneLookupUrl } = await sim.listen();
		seedAutotaskDemo(sim.control, Date.now());
		sandboxes.push({ sim, zoneLookupUrl });
		return { sim, zoneLookupUrl };
	}

	async function connect({ sim, zoneLookupUrl }: Sandbox): Promise<void> {
		const admin = await gw.login(ADMIN);
		const res = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...sim.control.credentials, zoneLookupUrl }
		});
		expect(res.status, JSON.stringify(res.body)).toBe(200);
	}

	/** The demo's quotes with lines (by id), Acme's apart from the others'. */
	async function demoQuotesWithLines(): Promise<{ others: Quoted[]; acme: Quoted[] }> {
		const rows = await gw.store.db
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
		const all = rows
			.filter((r) => r.tbl === 'quotes' && withLines.has(r.id))
			.map((r) => ({ id: r.id, companyId: (JSON.parse(r.value) as { companyId: string }).companyId }));
		return { others: all.filter((q) => q.companyId !== ACME), acme: all.filter((q) => q.companyId === ACME) };
	}

	it.each(HOW_ACME_IS_LINKED.map((c, i) => ({ ...c, i })))(
		"three quotes, one of them Acme's, Acme linked $how: three Autotask quotes, Acme's on the Acme it held",
		async ({ synchronize, i }) => {
			const autotask = await sandboxAutotask();
			// As the scale-out test does: what Outpost remembered of another Autotask is forgotten first.
			await gw.store.db
				.deleteFrom('external_links')
				.where('org_id', '=', DEMO_ORG.id)
				.where('provider', '=', 'autotask')
				.execute();
			const admin = syncClient(await gw.login(ADMIN));
			if (synchronize !== 'none') {
				await connect(synchronize === 'same' ? autotask : await sandboxAutotask());
				const pushed = await admin.push([admin.m('synchronizePsa', { provider: 'autotask' })]);
				expect(pushed.body.results.map((r) => r.status)).toEqual(['applied']);
				await psa.runner.runDue();
			}
			await connect(autotask);
			const records = (entity: 'Companies' | 'Quotes') => autotask.sim.control.records(entity);
			const [acmeInAutotask] = records('Companies').filter((c) => c.companyName === 'Acme Corporation');
			const before = { companies: records('Companies').length, quotes: records('Quotes').length };
			const acmeLinked = await gw.store.db
				.selectFrom('external_links')
				.select('external_id')
				.where('provider', '=', 'autotask')
				.where('kind', '=', 'companies')
				.where('local_id', '=', ACME)
				.execute();
			const linkedBefore = synchronize === 'none' ? [] : [{ external_id: String(acmeInAutotask!.id) }];
			expect(acmeLinked, 'Acme before its quote is synced').toEqual(linkedBefore);

			const synced = [...quotes.others.slice(2 * i, 2 * i + 2), quotes.acme[i]!];
			const pushed = await admin.push(synced.map((q) => admin.m('syncQuoteToPsa', { quoteId: q.id })));
			expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
			await psa.runner.runDue();

			const jobs = await gw.store.db
				.selectFrom('jobs')
				.select(['status', 'last_error'])
				.where('kind', '=', 'syncQuote')
				.where(
					'entity_id',
					'in',
					synced.map((q) => q.id)
				)
				.execute();
			expect(jobs).toEqual(Array(3).fill({ status: 'done', last_error: null }));
			const created = records('Quotes').slice(before.quotes);
			expect(created).toHaveLength(3);
			const acmeLink = await gw.store.db
				.selectFrom('external_links')
				.select('external_id')
				.where('provider', '=', 'autotask')
				.where('kind', '=', 'quotes')
				.where('local_id', '=', synced[2]!.id)
				.executeTakeFirstOrThrow();
			expect(created.find((q) => String(q.id) === acmeLink.external_id)?.companyID).toBe(acmeInAutotask!.id);
			// The companies made are the others' only: Acme was there already (what the scale-out test counted).
			const others = new Set(synced.slice(0, 2).map((q) => q.companyId)).size;
			expect(records('Companies').length - before.companies).toBe(others);
		},
		60_000
	);
});
