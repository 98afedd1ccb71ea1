// When password sign-ins must wait: at most 5 failed attempts per account and 20 per client address
// in any 15 minutes (OWASP: throttle per account and per source). Pure: the attempts are read and
// written by sign-in-attempts.ts.

export type ThrottleRule = { limit: number; windowMs: number };

export const THROTTLE_RULES = {
	account: { limit: 5, windowMs: 15 * 60_000 },
	address: { limit: 20, windowMs: 15 * 60_000 }
} as const satisfies Record<string, ThrottleRule>;

/** One count of attempts: its key in sign_in_attempts and the rule that bounds it. */
export type ThrottleCounter = { key: string; rule: ThrottleRule };

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Failed password checks for one email address, whether or not an account has it. */
export function accountCounter(email: string): ThrottleCounter {
	return { key: `account:${email.trim().toLowerCase()}`, rule: THROTTLE_RULES.account };
}

/** Failed password checks from one client address. */
export function addressCounter(address: string): ThrottleCounter {
	return { key: `ip:${address}`, rule: THROTTLE_RULES.address };
}

/** Requests that may send mail (password reset, verification link) from one client address. */
export function mailRequestCounter(address: string): ThrottleCounter {
	return { key: `mail-ip:${address}`, rule: THROTTLE_RULES.address };
}

/**
 * Whether another attempt may go ahead, given each counter's recorded attempt times (any order, any
 * age). When one is full, the answer says how long until enough of its attempts have aged out.
 */
export function decideThrottle(
	counts: readonly { rule: ThrottleRule; attempts: readonly number[] }[],
	now: number
): ThrottleDecision {
	let waitMs = 0;
	for (const { rule, attempts } of counts) {
		const recent = attempts.filter((at) => at > now - rule.windowMs).sort((a, b) => a - b);
		if (recent.length < rule.limit) continue;
		// The attempt whose expiry brings the count back under the limit.
		const freeing = recent[recent.length - rule.limit]!;
		waitMs = Math.max(waitMs, freeing + rule.windowMs - now);
	}
	return waitMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { ok: true };
}
