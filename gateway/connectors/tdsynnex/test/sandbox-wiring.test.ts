// Sandbox mode (`npm start`) starts TD SYNNEX beside the PSAs, selling the demo catalog, and hands out
// credentials a real client reaches it with.

import { describe, expect, it } from 'vitest';
import { startPsaSandbox } from '../../sandbox.ts';
import { createTdSynnexClient } from '../client/client.ts';

describe('TD SYNNEX in sandbox mode', () => {
	it('answers P&A for a demo product through the sandbox’s credentials', async () => {
		const sandbox = await startPsaSandbox(Date.now());
		try {
			const { credentials, settings } = sandbox.distributors.tdsynnex;
			expect(settings).toEqual({ country: 'US', orderingEnabled: true, preferenceRank: 2 });
			const client = createTdSynnexClient({ credentials });
			const answer = await client.priceAvailability([{ mfgPN: 'LAT5450-0001' }]);
			expect(answer).toMatchObject({
				ok: true,
				value: [{ synnexSku: '13382000', status: 'active', unitCostCents: 98_000 }]
			});
		} finally {
			await sandbox.close();
		}
	});
});
