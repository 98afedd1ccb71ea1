// The "no one push stalls everyone" row: a device imports a large catalog (importProducts, at most
// IMPORT_MAX_ROWS products a mutation, as many mutations a push as one push's work allows) while a
// health probe asks every few milliseconds. Its latency then is set beside the probe's at rest.

import { IMPORT_MAX_ROWS } from '../../shared/mutations/catalog-mutations.ts';
import type { Product } from '../../shared/schema/catalog-entities.ts';
import { PUSH_LIMITS } from '../../shared/sync/protocol.ts';
import { BENCH_NOW } from './fixtures.ts';

const DESCRIPTION =
	'Rack-mount 24-port gigabit switch with 4 SFP+ uplinks, managed, fanless; includes rails and a 3-year warranty.';

export function benchProduct(k: number): Product {
	return {
		id: `bp-${String(k).padStart(7, '0')}`,
		name: `Bench product ${k}`,
		sku: `BP-${k}`,
		mpn: `MPN-${k}`,
		description: DESCRIPTION,
		categoryId: null,
		cost: 10_000 + (k % 5_000),
		price: 15_000 + (k % 5_000),
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true
	};
}

/** Push bodies importing `count` products for one client, each within one push's work. */
export function importBodies(clientID: string, count: number): string[] {
	const mutations = [];
	for (let start = 0, id = 1; start < count; start += IMPORT_MAX_ROWS, id++) {
		const products = [];
		for (let k = start; k < Math.min(count, start + IMPORT_MAX_ROWS); k++) products.push(benchProduct(k));
		mutations.push({ id, name: 'importProducts', args: { products }, timestamp: BENCH_NOW });
	}
	const bytes = Buffer.byteLength(JSON.stringify(mutations[0]!.args));
	const perPush = Math.max(1, Math.floor((PUSH_LIMITS.workBytes - 1) / bytes));
	const bodies: string[] = [];
	for (let at = 0; at < mutations.length; at += perPush) {
		const body = { clientGroupID: clientID, clientID, mutations: mutations.slice(at, at + perPush) };
		bodies.push(JSON.stringify(body));
	}
	return bodies;
}
