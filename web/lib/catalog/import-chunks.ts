// Splits a checked import into importProducts mutations the gateway accepts: at most
// IMPORT_MAX_ROWS rows each, and well under the arguments size one change may carry.

import { IMPORT_MAX_ROWS } from '../../../shared/mutations/catalog-mutations.ts';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import { PUSH_LIMITS } from '../../../shared/sync/protocol.ts';

/** Half the gateway's cap per change: room for the envelope, and for a long row that ends a chunk. */
export const IMPORT_CHUNK_BYTES = PUSH_LIMITS.maxArgsBytes / 2;

const encoder = new TextEncoder();

export function chunkImport(
	products: readonly Product[],
	{ maxRows = IMPORT_MAX_ROWS, maxBytes = IMPORT_CHUNK_BYTES } = {}
): Product[][] {
	const chunks: Product[][] = [];
	let chunk: Product[] = [];
	let bytes = 0;
	for (const product of products) {
		const size = encoder.encode(JSON.stringify(product)).length + 1;
		if (chunk.length > 0 && (chunk.length >= maxRows || bytes + size > maxBytes)) {
			chunks.push(chunk);
			chunk = [];
			bytes = 0;
		}
		chunk.push(product);
		bytes += size;
	}
	if (chunk.length > 0) chunks.push(chunk);
	return chunks;
}
