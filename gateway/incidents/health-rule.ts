// When what Outpost measured of a system amounts to an incident, and when the system has recovered.
// Pure: the recent outcomes of its calls (oldest first), the incident open now, and the thresholds in;
// a decision out. Which calls count and where incidents are stored belong to health-monitor.ts.

export const OUTCOMES = ['ok', 'auth_failed', 'server_error', 'unreachable'] as const;
/** What one call (one job attempt) told about a system; a 429 or a business rule says it is up. */
export type Outcome = (typeof OUTCOMES)[number];
export type MeasuredKind = 'auth' | 'errors' | 'budget';

export type Measured = { at: number; outcome: Outcome };

export type HealthThresholds = {
	/** Outcomes older than this are forgotten. */
	windowMs: number;
	/** Refused credentials this many times in a row. */
	authBurst: number;
	/** 5xx answers or no answer at all, this many times in a row. */
	failureStreak: number;
	/** Or this share of the window's calls failed, once it holds at least `minCalls`. */
	errorRate: number;
	minCalls: number;
	/** Successful calls in a row that close an open incident. */
	recoverAfter: number;
};

export const DEFAULT_THRESHOLDS: HealthThresholds = {
	windowMs: 10 * 60_000,
	authBurst: 3,
	failureStreak: 5,
	errorRate: 0.5,
	minCalls: 10,
	recoverAfter: 2
};

export type HealthDecision =
	| { action: 'none' }
	| { action: 'open'; kind: MeasuredKind; cause: string }
	/** The open incident stays open, for another reason than it opened with. */
	| { action: 'update'; kind: MeasuredKind; cause: string }
	| { action: 'close'; cause: string };

const NONE: HealthDecision = { action: 'none' };

/** `open`: the kind of the measured incident open for this system now, or null. */
export function decideHealth(
	outcomes: readonly Measured[],
	open: MeasuredKind | null,
	now: number,
	t: HealthThresholds = DEFAULT_THRESHOLDS
): HealthDecision {
	const recent = outcomes.filter((o) => o.at > now - t.windowMs);
	const last = recent.at(-1);
	if (!last) return NONE;
	if (last.outcome === 'ok') {
		const oks = trailing(recent, (o) => o === 'ok');
		if (open === null || oks < t.recoverAfter) return NONE;
		return { action: 'close', cause: `Recovered: ${oks} successful calls in a row.` };
	}
	const found = problemIn(recent, t);
	if (!found) return NONE;
	if (open === null) return { action: 'open', ...found };
	// A budget incident is about not calling; failing calls after it are a different problem.
	return open === found.kind ? NONE : { action: 'update', ...found };
}

function problemIn(recent: readonly Measured[], t: HealthThresholds): { kind: MeasuredKind; cause: string } | null {
	const auth = trailing(recent, (o) => o === 'auth_failed');
	if (auth >= t.authBurst) {
		return { kind: 'auth', cause: `${auth} calls in a row were refused for their credentials (HTTP 401).` };
	}
	const failing = trailing(recent, (o) => o === 'server_error' || o === 'unreachable');
	if (failing >= t.failureStreak) {
		return { kind: 'errors', cause: `${failing} calls in a row failed with a server error or no answer.` };
	}
	const failed = recent.filter((o) => o.outcome !== 'ok').length;
	if (recent.length >= t.minCalls && failed / recent.length >= t.errorRate) {
		const minutes = Math.round(t.windowMs / 60_000);
		return { kind: 'errors', cause: `${failed} of the last ${recent.length} calls failed within ${minutes} minutes.` };
	}
	return null;
}

/** How many outcomes at the end of the list pass `test`. */
function trailing(list: readonly Measured[], test: (o: Outcome) => boolean): number {
	let n = 0;
	for (let i = list.length - 1; i >= 0 && test(list[i]!.outcome); i--) n++;
	return n;
}

/**
 * An incident nobody's calls can close (Outpost's own errors: its successes are not counted) closes
 * once its window holds no failure.
 */
export function decideQuiet(outcomes: readonly Measured[], now: number, t: HealthThresholds = DEFAULT_THRESHOLDS) {
	const failures = outcomes.filter((o) => o.at > now - t.windowMs && o.outcome !== 'ok').length;
	return failures === 0;
}
