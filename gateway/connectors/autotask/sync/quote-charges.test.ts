// Quote charges against the Autotask simulator, through the job runner on a real store: each status
// (Pending → Synced, Error, Cancelled) and each cancellation rule, with the simulator's TicketCharges
// counted, so nothing is charged twice (a restart at every request, a lost answer, a duplicated job)
// and nothing is left live in Autotask that Outpost cancelled.

import { afterEach, describe, expect, it } from 'vitest';
import { MUTATIONS } from '../../../../shared/mutations/registry.ts';
import { chargesAfterMappingChange, chargesOfWithdrawnQuote } from '../../../../shared/quotes/charge-rules.ts';
import type { MutationContext } from '../../../../shared/mutations/define.ts';
import { issueId } from '../../../../shared/schema/psa-entities.ts';
import type { QuoteCharge } from '../../../../shared/schema/quote-charge-entities.ts';
import { readEntity } from '../../../store/entity-reader.ts';
import { storeLinks } from '../../../jobs/store-sync-context.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { buildBillingCode, buildCompany, buildTicket } from '../simulator/seed-builders.ts';
import { chargeMarker } from './quote-charges.ts';

const LEASE_MS = 300;
const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** fetch that lets the k-th request reach Autotask, reads its answer, then hangs: the process died. */
function dyingAt(k: number) {
	let sent = 0;
	let reached: () => void = () => {};
	const died = new Promise<void>((resolve) => (reached = resolve));
	const fetchUntilDeath: typeof fetch = async (input, init) => {
		sent++;
		const response = await fetch(input, init);
		if (sent < k) return response;
		await response.arrayBuffer();
		reached();
		return new Promise<Response>(() => {});
	};
	return { fetch: fetchUntilDeath, died, sent: () => sent };
}

/** fetch whose k-th request reaches Autotask but whose answer is lost (a reset after the PSA acted). */
function answerLostAt(k: number) {
	let sent = 0;
	const lossy: typeof fetch = async (input, init) => {
		const response = await fetch(input, init);
		if (++sent !== k) return response;
		await response.arrayBuffer();
		throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
	};
	return { fetch: lossy, sent: () => sent };
}

const ADMIN: MutationContext['actor'] = { kind: 'msp', companyId: 'company-msp', isAdmin: true, permissions: [] };

describe.each(STORE_KINDS)('Autotask quote charges on $name', (kind) => {
	let at: AutotaskJobs;
	let ticketExt: number;
	afterEach(() => at.close());

	/** Acme linked to its Autotask company, with one ticket, Synchronized so the ticket replicates. */
	async function start() {
		at = await startAutotaskJobs(kind);
		const [companyExt] = at.sandbox.control.seed('Companies', [buildCompany()]);
		[ticketExt] = at.sandbox.control.seed('Tickets', [buildTicket({ companyID: companyExt })]) as [number];
		await storeLinks(at.store, ORG, 'autotask').set('companies', 'company-acme', String(companyExt));
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
	}

	const mutate = async <N extends 'attachQuoteToTicket' | 'reorderQuoteCharges' | 'cancelQuoteCharge'>(
		name: N,
		args: Parameters<(typeof MUTATIONS)[N]['apply']>[1]
	) =>
		at.write((tx) =>
			(MUTATIONS[name].apply as (tx: unknown, a: unknown, c: MutationContext) => Promise<void>)(tx, args, {
				userId: 'user-owner',
				actor: ADMIN,
				now: at.clock.now()
			})
		);

	/** An accepted quote of Acme attached to the ticket: its charges Pending, their sync queued. */
	async function attached(products: (string | null)[] = ['p-laptop', 'p-dock']) {
		const { quote, lines } = await at.quote(products, { status: 'accepted' });
		await mutate('attachQuoteToTicket', { quoteId: quote.id, ticketId: `autotask-ticket-${ticketExt}` });
		await at.enqueue('syncQuoteCharges', quote.id);
		return { quote, lines };
	}

	const charges = async (quoteId: string): Promise<QuoteCharge[]> =>
		(
			await at.store.db
				.selectFrom('entities')
				.select('value')
				.where('org_id', '=', ORG)
				.where('tbl', '=', 'quoteCharges')
				.where('deleted', '=', 0)
				.orderBy('id')
				.execute()
		)
			.map((row) => JSON.parse(row.value) as QuoteCharge)
			.filter((c) => c.quoteId === quoteId);

	const psaCharges = () => at.sandbox.control.records('TicketCharges');
	/** The simulator's Cancelled status (its own value: never assumed). */
	const cancelledValue = () =>
		Number(at.sandbox.control.picklist('TicketCharges', 'status').find((s) => s.label === 'Cancelled')!.value);

	it('the ticket replicates with its company and number for the offline picker', async () => {
		await start();
		expect(await readEntity(at.store.db, ORG, 'tickets', `autotask-ticket-${ticketExt}`)).toEqual({
			id: `autotask-ticket-${ticketExt}`,
			provider: 'autotask',
			externalId: String(ticketExt),
			number: 'T20261101.0001',
			title: 'Onboard new starter',
			companyId: 'company-acme',
			status: 'New'
		});
	});

	it("a ticket of a company not linked yet links it by the company's name, as a quote sync would", async () => {
		at = await startAutotaskJobs(kind);
		const [companyExt] = at.sandbox.control.seed('Companies', [buildCompany({ companyName: 'ACME Corporation ' })]);
		const [other] = at.sandbox.control.seed('Companies', [buildCompany({ companyName: 'Unknown Ltd' })]);
		at.sandbox.control.seed('Tickets', [buildTicket({ companyID: companyExt }), buildTicket({ companyID: other })]);
		await at.enqueue('synchronize', 'autotask');
		await at.drain();

		expect(await storeLinks(at.store, ORG, 'autotask').get('companies', 'company-acme')).toBe(String(companyExt));
		const tickets = await at.store.db.selectFrom('entities').select('id').where('tbl', '=', 'tickets').execute();
		expect(tickets).toHaveLength(1);
	});

	it('Pending charges become Synced: one TicketCharge per line, with the billing code and the marker', async () => {
		await start();
		const { quote } = await attached();
		expect((await charges(quote.id)).map((c) => c.status)).toEqual(['pending', 'pending']);
		const counted = dyingAt(Infinity);
		at.runner = at.newRunner({ fetch: counted.fetch });
		await at.drain();

		const synced = await charges(quote.id);
		expect(synced.map((c) => c.status)).toEqual(['synced', 'synced']);
		expect(counted.sent()).toBe(2);
		expect(psaCharges()).toHaveLength(2);
		for (const charge of synced) {
			const record = at.sandbox.control.record('TicketCharges', Number(charge.externalId))!;
			expect(record).toMatchObject({ ticketID: ticketExt, billingCodeID: at.codes.active, unitQuantity: 1 });
			expect(record.description).toContain(chargeMarker(charge.id));
		}
		expect(await at.issue('syncQuoteCharges', quote.id)).toBeUndefined();
	});

	it.each([1, 2])(
		'a process that dies after request %i reached Autotask: the takeover charges nothing twice',
		async (k) => {
			await start();
			const { quote } = await attached();
			const dying = dyingAt(k);
			void at.newRunner({ fetch: dying.fetch, leaseMs: LEASE_MS }).runDue();
			await dying.died;
			at.clock.t += LEASE_MS + 1;
			await realSleep(LEASE_MS);
			at.runner = at.newRunner({ leaseMs: LEASE_MS });
			await at.drain();

			expect((await charges(quote.id)).map((c) => c.status)).toEqual(['synced', 'synced']);
			expect(psaCharges()).toHaveLength(2);
			expect(new Set((await charges(quote.id)).map((c) => c.externalId)).size).toBe(2);
		}
	);

	it.each([1, 2])('an answer lost at request %i: the retry finds the charge by its marker', async (k) => {
		await start();
		const { quote } = await attached();
		const lossy = answerLostAt(k);
		at.runner = at.newRunner({ fetch: lossy.fetch });
		await at.drain();

		expect((await charges(quote.id)).map((c) => c.status)).toEqual(['synced', 'synced']);
		expect(psaCharges()).toHaveLength(2);
	});

	it('a duplicated sync and a second runner create nothing more', async () => {
		await start();
		const { quote } = await attached();
		await at.drain();
		await at.enqueue('syncQuoteCharges', quote.id);
		const counted = dyingAt(Infinity);
		at.runner = at.newRunner({ fetch: counted.fetch });
		await Promise.all([at.runner.runDue(), at.newRunner({ fetch: counted.fetch }).runDue()]);
		expect(counted.sent()).toBe(0);
		expect(psaCharges()).toHaveLength(2);
	});

	it('a withdrawn quote cancels its charges in Autotask, and a second sync leaves them so', async () => {
		await start();
		const { quote } = await attached();
		await at.drain();
		await at.write(async (tx) => {
			for (const row of chargesOfWithdrawnQuote(await tx.byIndex('quoteCharges', 'quoteId', quote.id), at.clock.now()))
				await tx.put('quoteCharges', row);
		});
		await at.enqueue('syncQuoteCharges', quote.id);
		await at.drain();

		expect((await charges(quote.id)).map((c) => [c.status, c.psaCancelPending, c.cancelReason])).toEqual([
			['cancelled', false, 'quoteWithdrawn'],
			['cancelled', false, 'quoteWithdrawn']
		]);
		expect(psaCharges().map((c) => c.status)).toEqual([cancelledValue(), cancelledValue()]);
		await at.enqueue('syncQuoteCharges', quote.id);
		await at.drain();
		expect(psaCharges()).toHaveLength(2);
	});

	it("a changed mapping cancels the category's charges to re-order; Re-order recreates them with today's code", async () => {
		await start();
		const { quote } = await attached();
		await at.drain();
		const [newCode] = at.sandbox.control.seed('BillingCodes', [buildBillingCode({ name: 'Hardware 2027' })]);
		await at.write(async (tx) => {
			const category = { ...(await tx.get('categories', 'cat-hw'))!, billingCodeId: String(newCode) };
			await tx.put('categories', category);
			for (const row of chargesAfterMappingChange(await tx.all('quoteCharges'), category, at.clock.now()))
				await tx.put('quoteCharges', row);
		});
		await at.enqueue('syncQuoteCharges', quote.id);
		await at.drain();
		expect((await charges(quote.id)).map((c) => [c.status, c.reorder])).toEqual([
			['cancelled', true],
			['cancelled', true]
		]);

		await mutate('reorderQuoteCharges', { quoteId: quote.id });
		await at.enqueue('syncQuoteCharges', quote.id);
		await at.drain();

		const after = await charges(quote.id);
		expect(after.filter((c) => c.status === 'synced')).toHaveLength(2);
		expect(after.filter((c) => c.status === 'cancelled').every((c) => c.reorderedAs !== null)).toBe(true);
		expect(psaCharges().map((c) => [c.billingCodeID, c.status === cancelledValue()])).toEqual([
			[at.codes.active, true],
			[at.codes.active, true],
			[newCode, false],
			[newCode, false]
		]);
	});

	it("an admin's cancel of one charge cancels only that one in Autotask", async () => {
		await start();
		const { quote } = await attached();
		await at.drain();
		const [first] = await charges(quote.id);
		await mutate('cancelQuoteCharge', { id: first!.id });
		await at.enqueue('syncQuoteCharges', quote.id);
		await at.drain();
		expect(psaCharges().map((c) => c.status === cancelledValue())).toEqual([true, false]);
		expect((await charges(quote.id)).map((c) => c.status)).toEqual(['cancelled', 'synced']);
	});

	it("a category mapped to no billing code is an Error with the seed's text, filed as an issue, and charges nothing", async () => {
		await start();
		const { quote } = await attached(['p-misc', 'p-laptop']);
		await at.drain();

		const [misc, laptop] = await charges(quote.id);
		expect(laptop).toMatchObject({ productId: 'p-laptop', status: 'synced' });
		expect(misc).toMatchObject({
			productId: 'p-misc',
			status: 'error',
			error: 'BillingCode does not exist or is invalid',
			issueId: issueId('autotask', 'syncQuoteCharges', quote.id)
		});
		expect(await at.issue('syncQuoteCharges', quote.id)).toMatchObject({
			message: 'BillingCode does not exist or is invalid',
			rootCause: 'categoryBillingCode:cat-unmapped',
			entityTable: 'quotes'
		});
		expect(psaCharges()).toHaveLength(1);
	});

	it('a charge billed in Autotask cannot be cancelled there: it stays to cancel, with the reason', async () => {
		await start();
		const { quote } = await attached(['p-laptop']);
		await at.drain();
		const [charge] = await charges(quote.id);
		at.sandbox.control.patch('TicketCharges', Number(charge!.externalId), { isBilled: true });
		await mutate('cancelQuoteCharge', { id: charge!.id });
		await at.enqueue('syncQuoteCharges', quote.id);
		await at.drain();

		expect((await charges(quote.id))[0]).toMatchObject({
			status: 'cancelled',
			psaCancelPending: true,
			error: expect.stringContaining('billed')
		});
		expect(psaCharges()[0]!.status).not.toBe(cancelledValue());
	});
});
