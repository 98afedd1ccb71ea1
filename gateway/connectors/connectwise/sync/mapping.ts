// Outpost rows to ConnectWise payloads and back (psa-apis.md §2.3, §2.4): identifiers, markers that
// let a resumed sync find what it created, forecast items, catalog items, members. Pure.

import type { PatchOperation } from '../client/resources.ts';
import type { Company, Quote, QuoteLine } from '../../../../shared/schema/entities.ts';
import type { Contact, Product } from '../../../../shared/schema/catalog-entities.ts';
import type { PsaPerson } from '../../../psa/provider.ts';

type Fields = Record<string, unknown>;

/** §2.3: identifier ≤30; ConnectWise identifiers are conventionally letters and digits (`AcmeCorp`). */
export function companyIdentifier(company: Pick<Company, 'id' | 'name'>): string {
	const slug = company.name.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '');
	return (slug || `Outpost${company.id.replace(/[^A-Za-z0-9]/g, '')}`).slice(0, 30);
}

export function companyBody(company: Company) {
	return { identifier: companyIdentifier(company), name: company.name.slice(0, 50) };
}

export function splitName(name: string): { firstName: string; lastName: string } {
	const parts = name.trim().split(/\s+/);
	if (parts.length === 1) return { firstName: parts[0]!, lastName: '' };
	return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)! };
}

export function contactBody(contact: Contact, cwCompanyId: number) {
	const { firstName, lastName } = splitName(contact.name);
	const items = [];
	// §2.3: email is not a top-level field but a communication item.
	if (contact.email) items.push({ value: contact.email, communicationType: 'Email' as const, defaultFlag: true });
	if (contact.phone) items.push({ value: contact.phone, communicationType: 'Phone' as const, defaultFlag: true });
	return {
		firstName,
		...(lastName ? { lastName } : {}),
		company: { id: cwCompanyId },
		...(contact.jobTitle ? { title: contact.jobTitle } : {}),
		communicationItems: items
	};
}

/** A ConnectWise contact is ours when names match and, if Outpost has an email, it is among its items. */
export function isSameContact(contact: Contact, cw: Fields): boolean {
	const { firstName, lastName } = splitName(contact.name);
	const same = (a: unknown, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();
	if (!same(cw.firstName, firstName) || !same(cw.lastName, lastName)) return false;
	if (!contact.email) return true;
	const items = Array.isArray(cw.communicationItems) ? (cw.communicationItems as Fields[]) : [];
	return items.some((item) => same(item.value, contact.email));
}

/** Written into the opportunity's notes so a resumed sync finds the opportunity it created. */
export const opportunityMarker = (quoteId: string) => `Outpost quote ${quoteId}`;

/** Written into `quoteWerksDocName` (≤255), the forecast item's free quote-reference field. */
export const lineMarker = (lineId: string) => `outpost:${lineId}`;

/** The fields Outpost owns on the opportunity; compared on every re-sync. */
export function opportunityFields(quote: Quote, contactId: number): Fields {
	const fields: Fields = {
		name: (quote.title.trim() || `Quote ${quote.number ?? quote.id}`).slice(0, 100),
		contact: { id: contactId }
	};
	if (quote.validUntil) fields.expectedCloseDate = `${quote.validUntil}T00:00:00Z`;
	return fields;
}

/** §2.6 example: a new opportunity also needs a close date; 30 days out when the quote has none. */
export function defaultCloseDate(now: number): string {
	const day = new Date(now + 30 * 86_400_000).toISOString().slice(0, 10);
	return `${day}T00:00:00Z`;
}

const dollars = (cents: number) => Math.round(cents) / 100;

/** The forecast item a quote line becomes (§2.3 ForecastItem): totals in currency units, not cents. */
export function forecastFields(line: QuoteLine, catalogItemId: number | null, productName: string | null): Fields {
	const revenue = line.quantity * line.unitPrice * (1 - line.discountPercent / 100);
	const label = (productName ?? line.description).trim() || 'Quote line';
	return {
		forecastType: catalogItemId === null ? 'Other1' : 'Product',
		forecastDescription: label.slice(0, 50),
		productDescription: line.description,
		quantity: line.quantity,
		revenue: dollars(revenue),
		cost: dollars(line.quantity * line.unitCost),
		includeFlag: !line.optional,
		recurringFlag: line.billing !== 'one-time',
		catalogItem: catalogItemId === null ? null : { id: catalogItemId },
		quoteWerksDocName: lineMarker(line.id)
	};
}

/** §2.3: identifier ≤75 (the SKU, as catalogs key products), description ≤60. */
export function catalogIdentifier(product: Pick<Product, 'id' | 'sku' | 'mpn'>): string {
	return (product.sku.trim() || product.mpn.trim() || `OUTPOST-${product.id}`).slice(0, 75);
}

export function catalogBody(product: Product, subcategoryId: number, typeId: number) {
	return {
		identifier: catalogIdentifier(product),
		description: product.name.slice(0, 60),
		customerDescription: (product.description.trim() || product.name).slice(0, 6000),
		subcategory: { id: subcategoryId },
		type: { id: typeId },
		productClass: 'NonInventory',
		price: dollars(product.price),
		cost: dollars(product.cost),
		...(product.mpn ? { manufacturerPartNumber: product.mpn } : {})
	};
}

/**
 * `replace` operations for the fields whose wanted value differs from ConnectWise's (§2.6: whole
 * objects; references compare by id). Nothing to change is an empty list, so no PATCH is sent.
 */
export function changes(current: Fields, wanted: Fields): PatchOperation[] {
	const ops: PatchOperation[] = [];
	for (const [path, value] of Object.entries(wanted)) {
		if (!sameValue(current[path], value)) ops.push({ op: 'replace', path, value });
	}
	return ops;
}

function sameValue(current: unknown, wanted: unknown): boolean {
	if (wanted === null || wanted === undefined) return current === null || current === undefined;
	if (typeof wanted === 'object') {
		const id = (wanted as { id?: unknown }).id;
		return typeof current === 'object' && current !== null && (current as { id?: unknown }).id === id;
	}
	if (typeof wanted === 'string' && typeof current === 'string' && /T00:00:00Z$/.test(wanted)) {
		return Date.parse(current) === Date.parse(wanted);
	}
	return current === wanted;
}

/** §2.4 [S]: only Full ("Regular") and Subcontractor members are synced (seeds, user linking). */
const LICENSE_CLASSES: Record<string, string> = {
	F: 'Regular Member',
	A: 'API Member',
	C: 'StreamlineIT Member',
	X: 'Subcontractor'
};
const SYNCED_CLASSES = new Set(['F', 'X']);

export function personOf(member: Fields & { id: number }): PsaPerson {
	const licenseClass = typeof member.licenseClass === 'string' ? member.licenseClass.toUpperCase() : '';
	const person: PsaPerson = {
		externalId: String(member.id),
		email: typeof member.officeEmail === 'string' && member.officeEmail.trim() ? member.officeEmail.trim() : null,
		firstName: typeof member.firstName === 'string' ? member.firstName : '',
		lastName: typeof member.lastName === 'string' ? member.lastName : '',
		active: member.inactiveFlag !== true
	};
	if (!SYNCED_CLASSES.has(licenseClass)) {
		const kind = LICENSE_CLASSES[licenseClass] ?? `license class "${licenseClass || 'none'}"`;
		person.ineligible = `${kind}: only Regular Member and Subcontractor licenses are synced.`;
	}
	return person;
}
