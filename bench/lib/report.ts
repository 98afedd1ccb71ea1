// Prints a bench table: each row is a metric measured on our code and on a reference in the same
// run, the cost ratio between them, the target it answers to, and whether it is met. A row can
// carry several column sets (SQLite and Postgres side by side).

import { costRatio, type Measure } from './stats.ts';

export type Target = {
	text: string;
	/** null when the target does not apply to this column set (a SQLite-only figure on Postgres). */
	ok(ours: Measure, ratio: number | null, set: string): boolean | null;
};

export type Cell = { ours: Measure | null; reference: Measure | null };

export type Row = { metric: string; reference: string; target?: Target; cells: Record<string, Cell> };

export type Table = { title: string; sets: string[]; rows: Row[]; notes?: string[] };

export function formatMeasure(m: Measure | null): string {
	if (!m) return 'n/a';
	switch (m.kind) {
		case 'latency':
			return `${ms(m.p50)} / ${ms(m.p95)} ms`;
		case 'rate': {
			const errors = m.errors ? ` (${m.errors} errors)` : '';
			return `${Math.round(m.perSecond).toLocaleString('en-US')} ${m.unit}/s${errors}`;
		}
		case 'duration':
			return m.median >= 1000 ? `${(m.median / 1000).toFixed(2)} s` : `${Math.round(m.median)} ms`;
		case 'amount':
			return `${m.value >= 100 || Number.isInteger(m.value) ? Math.round(m.value) : m.value.toFixed(1)} ${m.unit}`;
	}
}

function ms(x: number): string {
	if (!Number.isFinite(x)) return '?';
	if (x >= 100) return x.toFixed(0);
	if (x >= 10) return x.toFixed(1);
	if (x >= 0.1) return x.toFixed(2);
	return x.toFixed(3);
}

export function ratioOf(cell: Cell | undefined): number | null {
	if (!cell?.ours || !cell.reference) return null;
	return costRatio(cell.ours, cell.reference);
}

function formatRatio(r: number | null): string {
	if (r === null || !Number.isFinite(r)) return '—';
	return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

export type Verdict = { met: number; missed: number; rows: string[] };

export function verdictOf(row: Row, set: string): boolean | null {
	const cell = row.cells[set];
	if (!row.target || !cell?.ours) return null;
	return row.target.ok(cell.ours, ratioOf(cell), set);
}

export function renderTable(table: Table): string {
	const header = ['metric', 'reference (same run)', 'target'];
	for (const set of table.sets) {
		const prefix = table.sets.length > 1 ? `${set}: ` : '';
		header.push(`${prefix}ours`, 'reference', 'ratio', 'ok');
	}
	const lines: string[][] = [header];
	for (const row of table.rows) {
		const line = [row.metric, row.reference, row.target?.text ?? '—'];
		for (const set of table.sets) {
			const cell = row.cells[set];
			const verdict = verdictOf(row, set);
			line.push(
				formatMeasure(cell?.ours ?? null),
				cell?.reference ? formatMeasure(cell.reference) : '—',
				formatRatio(ratioOf(cell)),
				verdict === null ? '—' : verdict ? 'yes' : 'NO'
			);
		}
		lines.push(line);
	}
	const widths = header.map((_, k) => Math.max(...lines.map((l) => l[k]!.length)));
	const fmt = (l: string[]) =>
		l
			.map((c, k) => c.padEnd(widths[k]!))
			.join(' | ')
			.trimEnd();
	const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
	const out = [`\n## ${table.title}\n`, fmt(lines[0]!), rule, ...lines.slice(1).map(fmt)];
	for (const note of table.notes ?? []) out.push(`  - ${note}`);
	return out.join('\n');
}

export function tally(tables: Table[]): Verdict {
	const verdict: Verdict = { met: 0, missed: 0, rows: [] };
	for (const table of tables) {
		for (const row of table.rows) {
			for (const set of table.sets) {
				const ok = verdictOf(row, set);
				if (ok === true) verdict.met += 1;
				if (ok === false) {
					verdict.missed += 1;
					verdict.rows.push(
						`${row.metric}${table.sets.length > 1 ? ` (${set})` : ''}: ${formatMeasure(row.cells[set]!.ours)} vs ${row.target!.text}`
					);
				}
			}
		}
	}
	return verdict;
}
