// The Autotask integration as the job runner sees it (gateway/psa/provider.ts).

import { billingCodeOptions } from '../client/mapping/billing-code.ts';
import type { PicklistValue } from '../client/wire-schemas.ts';
import {
	psaOk,
	type LookupValue,
	type PsaAdapter,
	type PsaPerson,
	type PsaResult,
	type SyncContext
} from '../../../psa/provider.ts';
import { toPsaFailure } from '../failure.ts';
import { pollOpportunities } from './opportunity-poll.ts';
import { syncQuote } from './sync-quote.ts';
import { importTicketCharges } from './ticket-charges.ts';
import { cancelTicketCharge, createTicketCharge, listTickets } from './quote-charges.ts';
import { createPurchaseOrder, refusePurchaseOrder } from './purchase-orders.ts';
import { ensureCompany } from './records.ts';
import { syncProduct, updateProductBillingCode } from './products.ts';
import { openAutotaskReindex } from './reindex.ts';
import { startRun, PICKLIST_LOOKUPS, type AutotaskRun, type PicklistLookup } from './run.ts';

const asLookup = (values: PicklistValue[]): LookupValue[] =>
	values.map((v) => ({ value: String(v.value), label: v.label, active: v.isActive !== false }));

/** A picklist as Autotask has it now (one fields call), for labels that must never be stale. */
async function withRun<T>(ctx: SyncContext, fn: (run: AutotaskRun) => Promise<PsaResult<T>>): Promise<PsaResult<T>> {
	const opened = await startRun(ctx);
	return opened.ok ? fn(opened.value) : opened;
}

export const autotaskAdapter: PsaAdapter = {
	provider: 'autotask',
	createsMissingUsers: false,

	testConnection: (ctx) =>
		withRun(ctx, async ({ client }) => {
			const threshold = await client.thresholdInformation();
			if (!threshold.ok) return toPsaFailure(threshold);
			const { currentTimeframeRequestCount: used, externalRequestThreshold: limit } = threshold.value as {
				currentTimeframeRequestCount?: number;
				externalRequestThreshold?: number;
			};
			return psaOk({ summary: `Connected. ${used ?? 0} of ${limit ?? 10_000} requests used this hour.` });
		}),

	syncQuote,

	syncCompany: (ctx, company) =>
		withRun(ctx, async (run) => {
			const id = await ensureCompany(ctx, run, company, null);
			return id.ok ? psaOk({ externalId: String(id.value) }) : id;
		}),

	synchronize: (ctx) =>
		withRun(ctx, async ({ client }) => {
			const lookups: Record<string, LookupValue[]> = {};
			// One fields call per entity, however many of its picklists we keep.
			const byEntity = new Map<string, [PicklistLookup, string][]>();
			for (const [name, [entity, field]] of Object.entries(PICKLIST_LOOKUPS) as [PicklistLookup, [string, string]][]) {
				byEntity.set(entity, [...(byEntity.get(entity) ?? []), [name, field]]);
			}
			for (const [entity, wanted] of byEntity) {
				const fields = await client.fields(entity as never);
				if (!fields.ok) return toPsaFailure(fields);
				for (const [name, field] of wanted) {
					lookups[name] = asLookup(fields.value.find((f) => f.name === field)?.picklistValues ?? []);
				}
			}
			const [codes, codeFields] = [await client.queryAll('BillingCodes'), await client.fields('BillingCodes')];
			if (!codes.ok) return toPsaFailure(codes);
			if (!codeFields.ok) return toPsaFailure(codeFields);
			const types = codeFields.value.find((f) => f.name === 'billingCodeType')?.picklistValues ?? [];
			lookups.billingCodes = billingCodeOptions(codes.value, types).map((o) => ({
				value: String(o.externalId),
				label: o.type ? `${o.name} (${o.type})` : o.name,
				active: o.isActive
			}));
			const resources = await client.queryAll('Resources', { filter: [{ op: 'eq', field: 'isActive', value: true }] });
			if (!resources.ok) return toPsaFailure(resources);
			const people: PsaPerson[] = resources.value.map((r) => ({
				externalId: String(r.id),
				email: r.email ?? null,
				firstName: r.firstName ?? '',
				lastName: r.lastName ?? '',
				active: r.isActive !== false
			}));
			lookups.resources = people.map((p) => ({
				value: p.externalId,
				label: `${p.firstName} ${p.lastName}`.trim(),
				active: p.active
			}));
			return psaOk({ lookups, people });
		}),

	importTicketCharges: (ctx, since) => withRun(ctx, (run) => importTicketCharges(ctx, run, since)),

	ticketCharges: {
		create: (ctx, input) => withRun(ctx, (run) => createTicketCharge(ctx, run, input)),
		cancel: (ctx, input) => withRun(ctx, (run) => cancelTicketCharge(ctx, run, input)),
		listTickets: (ctx) => withRun(ctx, listTickets)
	},

	createPurchaseOrder: async (ctx, input) =>
		refusePurchaseOrder(input) ?? withRun(ctx, (run) => createPurchaseOrder(ctx, run, input)),
	products: {
		updateBillingCode: (ctx, externalId, code) =>
			withRun(ctx, (run) => updateProductBillingCode(run, externalId, code)),
		sync: (ctx, productId) => withRun(ctx, (run) => syncProduct(ctx, run, productId))
	},

	pollOpportunities: (ctx, since) => withRun(ctx, (run) => pollOpportunities(ctx, run, since)),

	openReindex: openAutotaskReindex
};
