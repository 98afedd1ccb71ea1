// Sandbox mode's Ingram Micro: `npm start` starts the simulator with the demo catalog, and the demo
// organisation's ordering credentials are sealed in integration_credentials, where a real client opens
// them and orders a demo product at its demo cost.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProducts } from '../../demo/demo-catalog.ts';
import { createCredentialVault, type CredentialVault } from '../../jobs/credential-vault.ts';
import { STORE_KINDS, type TestStore } from '../../test/stores.ts';
import { startPsaSandbox, type PsaSandbox } from '../sandbox.ts';
import { createIngramClient } from './client/client.ts';
import { INGRAM_CREDENTIALS_KEY, openIngramCredentials, saveIngramCredentials } from './ordering-credentials.ts';

const ORG = 'org-demo';

describe.each(STORE_KINDS)('Ingram Micro in sandbox mode on $name', (kind) => {
	let opened: TestStore;
	let vault: CredentialVault;
	let sandbox: PsaSandbox;
	beforeAll(async () => {
		opened = await kind.open();
		vault = await createCredentialVault(opened.store, crypto.getRandomValues(new Uint8Array(32)));
		sandbox = await startPsaSandbox(Date.now());
	});
	afterAll(async () => {
		await sandbox.close();
		await opened.close();
	});

	it('says so when no credentials are configured', async () => {
		expect(await openIngramCredentials(vault, 'org-none')).toEqual({
			ok: false,
			reason: 'not_configured',
			message: 'Ingram Micro is not configured at Admin > Distributors.'
		});
	});

	it('seals the demo credentials (no secret in the row) and a client on them prices the demo catalog', async () => {
		await saveIngramCredentials(vault, ORG, sandbox.distributors.ingrammicro.credentials, 1);
		const [row] = await opened.store.db
			.selectFrom('integration_credentials')
			.select('ciphertext')
			.where('provider', '=', INGRAM_CREDENTIALS_KEY)
			.execute();
		expect(row!.ciphertext).not.toContain('secret');
		const credentials = await openIngramCredentials(vault, ORG);
		if (!credentials.ok) throw new Error(credentials.message);
		const client = createIngramClient({ credentials: credentials.credentials });
		const ingram = demoProducts().filter((p) => p.distributor === 'ingram' && !p.noProcurement && p.mpn);
		const active = ingram.find((p) => p.active)!;
		const retired = ingram.find((p) => !p.active)!;
		const answer = await client.priceAndAvailability([
			{ vendorPartNumber: active.mpn },
			{ vendorPartNumber: retired.mpn }
		]);
		if (!answer.ok) throw new Error(answer.message);
		expect(answer.value[0]).toMatchObject({
			vendorPartNumber: active.mpn,
			costCents: active.cost,
			status: 'available'
		});
		expect(answer.value[1]!.status).toBe('discontinued');
	});

	it('refuses credentials that do not fit before sealing anything', async () => {
		await expect(
			saveIngramCredentials(
				vault,
				'org-b',
				{ clientId: 'x', clientSecret: 'y', customerNumber: '20-1', countryCode: 'USA' },
				1
			)
		).rejects.toThrow(/two-letter ISO country code/);
		expect(await vault.open('org-b', INGRAM_CREDENTIALS_KEY)).toBeNull();
	});
});
