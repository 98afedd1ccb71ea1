// The activity log beyond pushes: a PSA job's writes are logged as that provider's sync, older pages
// come from GET /api/admin/activity (admins only, filtered, checked), and retention prunes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { activityIdAt, type Activity } from '../../shared/schema/activity-entities.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import type { ChargeImport, PsaAdapter, PsaResult } from '../psa/provider.ts';
import type { ProviderSpec } from '../psa/registry.ts';
import { fakeClock, ORG, startJobsHarness } from '../psa/test/jobs-harness.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';
import { pruneActivity } from './prune-activity.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A PSA whose only answer is two ticket charges; no requests leave the test. */
const chargesSpec: ProviderSpec = {
	adapter: {
		async importTicketCharges(): Promise<PsaResult<ChargeImport>> {
			const charge = (n: number) => ({
				externalId: `tc-${n}`,
				ticketNumber: `T2026.${n}`,
				companyId: null,
				productId: null,
				name: `Charge ${n}`,
				quantity: 1,
				unitCost: 100,
				unitPrice: 150,
				status: 'New',
				createdAt: 0
			});
			return { ok: true, value: { charges: [charge(1), charge(2)], skipped: [], followed: [], watermark: 0 } };
		}
	} satisfies Partial<PsaAdapter> as unknown as PsaAdapter,
	credentials: z.unknown(),
	limits: { hourly: null, concurrentPerEndpoint: null },
	retry: { transient: [], rateLimited: [] },
	endpointOf: () => 'all',
	urlsOf: () => ({}),
	pollRequests: 1
};

function entry(at: number, overrides: Partial<Activity> = {}): Activity {
	return {
		id: activityIdAt(at),
		at,
		kind: 'system',
		userId: null,
		clientId: null,
		provider: null,
		action: 'test',
		entityTable: 'companies',
		entityId: 'company-acme',
		entities: ['companies:company-acme'],
		changes: [],
		omitted: 0,
		...overrides
	};
}

describe.each(STORE_KINDS)('activity from jobs, the older pages and retention, on $name', (kind) => {
	it("a PSA job's writes are one entry of that provider's sync, with the rows it created", async () => {
		const jobs = await startJobsHarness(kind, {
			provider: 'autotask',
			spec: chargesSpec,
			credentials: {},
			settings: { importTicketCharges: true },
			time: fakeClock()
		});
		try {
			await jobs.enqueue('importTicketCharges', 'autotask');
			await jobs.drain();
			const rows = await jobs.store.db
				.selectFrom('entities')
				.select('value')
				.where('org_id', '=', ORG)
				.where('tbl', '=', 'activity')
				.execute();
			const entries = rows.map((r) => JSON.parse(r.value) as Activity);
			const imports = entries.filter((e) => e.action === 'importTicketCharges');
			// The charges, then the job's own bookkeeping (lastSync summary) as a second change.
			const charges = imports.find((e) => e.changes.some((c) => c.table === 'ticketCharges'))!;
			expect(charges).toMatchObject({ kind: 'sync', provider: 'autotask', userId: null, clientId: null });
			expect(charges.changes.map((c) => [c.table, c.id, c.op])).toEqual([
				['ticketCharges', 'autotask-charge-tc-1', 'create'],
				['ticketCharges', 'autotask-charge-tc-2', 'create']
			]);
			expect(charges.changes[0]!.fields).toContainEqual({ field: 'name', before: null, after: 'Charge 1' });
			expect(entries.every((e) => e.kind !== 'person')).toBe(true);
		} finally {
			await jobs.close();
		}
	});

	describe('GET /api/admin/activity and retention', () => {
		let gw: Gateway;
		let admin: HttpClient;
		const now = Date.now();
		const old = [
			entry(now - 40 * DAY, { entityTable: 'categories', entityId: 'cat-old', entities: ['categories:cat-old'] }),
			entry(now - 30 * DAY, { kind: 'sync', provider: 'autotask', action: 'synchronize' }),
			entry(now - 20 * DAY, {
				kind: 'person',
				userId: 'user-x',
				action: 'saveCategory',
				entityTable: 'categories',
				entityId: 'cat-old',
				entities: ['categories:cat-old'],
				changes: [
					{
						table: 'categories',
						id: 'cat-old',
						op: 'update',
						fields: [{ field: 'billingCodeId', before: '1', after: '2' }]
					}
				]
			}),
			entry(now - 100 * DAY)
		];

		beforeAll(async () => {
			gw = await startGateway(kind);
			admin = await gw.login('admin@demo.outpost.test');
			await gw.store.write(async (trx) => {
				const tx = createSqlTx(trx, DEMO_ORG.id, await nextSpaceVersion(trx, DEMO_ORG.id));
				for (const e of old) await tx.put('activity', e);
			});
		});
		afterAll(async () => {
			await gw?.close();
		});

		it('pages back through older entries, newest first', async () => {
			const first = await admin.get(`/api/admin/activity?before=${now - 10 * DAY}&limit=2`);
			expect(first.status).toBe(200);
			expect(first.body.entries.map((e: Activity) => e.id)).toEqual([old[2]!.id, old[1]!.id]);
			expect(first.body.more).toBe(true);
			const next = await admin.get(`/api/admin/activity?before=${old[1]!.id}&limit=2`);
			expect(next.body.entries.map((e: Activity) => e.id)).toEqual([old[0]!.id, old[3]!.id]);
			expect(next.body.more).toBe(false);
		});

		it('filters by entity, person, kind and text', async () => {
			const ids = async (query: string) =>
				(await admin.get(`/api/admin/activity?before=${now - 10 * DAY}&${query}`)).body.entries.map(
					(e: Activity) => e.id
				);
			expect(await ids('entity=categories:cat-old')).toEqual([old[2]!.id, old[0]!.id]);
			expect(await ids('person=user-x')).toEqual([old[2]!.id]);
			expect(await ids('kind=sync')).toEqual([old[1]!.id]);
			expect(await ids('q=BILLINGCODE')).toEqual([old[2]!.id]);
		});

		it('refuses a bad query with a 400 that names it, and anyone but an admin', async () => {
			const bad = await admin.get('/api/admin/activity?limit=0&kind=robot&entity=nocolon');
			expect(bad.status).toBe(400);
			expect(bad.body.error.code).toBe('invalid_input');
			expect(bad.body.error.message).toMatch(/limit/);
			expect(bad.body.error.message).toMatch(/kind/);
			expect(bad.body.error.message).toMatch(/entity/);
			const sales = await gw.login('sales@demo.outpost.test');
			expect((await sales.get('/api/admin/activity')).status).toBe(403);
			expect((await gw.client().get('/api/admin/activity')).status).toBe(401);
		});

		it('devices replicate the last 14 days only', async () => {
			const client = syncClient(admin);
			await client.push([client.m('saveCompany', { id: uid('company'), name: 'Recent' })]);
			const pages = await client.pullAll(null);
			const activity = pages.flatMap((p) => p.patch).filter((op) => op.op === 'put' && op.table === 'activity');
			expect(activity.length).toBeGreaterThan(0);
			for (const e of old) expect(activity.map((op) => (op as { id: string }).id)).not.toContain(e.id);
		});

		it('prunes past the retention the admin set (90 days by default)', async () => {
			expect(await pruneActivity(gw.store, now)).toBe(1);
			const left = async () =>
				(await admin.get(`/api/admin/activity?before=${now - 10 * DAY}`)).body.entries.map((e: Activity) => e.id);
			expect(await left()).toEqual([old[2]!.id, old[1]!.id, old[0]!.id]);
			const client = syncClient(admin);
			const res = await client.push([client.m('setActivityRetention', { days: 25 })]);
			expect(res.body.results).toEqual([{ id: 1, status: 'applied' }]);
			expect(await pruneActivity(gw.store, now)).toBe(2);
			expect(await left()).toEqual([old[2]!.id]);
		});
	});
});
