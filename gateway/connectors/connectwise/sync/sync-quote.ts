// A quote as a ConnectWise opportunity with one forecast item per line (psa-apis.md §2.3: Manage has
// no quote entity). First sync: company → contact → opportunity → catalog items → forecast items.
// Re-sync: PATCH what changed, add new lines, delete removed ones. Resumed: look before creating.

import type { ForecastItem } from '../client/client.ts';
import { contains, eq } from '../client/conditions.ts';
import type { CwRecord } from '../client/resources.ts';
import type { Quote, QuoteLine } from '../../../../shared/schema/entities.ts';
import type { User } from '../../../../shared/schema/identity-entities.ts';
import type { PsaResult, QuoteSynced, QuoteToSync } from '../../../psa/provider.ts';
import { against, companyEntity, contactEntity, lineFailures } from '../../common/failed-records.ts';
import { ensureCatalogItems, type CatalogOutcome } from './ensure-catalog-items.ts';
import { ensureCompany, ensureContact } from './ensure-company.ts';
import { permanent, stopsTheRun } from '../failure.ts';
import {
	changes,
	defaultCloseDate,
	forecastFields,
	lineMarker,
	opportunityFields,
	opportunityMarker
} from './mapping.ts';
import { SYNC_MESSAGES } from './messages.ts';
import { lift } from '../failure.ts';
import type { ConnectwiseRun } from './run.ts';

type Opportunity = CwRecord<'opportunities'>;

export async function syncQuote(run: ConnectwiseRun, input: QuoteToSync): Promise<PsaResult<QuoteSynced>> {
	const { ctx } = run;
	const { quote, lines } = input;
	// An opportunity needs a contact: a quote without one uses its company's first.
	const contactRow = input.contact ?? (await ctx.data.byIndex('contacts', 'companyId', quote.companyId))[0];
	if (!contactRow) return permanent(SYNC_MESSAGES.noContact);
	const salesRepId = salesRepOf(run, input.owner);
	if (salesRepId === null) return permanent(SYNC_MESSAGES.noSalesRep);

	const company = await ensureCompany(run, input.company);
	if (!company.ok) return against(company, companyEntity(input.company));
	const contact = await ensureContact(run, contactRow, company.value);
	if (!contact.ok) return against(contact, contactEntity(contactRow));
	const opportunity = await ensureOpportunity(run, quote, company.value.id, contact.value, salesRepId);
	if (!opportunity.ok) return opportunity;
	const { record, items } = opportunity.value;
	const statusId = record.status?.id;
	if (statusId === undefined) return permanent(SYNC_MESSAGES.noStatus);

	const catalog = await ensureCatalogItems(
		run,
		lines.flatMap((l) => (l.productId ? [l.productId] : []))
	);
	if (!catalog.ok) return catalog;

	const failures = lineFailures(ctx.data);
	for (const line of lines) {
		const synced = await syncLine(run, record.id, statusId, line, items, catalog.value);
		if (synced.ok) continue;
		if (stopsTheRun(synced)) return synced;
		await failures.add(line, synced.message);
	}
	const failed = failures.lines;
	const removed = await removeDeletedLines(run, record.id, items, new Set(lines.map((l) => l.id)));
	if (!removed.ok) return removed;
	const warnings = failed.length > 0 ? [SYNC_MESSAGES.someLinesNotSynchronized] : [];
	return {
		ok: true,
		value: {
			externalId: String(record.id),
			warnings,
			...(failed.length > 0 ? { lines: failed } : {}),
			...(failures.product ? { entity: failures.product } : {})
		}
	};
}

/** The owner's linked member, else the default sales rep from settings. */
function salesRepOf(run: ConnectwiseRun, owner: User | null): number | null {
	const linked = Number(owner?.externalIds.connectwise);
	if (Number.isInteger(linked) && linked > 0) return linked;
	return run.settings.defaultSalesRepId ?? null;
}

type OpportunityState = { record: Opportunity; items: ForecastItem[] };

/** The opportunity a quote made, found by the marker in its notes under the quote's company. */
export const opportunityKey = (companyId: number, quoteId: string) => [
	eq('company/id', companyId),
	contains('notes', opportunityMarker(quoteId))
];

async function ensureOpportunity(
	run: ConnectwiseRun,
	quote: Quote,
	companyId: number,
	contactId: number,
	salesRepId: number
): Promise<PsaResult<OpportunityState>> {
	const { ctx, client } = run;
	const wanted = opportunityFields(quote, contactId);
	const linked = await ctx.links.get('opportunities', quote.id);
	let existing: Opportunity | null = null;
	if (linked) {
		const got = lift(await client.get('opportunities', Number(linked)));
		if (!got.ok) return got;
		if (!got.value) return permanent(SYNC_MESSAGES.opportunityNotFound);
		existing = got.value;
	} else if (ctx.resumed) {
		const found = lift(await client.first('opportunities', opportunityKey(companyId, quote.id)));
		if (!found.ok) return found;
		existing = found.value;
	}

	if (!existing) {
		const made = lift(
			await client.create('opportunities', {
				expectedCloseDate: defaultCloseDate(ctx.now()),
				...(wanted as { name: string }),
				company: { id: companyId },
				contact: { id: contactId },
				primarySalesRep: { id: salesRepId },
				notes: opportunityMarker(quote.id)
			})
		);
		if (!made.ok) return made;
		await ctx.links.set('opportunities', quote.id, String(made.value.id));
		// A new opportunity has no forecast yet: nothing to read.
		return { ok: true, value: { record: made.value, items: [] } };
	}

	if (!linked) await ctx.links.set('opportunities', quote.id, String(existing.id));
	const ops = changes(existing, wanted);
	let record = existing;
	if (ops.length) {
		const patched = lift(await client.patch('opportunities', existing.id, ops));
		if (!patched.ok) return patched;
		record = patched.value;
	}
	const forecast = lift(await client.forecast(existing.id));
	if (!forecast.ok) return forecast;
	return { ok: true, value: { record, items: forecast.value.forecastItems } };
}

async function syncLine(
	run: ConnectwiseRun,
	opportunityId: number,
	statusId: number,
	line: QuoteLine,
	items: ForecastItem[],
	catalog: Map<string, CatalogOutcome>
): Promise<PsaResult<null>> {
	const { ctx, client } = run;
	const product = line.productId ? catalog.get(line.productId) : undefined;
	if (product && !product.ok) return product;
	const wanted = forecastFields(line, product?.id ?? null, product?.name ?? null);
	const linked = await ctx.links.get('quoteLines', line.id);
	const existing =
		items.find((i) => linked !== null && String(i.id) === linked) ??
		items.find((i) => i.quoteWerksDocName === lineMarker(line.id));

	if (existing) {
		if (String(existing.id) !== linked) await ctx.links.set('quoteLines', line.id, String(existing.id));
		const ops = changes(existing, wanted);
		if (!ops.length) return { ok: true, value: null };
		const patched = lift(await client.patchForecastItem(opportunityId, existing.id, ops));
		return patched.ok ? { ok: true, value: null } : patched;
	}
	const { catalogItem, ...rest } = wanted;
	const body = { ...rest, status: { id: statusId }, ...(catalogItem ? { catalogItem } : {}) };
	const made = lift(await client.createForecastItem(opportunityId, body as never));
	if (!made.ok) return made;
	await ctx.links.set('quoteLines', line.id, String(made.value.id));
	return { ok: true, value: null };
}

/** Forecast items linked to lines the quote no longer has; items a person added in ConnectWise stay. */
async function removeDeletedLines(
	run: ConnectwiseRun,
	opportunityId: number,
	items: ForecastItem[],
	lineIds: Set<string>
): Promise<PsaResult<null>> {
	const { ctx, client } = run;
	for (const item of items) {
		const lineId = await ctx.links.localOf('quoteLines', String(item.id));
		if (lineId === null || lineIds.has(lineId)) continue;
		const removed = await client.removeForecastItem(opportunityId, item.id);
		if (!removed.ok && removed.code !== 'not_found') return lift(removed);
		await ctx.links.clear('quoteLines', lineId);
	}
	return { ok: true, value: null };
}
