// What the client refuses to believe or to send, against a stubbed fetch: answers that are not the
// documented shape, and a nextPageUrl that would carry the credentials to another host.

import { describe, expect, it } from 'vitest';
import { createAutotaskClient } from './client.ts';
import type { FetchLike } from '../../common/transport-core.ts';

const credentials = { apiIntegrationCode: 'CODE', userName: 'api@msp.example', secret: 'secret' };
const ZONE = 'https://webservices3.autotask.net/ATServicesRest/';

/** Answers each call with the next canned response and records the URLs asked for. */
function stub(...answers: [number, unknown][]) {
	const urls: string[] = [];
	const fetch: FetchLike = async (url) => {
		urls.push(url);
		const [status, body] = answers.shift() ?? [500, { errors: ['no more answers'] }];
		return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
	};
	return { urls, client: createAutotaskClient({ credentials, fetch, zoneUrl: ZONE }) };
}

describe('client guards', () => {
	it('does not follow a nextPageUrl to another host', async () => {
		const { urls, client } = stub([
			200,
			{ items: [{ id: 1 }], pageDetails: { nextPageUrl: 'https://evil.example/V1.0/Companies/query/next?paging=x' } }
		]);
		const result = await client.queryAll('Companies');
		expect(result).toMatchObject({
			ok: false,
			code: 'unexpected_response',
			message: expect.stringContaining('outside its zone')
		});
		expect(urls).toEqual([`${ZONE}V1.0/Companies/query`]);
	});

	it('refuses records that do not fit the entity', async () => {
		const { client } = stub([200, { items: [{ id: 'one' }], pageDetails: { nextPageUrl: null } }]);
		expect(await client.queryAll('Companies')).toMatchObject({ ok: false, code: 'unexpected_response' });
	});

	it('refuses envelopes that are not the documented ones', async () => {
		const { client } = stub([200, { records: [] }], [200, { id: 4 }], [200, {}], [200, { fields: 'none' }]);
		expect(await client.queryAll('Companies')).toMatchObject({ code: 'unexpected_response' });
		expect(await client.create('QuoteLocations', { city: 'x' })).toMatchObject({ code: 'unexpected_response' });
		expect(await client.get('Companies', 4)).toMatchObject({ code: 'unexpected_response' });
		expect(await client.fields('Companies')).toMatchObject({ code: 'unexpected_response' });
	});

	it('treats { item: null } as no record', async () => {
		const { client } = stub([200, { item: null }]);
		expect(await client.get('Companies', 4)).toEqual({ ok: true, value: null });
	});

	it('does not cache a failed zone lookup', async () => {
		let calls = 0;
		const fetch: FetchLike = async () => {
			calls += 1;
			return calls === 1
				? new Response('', { status: 503 })
				: new Response(JSON.stringify({ url: ZONE, zoneName: 'Zone 3' }), { status: 200 });
		};
		const client = createAutotaskClient({
			credentials,
			fetch,
			zoneLookupUrl: 'https://webservices.autotask.net/ATServicesRest'
		});
		expect(await client.zone()).toMatchObject({ ok: false, code: 'unexpected_response', status: 503 });
		expect(await client.zone()).toMatchObject({ ok: true, value: { url: ZONE } });
		expect(await client.zone()).toMatchObject({ ok: true });
		expect(calls).toBe(2);
	});

	it('rejects credentials that are missing a part before sending anything', () => {
		expect(() => createAutotaskClient({ credentials: { ...credentials, secret: '' } })).toThrow();
	});

	it('lets programming errors through as exceptions', async () => {
		const fetch: FetchLike = async () => {
			throw new RangeError('bug');
		};
		const client = createAutotaskClient({ credentials, fetch, zoneUrl: ZONE });
		await expect(client.get('Companies', 1)).rejects.toThrow('bug');
	});
});
