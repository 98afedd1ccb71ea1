// One TD SYNNEX answer as a parsed XML document or a typed failure (pure). The XML API answers most
// errors inside an HTTP 200 body (§5.2 [UNVERIFIED]); `inBodyFailure` reads those texts, the rest is
// HTTP: a 5xx or maintenance page is `unavailable`, 401/403 refused credentials, 429 a rate limit.

import { parseRetryAfter } from '../../common/retry-after.ts';
import { TDSYNNEX_MESSAGES, rejected, type TdSynnexFailure, type UnavailableReason } from './failures.ts';
import { parseXml, type XmlDocument } from './xml.ts';

export type Classified = { ok: true; document: XmlDocument } | TdSynnexFailure;

/** Texts that say the customer number is the problem (the seed's words, and variants of them). */
const CUSTOMER_NUMBER_TEXTS = [
	/invalid customer (number|no\b|#)/i,
	/customer (number|no\.?) (is )?(invalid|not (found|valid))/i
];
/** Texts that say the user or password is refused. */
const CREDENTIAL_TEXTS = [
	/\blog ?in (failed|error|denied)/i,
	/\bauthenticat\w* (failed|error)/i,
	/invalid (user|username|user ?id|password|credential)/i,
	/(user|username|user ?id|password) (is )?(invalid|incorrect|wrong)/i,
	/\bunauthori[sz]ed\b/i,
	/\baccess denied\b/i
];
const MAINTENANCE_TEXTS = [/maintenance/i, /temporarily unavailable/i, /system (is )?(down|busy|unavailable)/i];
/** §5.2 [3P]: a PO number TD SYNNEX already has is answered "DUPPLICATED INSERT", with that spelling. */
const DUPLICATE_TEXTS = [/dupp?licated/i, /already exists/i, /duplicate/i];

export function classifyResponse(status: number, headers: Headers, bodyText: string, now: number): Classified {
	if (status >= 500) return unavailable(status, parseRetryAfter(headers.get('retry-after'), now));
	if (status === 401 || status === 403) return refusedCredentials(status, `HTTP ${status}`);
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
		return { ok: false, code: 'rate_limited', message: `${TDSYNNEX_MESSAGES.rateLimited}.`, retryAfterMs, status };
	}
	const parsed = parseXml(bodyText);
	if (status < 200 || status >= 300) {
		return { ok: false, code: 'unexpected_response', message: `TD SYNNEX answered HTTP ${status}.`, status };
	}
	if (!parsed.ok) {
		// A maintenance page served with 200 is still a maintenance page.
		if (MAINTENANCE_TEXTS.some((re) => re.test(bodyText.slice(0, 4000)))) return unavailable(status, null);
		return { ok: false, code: 'unexpected_response', message: `TD SYNNEX answered with ${parsed.problem}.`, status };
	}
	return { ok: true, document: parsed.value };
}

/** The failure a TD SYNNEX error text stands for (an `errorDetail`, or a rejected PO's `Reason`). */
export function inBodyFailure(text: string, status = 200): TdSynnexFailure {
	if (CUSTOMER_NUMBER_TEXTS.some((re) => re.test(text))) {
		return {
			ok: false,
			code: 'auth_failed',
			message: TDSYNNEX_MESSAGES.invalidCustomerNumber,
			status,
			detail: text,
			reason: 'customer_number'
		};
	}
	if (CREDENTIAL_TEXTS.some((re) => re.test(text))) return refusedCredentials(status, text);
	if (MAINTENANCE_TEXTS.some((re) => re.test(text))) return unavailable(status, null);
	if (DUPLICATE_TEXTS.some((re) => re.test(text)))
		return { ...rejected(text, status), duplicate: true } as TdSynnexFailure;
	return rejected(text, status);
}

/** Why a PO line was refused, from its `Reason`; null when it is not about the product's availability. */
export function unavailableReason(text: string): UnavailableReason | null {
	if (/discontinu|end of life|\beol\b/i.test(text)) return 'discontinued';
	if (/out of stock|no stock|insufficient (stock|quantity|inventory)|not in stock|no inventory/i.test(text)) {
		return 'out_of_stock';
	}
	if (/(sku|item|product|part)\b.*\b(not found|invalid|unknown)|invalid (sku|item|part)/i.test(text))
		return 'not_found';
	return null;
}

function refusedCredentials(status: number, detail: string): TdSynnexFailure {
	return {
		ok: false,
		code: 'auth_failed',
		message: TDSYNNEX_MESSAGES.authentication,
		status,
		detail,
		reason: 'credentials'
	};
}

function unavailable(status: number, retryAfterMs: number | null): TdSynnexFailure {
	const message = `${TDSYNNEX_MESSAGES.unavailable}${status >= 500 ? ` (HTTP ${status})` : ''}.`;
	return { ok: false, code: 'unavailable', message, status, retryAfterMs };
}
