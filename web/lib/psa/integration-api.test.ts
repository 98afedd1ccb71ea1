import { describe, expect, it } from 'vitest';
import { createIntegrationApi, OFFLINE_MESSAGES } from './integration-api.ts';

type Call = { url: string; init: RequestInit | undefined };

function fakeFetch(status: number, body: unknown, calls: Call[] = []): typeof fetch {
	return async (url, init) => {
		calls.push({ url: String(url), init });
		return new Response(body === undefined ? null : JSON.stringify(body), { status });
	};
}

describe('createIntegrationApi', () => {
	it('saves credentials with PUT and returns the connection test’s result', async () => {
		const calls: Call[] = [];
		const api = createIntegrationApi(fakeFetch(200, { connection: { state: 'ok', message: 'Connected' } }, calls));
		const answer = await api.saveCredentials('autotask', { userName: 'u' });
		expect(answer).toEqual({ ok: true, value: { state: 'ok', message: 'Connected' } });
		expect(calls[0]!.url).toBe('/api/admin/integrations/autotask/credentials');
		expect(calls[0]!.init?.method).toBe('PUT');
		expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ credentials: { userName: 'u' } });
	});

	it('passes on the gateway’s refusal and the fields it names', async () => {
		const api = createIntegrationApi(
			fakeFetch(400, { error: { code: 'invalid_input', message: 'secret: required', fields: ['secret'] } })
		);
		expect(await api.saveCredentials('autotask', {})).toEqual({
			ok: false,
			code: 'invalid_input',
			message: 'secret: required',
			fields: ['secret']
		});
	});

	it('says plainly when the device is offline, without calling out', async () => {
		const calls: Call[] = [];
		const api = createIntegrationApi(fakeFetch(200, {}, calls), () => false);
		expect(await api.saveCredentials('halopsa', {})).toMatchObject({
			ok: false,
			code: 'offline',
			message: OFFLINE_MESSAGES.save
		});
		expect(calls).toEqual([]);
	});

	it('treats a failed request as offline', async () => {
		const api = createIntegrationApi(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await api.testConnection('connectwise')).toMatchObject({ code: 'offline', message: OFFLINE_MESSAGES.test });
	});

	it('refuses an answer of the wrong shape', async () => {
		expect(await createIntegrationApi(fakeFetch(200, { nope: 1 })).testConnection('autotask')).toMatchObject({
			ok: false,
			code: 'unexpected'
		});
		expect(await createIntegrationApi(fakeFetch(500, 'boom')).testConnection('autotask')).toMatchObject({
			code: 'unexpected'
		});
	});

	it('removes credentials with DELETE', async () => {
		const calls: Call[] = [];
		const api = createIntegrationApi(fakeFetch(200, {}, calls));
		expect(await api.removeCredentials('autotask')).toEqual({ ok: true, value: null });
		expect(calls[0]!.init?.method).toBe('DELETE');
	});
});
