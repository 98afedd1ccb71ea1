// Turns one Ingram Micro HTTP answer into a parsed body or a typed failure (psa-apis.md §4.2-4.6). Pure:
// status, headers and body text in, value out; the transport does the I/O.

import { INGRAM_MESSAGES, INVALID_CUSTOMER_NUMBER, type IngramFailure } from './failures.ts';
import { waitFromHeaders } from './rate-limit.ts';
import { errorListSchema, faultSchema, flatFaultSchema, validationErrorSchema } from './wire-schemas.ts';

export type Classified = { ok: true; status: number; body: unknown } | IngramFailure;

export function classifyResponse(status: number, headers: Headers, bodyText: string, now: number): Classified {
	const parsed = parseBody(bodyText);
	if (status >= 200 && status < 300) {
		if (!parsed.ok) return unexpectedAnswer(status, 'a body that is not JSON');
		return { ok: true, status, body: parsed.value };
	}
	const body = parsed.ok ? parsed.value : null;
	const words = errorText(body) ?? plainText(bodyText);
	// §4.3: the gateway's fault when IM-CustomerNumber does not match the app, whatever the status.
	if (words?.toLowerCase().startsWith(INVALID_CUSTOMER_NUMBER.toLowerCase())) {
		const message = INGRAM_MESSAGES.invalidCustomerNumber;
		return { ok: false, code: 'auth_failed', reason: 'customer_number', message, status, detail: words };
	}
	if (status === 401) {
		const message = INGRAM_MESSAGES.reauthenticate;
		return { ok: false, code: 'auth_failed', reason: 'token_refused', message, status, detail: words };
	}
	if (status === 429) {
		const retryAfterMs = waitFromHeaders(headers, now);
		const wait = retryAfterMs === null ? '' : `; retry in ${Math.ceil(retryAfterMs / 1000)} s`;
		return { ok: false, code: 'rate_limited', message: `${INGRAM_MESSAGES.rateLimited}${wait}.`, retryAfterMs, status };
	}
	if (status >= 500) {
		const maintenance = status === 503 || /maintenance/i.test(words ?? '');
		const said = words ? ` Ingram Micro said: ${words}` : ` (HTTP ${status})`;
		return {
			ok: false,
			code: 'server_error',
			message: `${INGRAM_MESSAGES.temporarilyUnavailable}${said}`,
			status,
			maintenance
		};
	}
	if (status === 404) {
		return { ok: false, code: 'not_found', message: words ?? 'Ingram Micro has no such record.', status };
	}
	const validation = validationErrorSchema.safeParse(body);
	if (validation.success) {
		const fields = (validation.data.fields ?? []).map((f) => ({ field: f.field ?? '', message: f.message ?? '' }));
		const detail = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
		const message = detail ? `${validation.data.message} (${detail})` : validation.data.message;
		return { ok: false, code: 'rejected', reason: 'validation', message, status, fields };
	}
	if (words) return { ok: false, code: 'rejected', reason: 'validation', message: words, status, fields: [] };
	return unexpectedAnswer(status, parsed.ok ? 'no error text' : 'a body that is not JSON');
}

/** Ingram's own words from any error body of §4.5. */
export function errorText(body: unknown): string | null {
	const fault = faultSchema.safeParse(body);
	if (fault.success) return fault.data.fault.faultstring.trim() || null;
	const flat = flatFaultSchema.safeParse(body);
	if (flat.success) return flat.data.faultstring.trim() || null;
	const validation = validationErrorSchema.safeParse(body);
	if (validation.success) return validation.data.message.trim() || null;
	const list = errorListSchema.safeParse(body);
	if (list.success) {
		const messages = list.data.errors.map((e) => e.message?.trim()).filter(Boolean);
		return messages.length ? messages.join('; ') : null;
	}
	return null;
}

/** A short plain-text error body is Ingram's message; an HTML error page is not. */
function plainText(text: string): string | null {
	const trimmed = text.trim();
	return trimmed && trimmed.length <= 300 && !trimmed.startsWith('<') && !trimmed.startsWith('{') ? trimmed : null;
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: null };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function unexpectedAnswer(status: number, what: string): IngramFailure {
	return {
		ok: false,
		code: 'unexpected_response',
		message: `Ingram Micro answered HTTP ${status} with ${what}.`,
		status
	};
}
