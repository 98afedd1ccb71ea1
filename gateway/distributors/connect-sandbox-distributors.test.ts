// Sandbox mode's distributors: both demo accounts sealed the way Admin › Distributors seals them,
// tested against their simulators, and shown connected; an admin's later choices survive a restart.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { startPsaSandbox, type PsaSandbox } from '../connectors/sandbox.ts';
import { openTdSynnexCredentials } from '../connectors/tdsynnex/ordering-credentials.ts';
import { openIngramCredentials } from '../connectors/ingrammicro/ordering-credentials.ts';
import { createPsaServices, type PsaServices } from '../psa/psa-services.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { TEST_PASSWORDS } from '../test/http-harness.ts';
import { readEntity } from '../store/entity-reader.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { openIngramWebhook, saveIngramWebhook } from '../connectors/ingrammicro/webhook/settings.ts';
import { connectSandboxDistributors, SANDBOX_WEBHOOK_SECRET } from './connect-sandbox-distributors.ts';
import { updateDistributor } from './distributor-rows.ts';

const ORG = DEMO_ORG.id;

describe.each(STORE_KINDS)('sandbox distributors on $name', (kind) => {
	let opened: TestStore;
	let psa: PsaServices;
	let sandbox: PsaSandbox;
	beforeAll(async () => {
		opened = await kind.open();
		await seedDemo(opened.store, TEST_PASSWORDS, Date.now());
		psa = await createPsaServices({
			store: opened.store,
			pokes: createPokeHub(),
			outbound: createOutboundPolicy({ allowLoopback: true })
		});
		sandbox = await startPsaSandbox(Date.now());
	});
	afterAll(async () => {
		await sandbox.close();
		await opened.close();
	});

	it('seals both demo accounts and shows both connected, ordering, Ingram Micro first', async () => {
		await connectSandboxDistributors(psa, sandbox.distributors, ORG, 1_000);
		expect((await openTdSynnexCredentials(psa.vault, ORG)).ok).toBe(true);
		expect((await openIngramCredentials(psa.vault, ORG)).ok).toBe(true);
		expect(await readEntity(opened.store.db, ORG, 'distributors', 'ingrammicro')).toMatchObject({
			configured: true,
			orderingEnabled: true,
			preferenceRank: 1,
			customerNumber: '20-222222',
			country: 'US',
			connection: { state: 'connected', checkedAt: 1_000 }
		});
		expect(await readEntity(opened.store.db, ORG, 'distributors', 'tdsynnex')).toMatchObject({
			configured: true,
			orderingEnabled: true,
			preferenceRank: 2,
			country: 'US',
			connection: { state: 'connected', message: 'Connected to TD SYNNEX as customer 780980.' }
		});
	});

	it('keeps what an admin changed when the sandbox starts again', async () => {
		await updateDistributor(psa.write, ORG, 'tdsynnex', (row) => ({
			...row,
			orderingEnabled: false,
			preferenceRank: 1
		}));
		await connectSandboxDistributors(psa, sandbox.distributors, ORG, 2_000);
		expect(await readEntity(opened.store.db, ORG, 'distributors', 'tdsynnex')).toMatchObject({
			orderingEnabled: false,
			preferenceRank: 1,
			connection: { checkedAt: 2_000 }
		});
	});

	it("sets up Ingram Micro's order webhook given the public URL, keeping an admin's key on the next start", async () => {
		await connectSandboxDistributors(psa, sandbox.distributors, ORG, 3_000, 'http://localhost:8787');
		const first = await openIngramWebhook(psa.vault, ORG);
		expect(first?.secret).toBe(SANDBOX_WEBHOOK_SECRET);
		await saveIngramWebhook(psa.vault, ORG, 'an-admin-chose-this-key', 4_000);
		await connectSandboxDistributors(psa, sandbox.distributors, ORG, 5_000, 'http://localhost:8787');
		expect(await openIngramWebhook(psa.vault, ORG)).toEqual({ secret: 'an-admin-chose-this-key', token: first!.token });
	});
});
