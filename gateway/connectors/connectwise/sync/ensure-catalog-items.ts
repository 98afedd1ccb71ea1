// The catalog items a quote's products become: linked ones cost nothing; the rest are matched by
// identifier in one lookup per 20 products (URLs stay short, §2.5), and the unmatched are created.
// A product that cannot be created fails only its lines; a lost connection or a 429 stops the run.

import { isIn } from '../client/conditions.ts';
import type { Product } from '../../../../shared/schema/catalog-entities.ts';
import type { PsaFailure, PsaResult } from '../../../psa/provider.ts';
import { permanent, stopsTheRun } from '../failure.ts';
import { catalogBody, catalogIdentifier } from './mapping.ts';
import { SYNC_MESSAGES } from './messages.ts';
import { lift } from '../failure.ts';
import type { ConnectwiseRun } from './run.ts';

export type CatalogOutcome = { ok: true; id: number; name: string } | PsaFailure;

const LOOKUP_CHUNK = 20;

/** Catalog items with these identifiers (a product's natural key in ConnectWise), at most 20 per call. */
export async function catalogItemsByIdentifier(run: ConnectwiseRun, identifiers: string[]) {
	return lift(await run.client.listAll('catalog', { conditions: [isIn('identifier', identifiers)], pageSize: 100 }));
}

/** By Outpost product id; products Outpost no longer has are left out (their lines sync without one). */
export async function ensureCatalogItems(
	run: ConnectwiseRun,
	productIds: string[]
): Promise<PsaResult<Map<string, CatalogOutcome>>> {
	const { ctx, client, settings } = run;
	const outcomes = new Map<string, CatalogOutcome>();
	const unlinked: Product[] = [];
	for (const productId of new Set(productIds)) {
		const product = await ctx.data.get('products', productId);
		if (!product) continue;
		const linked = await ctx.links.get('products', productId);
		if (linked) outcomes.set(productId, { ok: true, id: Number(linked), name: product.name });
		else unlinked.push(product);
	}

	const byIdentifier = new Map(unlinked.map((p) => [catalogIdentifier(p).toLowerCase(), p]));
	const identifiers = [...new Set(unlinked.map((p) => catalogIdentifier(p)))];
	for (let at = 0; at < identifiers.length; at += LOOKUP_CHUNK) {
		const chunk = identifiers.slice(at, at + LOOKUP_CHUNK);
		const found = await catalogItemsByIdentifier(run, chunk);
		if (!found.ok) return found;
		for (const item of found.value) {
			const product = byIdentifier.get(item.identifier.toLowerCase());
			if (!product || outcomes.has(product.id)) continue;
			await ctx.links.set('products', product.id, String(item.id));
			outcomes.set(product.id, { ok: true, id: item.id, name: product.name });
		}
	}

	for (const product of unlinked) {
		if (outcomes.has(product.id)) continue;
		if (!settings.catalogSubcategoryId || !settings.catalogTypeId) {
			outcomes.set(product.id, permanent(SYNC_MESSAGES.noCatalogSetup));
			continue;
		}
		const made = lift(
			await client.create('catalog', catalogBody(product, settings.catalogSubcategoryId, settings.catalogTypeId))
		);
		if (!made.ok && stopsTheRun(made)) return made;
		if (made.ok) await ctx.links.set('products', product.id, String(made.value.id));
		outcomes.set(product.id, made.ok ? { ok: true, id: made.value.id, name: product.name } : made);
	}
	return { ok: true, value: outcomes };
}
