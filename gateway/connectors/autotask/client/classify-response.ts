// Turns one Autotask HTTP answer into a parsed body or a typed failure (psa-apis.md §1.2, §1.6,
// §1.8). Pure: status, headers and body text in, value out; the transport does the I/O.

import { parseRetryAfter } from '../../common/retry-after.ts';
import { AUTOTASK_MESSAGES, type AutotaskFailure } from './failures.ts';
import { errorsBodySchema } from './wire-schemas.ts';

/**
 * 500 texts that mean the credentials are wrong (§1.2 [3P]: a wrong user name or integration code
 * answers 500, not 401). "IntegrationCode is invalid" and "Zone information could not be determined"
 * are seen in third-party code against live tenants; the rest are defensive.
 */
const AUTH_TEXTS = [
	/IntegrationCode is invalid/i,
	/Zone information could not be determined/i,
	/\bUserName is invalid\b/i,
	/\bunauthori[sz]ed\b/i,
	/\bauthenticat/i
];
/** §1.8 [UNVERIFIED]: treat 5xx with "thread"/"threshold" text as a rate limit. */
const RATE_TEXTS = [/\bthreshold\b/i, /\bthread\b/i, /rate limit/i];

export type Classified = { ok: true; body: unknown } | AutotaskFailure;

export function classifyResponse(status: number, headers: Headers, bodyText: string, now: number): Classified {
	const parsed = parseJson(bodyText);
	if (status >= 200 && status < 300) {
		if (!parsed.ok) return unexpectedAnswer(status, 'a body that is not JSON');
		return { ok: true, body: parsed.value };
	}
	const errors = parsed.ok ? errorTexts(parsed.value) : [];
	const joined = errors.join(' ');
	if (status === 401 || (errors.length > 0 && AUTH_TEXTS.some((re) => re.test(joined)))) {
		return {
			ok: false,
			code: 'auth_failed',
			message: AUTOTASK_MESSAGES.authentication,
			status,
			detail: errors.length ? joined : null
		};
	}
	if (status === 429 || (status >= 500 && RATE_TEXTS.some((re) => re.test(joined)))) {
		const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
		return { ok: false, code: 'rate_limited', message: rateLimitMessage(retryAfterMs), retryAfterMs, status };
	}
	if (errors.length > 0) {
		// Autotask's own words are the issue text (DESIGN §4): "BillingCode does not exist or is invalid".
		return { ok: false, code: 'rejected', message: errors.join('; '), errors, status };
	}
	if (status === 404) return { ok: false, code: 'not_found', message: 'Autotask has no such record.', status };
	return unexpectedAnswer(status, parsed.ok ? 'no error text' : 'a body that is not JSON');
}

function rateLimitMessage(retryAfterMs: number | null): string {
	if (retryAfterMs === null) return `${AUTOTASK_MESSAGES.rateLimited}.`;
	return `${AUTOTASK_MESSAGES.rateLimited}; retry in ${Math.ceil(retryAfterMs / 1000)} s.`;
}

function errorTexts(body: unknown): string[] {
	const parsed = errorsBodySchema.safeParse(body);
	if (!parsed.success) return [];
	return parsed.data.errors.map((e) => (typeof e === 'string' ? e : e.message)).filter((e) => e.trim() !== '');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: null };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function unexpectedAnswer(status: number, what: string): AutotaskFailure {
	return {
		ok: false,
		code: 'unexpected_response',
		message: `Autotask answered HTTP ${status} with ${what}.`,
		status
	};
}
