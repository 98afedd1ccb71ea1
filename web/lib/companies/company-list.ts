// The companies screen's list: every company with its number of contacts, searchable by the
// company's name or by a contact's name or email.

import type { Contact } from '../../../shared/schema/catalog-entities.ts';
import type { Company } from '../../../shared/schema/entities.ts';

export type CompanyRow = { company: Company; contacts: Contact[]; text: string };

export function toCompanyRows(companies: readonly Company[], contacts: readonly Contact[]): CompanyRow[] {
	const byCompany = new Map<string, Contact[]>();
	for (const contact of contacts)
		byCompany.set(contact.companyId, [...(byCompany.get(contact.companyId) ?? []), contact]);
	return [...companies]
		.sort((a, b) => Number(b.isMsp) - Number(a.isMsp) || a.name.localeCompare(b.name))
		.map((company) => {
			const own = byCompany.get(company.id) ?? [];
			const text = [company.name, ...own.flatMap((c) => [c.name, c.email])].join('\n').toLowerCase();
			return { company, contacts: own, text };
		});
}

export function searchCompanies(rows: readonly CompanyRow[], query: string): CompanyRow[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return rows.filter((row) => words.every((word) => row.text.includes(word)));
}
