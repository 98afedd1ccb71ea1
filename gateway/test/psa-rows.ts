// For gateway tests: PSA state the demo seed has none of (an integration, sync issues), written into
// the demo organisation as the job runner writes it, so it replicates like any other row.

import type { Provider } from '../../shared/psa/providers.ts';
import { defaultIntegration, issueId, type Issue } from '../../shared/schema/psa-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import type { Gateway } from './http-harness.ts';
import type { QuoteCharge, Ticket } from '../../shared/schema/quote-charge-entities.ts';
import { uid } from './wire-client.ts';

/** No one listens for pokes in these tests; a pull finds the rows. */
const writeDemo = <T>(gw: Pick<Gateway, 'store'>, fn: (tx: Tx) => Promise<T>) =>
	replicatedWriter(gw.store, { poke: () => {} })(DEMO_ORG.id, fn);

export async function putIntegration(
	gw: Pick<Gateway, 'store'>,
	provider: Provider,
	options: { configured: boolean }
): Promise<void> {
	await writeDemo(gw, (tx) => tx.put('integrations', { ...defaultIntegration(provider), ...options }));
}

export async function deleteIntegration(gw: Pick<Gateway, 'store'>, provider: Provider): Promise<void> {
	await writeDemo(gw, (tx) => tx.delete('integrations', provider));
}

/** An open issue of a failed quote sync (a fresh quote id unless given). */
export async function openIssue(gw: Pick<Gateway, 'store'>, overrides: Partial<Issue> = {}): Promise<Issue> {
	const entityId = overrides.entityId ?? uid('quote');
	const issue: Issue = {
		id: issueId(overrides.provider ?? 'autotask', overrides.operation ?? 'syncQuote', entityId),
		provider: 'autotask',
		operation: 'syncQuote',
		entityTable: 'quotes',
		entityId,
		entityLabel: `Quote ${entityId} · Acme Corporation`,
		quoteId: entityId,
		severity: 'error',
		message: 'BillingCode does not exist or is invalid',
		rootCause: 'categoryBillingCode:cat-hardware',
		firstSeenAt: 0,
		lastSeenAt: 0,
		attempts: 1,
		state: 'open',
		...overrides
	};
	await writeDemo(gw, (tx) => tx.put('issues', issue));
	return issue;
}

/** A PSA ticket of `companyId`, as Synchronize stores it. */
export async function putTicket(gw: Pick<Gateway, 'store'>, companyId: string): Promise<Ticket> {
	const externalId = uid('ext');
	const ticket: Ticket = {
		id: `autotask-ticket-${externalId}`,
		provider: 'autotask',
		externalId,
		number: `T-${externalId}`,
		title: 'Onboard new starter',
		companyId,
		status: 'New'
	};
	await writeDemo(gw, (tx) => tx.put('tickets', ticket));
	return ticket;
}

/** A Synced charge of `quoteId` (its line and ticket need not exist for the rules it is used with). */
export async function putQuoteCharge(
	gw: Pick<Gateway, 'store'>,
	quoteId: string,
	overrides: Partial<QuoteCharge> = {}
): Promise<QuoteCharge> {
	const charge: QuoteCharge = {
		id: uid('charge'),
		quoteId,
		quoteLineId: uid('line'),
		ticketId: uid('ticket'),
		productId: null,
		categoryId: null,
		name: 'Dock',
		quantity: 1,
		unitPrice: 19_900,
		unitCost: 15_000,
		billingCodeId: null,
		status: 'synced',
		externalId: uid('ext'),
		psaCancelPending: false,
		cancelReason: null,
		reorder: false,
		reorderedAs: null,
		error: null,
		issueId: null,
		createdAt: 0,
		updatedAt: 0,
		...overrides
	};
	await writeDemo(gw, (tx) => tx.put('quoteCharges', charge));
	return charge;
}
