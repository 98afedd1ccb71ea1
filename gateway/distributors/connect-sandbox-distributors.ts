// Sandbox mode: the demo organisation's Ingram Micro and TD SYNNEX ordering credentials sealed the way
// Admin › Distributors seals them, tested against their simulators, and their rows set up: both order,
// Ingram Micro first. What an admin changed on an earlier run (ordering, preference) is kept. Given the
// gateway's public URL, Ingram Micro's order webhook is set up too (the sandbox key, or the one an admin
// saved on an earlier run) and registered with the simulator, so sandbox orders move by webhook.

import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import type { DistributorSandbox } from '../connectors/sandbox.ts';
import { ingramWebhookUrl, openIngramWebhook, saveIngramWebhook } from '../connectors/ingrammicro/webhook/settings.ts';
import type { PsaServices } from '../psa/psa-services.ts';
import { DISTRIBUTOR_ACCOUNTS } from './distributor-accounts.ts';
import { updateDistributor } from './distributor-rows.ts';

export async function connectSandboxDistributors(
	psa: Pick<PsaServices, 'vault' | 'write' | 'outbound'>,
	sandbox: DistributorSandbox,
	orgId: string,
	now: number,
	publicUrl?: string
): Promise<void> {
	const { tdsynnex } = sandbox;
	const demo: Record<DistributorName, { fields: unknown; preferenceRank: number; orderingEnabled: boolean }> = {
		ingrammicro: { fields: sandbox.ingrammicro.credentials, preferenceRank: 1, orderingEnabled: true },
		tdsynnex: {
			fields: { ...tdsynnex.credentials, country: tdsynnex.settings.country },
			preferenceRank: tdsynnex.settings.preferenceRank,
			orderingEnabled: tdsynnex.settings.orderingEnabled
		}
	};
	for (const name of Object.keys(demo) as DistributorName[]) {
		const account = DISTRIBUTOR_ACCOUNTS[name];
		const { fields, ...settings } = demo[name];
		const credentials = account.fields.parse(fields);
		await psa.vault.save(orgId, account.vaultKey, credentials, now);
		const outcome = await account.test(credentials, { outbound: psa.outbound });
		await updateDistributor(psa.write, orgId, name, (row) => ({
			...row,
			...(row.configured ? {} : settings),
			...account.shown(credentials),
			configured: true,
			connection: { ...outcome, checkedAt: now }
		}));
	}
	if (publicUrl !== undefined) {
		const saved = await openIngramWebhook(psa.vault, orgId);
		const webhook = saved ?? (await saveIngramWebhook(psa.vault, orgId, SANDBOX_WEBHOOK_SECRET, now));
		sandbox.ingrammicro.registerWebhook({
			url: ingramWebhookUrl(publicUrl, orgId, webhook.token),
			secret: webhook.secret
		});
	}
}

/** The sandbox webhook's secret key, as Ingram's portal would have generated it. */
export const SANDBOX_WEBHOOK_SECRET = 'outpost-sandbox-ingram-webhook-key';
