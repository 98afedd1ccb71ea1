// An injected Autotask outage, end to end over HTTP on each store: a burst of 401s opens an incident,
// successful calls close it, and a streak of 5xx answers opens another. Staff read incidents; customers do not.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/schema/incident-entities.ts';
import { startSandbox, type Sandbox } from '../connectors/autotask/test/client-sandbox.ts';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { enqueueJob } from '../jobs/job-store.ts';
import { createPsaServices, type PsaServices } from '../psa/psa-services.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { replay, syncClient } from '../test/wire-client.ts';

const ORG = 'org-demo';

async function incidentsSeenBy(http: HttpClient): Promise<Incident[]> {
	const state = replay(await syncClient(http).pullAll(null));
	return [...state]
		.filter(([key]) => key.startsWith('incidents/'))
		.map(([, value]) => value as Incident)
		.sort((a, b) => a.startedAt - b.startedAt);
}

describe.each(STORE_KINDS)('platform incidents from an injected outage on $name', (kind) => {
	let sandbox: Sandbox;
	let opened: TestStore;
	let psa: PsaServices;
	let gw: Gateway;
	let admin: HttpClient;

	beforeAll(async () => {
		sandbox = await startSandbox();
		opened = await kind.open();
		const pokes = createPokeHub();
		psa = await createPsaServices({
			store: opened.store,
			pokes,
			outbound: createOutboundPolicy({ allowLoopback: true })
		});
		gw = await startGateway(kind, { store: opened.store, pokes, psa });
		admin = await gw.login('admin@demo.outpost.test');
		const saved = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...sandbox.control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl }
		});
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
	});
	afterAll(async () => {
		await gw?.close();
		await opened?.close();
		await sandbox?.close();
	});

	/** One Synchronize job through the real runner, as the periodic schedule would queue it. */
	async function synchronize(times = 1) {
		for (let i = 0; i < times; i++) {
			const now = Date.now();
			const queued = await enqueueJob(
				gw.store.db,
				{ orgId: ORG, provider: 'autotask', kind: 'synchronize', entityId: 'autotask', runAt: now },
				now
			);
			expect(queued.ok).toBe(true);
			expect(await psa.runner.runDue()).toBe(1);
		}
	}

	it('opens an authentication incident after a burst of 401s, for admins and staff but not customers', async () => {
		sandbox.control.inject({ kind: 'unauthorized', times: 1_000 });
		await synchronize(3);
		sandbox.control.clearFaults();

		const [incident, ...others] = await incidentsSeenBy(admin);
		expect(others).toEqual([]);
		expect(incident).toMatchObject({
			system: 'autotask',
			source: 'measured',
			kind: 'auth',
			title: 'Autotask refuses Outpost’s credentials',
			cause: '3 calls in a row were refused for their credentials (HTTP 401).',
			affects: ['quotes', 'procurement', 'companies', 'sync'],
			endedAt: null
		});
		expect((await incidentsSeenBy(await gw.login('sales@demo.outpost.test'))).map((i) => i.id)).toEqual([incident!.id]);
		expect(await incidentsSeenBy(await gw.login('customer@acme.outpost.test'))).toEqual([]);
	});

	it('closes it once two calls in a row succeed, and not after one', async () => {
		await synchronize(1);
		expect((await incidentsSeenBy(admin))[0]!.endedAt).toBeNull();
		await synchronize(1);
		const [closed] = await incidentsSeenBy(admin);
		expect(closed!.endedAt).toEqual(expect.any(Number));
		expect(closed!.cause).toBe(
			'3 calls in a row were refused for their credentials (HTTP 401). Recovered: 2 successful calls in a row.'
		);
	});

	it('opens a new incident on a streak of five 5xx answers and closes it on recovery', async () => {
		sandbox.control.inject({ kind: 'errors', messages: [], status: 503, times: 1_000 });
		await synchronize(4);
		expect((await incidentsSeenBy(admin)).filter((i) => i.endedAt === null)).toEqual([]);
		await synchronize(1);
		sandbox.control.clearFaults();
		const open = (await incidentsSeenBy(admin)).filter((i) => i.endedAt === null);
		expect(open).toHaveLength(1);
		expect(open[0]).toMatchObject({
			kind: 'errors',
			title: 'Autotask is failing',
			cause: '5 calls in a row failed with a server error or no answer.'
		});

		await synchronize(2);
		const all = await incidentsSeenBy(admin);
		expect(all).toHaveLength(2);
		expect(all.every((i) => i.endedAt !== null)).toBe(true);
	});
});
