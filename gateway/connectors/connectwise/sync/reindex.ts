// Re-index lookups for ConnectWise PSA (gateway/psa/provider.ts ReindexLookup): each linked id asked
// for by GET, and the keys the sync matches by (ensure-company.ts, ensure-catalog-items.ts,
// sync-quote.ts): company identifier, contact name and email under its company, catalog identifier,
// and the opportunity's notes marker. Manage has no quote entity (the opportunity is the quote) and
// no ticket-charge import, so those kinds are not offered.

import type { ResourceName } from '../client/resources.ts';
import {
	psaOk,
	type PsaResult,
	type ReindexLookup,
	type ReindexLookups,
	type SyncContext
} from '../../../psa/provider.ts';
import { catalogItemsByIdentifier } from './ensure-catalog-items.ts';
import { companyKey, matchingContacts } from './ensure-company.ts';
import { lift } from '../failure.ts';
import { catalogIdentifier } from './mapping.ts';
import { startRun, type ConnectwiseRun } from './run.ts';
import { opportunityKey } from './sync-quote.ts';

const none = psaOk<string[]>([]);
const ids = (records: { id: number }[]) => psaOk(records.map((r) => String(r.id)));

export async function openConnectwiseReindex(ctx: SyncContext): Promise<PsaResult<ReindexLookups>> {
	const started = startRun(ctx);
	if (!started.ok) return started;
	const run = started.value;
	const linkedId = async (kind: string, localId: string) => Number((await ctx.links.get(kind, localId)) ?? NaN);
	const lookup = (resource: ResourceName, candidates: ReindexLookup['candidates']): ReindexLookup => ({
		exists: existsIn(run, resource),
		candidates
	});
	const listed = async (resource: ResourceName, conditions: Parameters<ConnectwiseRun['client']['listAll']>[1]) => {
		const found = lift(await run.client.listAll(resource, conditions));
		return found.ok ? ids(found.value) : found;
	};
	return psaOk({
		companies: lookup('companies', async (id) => {
			const company = await ctx.data.get('companies', id);
			return company ? listed('companies', { conditions: companyKey(company), pageSize: 10 }) : none;
		}),
		contacts: lookup('contacts', async (id) => {
			const contact = await ctx.data.get('contacts', id);
			const companyId = contact ? await linkedId('companies', contact.companyId) : NaN;
			if (!contact || !Number.isInteger(companyId)) return none;
			const found = await matchingContacts(run, contact, companyId);
			return found.ok ? ids(found.value) : found;
		}),
		products: lookup('catalog', async (id) => {
			const product = await ctx.data.get('products', id);
			if (!product) return none;
			const identifier = catalogIdentifier(product).toLowerCase();
			const found = await catalogItemsByIdentifier(run, [catalogIdentifier(product)]);
			if (!found.ok) return found;
			return ids(found.value.filter((item) => item.identifier.toLowerCase() === identifier));
		}),
		opportunities: lookup('opportunities', async (quoteId) => {
			const quote = await ctx.data.get('quotes', quoteId);
			const companyId = quote ? await linkedId('companies', quote.companyId) : NaN;
			if (!Number.isInteger(companyId)) return none;
			return listed('opportunities', { conditions: opportunityKey(companyId, quoteId), pageSize: 10 });
		})
	});
}

function existsIn(run: ConnectwiseRun, resource: ResourceName) {
	return async (externalId: string): Promise<PsaResult<boolean>> => {
		const id = Number(externalId);
		if (!Number.isInteger(id)) return psaOk(false);
		const found = lift(await run.client.get(resource, id));
		return found.ok ? psaOk(found.value !== null) : found;
	};
}
