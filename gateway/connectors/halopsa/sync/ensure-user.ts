// The Halo user (customer contact, psa-apis.md §3.6) an Outpost contact is linked to: the link, else the
// user a resumed run finds under the client by the email it was created with, else a new one.

import type { Contact } from '../../../../shared/schema/catalog-entities.ts';
import type { HaloUser } from '../client/entity-schemas.ts';
import { psaOk, type PsaResult } from '../../../psa/provider.ts';
import { normalizeEmail, userPayload } from './payloads.ts';
import type { ClientRef, HaloRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

/** Halo users under a client that are this contact: same email, or same name when it has none. */
export async function matchingUsers(run: HaloRun, contact: Contact, clientId: number) {
	const search = normalizeEmail(contact.email) ?? contact.name;
	const found = await run.client.list('Users', { client_id: clientId, search, count: 100 });
	if (!found.ok) return toPsaFailure(found);
	return psaOk(found.value.records.filter((user) => isSamePerson(user, contact)));
}

/** `owner`: the Halo client of the contact's company (the quote's, which the contact belongs to). */
export async function ensureUser(run: HaloRun, contact: Contact, owner: ClientRef): Promise<PsaResult<number>> {
	const { ctx, client } = run;
	const linked = await ctx.links.get('contacts', contact.id);
	if (linked) return psaOk(Number(linked));

	if (ctx.resumed) {
		const found = await matchingUsers(run, contact, owner.id);
		if (!found.ok) return found;
		for (const user of found.value) {
			if ((await ctx.links.localOf('contacts', String(user.id))) === null) {
				return link(run, contact.id, user.id);
			}
		}
	}
	const created = await client.create('Users', userPayload(contact, { clientId: owner.id, siteId: owner.siteId }));
	if (!created.ok) return toPsaFailure(created);
	return link(run, contact.id, created.value.id);
}

function isSamePerson(user: HaloUser, contact: Contact): boolean {
	const email = normalizeEmail(contact.email);
	if (email) return normalizeEmail(user.emailaddress) === email;
	return (user.name ?? '').trim().toLowerCase() === contact.name.trim().toLowerCase();
}

async function link(run: HaloRun, contactId: string, userId: number): Promise<PsaResult<number>> {
	await run.ctx.links.set('contacts', contactId, String(userId));
	return psaOk(userId);
}
