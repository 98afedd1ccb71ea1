// The ConnectWise company and contact of a quote: linked ones cost nothing; a new company is created
// and, when its identifier is taken, matched to the company that has it; a contact is looked up only
// where one can already exist (a matched company, a resumed run), then created.

import { eq } from '../client/conditions.ts';
import type { Contact } from '../../../../shared/schema/catalog-entities.ts';
import type { Company } from '../../../../shared/schema/entities.ts';
import type { PsaResult } from '../../../psa/provider.ts';
import { companyBody, companyIdentifier, contactBody, isSameContact } from './mapping.ts';
import { lift } from '../failure.ts';
import type { ConnectwiseRun } from './run.ts';

/** A company's marker in ConnectWise: its identifier, which no two companies share. */
export const companyKey = (company: Company) => [eq('identifier', companyIdentifier(company))];

/** Contacts of a ConnectWise company that are this Outpost contact (same first name, then isSameContact). */
export async function matchingContacts(run: ConnectwiseRun, contact: Contact, companyId: number) {
	const body = contactBody(contact, companyId);
	const candidates = lift(
		await run.client.listAll('contacts', {
			conditions: [eq('company/id', companyId), eq('firstName', body.firstName)],
			pageSize: 100
		})
	);
	if (!candidates.ok) return candidates;
	return { ok: true as const, value: candidates.value.filter((c) => isSameContact(contact, c)) };
}

/** The company's ConnectWise id, and whether it was created in this run (so it has no contacts yet). */
export async function ensureCompany(
	run: ConnectwiseRun,
	company: Company
): Promise<PsaResult<{ id: number; created: boolean }>> {
	const { ctx, client } = run;
	const companyId = company.id;
	const linked = await ctx.links.get('companies', companyId);
	if (linked) return { ok: true, value: { id: Number(linked), created: false } };
	const byIdentifier = async (created: boolean): Promise<PsaResult<{ id: number; created: boolean }> | null> => {
		const found = lift(await client.first('companies', companyKey(company)));
		if (!found.ok) return found;
		return found.value ? link(found.value.id, created) : null;
	};
	const link = async (id: number, created: boolean) => {
		await ctx.links.set('companies', companyId, String(id));
		return { ok: true as const, value: { id, created } };
	};

	// A resumed run may have created it already; the identifier is the marker.
	if (ctx.resumed) {
		const found = await byIdentifier(false);
		if (found) return found;
	}
	const made = await client.create('companies', companyBody(company));
	if (made.ok) return link(made.value.id, true);
	// [3P] 3P-CW-DUP: a taken identifier is ObjectExists; that company is the match.
	if (made.code === 'rejected' && made.errors.some((e) => e.code === 'ObjectExists')) {
		const found = await byIdentifier(false);
		if (found) return found;
	}
	return lift(made);
}

export async function ensureContact(
	run: ConnectwiseRun,
	contact: Contact,
	company: { id: number; created: boolean }
): Promise<PsaResult<number>> {
	const { ctx, client } = run;
	const contactId = contact.id;
	const linked = await ctx.links.get('contacts', contactId);
	if (linked) return { ok: true, value: Number(linked) };
	if (ctx.resumed || !company.created) {
		const candidates = await matchingContacts(run, contact, company.id);
		if (!candidates.ok) return candidates;
		const match = candidates.value[0];
		if (match) {
			await ctx.links.set('contacts', contactId, String(match.id));
			return { ok: true, value: match.id };
		}
	}
	const made = lift(await client.create('contacts', contactBody(contact, company.id)));
	if (!made.ok) return made;
	await ctx.links.set('contacts', contactId, String(made.value.id));
	return { ok: true, value: made.value.id };
}
