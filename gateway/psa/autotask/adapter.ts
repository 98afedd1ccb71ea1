// The Autotask integration as the job runner sees it (gateway/psa/provider.ts).

import { gte, inList } from '../../integrations/autotask/filter.ts';
import { billingCodeOptions } from '../../integrations/autotask/mapping/billing-code.ts';
import { dateTimeToMillis } from '../../integrations/autotask/mapping/money.ts';
import { opportunityFromAutotask } from '../../integrations/autotask/mapping/opportunity.ts';
import {
	recentChargesFilter,
	shouldImportCharge,
	ticketChargeFromAutotask
} from '../../integrations/autotask/mapping/ticket-charge.ts';
import type { PicklistValue } from '../../integrations/autotask/wire-schemas.ts';
import {
	psaOk,
	type LookupValue,
	type PsaAdapter,
	type PsaPerson,
	type PsaResult,
	type SyncContext
} from '../provider.ts';
import { fromAutotask } from './failures.ts';
import { syncQuoteToAutotask } from './quote-sync.ts';
import { ensureCompany } from './records.ts';
import { openSession, PICKLIST_LOOKUPS, type AutotaskSession as Session, type PicklistLookup } from './session.ts';

const asLookup = (values: PicklistValue[]): LookupValue[] =>
	values.map((v) => ({ value: String(v.value), label: v.label, active: v.isActive !== false }));

/** A picklist as Autotask has it now (one fields call), for labels that must never be stale. */
async function freshPicklist(session: Session, entity: 'TicketCharges', field: string) {
	const fields = await session.client.fields(entity);
	return fields.ok ? psaOk(fields.value.find((f) => f.name === field)?.picklistValues ?? []) : fromAutotask(fields);
}

async function withSession<T>(
	ctx: SyncContext,
	fn: (session: Session) => Promise<PsaResult<T>>
): Promise<PsaResult<T>> {
	const opened = await openSession(ctx);
	return opened.ok ? fn(opened.value) : opened;
}

export const autotaskAdapter: PsaAdapter = {
	provider: 'autotask',
	createsMissingUsers: false,

	testConnection: (ctx) =>
		withSession(ctx, async ({ client }) => {
			const threshold = await client.thresholdInformation();
			if (!threshold.ok) return fromAutotask(threshold);
			const { currentTimeframeRequestCount: used, externalRequestThreshold: limit } = threshold.value as {
				currentTimeframeRequestCount?: number;
				externalRequestThreshold?: number;
			};
			return psaOk({ summary: `Connected. ${used ?? 0} of ${limit ?? 10_000} requests used this hour.` });
		}),

	syncQuote: syncQuoteToAutotask,

	syncCompany: (ctx, companyId) =>
		withSession(ctx, async (session) => {
			const company = await ctx.data.get('companies', companyId);
			if (!company) return { ok: false, kind: 'permanent', message: 'The company does not exist.' };
			const id = await ensureCompany(ctx, session, company, '');
			return id.ok ? psaOk({ externalId: String(id.value) }) : id;
		}),

	synchronize: (ctx) =>
		withSession(ctx, async ({ client }) => {
			const lookups: Record<string, LookupValue[]> = {};
			// One fields call per entity, however many of its picklists we keep.
			const byEntity = new Map<string, [PicklistLookup, string][]>();
			for (const [name, [entity, field]] of Object.entries(PICKLIST_LOOKUPS) as [PicklistLookup, [string, string]][]) {
				byEntity.set(entity, [...(byEntity.get(entity) ?? []), [name, field]]);
			}
			for (const [entity, wanted] of byEntity) {
				const fields = await client.fields(entity as never);
				if (!fields.ok) return fromAutotask(fields);
				for (const [name, field] of wanted) {
					lookups[name] = asLookup(fields.value.find((f) => f.name === field)?.picklistValues ?? []);
				}
			}
			const [codes, codeFields] = [await client.queryAll('BillingCodes'), await client.fields('BillingCodes')];
			if (!codes.ok) return fromAutotask(codes);
			if (!codeFields.ok) return fromAutotask(codeFields);
			const types = codeFields.value.find((f) => f.name === 'billingCodeType')?.picklistValues ?? [];
			lookups.billingCodes = billingCodeOptions(codes.value, types).map((o) => ({
				value: String(o.externalId),
				label: o.type ? `${o.name} (${o.type})` : o.name,
				active: o.isActive
			}));
			const resources = await client.queryAll('Resources', { filter: [{ op: 'eq', field: 'isActive', value: true }] });
			if (!resources.ok) return fromAutotask(resources);
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

	importTicketCharges: (ctx) =>
		withSession(ctx, async (session) => {
			const now = ctx.now();
			const charges = await session.client.queryAll('TicketCharges', { filter: recentChargesFilter(now) });
			if (!charges.ok) return fromAutotask(charges);
			// Statuses mirror Autotask's labels as they are now, not as of the last Synchronize.
			const statuses = charges.value.length > 0 ? await freshPicklist(session, 'TicketCharges', 'status') : psaOk([]);
			if (!statuses.ok) return statuses;
			const productIds = [...new Set(charges.value.flatMap((c) => (c.productID ? [c.productID] : [])))];
			const noProcurement = new Set<number>();
			if (productIds.length > 0) {
				const products = await session.client.queryAll('Products', { filter: [inList('id', productIds)] });
				if (!products.ok) return fromAutotask(products);
				for (const p of products.value) if (p.doesNotRequireProcurement === true) noProcurement.add(p.id);
			}
			const imported = charges.value.map((c) => ticketChargeFromAutotask(c, statuses.value));
			const kept = imported.filter((c) => shouldImportCharge(c, now, noProcurement));
			const out = [];
			for (const charge of kept) {
				const productId = charge.productExternalId
					? await ctx.links.localOf('products', String(charge.productExternalId))
					: null;
				// Outpost's own "Does not require procurement" flag counts too (Admin > Products).
				if (productId && (await ctx.data.get('products', productId))?.noProcurement) continue;
				out.push({
					externalId: String(charge.externalId),
					ticketNumber: charge.ticketExternalId === null ? '' : String(charge.ticketExternalId),
					companyId: null,
					productId,
					name: charge.name,
					quantity: charge.quantity,
					unitCost: charge.unitCostCents,
					unitPrice: charge.unitPriceCents,
					status: charge.status ?? 'Unknown',
					createdAt: charge.createdAt ?? now
				});
			}
			return psaOk({ charges: out, skipped: imported.length - out.length });
		}),

	pollOpportunities: (ctx, since) =>
		withSession(ctx, async (session) => {
			const watermarkFrom = since ?? ctx.now();
			const changed = await session.client.queryAll('Opportunities', {
				filter: [gte('lastActivity', new Date(watermarkFrom).toISOString())]
			});
			if (!changed.ok) return fromAutotask(changed);
			// A poll that finds nothing costs its one query and no more.
			if (changed.value.length === 0) return psaOk({ changed: [], watermark: watermarkFrom });
			const [statuses, stages] = [
				await session.picklist('opportunityStatuses'),
				await session.picklist('opportunityStages')
			];
			if (!statuses.ok) return statuses;
			if (!stages.ok) return stages;
			let newest = watermarkFrom - 1;
			const out = [];
			for (const record of changed.value) {
				const polled = opportunityFromAutotask(record, { status: statuses.value, stage: stages.value });
				newest = Math.max(newest, dateTimeToMillis(record.lastActivity) ?? newest);
				const quoteId = await ctx.links.localOf('opportunities', String(record.id));
				const companyId = record.companyID ? await ctx.links.localOf('companies', String(record.companyID)) : null;
				out.push({
					externalId: String(polled.externalId),
					quoteId,
					companyId,
					title: polled.title,
					status: polled.status ?? '',
					stage: polled.stage ?? '',
					amount: polled.amountCents,
					lastActivityAt: polled.lastActivityAt ?? watermarkFrom
				});
			}
			// The next poll starts just after the newest change seen, so none is fetched twice.
			return psaOk({ changed: out, watermark: newest + 1 });
		})
};
