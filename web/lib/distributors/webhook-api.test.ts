// The Ingram Micro webhook calls of Admin › Distributors: offline nothing is sent and the answer says
// so; the gateway's URL and refusals come back as they are.

import { describe, expect, it } from 'vitest';
import { createWebhookApi, WEBHOOK_OFFLINE } from './webhook-api.ts';

const json = (status: number, body: unknown) => async () =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the Ingram Micro webhook api', () => {
	it('sends nothing offline', async () => {
		let sent = 0;
		const api = createWebhookApi(
			async () => {
				sent++;
				return new Response('{}');
			},
			() => false
		);
		expect(await api.save('a-secret-key')).toEqual({ ok: false, message: WEBHOOK_OFFLINE });
		expect(sent).toBe(0);
	});

	it('answers the URL to register, or the refusal in the gateway’s words', async () => {
		const url = 'https://outpost.example/api/webhooks/ingrammicro/org-demo/abc';
		expect(await createWebhookApi(json(200, { configured: true, url }), () => true).save('a-secret-key')).toEqual({
			ok: true,
			webhook: { configured: true, url }
		});
		const refusal = { error: { code: 'invalid_input', message: 'secret: at least 8 characters' } };
		expect(await createWebhookApi(json(400, refusal), () => true).save('short')).toEqual({
			ok: false,
			message: 'secret: at least 8 characters'
		});
	});
});
