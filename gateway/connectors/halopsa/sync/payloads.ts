// Outpost rows → HaloPSA payloads (psa-apis.md §3.5 key fields): clients, users, items. Money goes from
// integer cents to Halo's decimal amounts. Pure.

import type { Company } from '../../../../shared/schema/entities.ts';
import type { Contact, Product } from '../../../../shared/schema/catalog-entities.ts';
import type { HaloCreate } from '../client/entities.ts';
import { recordMarker } from './markers.ts';

export function centsToAmount(cents: number): number {
	return Math.round(cents) / 100;
}

export function clientPayload(company: Pick<Company, 'id' | 'name'>): HaloCreate<'Client'> {
	return { name: company.name.trim(), ref: recordMarker(company.id) };
}

/** "Ada King Lovelace" → Ada / King Lovelace. */
export function splitName(fullName: string): { firstname: string; surname: string } {
	const words = fullName.trim().split(/\s+/).filter(Boolean);
	return { firstname: words[0] ?? '', surname: words.slice(1).join(' ') };
}

export function userPayload(
	contact: Pick<Contact, 'name' | 'email'>,
	refs: { clientId: number; siteId: number | null }
): HaloCreate<'Users'> {
	return {
		name: contact.name.trim(),
		...splitName(contact.name),
		emailaddress: normalizeEmail(contact.email),
		client_id: refs.clientId,
		...(refs.siteId === null ? {} : { site_id: refs.siteId })
	};
}

export function itemPayload(
	product: Pick<Product, 'id' | 'name' | 'description' | 'price' | 'cost' | 'mpn' | 'billing'>
): HaloCreate<'Item'> {
	return {
		name: product.name.trim(),
		description: product.description || null,
		baseprice: centsToAmount(product.price),
		costprice: centsToAmount(product.cost),
		supplier_part_code: product.mpn || null,
		isrecurringitem: product.billing !== 'one-time',
		externalreference: recordMarker(product.id)
	};
}

/** The seeds' matching rule for emails: case-insensitive and trimmed. */
export function normalizeEmail(email: string | null | undefined): string | null {
	const trimmed = email?.trim().toLowerCase();
	return trimmed ? trimmed : null;
}
