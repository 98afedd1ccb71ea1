// syncQuote for HaloPSA: client → user → items → opportunity → quotation with its lines, each record
// linked as soon as Halo answers it. A first sync of a quote costs a token, one create per record and
// one POST for all new items; a re-sync, a token and two updates. A line whose item Halo refuses, or
// that Halo refuses on the quotation, is left out and the quote still syncs, with the seeds' warning
// and each such line in Halo's words. A client or user Halo refuses is filed against that company or contact.

import { psaOk, type PsaResult, type QuoteSynced, type QuoteToSync, type SyncContext } from '../../../psa/provider.ts';
import {
	against,
	companyEntity,
	contactEntity,
	lineFailures,
	someLinesNotSynced
} from '../../common/failed-records.ts';
import { ensureClient } from './ensure-client.ts';
import { ensureItems } from './ensure-items.ts';
import { ensureOpportunity } from './ensure-opportunity.ts';
import { ensureQuotation, type OutgoingLine } from './ensure-quotation.ts';
import { ensureUser } from './ensure-user.ts';
import { normalizeEmail } from './payloads.ts';
import { opportunityPayload, quotationLinePayload, quotationPayload } from './quote-payloads.ts';
import { startRun } from './run.ts';

export async function syncQuote(ctx: SyncContext, input: QuoteToSync): Promise<PsaResult<QuoteSynced>> {
	const started = startRun(ctx);
	if (!started.ok) return started;
	const run = started.value;
	const { quote, lines, company, contact, owner } = input;
	const quoteId = quote.id;

	const client = await ensureClient(run, company);
	if (!client.ok) return against(client, companyEntity(company));
	const user = contact ? await ensureUser(run, contact, client.value) : psaOk(null);
	if (!user.ok) return contact ? against(user, contactEntity(contact)) : user;
	const productIds = lines.flatMap((line) => (line.productId ? [line.productId] : []));
	const items = await ensureItems(run, productIds);
	if (!items.ok) return items;

	const agentId = owner?.externalIds.halopsa ? Number(owner.externalIds.halopsa) : null;
	const refs = { clientId: client.value.id, siteId: client.value.siteId, userId: user.value, agentId };
	const names = { company: company.name, contact: contact?.name ?? null, email: normalizeEmail(contact?.email) };
	const ticketTypeId = run.settings.opportunityTicketTypeId ?? null;
	const opportunity = await ensureOpportunity(run, quoteId, {
		...opportunityPayload(quote, lines, { ...refs, ticketTypeId }, names),
		client_id: client.value.id
	});
	if (!opportunity.ok) return opportunity;

	const refused = new Map<string, string>();
	const outgoing: OutgoingLine[] = [];
	const products = new Map<string, string>();
	for (const line of lines) {
		const itemFailure = line.productId ? items.value.failed.get(line.productId) : undefined;
		if (itemFailure !== undefined) {
			refused.set(line.id, itemFailure);
			continue;
		}
		const itemId = line.productId ? (items.value.items.get(line.productId) ?? null) : null;
		const productCode = line.productId ? await skuOf(ctx, line.productId, products) : null;
		const sortSeq = outgoing.length + 1;
		const payload = quotationLinePayload(line, { sortSeq, itemId, lineId: null, productCode });
		outgoing.push({ localId: line.id, payload: { ...payload, sort_seq: sortSeq } });
	}
	const header = quotationPayload(quote, { ...refs, opportunityId: opportunity.value });
	const quotation = await ensureQuotation(run, quoteId, header, outgoing);
	if (!quotation.ok) return quotation;
	for (const { localId, message } of quotation.value.refused) refused.set(localId, message);
	// In the quote's order, as the rep reads them; the warning is filed against the first one's product.
	const failures = lineFailures(ctx.data);
	for (const line of lines) {
		const message = refused.get(line.id);
		if (message !== undefined) await failures.add(line, message);
	}
	const failed = failures.lines;
	return psaOk({
		externalId: String(quotation.value.id),
		warnings: failed.length > 0 ? [someLinesNotSynced(failed.length, lines.length)] : [],
		...(failed.length > 0 ? { lines: failed } : {}),
		...(failures.product ? { entity: failures.product } : {})
	});
}

async function skuOf(ctx: SyncContext, productId: string, cache: Map<string, string>): Promise<string | null> {
	if (!cache.has(productId)) cache.set(productId, (await ctx.data.get('products', productId))?.sku ?? '');
	return cache.get(productId) || null;
}
