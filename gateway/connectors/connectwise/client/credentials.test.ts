import { describe, expect, it } from 'vitest';
import { connectwiseCredentialsSchema, siteRoot } from './credentials.ts';

const keys = { companyId: 'CW', publicKey: 'pub', privateKey: 'priv', clientId: 'client' };

describe('ConnectWise site', () => {
	it.each([
		['api-na.myconnectwise.net', 'https://api-na.myconnectwise.net'],
		['https://api-eu.myconnectwise.net/', 'https://api-eu.myconnectwise.net'],
		['cw.msp.example:8443', 'https://cw.msp.example:8443'],
		['http://127.0.0.1:4100/cw', 'http://127.0.0.1:4100/cw']
	])('takes %s as %s', (site, root) => {
		const parsed = connectwiseCredentialsSchema.parse({ ...keys, site });
		expect(siteRoot(parsed.site)).toBe(root);
	});

	it.each([
		'not a site',
		'https://',
		'ftp://cw.example',
		'https://user:pass@cw.example',
		'cw.example/path',
		'x'.repeat(2_049)
	])('refuses %s before anything could throw', (site) => {
		const parsed = connectwiseCredentialsSchema.safeParse({ ...keys, site });
		expect(parsed.success).toBe(false);
	});
});
