// Turns one ConnectWise HTTP answer into a parsed body or a typed failure (psa-apis.md §2.7, §2.8).
// Pure: status, headers and body text in, value out; the transport does the I/O.

import { parseRetryAfter } from '../../common/retry-after.ts';
import { CONNECTWISE_MESSAGES, type ConnectwiseFailure, type ValidationError } from './failures.ts';
import { errorBodySchema } from './wire-schemas.ts';

export type Classified = { ok: true; body: unknown; headers: Headers } | ConnectwiseFailure;

export function classifyResponse(status: number, headers: Headers, bodyText: string, now: number): Classified {
	const parsed = parseJson(bodyText);
	if (status >= 200 && status < 300) {
		if (!parsed.ok) return unexpectedAnswer(status, 'a body that is not JSON');
		return { ok: true, body: parsed.value, headers };
	}
	if (status === 401) return { ok: false, code: 'auth_failed', message: CONNECTWISE_MESSAGES.authentication, status };
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
		return { ok: false, code: 'rate_limited', message: CONNECTWISE_MESSAGES.rateLimited, retryAfterMs, status };
	}
	const error = parsed.ok ? readError(parsed.value) : null;
	if (status >= 500) {
		const message = error?.message ?? `ConnectWise answered HTTP ${status}.`;
		return { ok: false, code: 'server_error', message, status };
	}
	if (status === 404) {
		return { ok: false, code: 'not_found', message: error?.message ?? 'ConnectWise has no such record.', status };
	}
	if (error) {
		return { ok: false, code: 'rejected', message: error.message, cwCode: error.code, errors: error.errors, status };
	}
	return unexpectedAnswer(status, parsed.ok ? 'no error text' : 'a body that is not JSON');
}

/**
 * The sentence a person reads: the validation errors' own messages when there are any (they name the
 * field: "Company ID already in use."), else the top-level message ("configuration object is invalid").
 */
function readError(body: unknown): { message: string; code: string | null; errors: ValidationError[] } | null {
	const parsed = errorBodySchema.safeParse(body);
	if (!parsed.success) return null;
	const errors = (parsed.data.errors ?? [])
		.filter((e) => e.message?.trim())
		.map((e) => ({ code: e.code ?? null, message: e.message!.trim(), field: e.field ?? null }));
	const message = errors.length ? errors.map((e) => e.message).join(' ') : parsed.data.message?.trim();
	if (!message) return null;
	return { message, code: parsed.data.code ?? null, errors };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: null };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function unexpectedAnswer(status: number, what: string): ConnectwiseFailure {
	return {
		ok: false,
		code: 'unexpected_response',
		message: `ConnectWise answered HTTP ${status} with ${what}.`,
		status
	};
}
