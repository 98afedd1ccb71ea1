// Turns the rows of a products CSV into products, and says what is wrong with each row that
// cannot become one. A row updates the product with the same SKU (keeping its id) or creates a new
// one; a cell left empty keeps the current value (or the default, for a new product).

import { parseMoney } from '../../../shared/pricing/quote-totals.ts';
import { productSchema, type Category, type Product } from '../../../shared/schema/catalog-entities.ts';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './import-columns.ts';
import { describeProblem } from './product-form.ts';

/** Rows one file may have; it is sent as several importProducts mutations (import-chunks.ts). */
export const MAX_IMPORT_ROWS = 5_000;

/** `row` counts the header as row 1, as a spreadsheet shows the file. */
export type ImportIssue = { row: number; field: string; problem: string };

export type ImportContext = {
	categories: readonly Category[];
	/** The catalog as it is: rows whose SKU matches one of these update it. */
	products: readonly Product[];
	newId: () => string;
};

export type ImportPlan = { products: Product[]; issues: ImportIssue[]; created: number; updated: number };

/** Built once: zod compiles a schema on its first use, which is slow to repeat per row. */
const strictProduct = productSchema.strict();

const FIELD_OF: Record<keyof Product, ImportField | null> = {
	id: null,
	name: 'name',
	sku: 'sku',
	mpn: 'mpn',
	description: 'description',
	categoryId: 'category',
	cost: 'cost',
	price: 'price',
	billing: 'billing',
	distributor: 'distributor',
	noProcurement: 'no_procurement',
	active: 'active'
};

const BILLING = new Map<string, Product['billing']>(
	Object.entries({
		onetime: 'one-time',
		once: 'one-time',
		monthly: 'monthly',
		month: 'monthly',
		yearly: 'yearly',
		year: 'yearly',
		annual: 'yearly',
		annually: 'yearly'
	} as const)
);
const DISTRIBUTORS = new Map<string, Product['distributor']>([
	['ingram', 'ingram'],
	['ingrammicro', 'ingram'],
	['tdsynnex', 'tdsynnex'],
	['synnex', 'tdsynnex'],
	['none', null]
]);
const FLAGS = new Map(
	Object.entries({ yes: true, y: true, true: true, '1': true, x: true, no: false, n: false, false: false, '0': false })
);

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
const keyOf = (sku: string) => sku.trim().toLowerCase();

function blankProduct(id: string): Product {
	return {
		id,
		name: '',
		sku: '',
		mpn: '',
		description: '',
		categoryId: null,
		cost: 0,
		price: 0,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true
	};
}

/** Checks rows one at a time (so a screen can show progress between them) and collects the plan. */
export function createRowChecker(mapping: ColumnMapping, context: ImportContext) {
	const categoryIds = new Map(context.categories.map((c) => [c.name.trim().toLowerCase(), c.id]));
	const existing = new Map<string, Product>();
	for (const product of context.products)
		if (product.sku.trim() && !existing.has(keyOf(product.sku))) existing.set(keyOf(product.sku), product);
	const rowOfSku = new Map<string, number>();
	const plan: ImportPlan = { products: [], issues: [], created: 0, updated: 0 };

	function check(cells: readonly string[], row: number): void {
		if (cells.every((cell) => cell.trim() === '')) return;
		const issues: ImportIssue[] = [];
		const fail = (field: ImportField, problem: string) =>
			issues.push({ row, field: IMPORT_FIELDS[field].label, problem });
		const cell = (field: ImportField) => {
			const column = mapping[field];
			const text = column === null ? '' : (cells[column] ?? '').trim();
			return text === '' ? null : text;
		};

		const sku = cell('sku');
		if (sku === null) fail('sku', 'SKU is empty: each row needs one, so a later import can update the same product.');
		else if (rowOfSku.has(keyOf(sku)))
			fail('sku', `SKU ${sku} is also on row ${rowOfSku.get(keyOf(sku))}: a product may appear once.`);
		else rowOfSku.set(keyOf(sku), row);
		const current = sku === null ? undefined : existing.get(keyOf(sku));
		const product: Product = current ? { ...current } : blankProduct(context.newId());

		const read = <T>(
			field: ImportField,
			parse: (text: string) => T | undefined,
			problem: (text: string) => string
		): T | undefined => {
			const text = cell(field);
			if (text === null) return undefined;
			const value = parse(text);
			if (value === undefined) fail(field, problem(text));
			return value;
		};
		const assign = <K extends keyof Product>(key: K, value: Product[K] | undefined) => {
			if (value !== undefined) product[key] = value;
		};
		assign('name', cell('name') ?? undefined);
		assign('sku', sku ?? undefined);
		assign('mpn', cell('mpn') ?? undefined);
		assign('description', cell('description') ?? undefined);
		assign(
			'categoryId',
			read(
				'category',
				(t) => categoryIds.get(t.toLowerCase()),
				(t) => `No category is named "${t}". Add it under Categories, or correct the name.`
			)
		);
		const amount = (t: string) => parseMoney(t.replace(/^[$€£]\s*/, '')) ?? undefined;
		assign(
			'cost',
			read('cost', amount, (t) => `Cost "${t}" is not an amount like 1234.50.`)
		);
		assign(
			'price',
			read('price', amount, (t) => `Price "${t}" is not an amount like 1234.50.`)
		);
		assign(
			'billing',
			read(
				'billing',
				(t) => BILLING.get(squash(t)),
				(t) => `Billing "${t}" must be one-time, monthly or yearly.`
			)
		);
		assign(
			'distributor',
			read(
				'distributor',
				(t) => DISTRIBUTORS.get(squash(t)),
				(t) => `Distributor "${t}" must be Ingram Micro, TD SYNNEX or none.`
			)
		);
		const flag = (label: string) => (t: string) => `${label} "${t}" must be yes or no.`;
		assign(
			'noProcurement',
			read('no_procurement', (t) => FLAGS.get(t.toLowerCase()), flag('Does not require procurement'))
		);
		assign(
			'active',
			read('active', (t) => FLAGS.get(t.toLowerCase()), flag('Active'))
		);

		const checked = strictProduct.safeParse(product);
		if (!checked.success) {
			const reported = new Set(issues.map((i) => i.field));
			for (const issue of checked.error.issues) {
				const field = FIELD_OF[issue.path[0] as keyof Product];
				const label = field ? IMPORT_FIELDS[field].label : String(issue.path[0]);
				if (reported.has(label)) continue;
				reported.add(label);
				issues.push({ row, field: label, problem: describeProblem(label, issue) });
			}
		}
		if (issues.length > 0 || !checked.success) {
			plan.issues.push(...issues);
			return;
		}
		plan.products.push(checked.data);
		if (current) plan.updated += 1;
		else plan.created += 1;
	}

	return {
		check,
		get plan(): ImportPlan {
			return plan;
		}
	};
}

/** Checks a whole file's data rows at once; the first data row is row 2. */
export function planImport(
	rows: readonly (readonly string[])[],
	mapping: ColumnMapping,
	context: ImportContext
): ImportPlan {
	const checker = createRowChecker(mapping, context);
	rows.forEach((cells, k) => checker.check(cells, k + 2));
	return checker.plan;
}

/** Data rows that hold anything: blank lines are not products and do not count. */
export function countDataRows(rows: readonly (readonly string[])[]): number {
	return rows.reduce((n, cells) => (cells.some((cell) => cell.trim() !== '') ? n + 1 : n), 0);
}
