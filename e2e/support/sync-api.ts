// Prepares data through the sync API as the signed-in user of a page's context, the way a device
// does: one push per call, from a fresh client. Faster and steadier than building it in screens
// that other specs already cover.

import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { MutationArgs, MutationName } from '../../shared/mutations/registry.ts';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PushResponse } from '../../shared/sync/protocol.ts';

export type Mutation = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];

/** Pushes the mutations in order and expects the gateway to apply every one. */
export async function pushMutations(page: Page, mutations: Mutation[]): Promise<void> {
	const clientID = randomUUID();
	const response = await page.request.post('/api/sync/push', {
		data: {
			protocolVersion: PROTOCOL_VERSION,
			schemaVersion: SCHEMA_VERSION,
			clientGroupID: clientID,
			clientID,
			mutations: mutations.map((m, k) => ({ id: k + 1, name: m.name, args: m.args, timestamp: Date.now() }))
		}
	});
	expect(response.ok(), await response.text()).toBe(true);
	const { results } = (await response.json()) as PushResponse;
	expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
}

export type QuoteLineInput = Omit<Extract<Mutation, { name: 'addQuoteLine' }>['args'], 'id' | 'quoteId'>;

/** Creates a quote with these lines and marks it sent; returns the ids of the quote and its lines. */
export async function pushSentQuote(
	page: Page,
	quote: {
		companyId: string;
		title: string;
		contactId?: string;
		validUntil?: string;
		paymentTerm?: string;
		notes?: string;
	},
	lines: QuoteLineInput[]
): Promise<{ id: string; lineIds: string[] }> {
	const id = randomUUID();
	const lineIds = lines.map(() => randomUUID());
	const { companyId, title, contactId, ...header } = quote;
	await pushMutations(page, [
		{ name: 'createQuote', args: { id, companyId, title, contactId: contactId ?? null } },
		...lines.map((line, k): Mutation => ({ name: 'addQuoteLine', args: { ...line, id: lineIds[k]!, quoteId: id } })),
		{ name: 'updateQuote', args: { id, ...header, status: 'sent' } }
	]);
	return { id, lineIds };
}

/**
 * The mutations that change a line of a sent quote the only way there is: retract it, take it back
 * to draft, change the line and send it again. Pushed together they commit as one change.
 */
export function resendWithLineChange(
	quoteId: string,
	line: Extract<Mutation, { name: 'updateQuoteLine' }>['args']
): Mutation[] {
	return [
		{ name: 'updateQuote', args: { id: quoteId, status: 'retracted' } },
		{ name: 'updateQuote', args: { id: quoteId, status: 'draft' } },
		{ name: 'updateQuoteLine', args: line },
		{ name: 'updateQuote', args: { id: quoteId, status: 'sent' } }
	];
}

/** A billing code the sandbox Autotask has, active (the demo categories use it). */
export const VALID_BILLING_CODE = '29682801';

/** A category of this run mapped to a billing code, and one one-time product in it. */
export async function pushCategoryWithProduct(
	page: Page,
	names: { category: string; product: string; sku: string },
	billingCodeId: string
) {
	const category = { id: randomUUID(), name: names.category, defaultMarkupPercent: 18, billingCodeId };
	const product = {
		id: randomUUID(),
		name: names.product,
		sku: names.sku,
		mpn: '',
		description: '',
		categoryId: category.id,
		cost: 9_000,
		price: 12_000,
		billing: 'one-time' as const,
		distributor: null,
		noProcurement: false,
		active: true
	};
	await pushMutations(page, [
		{ name: 'saveCategory', args: category },
		{ name: 'saveProduct', args: product }
	]);
	return { category, product };
}
