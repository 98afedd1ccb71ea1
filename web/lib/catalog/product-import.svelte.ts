// The Products importer's state: the chosen file, how its columns map to product fields, the
// per-row report, and progress while reading, checking and saving. Nothing is saved until every
// row is valid; then the file goes as importProducts mutations of at most IMPORT_MAX_ROWS rows
// (import-chunks.ts), each applied completely or not at all.

import { uuidv7 } from 'uuidv7';
import type { Replica } from '../sync/replica.svelte.ts';
import { readCsv } from './csv-file.ts';
import { chunkImport } from './import-chunks.ts';
import {
	detectColumns,
	emptyMapping,
	mapColumn,
	mappingProblems,
	type ColumnMapping,
	type ImportField
} from './import-columns.ts';
import {
	countDataRows,
	createRowChecker,
	MAX_IMPORT_ROWS,
	planImport,
	type ImportIssue,
	type ImportPlan
} from './import-rows.ts';

export type ImportPhase = 'idle' | 'reading' | 'checking' | 'checked' | 'saving' | 'saved';

/** Rows checked between two repaints of the progress bar. */
const CHECK_BATCH = 250;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ProductImport {
	phase = $state<ImportPhase>('idle');
	/** 0 to 1 while reading, checking and saving; null until the first chunk is saved. */
	progress = $state<number | null>(0);
	fileName = $state<string | null>(null);
	headers = $state<string[]>([]);
	mapping = $state<ColumnMapping>(emptyMapping());
	/** A problem with the file as a whole (unreadable, empty, too long). */
	fileProblem = $state<string | null>(null);
	plan = $state.raw<ImportPlan | null>(null);
	saved = $state<{ created: number; updated: number } | null>(null);
	refusal = $state<string | null>(null);
	/** Every problem found, by row: unreadable rows and rows that are not valid products. */
	readonly issues: ImportIssue[];
	#rows: string[][] = [];
	#readIssues = $state.raw<ImportIssue[]>([]);
	#run = 0;
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null) {
		this.#replica = replica;
		this.issues = $derived([...this.#readIssues, ...(this.plan?.issues ?? [])].sort((a, b) => a.row - b.row));
	}

	get mappingProblems(): string[] {
		return this.headers.length ? mappingProblems(this.mapping) : [];
	}

	get busy(): boolean {
		return this.phase === 'reading' || this.phase === 'checking' || this.phase === 'saving';
	}

	get canImport(): boolean {
		return (
			this.phase === 'checked' &&
			!this.fileProblem &&
			this.mappingProblems.length === 0 &&
			this.issues.length === 0 &&
			(this.plan?.products.length ?? 0) > 0
		);
	}

	async choose(file: File): Promise<void> {
		const run = ++this.#run;
		this.#reset(file.name);
		this.phase = 'reading';
		try {
			const content = await readCsv(file, (fraction) => run === this.#run && (this.progress = fraction / 2));
			if (run !== this.#run) return;
			this.headers = content.headers;
			this.#rows = content.rows;
			this.#readIssues = content.issues;
			this.mapping = detectColumns(content.headers);
		} catch (error) {
			if (run !== this.#run) return;
			this.fileProblem = `This file cannot be read: ${error instanceof Error ? error.message : String(error)}`;
			this.phase = 'checked';
			return;
		}
		const rows = countDataRows(this.#rows);
		if (rows === 0) this.fileProblem = 'This file has no product rows under its header row.';
		else if (rows > MAX_IMPORT_ROWS) {
			this.fileProblem = `This file has ${rows.toLocaleString()} product rows; import at most ${MAX_IMPORT_ROWS.toLocaleString()} at a time, so split it.`;
		}
		await this.#check(run);
	}

	/** The person points a field at another column (or none): every row is checked again. */
	async setColumn(field: ImportField, column: number | null): Promise<void> {
		if (this.busy && this.phase !== 'checking') return;
		this.mapping = mapColumn(this.mapping, field, column);
		await this.#check(++this.#run);
	}

	async importAll(): Promise<void> {
		const replica = this.#replica();
		if (!replica || !this.canImport) return;
		this.phase = 'saving';
		this.progress = null;
		// Plan again against the catalog as it is now: a sync since the check may have added a SKU.
		const plan = planImport(this.#rows, this.mapping, await this.#context(replica));
		if (plan.issues.length > 0) {
			this.plan = plan;
			this.phase = 'checked';
			this.progress = 1;
			return;
		}
		// Each chunk runs in one IndexedDB transaction: a refused or failed one left nothing behind,
		// and the chunks before it stay imported (every row was checked, so that takes a change
		// made meanwhile, such as a category deleted).
		let imported = 0;
		for (const products of chunkImport(plan.products)) {
			const result = await replica.mutate('importProducts', { products }).catch((error: unknown) => ({
				ok: false as const,
				message: error instanceof Error ? error.message : String(error)
			}));
			if (!result.ok) {
				this.progress = 1;
				this.refusal =
					imported === 0
						? `Nothing was imported: ${result.message}`
						: `The first ${imported.toLocaleString()} products were imported, the rest not: ${result.message}`;
				this.phase = 'checked';
				return;
			}
			imported += products.length;
			this.progress = imported / plan.products.length;
		}
		this.progress = 1;
		this.saved = { created: plan.created, updated: plan.updated };
		this.phase = 'saved';
	}

	async #check(run: number): Promise<void> {
		const replica = this.#replica();
		if (!replica || this.fileProblem || this.mappingProblems.length > 0) {
			this.plan = null;
			this.phase = 'checked';
			this.progress = 1;
			return;
		}
		this.phase = 'checking';
		const checker = createRowChecker(this.mapping, await this.#context(replica));
		for (let start = 0; start < this.#rows.length; start += CHECK_BATCH) {
			if (run !== this.#run) return;
			this.#rows.slice(start, start + CHECK_BATCH).forEach((cells, k) => checker.check(cells, start + k + 2));
			this.progress = 0.5 + (0.5 * Math.min(this.#rows.length, start + CHECK_BATCH)) / this.#rows.length;
			await nextFrame();
		}
		if (run !== this.#run) return;
		this.plan = checker.plan;
		this.phase = 'checked';
		this.progress = 1;
	}

	async #context(replica: Replica) {
		const [categories, products] = await Promise.all([replica.db.categories.toArray(), replica.db.products.toArray()]);
		return { categories, products, newId: uuidv7 };
	}

	#reset(fileName: string): void {
		this.fileName = fileName;
		this.progress = 0;
		this.headers = [];
		this.mapping = emptyMapping();
		this.fileProblem = null;
		this.plan = null;
		this.saved = null;
		this.refusal = null;
		this.#rows = [];
		this.#readIssues = [];
	}
}
