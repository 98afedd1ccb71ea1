import { describe, expect, it } from 'vitest';
import { addDomain, normalizeDomain, removeDomain } from './msp-domains.ts';

describe('normalizeDomain', () => {
	it('keeps the domain of what people paste', () => {
		expect(normalizeDomain(' Example.COM ')).toBe('example.com');
		expect(normalizeDomain('@example.com')).toBe('example.com');
		expect(normalizeDomain('someone@mail.example.com')).toBe('mail.example.com');
		expect(normalizeDomain('https://example.com/about')).toBe('example.com');
		expect(normalizeDomain('example.com.')).toBe('example.com');
	});
});

describe('addDomain', () => {
	it('adds a domain and keeps the list sorted', () => {
		expect(addDomain(['northwind.test'], 'Acme.com')).toEqual({ ok: true, domains: ['acme.com', 'northwind.test'] });
	});

	it('refuses an empty entry, something that is not a domain, and a duplicate', () => {
		expect(addDomain([], '  ')).toEqual({ ok: false, message: 'Enter a domain, for example example.com.' });
		expect(addDomain([], 'localhost')).toEqual({
			ok: false,
			message: '“localhost” is not a domain. Enter one like example.com.'
		});
		expect(addDomain([], 'exa mple.com')).toMatchObject({ ok: false });
		expect(addDomain(['acme.com'], '@ACME.com')).toEqual({ ok: false, message: 'acme.com is already in the list.' });
	});
});

describe('removeDomain', () => {
	it('takes one domain away', () => {
		expect(removeDomain(['a.com', 'b.com'], 'a.com')).toEqual(['b.com']);
		expect(removeDomain(['a.com'], 'z.com')).toEqual(['a.com']);
	});
});
