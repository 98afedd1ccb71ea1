// A quote to Autotask: company (synced first when it has no external identifier), contact,
// opportunity, quote, then its items. Each record's link is committed as soon as it exists, so a run
// that dies part way resumes where it stopped; a re-sync updates what changed and duplicates nothing.

import { quoteTotals } from '../../../../shared/pricing/quote-totals.ts';
import { AUTOTASK_MESSAGES, type AutotaskFailure } from '../client/failures.ts';
import { eq } from '../client/filter.ts';
import { quoteLocationPayload, quotePayload } from '../client/mapping/quote.ts';
import {
	psaOk,
	type FailedEntity,
	type PsaResult,
	type QuoteSynced,
	type QuoteToSync,
	type SyncContext
} from '../../../psa/provider.ts';
import { contentHash } from './content-hash.ts';
import { AUTOTASK_SYNC_MESSAGES as TEXT, against, toPsaFailure, permanent } from '../failure.ts';
import { companyEntity, contactEntity } from '../../common/failed-records.ts';
import { itemsFailure, syncQuoteItems } from './quote-items.ts';
import { ensureCompany, ensureContact, ensureOpportunity } from './records.ts';
import { startRun, ZONE_WEB_LINK, type AutotaskRun } from './run.ts';
import type { Quote } from '../../../../shared/schema/entities.ts';

export async function syncQuote(ctx: SyncContext, input: QuoteToSync): Promise<PsaResult<QuoteSynced>> {
	const { quote, lines, company, contact, owner } = input;
	const opened = await startRun(ctx);
	if (!opened.ok) return opened;
	const run = opened.value;

	const paymentTerm = await paymentTermOf(run, quote);
	if (!paymentTerm.ok) return paymentTerm;
	const companyID = await ensureCompany(ctx, run, company, owner);
	if (!companyID.ok) return against(companyID, companyEntity(company));
	const contactID = contact ? await ensureContact(ctx, run, contact, company, companyID.value) : psaOk(null);
	if (!contactID.ok && contact) {
		return against(contactID, contactEntity(contact));
	}
	if (!contactID.ok) return contactID;
	const totals = quoteTotals(lines);
	const opportunityID = await ensureOpportunity(
		ctx,
		run,
		quote,
		{ companyID: companyID.value, contactID: contactID.value },
		{ amountCents: totals.price['one-time'], costCents: totals.cost['one-time'] },
		owner
	);
	if (!opportunityID.ok) return against(opportunityID, await opportunityEntity(ctx, quote));
	const refs = {
		opportunityID: opportunityID.value,
		companyID: companyID.value,
		contactID: contactID.value,
		paymentTerm: paymentTerm.value
	};
	const quoteID = await ensureQuote(ctx, run, quote, refs);
	if (!quoteID.ok) return quoteID;

	const items = await syncQuoteItems(ctx, run, quoteID.value.id, lines, { knownQuote: quoteID.value.known });
	if (!items.ok) return items;
	const billing = itemsFailure(items.value);
	if (billing) return billing;
	const failed = items.value.failed;
	return psaOk({
		externalId: String(quoteID.value.id),
		number: String(quoteID.value.id),
		url: await opportunityUrl(ctx, opportunityID.value),
		warnings: failed.length > 0 ? [`${TEXT.someLinesNotSynced} (${failed.length} of ${lines.length}).`] : [],
		lines: failed,
		...(items.value.failedProduct ? { entity: items.value.failedProduct } : {})
	});
}

/** The opportunity as the quote page knows it (its replicated row), or the quote's when it has none yet. */
async function opportunityEntity(ctx: SyncContext, quote: Quote): Promise<FailedEntity> {
	const linked = await ctx.links.get('opportunities', quote.id);
	return linked
		? { table: 'opportunities', id: `autotask-opportunity-${linked}`, label: `Opportunity ${linked}` }
		: { table: 'opportunities', id: quote.id, label: `Opportunity of quote ${quote.number ?? quote.title}` };
}

/** Autotask's own page of the opportunity the quote hangs on, in the tenant's web zone. */
async function opportunityUrl(ctx: SyncContext, opportunityID: number): Promise<string | null> {
	const web = await ctx.links.get(...ZONE_WEB_LINK);
	if (!web) return null;
	const base = web.endsWith('/') ? web : `${web}/`;
	return `${base}Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenOpportunity&OpportunityID=${opportunityID}`;
}

/** The quote Outpost is linked to is no longer in Autotask (deleted there). */
function isGone(failure: AutotaskFailure): boolean {
	return failure.code === 'not_found' || (failure.code === 'rejected' && /^Quote does not exist/.test(failure.message));
}

/** A quote is found by the opportunity it hangs on. */
export const quoteKey = (opportunityID: number) => [eq('opportunityID', opportunityID)];

async function paymentTermOf(run: AutotaskRun, quote: Quote): Promise<PsaResult<number | null>> {
	if (!quote.paymentTerm) return psaOk(null);
	const terms = await run.picklist('paymentTerms');
	if (!terms.ok) return terms;
	const wanted = quote.paymentTerm.trim().toLowerCase();
	const term = terms.value.find((t) => t.label.trim().toLowerCase() === wanted);
	if (!term || !term.isActive) return permanent(TEXT.paymentTermDeleted, { kind: 'paymentTerm' });
	return psaOk(Number(term.value));
}

async function ensureQuote(
	ctx: SyncContext,
	run: AutotaskRun,
	quote: Quote,
	refs: { opportunityID: number; companyID: number; contactID: number | null; paymentTerm: number | null }
): Promise<PsaResult<{ id: number; known: boolean }>> {
	const { client } = run;
	let id = Number((await ctx.links.get('quotes', quote.id)) ?? NaN);
	let known = Number.isInteger(id);
	if (!known && ctx.resumed) {
		const found = await client.queryOne('Quotes', quoteKey(refs.opportunityID));
		if (!found.ok && found.code !== 'no_matching_records') return toPsaFailure(found);
		if (found.ok) {
			id = found.value.id;
			known = true;
			await ctx.links.set('quotes', quote.id, String(id));
		}
	}
	let locationID = Number((await ctx.links.get('quoteLocations', quote.id)) ?? NaN);
	if (!known && !Number.isInteger(locationID)) {
		const location = await client.create(
			'QuoteLocations',
			quoteLocationPayload({ address1: null, city: null, postalCode: null })
		);
		if (!location.ok) return toPsaFailure(location);
		locationID = location.value;
		await ctx.links.set('quoteLocations', quote.id, String(locationID));
	}
	const payload = quotePayload(quote, { ...refs, locationID });
	const hash = contentHash(payload);
	if (known) {
		if ((await ctx.links.get('quoteHashes', quote.id)) !== hash) {
			const { billToLocationID: _b, shipToLocationID: _s, soldToLocationID: _l, ...changes } = payload;
			const updated = await client.update('Quotes', { ...changes, id });
			if (!updated.ok) return isGone(updated) ? permanent(AUTOTASK_MESSAGES.noMatchingRecords) : toPsaFailure(updated);
		}
	} else {
		const created = await client.create('Quotes', payload);
		if (!created.ok) return toPsaFailure(created);
		id = created.value;
		await ctx.links.set('quotes', quote.id, String(id));
	}
	await ctx.links.set('quoteHashes', quote.id, hash);
	return psaOk({ id, known });
}
