// The simulator's own wire facts, spoken to with plain fetch over loopback (psa-apis.md §4.2-4.6).

import { afterEach, describe, expect, it } from 'vitest';
import { createIngramSimulator, SANDBOX_CREDENTIALS, type IngramSimulator } from './simulator.ts';

let sim: IngramSimulator | null = null;
afterEach(async () => {
	await sim?.close();
	sim = null;
});

async function started() {
	sim = createIngramSimulator({ log: () => {} });
	const { apiUrl } = await sim.listen();
	return apiUrl;
}

const form = new URLSearchParams({
	grant_type: 'client_credentials',
	client_id: SANDBOX_CREDENTIALS.clientId,
	client_secret: SANDBOX_CREDENTIALS.clientSecret
});

async function token(apiUrl: string): Promise<string> {
	const res = await fetch(`${apiUrl}/oauth/oauth20/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: form.toString()
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

const imHeaders = (bearer: string, extra: Record<string, string> = {}) => ({
	Authorization: `Bearer ${bearer}`,
	'IM-CustomerNumber': '20-222222',
	'IM-CountryCode': 'US',
	'IM-CorrelationID': 'fbac82bacf0a4bcffc030c5084',
	'Content-Type': 'application/json',
	...extra
});

describe('Ingram Micro simulator', () => {
	it('issues a token to a form POST and to the SDK GET, with expires_in as a string', async () => {
		const apiUrl = await started();
		const posted = await fetch(`${apiUrl}/oauth/oauth20/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString()
		});
		expect(await posted.json()).toMatchObject({ token_type: 'Bearer', expires_in: '86400' });
		const got = await fetch(`${apiUrl}/oauth/oauth20/token?${form}`);
		expect(got.status).toBe(200);
		const refused = await fetch(
			`${apiUrl}/oauth/oauth20/token?grant_type=client_credentials&client_id=x&client_secret=y`
		);
		expect([refused.status, await refused.json()]).toEqual([400, { message: 'Invalid client credentials' }]);
	});

	it('answers X-RateLimit-* on every call and echoes the correlation and sender ids', async () => {
		const apiUrl = await started();
		const bearer = await token(apiUrl);
		const res = await fetch(`${apiUrl}/resellers/v6/orders/search?customerOrderNumber=PO-1`, {
			headers: imHeaders(bearer, { 'IM-SenderID': 'Outpost' })
		});
		expect(await res.json()).toEqual({ recordsFound: 0, pageSize: 25, pageNumber: 1, orders: [] });
		expect(res.headers.get('x-ratelimit-limit')).toBe('60');
		expect(res.headers.get('x-ratelimit-remaining')).toBe('59');
		expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
		expect(res.headers.get('im-correlationid')).toBe('fbac82bacf0a4bcffc030c5084');
		expect(res.headers.get('im-senderid')).toBe('Outpost');
	});

	it('refuses a call without the IM-* headers, naming them, and a P&A of more than 50 products', async () => {
		const apiUrl = await started();
		const bearer = await token(apiUrl);
		const bare = await fetch(`${apiUrl}/resellers/v6/orders/search`, {
			headers: { Authorization: `Bearer ${bearer}` }
		});
		expect(bare.status).toBe(400);
		expect(((await bare.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
			'IM-CustomerNumber',
			'IM-CountryCode',
			'IM-CorrelationID'
		]);
		const products = Array.from({ length: 51 }, (_, i) => ({ ingramPartNumber: `P${i}` }));
		const many = await fetch(`${apiUrl}/resellers/v6/catalog/priceandavailability`, {
			method: 'POST',
			headers: imHeaders(bearer),
			body: JSON.stringify({ products })
		});
		expect(many.status).toBe(400);
	});

	it('refuses an order with duplicate or non-numeric line numbers and a zero quantity', async () => {
		const apiUrl = await started();
		const bearer = await token(apiUrl);
		const res = await fetch(`${apiUrl}/resellers/v6/orders`, {
			method: 'POST',
			headers: imHeaders(bearer),
			body: JSON.stringify({
				customerOrderNumber: 'PO-1',
				lines: [
					{ customerLineNumber: '1', ingramPartNumber: 'A', quantity: 1 },
					{ customerLineNumber: '1', ingramPartNumber: 'B', quantity: 0 }
				]
			})
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
			'lines[1].customerLineNumber',
			'lines[1].quantity'
		]);
	});
});
