// The Halo opportunity a quote hangs on (kind 'opportunities', keyed by quote id): updated when linked,
// found by the marker in its details on a resumed run, else created.

import type { HaloCreate } from '../client/entities.ts';
import { psaOk, type PsaResult } from '../../../psa/provider.ts';
import { hasOpportunityMarker } from './markers.ts';
import type { HaloRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

export async function ensureOpportunity(
	run: HaloRun,
	quoteId: string,
	payload: HaloCreate<'Opportunities'> & { client_id: number }
): Promise<PsaResult<number>> {
	const { ctx, client } = run;
	const linked = await ctx.links.get('opportunities', quoteId);
	if (linked) {
		const updated = await client.update('Opportunities', { ...payload, id: Number(linked) });
		return updated.ok ? psaOk(updated.value.id) : toPsaFailure(updated);
	}
	if (ctx.resumed) {
		const found = await client.list('Opportunities', {
			client_id: payload.client_id,
			search: String(payload.summary ?? '')
		});
		if (!found.ok) return toPsaFailure(found);
		const mine = found.value.records.find((opp) => hasOpportunityMarker(opp.details, quoteId));
		// The crashed run created it from this quote moments ago: linking it is enough.
		if (mine) {
			await ctx.links.set('opportunities', quoteId, String(mine.id));
			return psaOk(mine.id);
		}
	}
	const created = await client.create('Opportunities', payload);
	if (!created.ok) return toPsaFailure(created);
	await ctx.links.set('opportunities', quoteId, String(created.value.id));
	return psaOk(created.value.id);
}
