// For adapter tests: a HaloPSA simulator on loopback, the credentials that reach it, and Outpost rows
// for one quote (company, contact, products, lines) in an in-memory SyncContext.

import type { Contact, Product } from '../../../../shared/schema/catalog-entities.ts';
import type { MemoryTables } from '../../../../shared/sync/memory-tx.ts';
import { buildCompany, buildQuote, buildQuoteLine, buildUser, testId } from '../../../../shared/test/builders.ts';
import { buildAgent } from '../simulator/seed-builders.ts';
import { createHaloSimulator, type HaloSimulator, type HaloSimulatorOptions } from '../simulator/simulator.ts';
import { memorySyncContext, type MemorySyncContext } from '../../../psa/test/memory-sync-context.ts';
import type { HaloPsaCredentials } from '../sync/credentials.ts';

export type Halo = { sim: HaloSimulator; credentials: HaloPsaCredentials; agentId: number; close(): Promise<void> };

export async function startHalo(options: HaloSimulatorOptions = {}): Promise<Halo> {
	const sim = createHaloSimulator({ log: () => {}, ...options });
	const [agentId] = sim.control.seed('Agent', [buildAgent()]);
	const { resourceUrl, authUrl } = await sim.listen();
	const { clientId, clientSecret, tenant } = sim.control.credentials;
	const credentials = { resourceUrl, authUrl, clientId, clientSecret, tenant, scope: 'all' };
	return { sim, credentials, agentId: agentId!, close: () => sim.close() };
}

export function buildProduct(overrides: Partial<Product> = {}): Product {
	return {
		id: testId('product'),
		name: 'Lenovo ThinkPad T14',
		sku: 'T14-G5',
		mpn: '21HD0001US',
		description: '14" business laptop',
		categoryId: 'cat-hardware',
		cost: 110_000,
		price: 134_900,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true,
		...overrides
	};
}

export function buildContact(overrides: Partial<Contact> = {}): Contact {
	return {
		id: testId('contact'),
		companyId: 'company-acme',
		name: 'Ada Lovelace',
		email: 'ada@acme.example',
		phone: '',
		jobTitle: '',
		...overrides
	};
}

/** One quote for a new company and contact, with a line per product (two products unless given). */
export function quoteRows(options: { products?: Product[]; ownerHaloId?: number } = {}) {
	const company = buildCompany();
	const contact = buildContact({ companyId: company.id });
	const owner = buildUser(options.ownerHaloId ? { externalIds: { halopsa: String(options.ownerHaloId) } } : {});
	const quote = buildQuote({ companyId: company.id, contactId: contact.id, ownerId: owner.id, number: 'Q-1001' });
	const products = options.products ?? [
		buildProduct(),
		buildProduct({ name: 'USB-C Dock', sku: 'DOCK-1', price: 19_900 })
	];
	const lines = products.map((product, n) =>
		buildQuoteLine({
			quoteId: quote.id,
			productId: product.id,
			description: product.name,
			unitPrice: product.price,
			unitCost: product.cost,
			quantity: n + 1,
			position: `a${n}`
		})
	);
	const rows: MemoryTables = {
		companies: [company],
		contacts: [contact],
		users: [owner],
		quotes: [quote],
		quoteLines: lines,
		products
	};
	return { rows, company, contact, owner, quote, lines, products };
}

export function haloContext(halo: Halo, rows: MemoryTables, options: { resumed?: boolean } = {}): MemorySyncContext {
	return memorySyncContext(rows, { credentials: halo.credentials, ...options });
}
