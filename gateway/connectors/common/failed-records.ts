// Which record a quote sync's failure is about, the same way for every PSA: a failure while creating or
// matching the company or contact is filed against that record (so its issue links to it), and the
// lines the PSA refused are listed each with the PSA's words, the warning filed against the product of
// the first one. The shapes are the runner's (FailedEntity, LineFailure); this is their one builder.

import type { Contact } from '../../../shared/schema/catalog-entities.ts';
import type { Company, QuoteLine } from '../../../shared/schema/entities.ts';
import type { LineFailure } from '../../../shared/schema/quote-sync-entities.ts';
import type { FailedEntity, OutpostReader, PsaFailure } from '../../psa/provider.ts';

/** A person's fix lies with this record: a permanent failure that is not the credentials'. */
export function against(failure: PsaFailure, entity: FailedEntity): PsaFailure {
	return failure.kind === 'permanent' && failure.rootCause?.kind !== 'credentials' ? { ...failure, entity } : failure;
}

export const companyEntity = (company: Pick<Company, 'id' | 'name'>): FailedEntity => ({
	table: 'companies',
	id: company.id,
	label: `Company ${company.name}`
});

export const contactEntity = (contact: Pick<Contact, 'id' | 'name'>): FailedEntity => ({
	table: 'contacts',
	id: contact.id,
	label: `Contact ${contact.name}`
});

/** Seeds ("General sync failures"): the quote synced, some of its lines did not. */
export const SOME_LINES_NOT_SYNCED = 'Some line items not synchronized';

/** The warning of a quote that synced without `failed` of its `total` lines. */
export const someLinesNotSynced = (failed: number, total: number) =>
	`${SOME_LINES_NOT_SYNCED} (${failed} of ${total}).`;

export type LineFailures = {
	/** One line the PSA did not take, with its words (or the sync's, when it never asked). */
	add(line: Pick<QuoteLine, 'id' | 'productId'>, message: string): Promise<void>;
	/** In the order added. */
	readonly lines: LineFailure[];
	/** The product of the first line that failed, as its issue names it; null when none had one. */
	readonly product: FailedEntity | null;
};

/** Collects a quote's refused lines; reads a product row only for the first failing line that has one. */
export function lineFailures(data: Pick<OutpostReader, 'get'>): LineFailures {
	const lines: LineFailure[] = [];
	let product: FailedEntity | null = null;
	return {
		async add(line, message) {
			lines.push({ lineId: line.id, message });
			if (product || !line.productId) return;
			const row = await data.get('products', line.productId);
			product = { table: 'products', id: line.productId, label: `Product ${row?.name ?? line.productId}` };
		},
		get lines() {
			return lines;
		},
		get product() {
			return product;
		}
	};
}
