// The targets of DESIGN section 8 (and, where DESIGN has no row, reference/sync.md section 5),
// as checks on a measured value. Latency targets are on p95, as the design states them.

import type { Target } from './report.ts';
import type { Measure } from './stats.ts';

function p95AtMost(limitMs: number, source = ''): Target {
	return {
		text: `p95 ≤ ${limitMs} ms${source}`,
		ok: (m) => (m.kind === 'latency' ? m.p95 <= limitMs : null)
	};
}

function rateAtLeast(perSecond: number, onlySet?: string): Target {
	const where = onlySet ? ` (${onlySet})` : '';
	return {
		text: `≥ ${perSecond.toLocaleString('en-US')}/s${where}`,
		ok: (m, _ratio, set) => (onlySet && set !== onlySet ? null : m.kind === 'rate' ? m.perSecond >= perSecond : null)
	};
}

function syncWithin(limitMs: number, maxRatio: number): Target {
	return {
		text: `≤ ${limitMs / 1000} s and ≤ ${maxRatio}× raw IDB`,
		ok: (m: Measure, ratio) =>
			m.kind === 'duration' ? m.median <= limitMs && ratio !== null && ratio <= maxRatio : null
	};
}

function ratioAtMost(maxRatio: number, what: string): Target {
	return { text: `≤ ${maxRatio}× ${what}`, ok: (_m, ratio) => (ratio === null ? null : ratio <= maxRatio) };
}

function durationAtMost(limitMs: number): Target {
	return {
		text: `≤ ${limitMs / 1000} s`,
		ok: (m) => (m.kind === 'duration' ? m.median <= limitMs : null)
	};
}

export const TARGETS = {
	localWrite: p95AtMost(5),
	/** DESIGN: 10,000 pending mutations "without slowing writes"; the margin is this machine's noise. */
	writeWithQueue: ratioAtMost(1.2, 'empty outbox'),
	drainThousand: durationAtMost(3_000),
	initialSync10k: syncWithin(1_500, 1.5),
	initialSync50k: syncWithin(5_000, 1.5),
	pullNoop: p95AtMost(8),
	pullNoopHandler: p95AtMost(2, ' (sync.md T6)'),
	pullDelta100: p95AtMost(12, ' (sync.md T7)'),
	pushOne: p95AtMost(10),
	pushHundred: p95AtMost(150),
	singlePushesPerSecond: rateAtLeast(1_000, 'sqlite'),
	batchedMutationsPerSecond: rateAtLeast(5_000, 'sqlite'),
	openQuote200: p95AtMost(50),
	/** DESIGN has no figure for search as you type: one frame at 60 Hz is what a keystroke may cost. */
	catalogKeystroke: p95AtMost(16, ' (one frame; not in DESIGN)')
} satisfies Record<string, Target>;
