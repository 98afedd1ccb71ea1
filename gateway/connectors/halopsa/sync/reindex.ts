// Re-index lookups for HaloPSA (gateway/psa/provider.ts ReindexLookup): each linked id asked for by
// GET, and the markers and keys the sync finds records by (ensure-*.ts): a client's `ref`, a user's
// email under its client, an item's `externalreference`, the opportunity's details marker and a
// quotation's opportunity. One run: one token for the whole re-index.

import type { HaloEntity } from '../client/entities.ts';
import {
	psaOk,
	type PsaResult,
	type ReindexLookup,
	type ReindexLookups,
	type SyncContext
} from '../../../psa/provider.ts';
import { toPsaFailure } from '../failure.ts';
import { markedClients } from './ensure-client.ts';
import { markedItems } from './ensure-items.ts';
import { markedOpportunities } from './ensure-opportunity.ts';
import { quotationsOf } from './ensure-quotation.ts';
import { matchingUsers } from './ensure-user.ts';
import { quoteTitle } from './quote-payloads.ts';
import { startRun, type HaloRun } from './run.ts';

const none = psaOk<string[]>([]);
const ids = (found: PsaResult<{ id: number }[]>) => (found.ok ? psaOk(found.value.map((r) => String(r.id))) : found);

export async function openHaloReindex(ctx: SyncContext): Promise<PsaResult<ReindexLookups>> {
	const started = startRun(ctx);
	if (!started.ok) return started;
	const run = started.value;
	const linkedId = async (kind: string, localId: string) => Number((await ctx.links.get(kind, localId)) ?? NaN);
	const lookup = (entity: HaloEntity, candidates: ReindexLookup['candidates']): ReindexLookup => ({
		exists: existsIn(run, entity),
		candidates
	});
	const quoteClient = async (quoteId: string) => {
		const quote = await ctx.data.get('quotes', quoteId);
		return { quote, clientId: quote ? await linkedId('companies', quote.companyId) : NaN };
	};
	return psaOk({
		companies: lookup('Client', async (id) => {
			const company = await ctx.data.get('companies', id);
			return company ? ids(await markedClients(run, company)) : none;
		}),
		contacts: lookup('Users', async (id) => {
			const contact = await ctx.data.get('contacts', id);
			const clientId = contact ? await linkedId('companies', contact.companyId) : NaN;
			return contact && Number.isInteger(clientId) ? ids(await matchingUsers(run, contact, clientId)) : none;
		}),
		products: lookup('Item', async (id) => {
			const product = await ctx.data.get('products', id);
			return product ? ids(await markedItems(run, product)) : none;
		}),
		opportunities: lookup('Opportunities', async (quoteId) => {
			const { quote, clientId } = await quoteClient(quoteId);
			if (!quote || !Number.isInteger(clientId)) return none;
			return ids(await markedOpportunities(run, clientId, quoteTitle(quote), quoteId));
		}),
		quotes: lookup('Quotation', async (quoteId) => {
			const opportunityId = await linkedId('opportunities', quoteId);
			return Number.isInteger(opportunityId) ? ids(await quotationsOf(run, opportunityId)) : none;
		})
	});
}

function existsIn(run: HaloRun, entity: HaloEntity) {
	return async (externalId: string): Promise<PsaResult<boolean>> => {
		const id = Number(externalId);
		if (!Number.isInteger(id)) return psaOk(false);
		const found = await run.client.get(entity, id);
		return found.ok ? psaOk(found.value !== null) : toPsaFailure(found);
	};
}
