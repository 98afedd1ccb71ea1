// Sync issues and PSA settings (admins), and asking for a quote to be synced (Quote editor). The work
// itself runs on the gateway as jobs: these mutations only mark intent, so they work offline and run
// on reconnect; the gateway's server effects enqueue the jobs in the same transaction.

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { provider } from '../psa/providers.ts';
import { id } from '../schema/entities.ts';
import { integrationSettingsSchema } from '../schema/psa-entities.ts';
import { queuedQuoteSync } from '../schema/quote-sync-entities.ts';
import { defineMutation } from './define.ts';

export const retryIssue = defineMutation({
	name: 'retryIssue',
	permission: 'admin',
	stores: ['issues', 'quotes', 'quoteSyncs'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }, { now }) {
		const issue = await tx.get('issues', id);
		// Cleared meanwhile (a later sync succeeded, or someone dismissed it): nothing left to retry.
		if (!issue) return;
		await tx.put('issues', { ...issue, state: 'retrying' });
		// The quote's own sync state says so too, for who edits the quote.
		if (issue.operation === 'syncQuote' && issue.quoteId && (await tx.get('quotes', issue.quoteId))) {
			await tx.put('quoteSyncs', queuedQuoteSync(issue.quoteId, await tx.get('quoteSyncs', issue.quoteId), now));
		}
	}
});

export const dismissIssue = defineMutation({
	name: 'dismissIssue',
	permission: 'admin',
	stores: ['issues'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }) {
		await tx.delete('issues', id);
	}
});

export const retryAllIssues = defineMutation({
	name: 'retryAllIssues',
	permission: 'admin',
	stores: ['issues'],
	/** With a root cause, only the issues it groups (the group's Retry all after its fix). */
	args: z.object({ rootCause: z.string().min(1).max(200).optional() }).strict(),
	async apply(tx, { rootCause }) {
		const issues =
			rootCause === undefined ? await tx.all('issues') : await tx.byIndex('issues', 'rootCause', rootCause);
		for (const issue of issues) {
			if (issue.state !== 'retrying') await tx.put('issues', { ...issue, state: 'retrying' });
		}
	}
});

export const saveIntegrationSettings = defineMutation({
	name: 'saveIntegrationSettings',
	permission: 'admin',
	stores: ['integrations'],
	args: z.object({ provider, settings: integrationSettingsSchema.partial().strict() }).strict(),
	async apply(tx, args) {
		const integration = await tx.get('integrations', args.provider);
		if (!integration) throw DomainError.of('integrationNotConfigured');
		await tx.put('integrations', { ...integration, settings: { ...integration.settings, ...args.settings } });
	}
});

export const syncQuoteToPsa = defineMutation({
	name: 'syncQuoteToPsa',
	permission: 'quoteEditor',
	stores: ['quotes', 'quoteSyncs'],
	args: z.object({ quoteId: id }).strict(),
	async apply(tx, { quoteId }, { now }) {
		if (!(await tx.get('quotes', quoteId))) throw DomainError.of('quoteNotFound');
		await tx.put('quoteSyncs', queuedQuoteSync(quoteId, await tx.get('quoteSyncs', quoteId), now));
	}
});

/** Seeds: "Retry the product sync": a product sent to the PSA by itself (Product editor). */
export const syncProductToPsa = defineMutation({
	name: 'syncProductToPsa',
	permission: 'productEditor',
	stores: ['products'],
	args: z.object({ productId: id }).strict(),
	async apply(tx, { productId }) {
		if (!(await tx.get('products', productId))) throw DomainError.of('productNotFound');
	}
});

export const synchronizePsa = defineMutation({
	name: 'synchronizePsa',
	permission: 'admin',
	stores: ['integrations'],
	args: z.object({ provider }).strict(),
	async apply(tx, args) {
		if (!(await tx.get('integrations', args.provider))) throw DomainError.of('integrationNotConfigured');
	}
});
