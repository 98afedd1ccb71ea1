// The Halo opportunity a quote hangs on (kind 'opportunities', keyed by quote id): updated when linked,
// found by the marker in its details on a resumed run, else created.

import type { HaloCreate } from '../client/entities.ts';
import { psaOk, type PsaResult } from '../../../psa/provider.ts';
import { hasOpportunityMarker } from './markers.ts';
import type { HaloRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

/** Opportunities of a Halo client that carry the quote's marker in their details (found by summary). */
export async function markedOpportunities(run: HaloRun, clientId: number, summary: string, quoteId: string) {
	const found = await run.client.list('Opportunities', { client_id: clientId, search: summary });
	if (!found.ok) return toPsaFailure(found);
	return psaOk(found.value.records.filter((opp) => hasOpportunityMarker(opp.details, quoteId)));
}

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
		const found = await markedOpportunities(run, payload.client_id, String(payload.summary ?? ''), quoteId);
		if (!found.ok) return found;
		const mine = found.value[0];
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
