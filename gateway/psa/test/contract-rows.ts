// For the shared PSA contract suite: the same Outpost rows for every provider (a customer with a
// contact, an owner without PSA links, a category, one product per line, a quote), and how to count
// what a sync added to a simulator.

import type { Category, Contact, Product } from '../../../shared/schema/catalog-entities.ts';
import type { Quote, QuoteLine } from '../../../shared/schema/entities.ts';
import type { MemoryTables } from '../../../shared/sync/memory-tx.ts';
import { buildCompany, buildQuote, buildQuoteLine, buildUser } from '../../../shared/test/builders.ts';
import type { RecordKind, SandboxTenant } from './provider-fixture.ts';

export const RECORD_KINDS = [
	'companies',
	'contacts',
	'opportunities',
	'quotes',
	'quoteItems',
	'products'
] as const satisfies RecordKind[];

export type ContractRows = { rows: MemoryTables; quote: Quote; lines: QuoteLine[] };

export function contractRows(
	tenant: Pick<SandboxTenant, 'categoryId' | 'billingCodeId'>,
	lineCount: number
): ContractRows {
	const company = buildCompany({ id: 'company-acme', name: 'Acme Corporation' });
	const contact: Contact = {
		id: 'contact-ada',
		companyId: company.id,
		name: 'Ada Lovelace',
		email: 'ada@acme.example',
		phone: '',
		jobTitle: 'CTO'
	};
	const owner = buildUser({ id: 'user-sales', email: 'sales@msp.example', externalIds: {} });
	const category: Category = {
		id: tenant.categoryId,
		name: 'Hardware',
		defaultMarkupPercent: 20,
		billingCodeId: tenant.billingCodeId ?? null
	};
	const products = Array.from({ length: lineCount }, (_, i): Product => ({
		id: `product-${i + 1}`,
		name: `Laptop model ${i + 1}`,
		sku: `LAPTOP-${i + 1}`,
		mpn: '',
		description: '',
		categoryId: category.id,
		cost: 100_000 + i * 1_000,
		price: 130_000 + i * 1_000,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true
	}));
	const quote = buildQuote({
		id: 'quote-contract',
		companyId: company.id,
		contactId: contact.id,
		ownerId: owner.id,
		title: 'Laptop refresh',
		number: 'Q-01001'
	});
	const lines = products.map((product, i) =>
		buildQuoteLine({
			id: `line-${i + 1}`,
			quoteId: quote.id,
			productId: product.id,
			description: product.name,
			quantity: i + 1,
			unitPrice: product.price,
			unitCost: product.cost,
			position: `a${i}`
		})
	);
	const rows: MemoryTables = {
		companies: [company],
		contacts: [contact],
		users: [owner],
		categories: [category],
		products,
		quotes: [quote],
		quoteLines: lines
	};
	return { rows, quote, lines };
}

export type RecordCounts = Record<RecordKind, number>;

export const recordCounts = (tenant: SandboxTenant): RecordCounts =>
	Object.fromEntries(RECORD_KINDS.map((kind) => [kind, tenant.count(kind)])) as RecordCounts;

/** Records of each kind the simulator gained since `before`. */
export const addedSince = (tenant: SandboxTenant, before: RecordCounts): RecordCounts =>
	Object.fromEntries(RECORD_KINDS.map((kind) => [kind, tenant.count(kind) - before[kind]])) as RecordCounts;
