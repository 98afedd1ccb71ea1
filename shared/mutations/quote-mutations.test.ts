import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DomainError } from '../errors.ts';
import { createMemoryTx, type MemoryTx } from '../sync/memory-tx.ts';
import { buildCompany, buildQuote, buildQuoteLine, TEST_NOW } from '../test/builders.ts';
import type { MutationContext, MutationDef } from './define.ts';
import { addQuoteLine, createQuote, removeQuoteLine, updateQuote, updateQuoteLine } from './quote-mutations.ts';
import { findMutation, MUTATIONS } from './registry.ts';

const LATER = TEST_NOW + 60_000;
const ctx: MutationContext = {
	userId: 'user-sales',
	actor: { kind: 'msp', companyId: 'company-msp', isAdmin: false, permissions: ['quoteEditor'] },
	now: LATER
};

/** Runs a mutation the way the gateway does: args through the schema first, then apply. */
async function run<A extends z.ZodType>(def: MutationDef<string, A>, args: z.input<A>, context = ctx) {
	const parsed = def.args.parse(args);
	return def.apply(tx, parsed, context);
}

/** The mutation must fail with `code` and leave every table exactly as it was. */
async function expectRefused(attempt: () => Promise<unknown>, code: string) {
	const before = tx.dump();
	const error = await attempt().then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	expect((error as DomainError).code).toBe(code);
	expect((error as DomainError).message).not.toBe('');
	expect(tx.dump()).toEqual(before);
}

function argsOk(def: MutationDef, args: unknown): boolean {
	return def.args.safeParse(args).success;
}

const acme = buildCompany({ id: 'company-acme', name: 'Acme Corporation' });
const globex = buildCompany({ id: 'company-globex', name: 'Globex' });
let tx: MemoryTx;

function given(rows: Parameters<typeof createMemoryTx>[0] = {}) {
	tx = createMemoryTx({ companies: [acme, globex], ...rows });
}

describe('the registry', () => {
	it('lists each mutation under its own name with the permission it needs', () => {
		const needs = Object.fromEntries(Object.entries(MUTATIONS).map(([name, def]) => [name, def.permission]));
		expect(needs).toEqual({
			createQuote: 'quoteEditor',
			updateQuote: 'quoteEditor',
			addQuoteLine: 'quoteEditor',
			updateQuoteLine: 'quoteEditor',
			removeQuoteLine: 'quoteEditor',
			duplicateQuote: 'quoteEditor',
			reviseQuote: 'quoteEditor',
			acceptQuote: null,
			declineQuote: null,
			saveCategory: 'productEditor',
			deleteCategory: 'productEditor',
			saveProduct: 'productEditor',
			importProducts: 'productsImporter',
			savePricingBook: 'pricingBookEditor',
			deletePricingBook: 'pricingBookEditor',
			saveCompany: 'companyEditor',
			saveContact: 'companyEditor',
			deleteContact: 'companyEditor',
			updateUser: 'admin',
			linkCompany: 'admin',
			verifyCompanyLink: 'admin',
			inviteUser: 'admin',
			resendInvitation: 'admin',
			saveRole: 'admin',
			deleteRole: 'admin',
			setMspDomains: 'admin',
			setPsaLink: 'admin',
			retryIssue: 'admin',
			dismissIssue: 'admin',
			retryAllIssues: 'admin',
			saveIntegrationSettings: 'admin',
			synchronizePsa: 'admin',
			syncQuoteToPsa: 'quoteEditor',
			syncProductToPsa: 'productEditor',
			saveOrgProfile: 'admin',
			attachQuoteToTicket: 'quoteEditor',
			cancelQuoteCharge: 'admin',
			reorderQuoteCharges: 'admin',
			setDistributorOrdering: 'admin',
			moveDistributor: 'admin',
			orderQuote: 'procurementEditor',
			addQuoteToPurchaseOrder: 'procurementEditor',
			changePurchaseOrderLine: 'procurementEditor',
			submitPurchaseOrder: 'procurementEditor',
			retryPurchaseOrder: 'procurementEditor',
			cancelPurchaseOrder: 'procurementEditor',
			cancelPlacedPurchaseOrder: 'procurementEditor',
			setProductCostFromDistributor: 'productEditor',
			changeUserEmail: 'admin',
			reindexEntities: 'admin',
			reindexRecord: 'admin',
			setActivityRetention: 'admin'
		});
		for (const [name, def] of Object.entries(MUTATIONS)) {
			expect(def.name).toBe(name);
			expect(findMutation(name)).toBe(def);
		}
	});

	it('finds nothing for unknown names, inherited properties included', () => {
		for (const name of ['deleteEverything', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '']) {
			expect(findMutation(name)).toBeUndefined();
		}
	});
});

describe('createQuote', () => {
	it('creates a provisional draft owned by the signed-in user', async () => {
		given();
		await run(createQuote, { id: 'q1', companyId: 'company-acme', title: 'Firewall replacement' });
		expect(await tx.get('quotes', 'q1')).toEqual({
			id: 'q1',
			companyId: 'company-acme',
			contactId: null,
			title: 'Firewall replacement',
			status: 'draft',
			number: null,
			ownerId: 'user-sales',
			notes: '',
			validUntil: null,
			paymentTerm: null,
			acceptance: null,
			declineReason: null,
			revisionOf: null,
			revision: 1,
			createdAt: LATER,
			updatedAt: LATER
		});
	});

	it('accepts an empty title (a draft may be named later)', async () => {
		given();
		await run(createQuote, { id: 'q1', companyId: 'company-acme', title: '' });
		expect((await tx.get('quotes', 'q1'))?.title).toBe('');
	});

	it('refuses an id that is already taken, leaving the existing quote alone', async () => {
		given({ quotes: [buildQuote({ id: 'q1', title: 'Existing', status: 'sent' })] });
		await expectRefused(() => run(createQuote, { id: 'q1', companyId: 'company-acme', title: 'New' }), 'id_taken');
	});

	it('refuses a company that does not exist', async () => {
		given();
		await expectRefused(
			() => run(createQuote, { id: 'q1', companyId: 'company-nowhere', title: 'New' }),
			'company_not_found'
		);
	});

	it('rejects malformed args', () => {
		const ok = { id: 'q1', companyId: 'company-acme', title: 'T' };
		expect(argsOk(createQuote, ok)).toBe(true);
		expect(argsOk(createQuote, { ...ok, id: '' })).toBe(false);
		expect(argsOk(createQuote, { ...ok, id: 'x'.repeat(65) })).toBe(false);
		expect(argsOk(createQuote, { ...ok, companyId: undefined })).toBe(false);
		expect(argsOk(createQuote, { ...ok, title: 'x'.repeat(201) })).toBe(false);
		expect(argsOk(createQuote, { ...ok, title: 42 })).toBe(false);
		expect(argsOk(createQuote, null)).toBe(false);
		expect(argsOk(createQuote, { ...ok, status: 'accepted' })).toBe(false);
		expect(argsOk(createQuote, { ...ok, number: 'Q-1' })).toBe(false);
	});
});

describe('updateQuote', () => {
	it('changes only the fields given and stamps updatedAt', async () => {
		const quote = buildQuote({ id: 'q1', title: 'Old', notes: 'keep' });
		given({ quotes: [quote] });
		await run(updateQuote, { id: 'q1', title: 'New', validUntil: '2027-03-31' });
		expect(await tx.get('quotes', 'q1')).toEqual({
			...quote,
			title: 'New',
			validUntil: '2027-03-31',
			updatedAt: LATER
		});
	});

	it('clears validUntil with null', async () => {
		given({ quotes: [buildQuote({ id: 'q1', validUntil: '2027-03-31' })] });
		await run(updateQuote, { id: 'q1', validUntil: null });
		expect((await tx.get('quotes', 'q1'))?.validUntil).toBeNull();
	});

	it('moves the quote to another existing company', async () => {
		given({ quotes: [buildQuote({ id: 'q1', companyId: 'company-acme' })] });
		await run(updateQuote, { id: 'q1', companyId: 'company-globex' });
		expect((await tx.get('quotes', 'q1'))?.companyId).toBe('company-globex');
	});

	it('refuses a company that does not exist', async () => {
		given({ quotes: [buildQuote({ id: 'q1' })] });
		await expectRefused(() => run(updateQuote, { id: 'q1', companyId: 'company-nowhere' }), 'company_not_found');
	});

	it('refuses a quote that does not exist', async () => {
		given();
		await expectRefused(() => run(updateQuote, { id: 'q-missing', title: 'x' }), 'quote_not_found');
		await expectRefused(() => run(updateQuote, { id: 'q-missing', status: 'sent' }), 'quote_not_found');
	});

	it('refuses any field change on an accepted quote', async () => {
		given({ quotes: [buildQuote({ id: 'q1', status: 'accepted' })] });
		await expectRefused(() => run(updateQuote, { id: 'q1', title: 'x' }), 'quote_read_only');
		await expectRefused(() => run(updateQuote, { id: 'q1', notes: 'x' }), 'quote_read_only');
		await expectRefused(() => run(updateQuote, { id: 'q1', companyId: 'company-globex' }), 'quote_read_only');
		await expectRefused(() => run(updateQuote, { id: 'q1', title: 'x', status: 'draft' }), 'quote_read_only');
	});

	it('refuses to touch an accepted quote at all, even to set the status it already has', async () => {
		given({ quotes: [buildQuote({ id: 'q1', status: 'accepted' })] });
		for (const status of ['draft', 'sent', 'declined', 'retracted', 'accepted'] as const) {
			await expectRefused(() => run(updateQuote, { id: 'q1', status }), 'quote_read_only');
		}
	});

	it('follows the status flow: draft → sent, while acceptance is the customer’s own mutation', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', status: 'draft' })],
			quoteLines: [buildQuoteLine({ quoteId: 'q1', quantity: 1, unitPrice: 100 })]
		});
		await run(updateQuote, { id: 'q1', status: 'sent' });
		expect((await tx.get('quotes', 'q1'))?.status).toBe('sent');
		await expectRefused(() => run(updateQuote, { id: 'q1', status: 'accepted' }), 'acceptance_required');
	});

	it('refuses to send a quote with no lines', async () => {
		given({ quotes: [buildQuote({ id: 'q1', status: 'draft' })] });
		await expectRefused(() => run(updateQuote, { id: 'q1', status: 'sent' }), 'quote_empty');
	});

	it('refuses to send a quote whose lines total nothing (optional lines are not counted)', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', status: 'draft' })],
			quoteLines: [
				buildQuoteLine({ quoteId: 'q1', quantity: 3, unitPrice: 0 }),
				buildQuoteLine({ quoteId: 'q1', quantity: 1, unitPrice: 900, optional: true })
			]
		});
		await expectRefused(() => run(updateQuote, { id: 'q1', status: 'sent' }), 'quote_zero_total');
	});

	it('refuses field changes on a sent, declined or retracted quote: only a draft is edited', async () => {
		given({
			quotes: (['sent', 'declined', 'retracted'] as const).map((status) => buildQuote({ id: `q-${status}`, status }))
		});
		for (const status of ['sent', 'declined', 'retracted']) {
			await expectRefused(() => run(updateQuote, { id: `q-${status}`, title: 'x' }), 'quote_not_draft');
			await expectRefused(() => run(updateQuote, { id: `q-${status}`, notes: 'x' }), 'quote_not_draft');
		}
		await expectRefused(() => run(updateQuote, { id: 'q-sent', status: 'retracted', title: 'x' }), 'quote_not_draft');
	});

	it('retracts a sent quote: a status change alone is not an edit', async () => {
		given({ quotes: [buildQuote({ id: 'q1', status: 'sent' })] });
		await run(updateQuote, { id: 'q1', status: 'retracted' });
		expect((await tx.get('quotes', 'q1'))?.status).toBe('retracted');
	});

	it('refuses a status the flow does not allow, saying from and to', async () => {
		given({ quotes: [buildQuote({ id: 'q1', status: 'draft' })] });
		await expectRefused(() => run(updateQuote, { id: 'q1', status: 'accepted' }), 'invalid_status_change');
		const error = await run(updateQuote, { id: 'q1', status: 'declined' }).catch((e: unknown) => e);
		expect((error as Error).message).toBe('This draft quote cannot be marked declined.');
	});

	it('reopens a declined or retracted quote as a draft', async () => {
		given({
			quotes: [
				buildQuote({ id: 'q-declined', status: 'declined' }),
				buildQuote({ id: 'q-retracted', status: 'retracted' })
			]
		});
		await run(updateQuote, { id: 'q-declined', status: 'draft' });
		await run(updateQuote, { id: 'q-retracted', status: 'draft', title: 'Second try' });
		expect((await tx.get('quotes', 'q-declined'))?.status).toBe('draft');
		expect(await tx.get('quotes', 'q-retracted')).toMatchObject({ status: 'draft', title: 'Second try' });
	});

	it('rejects args it does not know or cannot accept', () => {
		expect(argsOk(updateQuote, { id: 'q1' })).toBe(true);
		expect(argsOk(updateQuote, { id: 'q1', number: 'Q-00001' })).toBe(false);
		expect(argsOk(updateQuote, { id: 'q1', ownerId: 'user-admin' })).toBe(false);
		expect(argsOk(updateQuote, { id: 'q1', createdAt: 0 })).toBe(false);
		expect(argsOk(updateQuote, { id: 'q1', status: 'archived' })).toBe(false);
		expect(argsOk(updateQuote, { id: 'q1', validUntil: '31/03/2027' })).toBe(false);
		expect(argsOk(updateQuote, { id: 'q1', notes: 'x'.repeat(10_001) })).toBe(false);
		expect(argsOk(updateQuote, { title: 'no id' })).toBe(false);
	});
});

describe('addQuoteLine', () => {
	const args = { id: 'l1', quoteId: 'q1', description: 'Ubiquiti U7 Pro', quantity: 8, unitPrice: 18_900 };

	it('adds the line at the end and touches the quote', async () => {
		const quote = buildQuote({ id: 'q1' });
		given({ quotes: [quote] });
		await run(addQuoteLine, args);
		expect(await tx.get('quoteLines', 'l1')).toEqual({
			...args,
			productId: null,
			categoryId: null,
			unitCost: 0,
			discountPercent: 0,
			billing: 'one-time',
			optional: false,
			section: '',
			position: 'a0',
			createdAt: LATER
		});
		expect(await tx.get('quotes', 'q1')).toEqual({ ...quote, updatedAt: LATER });
	});

	it('positions a new line after the last sibling, ignoring other quotes', async () => {
		given({
			quotes: [buildQuote({ id: 'q1' })],
			quoteLines: [
				buildQuoteLine({ quoteId: 'q1', position: 'a0' }),
				buildQuoteLine({ quoteId: 'q1', position: 'a5' }),
				buildQuoteLine({ quoteId: 'q-other', position: 'b9' })
			]
		});
		await run(addQuoteLine, args);
		const position = (await tx.get('quoteLines', 'l1'))!.position;
		expect(position > 'a5').toBe(true);
		expect(position < 'b9').toBe(true);
	});

	it('positions a new line after the greatest well-formed key, past a malformed one stored before keys were checked', async () => {
		given({
			quotes: [buildQuote({ id: 'q1' })],
			quoteLines: [
				buildQuoteLine({ quoteId: 'q1', position: 'a5' }),
				buildQuoteLine({ quoteId: 'q1', position: 'zz' }),
				buildQuoteLine({ quoteId: 'q1', position: 'a0' })
			]
		});
		await run(addQuoteLine, args);
		expect((await tx.get('quoteLines', 'l1'))!.position).toBe('a6');
	});

	it('keeps an explicit position', async () => {
		given({ quotes: [buildQuote({ id: 'q1' })], quoteLines: [buildQuoteLine({ quoteId: 'q1', position: 'a3' })] });
		await run(addQuoteLine, { ...args, position: 'a1V' });
		expect(await tx.get('quoteLines', 'l1')).toMatchObject({ position: 'a1V' });
	});

	it('refuses a sent, declined or retracted quote: only a draft is edited', async () => {
		given({
			quotes: (['sent', 'declined', 'retracted'] as const).map((status) => buildQuote({ id: `q-${status}`, status }))
		});
		for (const status of ['sent', 'declined', 'retracted']) {
			await expectRefused(
				() => run(addQuoteLine, { ...args, id: `l-${status}`, quoteId: `q-${status}` }),
				'quote_not_draft'
			);
		}
	});

	it('refuses a quote that does not exist', async () => {
		given();
		await expectRefused(() => run(addQuoteLine, args), 'quote_not_found');
	});

	it('refuses an accepted quote', async () => {
		given({ quotes: [buildQuote({ id: 'q1', status: 'accepted' })] });
		await expectRefused(() => run(addQuoteLine, args), 'quote_read_only');
	});

	it('refuses a line id that is already taken, even by a line of another quote', async () => {
		given({ quotes: [buildQuote({ id: 'q1' })], quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q-other' })] });
		await expectRefused(() => run(addQuoteLine, args), 'id_taken');
	});

	it('rejects bad quantities, prices and unknown fields', () => {
		expect(argsOk(addQuoteLine, args)).toBe(true);
		expect(argsOk(addQuoteLine, { ...args, quantity: 0 })).toBe(true);
		expect(argsOk(addQuoteLine, { ...args, quantity: 0.5 })).toBe(true);
		expect(argsOk(addQuoteLine, { ...args, unitPrice: -500 })).toBe(true);
		expect(argsOk(addQuoteLine, { ...args, quantity: -1 })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, quantity: 1_000_001 })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, quantity: Number.NaN })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, quantity: Number.POSITIVE_INFINITY })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, quantity: '8' })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, unitPrice: 189.5 })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, description: 'x'.repeat(2_001) })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, description: undefined })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, createdAt: 0 })).toBe(false);
		expect(argsOk(addQuoteLine, { ...args, productId: null })).toBe(false);
	});
});

describe('updateQuoteLine', () => {
	it('changes only the fields given and touches the quote', async () => {
		const quote = buildQuote({ id: 'q1' });
		const line = buildQuoteLine({ id: 'l1', quoteId: 'q1', quantity: 1, description: 'Keep' });
		given({ quotes: [quote], quoteLines: [line] });
		await run(updateQuoteLine, { id: 'l1', quantity: 12, position: 'Zz' });
		expect(await tx.get('quoteLines', 'l1')).toEqual({ ...line, quantity: 12, position: 'Zz' });
		expect(await tx.get('quotes', 'q1')).toEqual({ ...quote, updatedAt: LATER });
	});

	it('refuses a line that does not exist', async () => {
		given({ quotes: [buildQuote({ id: 'q1' })] });
		await expectRefused(() => run(updateQuoteLine, { id: 'l-missing', quantity: 2 }), 'quote_line_not_found');
	});

	it('refuses a line whose quote is accepted', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', status: 'accepted' })],
			quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q1' })]
		});
		await expectRefused(() => run(updateQuoteLine, { id: 'l1', quantity: 2 }), 'quote_read_only');
	});

	it('refuses a line whose quote has been sent', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', status: 'sent' })],
			quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q1' })]
		});
		await expectRefused(() => run(updateQuoteLine, { id: 'l1', quantity: 2 }), 'quote_not_draft');
	});

	it('refuses a line whose quote is gone', async () => {
		given({ quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q-gone' })] });
		await expectRefused(() => run(updateQuoteLine, { id: 'l1', quantity: 2 }), 'quote_not_found');
	});

	it('rejects moving a line to another quote, negative quantities and unknown fields', () => {
		expect(argsOk(updateQuoteLine, { id: 'l1', unitPrice: 100 })).toBe(true);
		expect(argsOk(updateQuoteLine, { id: 'l1', quoteId: 'q2' })).toBe(false);
		expect(argsOk(updateQuoteLine, { id: 'l1', productId: 'p1' })).toBe(false);
		expect(argsOk(updateQuoteLine, { id: 'l1', quantity: -0.01 })).toBe(false);
		expect(argsOk(updateQuoteLine, { id: 'l1', position: Number.NaN })).toBe(false);
		expect(argsOk(updateQuoteLine, { quantity: 1 })).toBe(false);
	});
});

describe('removeQuoteLine', () => {
	it('removes the line and touches the quote', async () => {
		const quote = buildQuote({ id: 'q1' });
		const other = buildQuoteLine({ id: 'l2', quoteId: 'q1' });
		given({ quotes: [quote], quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q1' }), other] });
		await run(removeQuoteLine, { id: 'l1' });
		expect(await tx.get('quoteLines', 'l1')).toBeUndefined();
		expect(await tx.byIndex('quoteLines', 'quoteId', 'q1')).toEqual([other]);
		expect(await tx.get('quotes', 'q1')).toEqual({ ...quote, updatedAt: LATER });
	});

	it('is a no-op the second time: nothing changes, not even the quote’s updatedAt', async () => {
		given({ quotes: [buildQuote({ id: 'q1' })], quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q1' })] });
		await run(removeQuoteLine, { id: 'l1' });
		const afterFirst = tx.dump();
		await run(removeQuoteLine, { id: 'l1' }, { ...ctx, now: LATER + 60_000 });
		expect(tx.dump()).toEqual(afterFirst);
	});

	it('refuses to remove a line of an accepted quote', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', status: 'accepted' })],
			quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q1' })]
		});
		await expectRefused(() => run(removeQuoteLine, { id: 'l1' }), 'quote_read_only');
	});

	it('refuses to remove a line of a sent quote', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', status: 'sent' })],
			quoteLines: [buildQuoteLine({ id: 'l1', quoteId: 'q1' })]
		});
		await expectRefused(() => run(removeQuoteLine, { id: 'l1' }), 'quote_not_draft');
	});

	it('is undone by adding the same line back: same id, fields and position', async () => {
		const line = buildQuoteLine({ id: 'l1', quoteId: 'q1', position: 'a1', section: 'Network', discountPercent: 5 });
		given({ quotes: [buildQuote({ id: 'q1' })], quoteLines: [line] });
		await run(removeQuoteLine, { id: 'l1' });
		const { description, quantity, unitPrice, unitCost, discountPercent, billing, optional, section, position } = line;
		const fields = {
			description,
			quantity,
			unitPrice,
			unitCost,
			discountPercent,
			billing,
			optional,
			section,
			position
		};
		await run(addQuoteLine, { id: 'l1', quoteId: 'q1', ...fields });
		expect(await tx.get('quoteLines', 'l1')).toEqual({ ...line, createdAt: LATER });
	});

	it('takes nothing but an id', () => {
		expect(argsOk(removeQuoteLine, { id: 'l1' })).toBe(true);
		expect(argsOk(removeQuoteLine, { id: 'l1', quoteId: 'q1' })).toBe(false);
		expect(argsOk(removeQuoteLine, {})).toBe(false);
	});
});
