// Sandbox mode: the demo organisation connected to the three simulated PSAs and both distributors'
// ordering credentials saved and tested. The simulators start empty on every run, so what Outpost remembered of
// the last run's records is forgotten first.

import { PROVIDERS } from '../../shared/psa/providers.ts';
import { enqueueJob } from '../jobs/job-store.ts';
import type { PsaSandbox } from '../connectors/sandbox.ts';
import { connectSandboxDistributors } from '../distributors/connect-sandbox-distributors.ts';
import type { Store } from '../store/store.ts';
import { updateIntegration, type PsaServices } from './psa-services.ts';

export async function connectSandboxPsas(
	store: Store,
	psa: PsaServices,
	sandbox: PsaSandbox,
	orgId: string,
	now: number,
	publicUrl?: string
): Promise<void> {
	await store.db.deleteFrom('external_links').where('org_id', '=', orgId).execute();
	await store.db.deleteFrom('psa_cursors').where('org_id', '=', orgId).execute();
	for (const provider of PROVIDERS) {
		const tenant = sandbox.tenants[provider];
		await psa.vault.save(orgId, provider, tenant.credentials, now);
		await updateIntegration(psa, orgId, provider, (row) => ({
			...row,
			configured: true,
			settings: { ...row.settings, ...tenant.settings }
		}));
		await enqueueJob(store.db, { orgId, provider, kind: 'synchronize', entityId: provider, runAt: now }, now);
	}
	await connectSandboxDistributors(psa, sandbox.distributors, orgId, now, publicUrl);
}
