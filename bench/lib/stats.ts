// Summaries of timing samples. Latencies are reported as p50/p95 (nearest rank); rates as events
// per second over the measured wall time. Nothing here knows what is being measured.

export type Latency = { kind: 'latency'; n: number; p50: number; p95: number; p99: number; mean: number };
/** `batch`: units per request (mutations per push), so a rate compares per request with a requests/s reference. */
export type Rate = {
	kind: 'rate';
	perSecond: number;
	count: number;
	errors: number;
	seconds: number;
	unit: string;
	batch?: number;
};
/** A whole job run a few times (an initial sync): the median run and the slowest. */
export type Duration = { kind: 'duration'; runs: number; median: number; max: number };
/**
 * A quantity that is not a time: bytes on the wire, resident memory, a score. `lowerIsBetter` false
 * (a score) leaves the cost ratio out, since a score is not a cost.
 */
export type Amount = { kind: 'amount'; value: number; unit: string; lowerIsBetter: boolean };
export type Measure = Latency | Rate | Duration | Amount;

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function latency(samples: readonly number[]): Latency {
	const sorted = [...samples].sort((a, b) => a - b);
	const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
	return {
		kind: 'latency',
		n: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		mean
	};
}

export function rate(count: number, seconds: number, unit: string, errors = 0): Rate {
	return { kind: 'rate', perSecond: count / seconds, count, errors, seconds, unit };
}

export function duration(runsMs: readonly number[]): Duration {
	const sorted = [...runsMs].sort((a, b) => a - b);
	return { kind: 'duration', runs: sorted.length, median: percentile(sorted, 50), max: sorted[sorted.length - 1]! };
}

/**
 * How many times the cost of `ours` is the cost of `reference` (time per operation, so a rate is
 * inverted, and per request when `batch` says how many units one request carries): 1.0 is as fast
 * as the reference, 2.0 twice as slow, 0.5 twice as fast. Latencies are compared at p50, the stable
 * percentile; p95 is printed beside it.
 */
export function amount(value: number, unit: string, lowerIsBetter = true): Amount {
	return { kind: 'amount', value, unit, lowerIsBetter };
}

export function costRatio(ours: Measure, reference: Measure): number {
	return cost(ours) / cost(reference);
}

function cost(m: Measure): number {
	switch (m.kind) {
		case 'latency':
			return m.p50;
		case 'rate':
			return (m.batch ?? 1) / m.perSecond;
		case 'duration':
			return m.median;
		case 'amount':
			return m.lowerIsBetter ? m.value : Number.NaN;
	}
}

/** Times `fn` `n` times one after the other, after `warmup` untimed runs. */
export async function sample(n: number, fn: (i: number) => Promise<unknown>, warmup = 0): Promise<number[]> {
	for (let i = 0; i < warmup; i++) await fn(-1 - i);
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		await fn(i);
		out.push(performance.now() - t0);
	}
	return out;
}
