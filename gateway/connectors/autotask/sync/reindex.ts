// Re-index lookups for Autotask (gateway/psa/provider.ts ReindexLookup): each linked id asked for by
// GET, and the natural keys and markers the sync itself matches by (records.ts, quote-items.ts,
// sync-quote.ts): company name, contact email under its company, product SKU, the opportunity's
// description marker, and a quote's opportunity. One run, one client, every call budgeted.

import type { EntityName } from '../client/entities.ts';
import type { FilterCondition } from '../client/filter.ts';
import {
	psaOk,
	type PsaResult,
	type ReindexLookup,
	type ReindexLookups,
	type SyncContext
} from '../../../psa/provider.ts';
import { toPsaFailure } from '../failure.ts';
import { activeProductsBySku } from './quote-items.ts';
import { companyKey, contactKey, isLiveOpportunity, opportunityKey } from './records.ts';
import { startRun, type AutotaskRun } from './run.ts';
import { quoteKey } from './sync-quote.ts';

const none = psaOk<string[]>([]);

export async function openAutotaskReindex(ctx: SyncContext): Promise<PsaResult<ReindexLookups>> {
	const opened = await startRun(ctx);
	if (!opened.ok) return opened;
	const run = opened.value;
	const exists = existsIn(run);
	const matching = matchingIn(run);
	const linkedId = async (kind: string, localId: string) => Number((await ctx.links.get(kind, localId)) ?? NaN);
	const lookup = (entity: EntityName, candidates: ReindexLookup['candidates']): ReindexLookup => ({
		exists: exists(entity),
		candidates
	});
	return psaOk({
		companies: lookup('Companies', async (id) => {
			const company = await ctx.data.get('companies', id);
			return company ? matching('Companies', companyKey(company)) : none;
		}),
		contacts: lookup('Contacts', async (id) => {
			const contact = await ctx.data.get('contacts', id);
			const companyID = contact ? await linkedId('companies', contact.companyId) : NaN;
			return contact?.email && Number.isInteger(companyID)
				? matching('Contacts', contactKey(companyID, contact.email))
				: none;
		}),
		products: lookup('Products', async (id) => {
			const sku = (await ctx.data.get('products', id))?.sku.trim();
			if (!sku) return none;
			const found = await activeProductsBySku(run, [sku]);
			return found.ok ? psaOk(found.value.filter((p) => p.sku === sku).map((p) => String(p.id))) : found;
		}),
		opportunities: {
			async exists(externalId) {
				const record = await run.client.get('Opportunities', Number(externalId));
				return record.ok
					? psaOk(isLiveOpportunity(record.value as { isActive?: unknown } | null))
					: toPsaFailure(record);
			},
			candidates: (quoteId) => matching('Opportunities', opportunityKey(quoteId))
		},
		quotes: lookup('Quotes', async (quoteId) => {
			const opportunityID = await linkedId('opportunities', quoteId);
			return Number.isInteger(opportunityID) ? matching('Quotes', quoteKey(opportunityID)) : none;
		}),
		// A charge has no key of its own to be found by again: it is there, or it is gone.
		ticketCharges: lookup('TicketCharges', async () => none)
	});
}

function existsIn(run: AutotaskRun) {
	return (entity: EntityName) =>
		async (externalId: string): Promise<PsaResult<boolean>> => {
			const id = Number(externalId);
			if (!Number.isInteger(id)) return psaOk(false);
			const record = await run.client.get(entity, id);
			return record.ok ? psaOk(record.value !== null) : toPsaFailure(record);
		};
}

/** Every record the key matches (one page: more than a page of duplicates is undecided all the same). */
function matchingIn(run: AutotaskRun) {
	return async (entity: EntityName, filter: FilterCondition[]): Promise<PsaResult<string[]>> => {
		const found = await run.client.queryAll(entity, { filter, maxRecords: 10 }, { maxPages: 1 });
		if (!found.ok) return found.code === 'no_matching_records' ? none : toPsaFailure(found);
		return psaOk(found.value.map((r) => String(r.id)));
	};
}
