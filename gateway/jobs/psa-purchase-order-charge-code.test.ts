// The Purchase Order billing code on ticket charges (seed: "Billing codes are also used for ticket
// charges and purchase orders … check the billing code configured at Admin > Integrations > Autotask >
// Purchase Order"): a quote line without a category (labour, a one-off) is charged with it in
// Autotask, and without it the charge is an Error with the seed's text and nothing is charged.

import { afterEach, describe, expect, it } from 'vitest';
import { MUTATIONS } from '../../shared/mutations/registry.ts';
import type { MutationContext } from '../../shared/mutations/define.ts';
import type { QuoteCharge } from '../../shared/schema/quote-charge-entities.ts';
import { buildCompany, buildTicket } from '../connectors/autotask/simulator/seed-builders.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../psa/test/autotask-jobs-harness.ts';
import { readEntity } from '../store/entity-reader.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { storeLinks } from './store-sync-context.ts';

const ADMIN: MutationContext['actor'] = { kind: 'msp', companyId: 'company-msp', isAdmin: true, permissions: [] };

describe.each(STORE_KINDS)('the Purchase Order billing code on ticket charges on $name', (kind) => {
	let at: AutotaskJobs;
	afterEach(() => at.close());

	/** An accepted quote with one labour line (no product, so no category) attached to an Autotask ticket. */
	async function labourCharge(code: 'active' | null): Promise<QuoteCharge> {
		at = await startAutotaskJobs(kind);
		const [companyExt] = at.sandbox.control.seed('Companies', [buildCompany()]);
		const [ticketExt] = at.sandbox.control.seed('Tickets', [buildTicket({ companyID: companyExt })]);
		await storeLinks(at.store, ORG, 'autotask').set('companies', 'company-acme', String(companyExt));
		await at.write(async (tx) => {
			const integration = (await tx.get('integrations', 'autotask'))!;
			const purchaseOrderBillingCodeId = code === null ? null : String(at.codes[code]);
			await tx.put('integrations', {
				...integration,
				settings: { ...integration.settings, purchaseOrderBillingCodeId }
			});
		});
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
		const { quote } = await at.quote([null], { status: 'accepted' });
		await at.write((tx) =>
			(MUTATIONS.attachQuoteToTicket.apply as (tx: unknown, a: unknown, c: MutationContext) => Promise<void>)(
				tx,
				{ quoteId: quote.id, ticketId: `autotask-ticket-${ticketExt}` },
				{ userId: 'user-owner', actor: ADMIN, now: at.clock.now() }
			)
		);
		await at.enqueue('syncQuoteCharges', quote.id);
		await at.drain();
		const [row] = await at.store.db
			.selectFrom('entities')
			.select('id')
			.where('org_id', '=', ORG)
			.where('tbl', '=', 'quoteCharges')
			.execute();
		return (await readEntity(at.store.db, ORG, 'quoteCharges', row!.id))!;
	}

	it('a line without a category is charged in Autotask with the Purchase Order billing code', async () => {
		const charge = await labourCharge('active');
		expect(charge).toMatchObject({ categoryId: null, status: 'synced' });
		expect(at.sandbox.control.record('TicketCharges', Number(charge.externalId))?.billingCodeID).toBe(at.codes.active);
	});

	it("without a Purchase Order billing code that line is an Error with the seed's text, and nothing is charged", async () => {
		const charge = await labourCharge(null);
		expect(charge).toMatchObject({ status: 'error', error: 'BillingCode does not exist or is invalid' });
		expect(at.count('TicketCharges')).toBe(0);
	});
});
