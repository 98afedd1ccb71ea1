// Outpost contact ↔ Autotask Contacts payload (psa-apis.md §1.5: isActive is an integer 0/1). Pure.

import type { AutotaskContact, CreateBody } from '../entity-schemas.ts';

export type ContactSource = { firstName: string; lastName: string; email: string | null; phone?: string | null };

export function contactPayload(
	contact: ContactSource,
	companyID: number
): CreateBody<'Contacts'> & { companyID: number } {
	return {
		companyID,
		firstName: contact.firstName.trim().slice(0, 50),
		lastName: contact.lastName.trim().slice(0, 50),
		emailAddress: normalizeEmail(contact.email),
		phone: contact.phone?.trim() || null,
		isActive: 1
	};
}

/** "Ada King Lovelace" → Ada / King Lovelace; Autotask requires both names, so one word fills both. */
export function splitName(fullName: string): { firstName: string; lastName: string } {
	const words = fullName.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return { firstName: '-', lastName: '-' };
	if (words.length === 1) return { firstName: words[0]!, lastName: words[0]! };
	return { firstName: words[0]!, lastName: words.slice(1).join(' ') };
}

/** The seeds' matching rule for emails: case-insensitive and trimmed. */
export function normalizeEmail(email: string | null | undefined): string | null {
	const trimmed = email?.trim().toLowerCase();
	return trimmed ? trimmed : null;
}

export type ImportedContact = {
	externalId: number;
	companyExternalId: number | null;
	firstName: string;
	lastName: string;
	email: string | null;
	isActive: boolean;
};

export function contactFromAutotask(record: AutotaskContact): ImportedContact {
	return {
		externalId: record.id,
		companyExternalId: record.companyID ?? null,
		firstName: record.firstName ?? '',
		lastName: record.lastName ?? '',
		email: normalizeEmail(record.emailAddress),
		isActive: record.isActive === 1 || record.isActive === true
	};
}
