// Valid arguments for every mutation in the registry, with whatever each refers to made first by the
// admin: the permission tests run each mutation as each account against these.

import { expect } from 'vitest';
import type { MutationArgs, MutationName } from '../../shared/mutations/registry.ts';
import { REINDEX_ENTITIES } from '../../shared/psa/reindex.ts';
import { quoteContentHash } from '../../shared/quotes/content-hash.ts';
import type { Quote } from '../../shared/schema/entities.ts';
import { buildQuoteLine } from '../../shared/test/builders.ts';
import { poNumberFor } from '../../shared/procurement/purchase-order-rules.ts';
import { DEMO_ORG_PROFILE } from '../demo/demo-org-profile.ts';
import type { Gateway } from './http-harness.ts';
import { openIssue, putQuoteCharge, putTicket } from './psa-rows.ts';
import { putOrderableQuote } from './purchase-order-rows.ts';
import { uid, type syncClient } from './wire-client.ts';

type SyncClient = ReturnType<typeof syncClient>;

export type MutationFixtures = ReturnType<typeof createMutationFixtures>;

/** The gateway and the admin's client are asked for on each use: tests start them in beforeAll. */
export function createMutationFixtures(gateway: () => Gateway, adminClient: () => SyncClient) {
	let reindexes = 0;
	/** Runs a mutation as the admin so the next check finds what it needs. */
	async function prepare<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<void> {
		const admin = adminClient();
		const res = await admin.push([admin.m(name, args)]);
		expect(res.body.results?.[0]?.status, JSON.stringify(res.body)).toBe('applied');
	}

	async function freshQuote(): Promise<string> {
		const id = uid('q');
		await prepare('createQuote', { id, companyId: 'company-acme', title: 'Fixture' });
		return id;
	}

	async function freshLine(): Promise<string> {
		const id = uid('l');
		await prepare('addQuoteLine', {
			id,
			quoteId: await freshQuote(),
			description: 'Fixture',
			quantity: 1,
			unitPrice: 100
		});
		return id;
	}

	/** A sent quote has a priced line: an empty one cannot be sent. */
	async function sentQuote(companyId = 'company-acme'): Promise<{ id: string; lineId: string }> {
		const id = uid('q');
		const lineId = uid('l');
		await prepare('createQuote', { id, companyId, title: 'Fixture' });
		await prepare('addQuoteLine', { id: lineId, quoteId: id, description: 'Fixture', quantity: 1, unitPrice: 100 });
		await prepare('updateQuote', { id, status: 'sent' });
		return { id, lineId };
	}

	/** What the customer signs on a sent fixture quote (or on an empty one, where the hash never gets checked). */
	function fixtureHash(lineIds: string[] = []): string {
		const quote = {
			title: 'Fixture',
			companyId: 'company-acme',
			validUntil: null,
			paymentTerm: null,
			notes: ''
		} as Quote;
		const lines = lineIds.map((id) =>
			buildQuoteLine({ id, description: 'Fixture', quantity: 1, unitPrice: 100, position: 'a0' })
		);
		return quoteContentHash(quote, lines);
	}

	async function freshUser(): Promise<string> {
		const id = uid('u');
		await prepare('inviteUser', {
			id,
			email: `${id}@example.test`,
			name: 'Fixture',
			kind: 'customer',
			roleIds: [],
			companyId: null
		});
		return id;
	}

	/** Valid arguments for each mutation, with whatever it refers to already in place. */
	const FIXTURES: { [N in MutationName]: () => Promise<MutationArgs<N>> } = {
		createQuote: async () => ({ id: uid('q'), companyId: 'company-acme', title: 'Matrix' }),
		updateQuote: async () => ({ id: await freshQuote(), title: 'Renamed' }),
		addQuoteLine: async () => ({
			id: uid('l'),
			quoteId: await freshQuote(),
			description: 'x',
			quantity: 1,
			unitPrice: 1
		}),
		updateQuoteLine: async () => ({ id: await freshLine(), quantity: 2 }),
		removeQuoteLine: async () => ({ id: await freshLine() }),
		updateUser: async () => ({ id: await freshUser(), name: 'Renamed' }),
		changeUserEmail: async () => ({ id: await freshUser(), email: `${uid('moved')}@example.test` }),
		linkCompany: async () => ({ id: await freshUser(), companyId: 'company-globex' }),
		verifyCompanyLink: async () => {
			const id = await freshUser();
			await prepare('linkCompany', { id, companyId: 'company-acme' });
			return { id };
		},
		setPsaLink: async () => ({ id: await freshUser(), provider: 'halopsa', externalId: uid('halo') }),
		inviteUser: async () => {
			const id = uid('u');
			return { id, email: `${id}@example.test`, name: 'Invited', kind: 'msp', roleIds: [], companyId: null };
		},
		resendInvitation: async () => ({ id: await freshUser() }),
		saveRole: async () => ({ id: uid('r'), name: 'Matrix role', permissions: ['productViewer'] }),
		deleteRole: async () => {
			const id = uid('r');
			await prepare('saveRole', { id, name: 'Doomed', permissions: [] });
			return { id };
		},
		setMspDomains: async () => ({ mspDomains: ['demo.outpost.test'] }),
		saveOrgProfile: async () => ({ ...DEMO_ORG_PROFILE, id: undefined }),
		duplicateQuote: async () => ({ id: await freshQuote(), newId: uid('q'), lineIds: [] }),
		reviseQuote: async () => ({ id: (await sentQuote()).id, newId: uid('q'), lineIds: [uid('l')] }),
		acceptQuote: async () => {
			const { id, lineId } = await sentQuote();
			return { id, name: 'Carla Customer', contentHash: fixtureHash([lineId]) };
		},
		declineQuote: async () => ({ id: (await sentQuote()).id, reason: 'Too expensive' }),
		saveCategory: async () => ({ id: uid('cat'), name: 'Laptops', defaultMarkupPercent: 20, billingCodeId: null }),
		deleteCategory: async () => {
			const id = uid('cat');
			await prepare('saveCategory', { id, name: 'Doomed', defaultMarkupPercent: 0, billingCodeId: null });
			return { id };
		},
		saveProduct: async () => product(uid('p')),
		importProducts: async () => ({ products: [product(uid('p')), product(uid('p'))] }),
		savePricingBook: async () => ({
			id: uid('book'),
			name: 'Acme',
			companyIds: ['company-acme'],
			validFrom: null,
			validTo: null,
			prices: {}
		}),
		deletePricingBook: async () => {
			const id = uid('book');
			await prepare('savePricingBook', {
				id,
				name: 'Doomed',
				companyIds: [],
				validFrom: null,
				validTo: null,
				prices: {}
			});
			return { id };
		},
		saveCompany: async () => ({ id: uid('company'), name: 'New customer' }),
		saveContact: async () => ({
			id: uid('contact'),
			companyId: 'company-acme',
			name: 'Dana',
			email: '',
			phone: '',
			jobTitle: ''
		}),
		deleteContact: async () => {
			const id = uid('contact');
			await prepare('saveContact', {
				id,
				companyId: 'company-acme',
				name: 'Doomed',
				email: '',
				phone: '',
				jobTitle: ''
			});
			return { id };
		},
		retryIssue: async () => ({ id: (await openIssue(gateway())).id }),
		dismissIssue: async () => ({ id: (await openIssue(gateway())).id }),
		retryAllIssues: async () => ({ rootCause: (await openIssue(gateway(), { rootCause: uid('cause') })).rootCause! }),
		// The Autotask integration is configured in beforeAll.
		saveIntegrationSettings: async () => ({ provider: 'autotask', settings: { pollOpportunities: true } }),
		// A fresh quote each time: a second sync of a queued quote is refused as Already synchronizing.
		syncQuoteToPsa: async () => ({ quoteId: await freshQuote() }),
		syncProductToPsa: async () => {
			const productArgs = product(uid('p'));
			await prepare('saveProduct', productArgs);
			return { productId: productArgs.id };
		},
		synchronizePsa: async () => ({ provider: 'autotask' }),
		// A type not asked for yet each time: a second re-index of a queued type is refused as Already synchronizing.
		reindexEntities: async () => ({
			provider: 'autotask',
			entity: REINDEX_ENTITIES[reindexes++ % REINDEX_ENTITIES.length]!
		}),
		reindexRecord: async () => ({ issueId: (await openIssue(gateway())).id }),
		setActivityRetention: async () => ({ days: 30 }),
		attachQuoteToTicket: async () => {
			const { id, lineId } = await sentQuote();
			await prepare('acceptQuote', { id, name: 'Carla Customer', contentHash: fixtureHash([lineId]) });
			return { quoteId: id, ticketId: (await putTicket(gateway(), 'company-acme')).id };
		},
		cancelQuoteCharge: async () => ({ id: (await putQuoteCharge(gateway(), await freshQuote())).id }),
		reorderQuoteCharges: async () => ({ quoteId: await freshQuote() }),
		setDistributorOrdering: async () => ({ distributor: 'tdsynnex', enabled: true }),
		moveDistributor: async () => ({ distributor: 'tdsynnex', direction: 'up' }),
		orderQuote: async () => ({
			quoteId: (await putOrderableQuote(gateway())).quoteId,
			orderIds: { ingrammicro: uid('po'), tdsynnex: uid('po') }
		}),
		addQuoteToPurchaseOrder: async () => ({
			orderId: (await draftOrders()).ingrammicro,
			quoteId: (await putOrderableQuote(gateway())).quoteId
		}),
		changePurchaseOrderLine: async () => ({ id: `${poNumberFor((await draftOrders()).ingrammicro)}-1`, quantity: 3 }),
		submitPurchaseOrder: async () => ({ id: (await draftOrders()).ingrammicro }),
		retryPurchaseOrder: async () => {
			const { ingrammicro } = await draftOrders();
			await prepare('submitPurchaseOrder', { id: ingrammicro });
			return { id: ingrammicro };
		},
		cancelPurchaseOrder: async () => ({ id: (await draftOrders()).ingrammicro }),
		cancelPlacedPurchaseOrder: async () => {
			const { ingrammicro } = await draftOrders();
			await prepare('submitPurchaseOrder', { id: ingrammicro });
			return { id: ingrammicro };
		},
		setProductCostFromDistributor: async () => {
			const id = uid('p');
			await prepare('saveProduct', product(id));
			return { productId: id, distributor: 'ingrammicro', cost: 12_345, asOf: 1_700_000_000_000 };
		}
	};

	/** Draft orders of a fresh accepted quote, one per distributor, made by the admin. */
	async function draftOrders(): Promise<{ ingrammicro: string; tdsynnex: string }> {
		const orderIds = { ingrammicro: uid('po'), tdsynnex: uid('po') };
		await prepare('orderQuote', { quoteId: (await putOrderableQuote(gateway())).quoteId, orderIds });
		return orderIds;
	}

	function product(id: string) {
		return {
			id,
			name: 'USB-C dock',
			sku: id,
			mpn: '',
			description: '',
			categoryId: null,
			cost: 10_000,
			price: 15_000,
			billing: 'one-time' as const,
			distributor: null,
			noProcurement: false,
			active: true
		};
	}

	return { prepare, freshQuote, sentQuote, fixtureHash, product, FIXTURES };
}
