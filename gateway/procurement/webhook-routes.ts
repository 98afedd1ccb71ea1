// /api/webhooks/ingrammicro/:orgId/:token: Ingram Micro's order-status deliveries (psa-apis.md §4.7).
// No session: the unguessable token in the URL and the `X-Hub-Signature` of the event id under the
// organisation's webhook secret stand for one. In order: the body is read once under a cap (413), the
// token and signature are checked in constant time before the body is parsed or any order read (any
// failure, an unknown organisation included, is the same 401), the body is checked (400 naming what
// is wrong), the event id is claimed once (a replay changes nothing), and the orders it names are read
// again from Ingram (order-webhook.ts). Orders it does not name, or of another organisation, answer the
// same 200 as the rest.

import { Hono, type Context } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { eventIdOf, ORDER_TOPIC, orderEventSchema } from '../connectors/ingrammicro/webhook/payload.ts';
import { openIngramWebhook } from '../connectors/ingrammicro/webhook/settings.ts';
import { SIGNATURE_HEADER, verifyEvent } from '../connectors/ingrammicro/webhook/signature.ts';
import { formatBytes } from '../http/body-limits.ts';
import { describeZodError } from '../http/describe-zod-error.ts';
import { errorResponse } from '../http/errors.ts';
import { preloadBodyText } from '../http/request-body.ts';
import { storeReader } from '../jobs/store-sync-context.ts';
import type { PsaServices } from '../psa/psa-services.ts';
import type { Store } from '../store/store.ts';
import { openBudgetedPort } from './budgeted-port.ts';
import { applyOrderEvent } from './order-webhook.ts';
import { createWebhookEvents } from './webhook-events.ts';

/** Ingram's events are a few KB; the cap keeps a forged body from costing more than reading it. */
export const WEBHOOK_BODY_BYTES = 256 * 1024;

const SOURCE = 'ingrammicro';
const REFUSED = 'The webhook signature does not match this organisation’s Ingram Micro webhook secret.';
const encoder = new TextEncoder();

/** Same length, compared byte by byte without an early exit. */
function sameText(a: string, b: string): boolean {
	const x = encoder.encode(a);
	const y = encoder.encode(b);
	let diff = x.length ^ y.length;
	for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
	return diff === 0;
}

export type WebhookRouteDeps = {
	store: Store;
	psa: Pick<PsaServices, 'vault' | 'write' | 'outbound' | 'runner'>;
	now(): number;
	log: (message: string, detail?: unknown) => void;
	fetch?: typeof fetch;
};

export function webhookRoutes(deps: WebhookRouteDeps) {
	const events = createWebhookEvents(deps.store);
	const decoy = { secret: crypto.randomUUID(), token: crypto.randomUUID() };
	const tooLarge = (c: Context) =>
		errorResponse(
			c,
			ERRORS.tooLarge.code,
			`The request body is larger than ${formatBytes(WEBHOOK_BODY_BYTES)}, the limit here.`
		);
	const unavailable = (c: Context) => {
		c.header('Retry-After', '60');
		return errorResponse(
			c,
			ERRORS.temporarilyUnavailable.code,
			'Ingram Micro could not be read now; send the event again later.'
		);
	};

	return new Hono().post('/ingrammicro/:orgId/:token', async (c) => {
		const declared = Number(c.req.header('content-length') ?? 0);
		if (declared > WEBHOOK_BODY_BYTES) return tooLarge(c);
		preloadBodyText(c);
		const raw = await c.req.text();
		if (encoder.encode(raw).length > WEBHOOK_BODY_BYTES) return tooLarge(c);

		const orgId = c.req.param('orgId');
		const eventId = eventIdOf(raw);
		const webhook = orgId.length <= 100 ? await openIngramWebhook(deps.psa.vault, orgId) : null;
		const tokenOk = sameText(c.req.param('token'), (webhook ?? decoy).token);
		const signed = await verifyEvent((webhook ?? decoy).secret, eventId ?? '', c.req.header(SIGNATURE_HEADER));
		if (!webhook || !tokenOk || !signed || eventId === null) {
			return errorResponse(c, ERRORS.invalidCredentials.code, REFUSED);
		}

		let body: unknown;
		try {
			body = JSON.parse(raw);
		} catch {
			return errorResponse(c, ERRORS.invalidInput.code, 'body: not valid JSON');
		}
		const parsed = orderEventSchema.safeParse(body);
		if (!parsed.success) return errorResponse(c, ERRORS.invalidInput.code, describeZodError(parsed.error, 'body'));
		if (parsed.data.eventId !== eventId) return errorResponse(c, ERRORS.invalidCredentials.code, REFUSED);
		const event = parsed.data;
		if ((event.topic ?? ORDER_TOPIC) !== ORDER_TOPIC) return c.json({ ok: true });

		const now = deps.now();
		if (!(await events.claim(orgId, SOURCE, eventId, now))) return c.json({ ok: true });
		const portDeps = {
			vault: deps.psa.vault,
			budget: deps.psa.runner.budget,
			outbound: deps.psa.outbound,
			fetch: deps.fetch ?? globalThis.fetch,
			clock: { now: deps.now },
			sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
		};
		try {
			const outcome = await applyOrderEvent(
				{
					data: storeReader(deps.store, orgId),
					write: deps.psa.write,
					now: deps.now,
					openPort: () => openBudgetedPort(portDeps, orgId, 'ingrammicro')
				},
				orgId,
				'ingrammicro',
				event.resource
			);
			if (outcome.ok) return c.json({ ok: true });
			deps.log(`Ingram Micro webhook ${eventId}: the orders could not be read (${outcome.message})`);
		} catch (error) {
			deps.log(`Ingram Micro webhook ${eventId} failed`, error);
		}
		await events.release(orgId, SOURCE, eventId);
		return unavailable(c);
	});
}
