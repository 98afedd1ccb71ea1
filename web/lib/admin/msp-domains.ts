// Editing the MSP's email domains (Admin > Platform > Authentication): what a typed domain becomes,
// and why it cannot be added. The stored list is the one setMspDomains receives whole.

import { authSettingsSchema } from '../../../shared/schema/identity-entities.ts';

export type DomainEdit = { ok: true; domains: string[] } | { ok: false; message: string };

const domainSchema = authSettingsSchema.shape.mspDomains.element;

/** Accepts what people paste: "@Example.com", "https://example.com/", "mail.example.com ". */
export function normalizeDomain(input: string): string {
	return input
		.trim()
		.toLowerCase()
		.replace(/^[a-z]+:\/\//, '')
		.replace(/^[^@]*@/, '')
		.replace(/[/?#].*$/, '')
		.replace(/\.$/, '');
}

export function addDomain(domains: readonly string[], input: string): DomainEdit {
	const domain = normalizeDomain(input);
	if (!domain) return { ok: false, message: 'Enter a domain, for example example.com.' };
	if (!domainSchema.safeParse(domain).success) {
		return { ok: false, message: `“${domain}” is not a domain. Enter one like example.com.` };
	}
	if (domains.includes(domain)) return { ok: false, message: `${domain} is already in the list.` };
	return { ok: true, domains: [...domains, domain].sort() };
}

export function removeDomain(domains: readonly string[], domain: string): string[] {
	return domains.filter((d) => d !== domain);
}
