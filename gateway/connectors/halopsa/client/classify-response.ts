// Turns one HaloPSA HTTP answer into a parsed body or a typed failure (psa-apis.md §3.7, §3.8). Pure:
// status, headers and body text in, value out; the transport does the I/O.

import { parseRetryAfter } from '../../common/retry-after.ts';
import { HALO_MESSAGES, type FieldError, type HaloFailure } from './failures.ts';
import { messageBodySchema, modelStateSchema } from './wire-schemas.ts';

export type Classified = { ok: true; body: unknown } | HaloFailure;

export function classifyResponse(status: number, headers: Headers, bodyText: string, now: number): Classified {
	const parsed = parseBody(bodyText);
	if (status >= 200 && status < 300) {
		if (!parsed.ok) return unexpectedAnswer(status, 'a body that is not JSON');
		return { ok: true, body: parsed.value };
	}
	const errors = errorTexts(parsed.ok ? parsed.value : plainText(bodyText));
	if (status === 401) {
		return {
			ok: false,
			code: 'auth_failed',
			message: HALO_MESSAGES.authentication,
			status,
			detail: errors.length ? errors.join('; ') : null
		};
	}
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
		// §3.8 [3P]: Halo words it "Rate Limit Reached - 300 Requests per rolling 5 minute window".
		const message = errors.length ? errors.join('; ') : rateLimitMessage(retryAfterMs);
		return { ok: false, code: 'rate_limited', message, retryAfterMs, status };
	}
	if (status === 404) {
		return { ok: false, code: 'not_found', message: errors.join('; ') || 'HaloPSA has no such record.', status };
	}
	if (errors.length > 0) {
		const fields = parsed.ok ? fieldErrors(parsed.value) : [];
		const byField = fields.length > 0 ? { fieldErrors: fields } : {};
		return { ok: false, code: 'rejected', message: errors.join('; '), errors, status, ...byField };
	}
	if (status === 403) {
		const message = 'HaloPSA refused the request: the API application or its agent lacks permission.';
		return { ok: false, code: 'rejected', message, errors: [], status };
	}
	return unexpectedAnswer(status, parsed.ok ? 'no error text' : 'a body that is not JSON');
}

/** Halo's own words from any error body it is seen to send (§3.7), in the order they appear. */
export function errorTexts(body: unknown): string[] {
	if (typeof body === 'string') return body.trim() ? [body.trim()] : [];
	const message = messageBodySchema.safeParse(body);
	if (message.success) {
		const m = message.data as Record<string, unknown>;
		const text = [m.errorMessage, m.Message, m.message, m.error_description, m.error].find(isText);
		return text ? [String(text).trim()] : [];
	}
	const nested = (body as { errors?: unknown } | null)?.errors;
	const state = modelStateSchema.safeParse(nested ?? body);
	if (!state.success) return [];
	return Object.values(state.data)
		.flat()
		.map((text) => text.trim())
		.filter(Boolean);
}

/** A 400 model state's texts with the property path each is about (`[0].lines[2].item_id`, §3.7), in order. */
export function fieldErrors(body: unknown): FieldError[] {
	if (messageBodySchema.safeParse(body).success) return [];
	const nested = (body as { errors?: unknown } | null)?.errors;
	const state = modelStateSchema.safeParse(nested ?? body);
	if (!state.success) return [];
	return Object.entries(state.data).flatMap(([path, texts]) =>
		[texts]
			.flat()
			.map((text) => text.trim())
			.filter(Boolean)
			.map((message) => ({ path, message }))
	);
}

function isText(value: unknown): boolean {
	return typeof value === 'string' && value.trim() !== '';
}

function rateLimitMessage(retryAfterMs: number | null): string {
	if (retryAfterMs === null) return `${HALO_MESSAGES.rateLimited}.`;
	return `${HALO_MESSAGES.rateLimited}; retry in ${Math.ceil(retryAfterMs / 1000)} s.`;
}

/** A short plain-text error body is Halo's message; an HTML error page is not. */
function plainText(text: string): string {
	const trimmed = text.trim();
	return trimmed.length <= 300 && !trimmed.startsWith('<') ? trimmed : '';
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: null };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function unexpectedAnswer(status: number, what: string): HaloFailure {
	return { ok: false, code: 'unexpected_response', message: `HaloPSA answered HTTP ${status} with ${what}.`, status };
}
