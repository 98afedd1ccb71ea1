// Company, contact and opportunity in Autotask for a quote: linked ones reused, unlinked ones matched
// (by name, by email, by the marker a resumed run left) or created, and each link committed at once.

import type { Contact } from '../../../../shared/schema/catalog-entities.ts';
import type { Company, Quote } from '../../../../shared/schema/entities.ts';
import type { User } from '../../../../shared/schema/identity-entities.ts';
import { eq } from '../client/filter.ts';
import { companyPayload } from '../client/mapping/company.ts';
import { contactPayload, splitName } from '../client/mapping/contact.ts';
import { opportunityPayload, type QuoteTotals } from '../client/mapping/opportunity.ts';
import { defaultValue, valueOf } from '../client/picklist.ts';
import type { AutotaskFailure, AutotaskResult } from '../client/failures.ts';
import { psaOk, type PsaResult, type SyncContext } from '../../../psa/provider.ts';
import { AUTOTASK_SYNC_MESSAGES as TEXT, toPsaFailure, permanent, prefixed } from '../failure.ts';
import type { AutotaskRun } from './run.ts';

/** A query that finds nothing is an answer here, not a failure. */
function firstOrNone<T>(result: AutotaskResult<T>): { ok: true; value: T | null } | AutotaskFailure {
	if (result.ok) return result;
	return result.code === 'no_matching_records' ? { ok: true, value: null } : result;
}

/** The natural key a company is matched by in Autotask (its name); re-index asks by it too. */
export const companyKey = (company: Company) => [eq('companyName', company.name.trim().slice(0, 100))];

/** A contact is matched by its email under its company's Autotask record. */
export const contactKey = (companyID: number, email: string) => [eq('companyID', companyID), eq('emailAddress', email)];

export async function ensureCompany(
	ctx: SyncContext,
	run: AutotaskRun,
	company: Company,
	owner: User | null
): Promise<PsaResult<number>> {
	const linked = await ctx.links.get('companies', company.id);
	if (linked) return psaOk(Number(linked));
	const { client } = run;
	const found = firstOrNone(await client.queryOne('Companies', companyKey(company)));
	if (!found.ok) return prefixed(TEXT.companyWithoutId, toPsaFailure(found));
	let id = found.value?.id;
	if (id === undefined) {
		const ownerID = await run.ownerFor(owner);
		if (!ownerID.ok) return prefixed(TEXT.companyWithoutId, ownerID);
		const types = await run.picklist('companyTypes');
		if (!types.ok) return types;
		const companyType = valueOf(types.value, 'Customer') ?? defaultValue(types.value) ?? 1;
		const created = await client.create(
			'Companies',
			companyPayload(company, { ownerResourceID: ownerID.value, companyType, phone: '-' })
		);
		if (!created.ok) return prefixed(TEXT.companyWithoutId, toPsaFailure(created));
		id = created.value;
	}
	await ctx.links.set('companies', company.id, String(id));
	return psaOk(id);
}

export async function ensureContact(
	ctx: SyncContext,
	run: AutotaskRun,
	contact: Contact,
	company: Company,
	companyID: number
): Promise<PsaResult<number | null>> {
	const linked = await ctx.links.get('contacts', contact.id);
	if (linked) return psaOk(Number(linked));
	if (contact.companyId !== company.id) {
		return permanent(`${TEXT.contactWithoutId}. ${contact.name} belongs to another company than the quote's.`);
	}
	const { client } = run;
	let id: number | undefined;
	if (contact.email) {
		const found = firstOrNone(await client.queryOne('Contacts', contactKey(companyID, contact.email)));
		if (!found.ok) return prefixed(TEXT.contactWithoutId, toPsaFailure(found));
		id = found.value?.id;
	}
	if (id === undefined) {
		const created = await client.create(
			'Contacts',
			contactPayload({ ...splitName(contact.name), email: contact.email || null, phone: contact.phone }, companyID)
		);
		if (!created.ok) return prefixed(TEXT.contactWithoutId, toPsaFailure(created));
		id = created.value;
	}
	await ctx.links.set('contacts', contact.id, String(id));
	return psaOk(id);
}

export const opportunityMarker = (quoteId: string) => `Outpost quote ${quoteId}`;
/** The opportunity a quote created carries its marker in its description. */
export const opportunityKey = (quoteId: string) => [eq('description', opportunityMarker(quoteId))];

/** An opportunity someone closed as inactive is as good as gone to the sync. */
export const isLiveOpportunity = (record: { isActive?: unknown } | null) =>
	record !== null && record.isActive !== false;

export async function ensureOpportunity(
	ctx: SyncContext,
	run: AutotaskRun,
	quote: Quote,
	refs: { companyID: number; contactID: number | null },
	totals: QuoteTotals,
	owner: User | null
): Promise<PsaResult<number>> {
	const { client } = run;
	const linked = await ctx.links.get('opportunities', quote.id);
	if (linked) {
		const record = await client.get('Opportunities', Number(linked));
		if (!record.ok) return record.code === 'not_found' ? permanent(TEXT.opportunityNotFound) : toPsaFailure(record);
		if (record.value === null || !isLiveOpportunity(record.value as { isActive?: unknown })) {
			return permanent(TEXT.opportunityNotFound);
		}
		if (record.value.contactID !== refs.contactID || record.value.title !== quote.title.trim().slice(0, 128)) {
			const updated = await client.update('Opportunities', {
				id: Number(linked),
				title: quote.title.trim().slice(0, 128) || 'Quote',
				contactID: refs.contactID
			});
			if (!updated.ok) return toPsaFailure(updated);
		}
		return psaOk(Number(linked));
	}
	if (ctx.resumed) {
		const found = firstOrNone(await client.queryOne('Opportunities', opportunityKey(quote.id)));
		if (!found.ok) return toPsaFailure(found);
		if (found.value) {
			await ctx.links.set('opportunities', quote.id, String(found.value.id));
			return psaOk(found.value.id);
		}
	}
	const [ownerID, statuses, stages] = [
		await run.ownerFor(owner),
		await run.picklist('opportunityStatuses'),
		await run.picklist('opportunityStages')
	];
	if (!ownerID.ok) return ownerID;
	if (!statuses.ok) return statuses;
	if (!stages.ok) return stages;
	const created = await client.create('Opportunities', {
		...opportunityPayload(
			quote,
			{
				...refs,
				ownerResourceID: ownerID.value,
				status: valueOf(statuses.value, 'Active') ?? defaultValue(statuses.value) ?? 1,
				stage: defaultValue(stages.value) ?? Number(stages.value[0]?.value ?? 1),
				probability: 50
			},
			totals,
			new Date(ctx.now()).toISOString().slice(0, 10)
		),
		description: opportunityMarker(quote.id)
	});
	if (!created.ok) return toPsaFailure(created);
	await ctx.links.set('opportunities', quote.id, String(created.value));
	return psaOk(created.value);
}
