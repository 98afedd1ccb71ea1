// The HaloPSA adapter: the PsaAdapter contract (../provider.ts) over the HaloPSA client. Each operation
// is one run with its own client, so it asks for at most one token (two if Halo revokes it mid-run).

import { psaOk, type PsaAdapter } from '../../../psa/provider.ts';
import { ensureClient } from './ensure-client.ts';
import { clientPayload } from './payloads.ts';
import { startRun } from './run.ts';
import { syncQuote } from './sync-quote.ts';
import { synchronize } from './synchronize.ts';
import { openHaloReindex } from './reindex.ts';
import { toPsaFailure } from '../failure.ts';
import { createPurchaseOrder } from './purchase-orders.ts';

export const haloAdapter: PsaAdapter = {
	provider: 'halopsa',
	createsMissingUsers: false,
	async testConnection(ctx) {
		const started = startRun(ctx);
		if (!started.ok) return started;
		const me = await started.value.client.me();
		if (!me.ok) return toPsaFailure(me);
		return psaOk({ summary: `Connected to HaloPSA as ${me.value.name?.trim() || `agent ${me.value.id}`}.` });
	},
	syncQuote,
	async syncCompany(ctx, company) {
		const started = startRun(ctx);
		if (!started.ok) return started;
		const run = started.value;
		const linked = await ctx.links.get('companies', company.id);
		if (!linked) {
			const created = await ensureClient(run, company);
			return created.ok ? psaOk({ externalId: String(created.value.id) }) : created;
		}
		// Only the name: `ref` stays whatever Halo has (the marker, or the MSP's own reference).
		const updated = await run.client.update('Client', { id: Number(linked), name: clientPayload(company).name });
		return updated.ok ? psaOk({ externalId: String(updated.value.id) }) : toPsaFailure(updated);
	},
	synchronize,
	async createPurchaseOrder(ctx, input) {
		const started = startRun(ctx);
		return started.ok ? createPurchaseOrder(ctx, started.value, input) : started;
	},
	openReindex: openHaloReindex
};
