// Which CSV column feeds which product field: detected from the header row, changeable by the
// person importing. A column feeds at most one field; a field not mapped keeps its current value.

export const IMPORT_FIELDS = {
	name: { label: 'Name', aliases: ['name', 'product', 'product name', 'title'] },
	sku: { label: 'SKU', aliases: ['sku', 'item code', 'product code', 'part code'] },
	mpn: { label: 'MPN', aliases: ['mpn', 'manufacturer part number', 'mfr part number', 'mfr part no', 'part number'] },
	description: { label: 'Description', aliases: ['description', 'desc', 'details'] },
	category: { label: 'Category', aliases: ['category', 'category name'] },
	cost: { label: 'Cost', aliases: ['cost', 'unit cost', 'buy price'] },
	price: { label: 'Price', aliases: ['price', 'unit price', 'list price', 'sell price'] },
	billing: { label: 'Billing', aliases: ['billing', 'billing cycle', 'frequency', 'recurrence'] },
	distributor: { label: 'Distributor', aliases: ['distributor', 'supplier'] },
	no_procurement: {
		label: 'Does not require procurement',
		aliases: ['no procurement', 'does not require procurement', 'no_procurement', 'noprocurement']
	},
	active: { label: 'Active', aliases: ['active', 'enabled'] }
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_KEYS = Object.keys(IMPORT_FIELDS) as ImportField[];

/** The column index feeding each field, or null when none does. */
export type ColumnMapping = Record<ImportField, number | null>;

function normalise(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

export function emptyMapping(): ColumnMapping {
	return Object.fromEntries(IMPORT_FIELD_KEYS.map((field) => [field, null])) as ColumnMapping;
}

/** Matches headers to fields by name, ignoring case, spaces and punctuation; the first match wins. */
export function detectColumns(headers: readonly string[]): ColumnMapping {
	const mapping = emptyMapping();
	const taken = new Set<number>();
	for (const field of IMPORT_FIELD_KEYS) {
		const aliases = new Set<string>(IMPORT_FIELDS[field].aliases.map(normalise));
		const column = headers.findIndex((header, k) => !taken.has(k) && aliases.has(normalise(header)));
		if (column >= 0) {
			mapping[field] = column;
			taken.add(column);
		}
	}
	return mapping;
}

/** Points `field` at `column` (or at nothing); a field that used that column lets go of it. */
export function mapColumn(mapping: ColumnMapping, field: ImportField, column: number | null): ColumnMapping {
	const next = { ...mapping };
	if (column !== null) for (const key of IMPORT_FIELD_KEYS) if (next[key] === column) next[key] = null;
	next[field] = column;
	return next;
}

/** What the file must map before any row is worth checking. */
export function mappingProblems(mapping: ColumnMapping): string[] {
	const problems: string[] = [];
	if (mapping.sku === null) problems.push('Choose the SKU column: it matches rows to products already in the catalog.');
	if (mapping.name === null) problems.push('Choose the Name column: every new product needs a name.');
	return problems;
}
