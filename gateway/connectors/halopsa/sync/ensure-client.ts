// The Halo client (company) an Outpost company is linked to: the link when there is one, else the
// record a resumed run finds by its marker, else a new one. Records the link at once.

import type { Company } from '../../../../shared/schema/entities.ts';
import { psaOk, type PsaResult } from '../../../psa/provider.ts';
import { recordMarker } from './markers.ts';
import { clientPayload } from './payloads.ts';
import type { ClientRef, HaloRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

/** Halo clients that carry this company's marker in `ref` (found by its name, inactive ones too). */
export async function markedClients(run: HaloRun, company: Company) {
	const found = await run.client.list('Client', { search: company.name, includeinactive: true, count: 100 });
	if (!found.ok) return toPsaFailure(found);
	return psaOk(found.value.records.filter((record) => record.ref === recordMarker(company.id)));
}

export async function ensureClient(run: HaloRun, company: Company): Promise<PsaResult<ClientRef>> {
	const companyId = company.id;
	const known = run.clients.get(companyId);
	if (known) return psaOk(known);
	const { ctx, client } = run;
	const linked = await ctx.links.get('companies', companyId);
	if (linked) return remember(run, companyId, { id: Number(linked), siteId: null });

	if (ctx.resumed) {
		const found = await markedClients(run, company);
		if (!found.ok) return found;
		const mine = found.value[0];
		if (mine) return link(run, companyId, { id: mine.id, siteId: mine.main_site_id ?? null });
	}
	const created = await client.create('Client', clientPayload(company));
	if (!created.ok) return toPsaFailure(created);
	return link(run, companyId, { id: created.value.id, siteId: created.value.main_site_id ?? null });
}

async function link(run: HaloRun, companyId: string, ref: ClientRef): Promise<PsaResult<ClientRef>> {
	await run.ctx.links.set('companies', companyId, String(ref.id));
	return remember(run, companyId, ref);
}

function remember(run: HaloRun, companyId: string, ref: ClientRef): PsaResult<ClientRef> {
	run.clients.set(companyId, ref);
	return psaOk(ref);
}
