// One job's view of an Autotask tenant: the client (its zone remembered between jobs), and the
// picklists and resources it needs, read from the last Synchronize or asked for once per run.

import { createAutotaskClient, type AutotaskClient } from '../client/client.ts';
import { autotaskCredentialsSchema } from '../client/credentials.ts';
import { credentialUrl } from '../../common/credential-text.ts';
import type { User } from '../../../../shared/schema/identity-entities.ts';
import type { EntityName } from '../client/entities.ts';
import type { PicklistValue } from '../client/wire-schemas.ts';
import type { LookupValue, PsaResult, SyncContext } from '../../../psa/provider.ts';
import { AUTOTASK_MESSAGES } from '../client/failures.ts';
import { credentialsRefused } from '../../common/failure.ts';
import { permanent, toPsaFailure } from '../failure.ts';

export const sandboxAutotaskCredentialsSchema = autotaskCredentialsSchema.extend({
	/** Where zone lookups go; only the sandbox sets it (the real one is Autotask's). */
	zoneLookupUrl: credentialUrl().optional()
});

/** Lookup names Synchronize stores, by entity and field. */
export const PICKLIST_LOOKUPS = {
	companyTypes: ['Companies', 'companyType'],
	opportunityStatuses: ['Opportunities', 'status'],
	opportunityStages: ['Opportunities', 'stage'],
	quoteItemTypes: ['QuoteItems', 'quoteItemType'],
	paymentTerms: ['Quotes', 'paymentTerm'],
	ticketChargeStatuses: ['TicketCharges', 'status'],
	ticketChargeTypes: ['TicketCharges', 'chargeType']
} as const satisfies Record<string, [EntityName, string]>;
export type PicklistLookup = keyof typeof PICKLIST_LOOKUPS;

export type AutotaskRun = {
	client: AutotaskClient;
	picklist(name: PicklistLookup): Promise<PsaResult<PicklistValue[]>>;
	/** A resource to own new companies and opportunities: the quote owner's, else the first active one. */
	ownerFor(user: User | null): Promise<PsaResult<number>>;
};

const ZONE_LINK = ['zone', 'url'] as const;
/** The tenant's web address (its zone's webUrl), for links to open a record in Autotask. */
export const ZONE_WEB_LINK = ['zone', 'webUrl'] as const;

export function toPicklist(values: LookupValue[]): PicklistValue[] {
	return values.map((v) => ({ value: v.value, label: v.label, isActive: v.active, isDefaultValue: false }));
}

export async function startRun(ctx: SyncContext): Promise<PsaResult<AutotaskRun>> {
	const credentials = sandboxAutotaskCredentialsSchema.safeParse(ctx.credentials);
	if (!credentials.success) {
		return credentialsRefused(AUTOTASK_MESSAGES.authentication);
	}
	const { zoneLookupUrl, ...rest } = credentials.data;
	const zoneUrl = (await ctx.links.get(...ZONE_LINK)) ?? undefined;
	const client = createAutotaskClient({
		credentials: rest,
		fetch: ctx.fetch,
		clock: { now: ctx.now },
		...(zoneLookupUrl ? { zoneLookupUrl } : {}),
		...(zoneUrl ? { zoneUrl } : {})
	});
	if (!zoneUrl) {
		const zone = await client.zone();
		if (!zone.ok) return toPsaFailure(zone);
		await ctx.links.set(...ZONE_LINK, zone.value.url);
		if (zone.value.webUrl) await ctx.links.set(...ZONE_WEB_LINK, zone.value.webUrl);
	}
	// One fields call per entity and run, however many of its picklists are needed.
	const fieldsByEntity = new Map<EntityName, ReturnType<AutotaskClient['fields']>>();
	let resources: { id: number; isActive: boolean }[] | null = null;
	return {
		ok: true,
		value: {
			client,
			async picklist(name) {
				const stored = ctx.lookups[name];
				if (stored) return { ok: true, value: toPicklist(stored) };
				const [entity, field] = PICKLIST_LOOKUPS[name];
				if (!fieldsByEntity.has(entity)) fieldsByEntity.set(entity, client.fields(entity));
				const fields = await fieldsByEntity.get(entity)!;
				if (!fields.ok) return toPsaFailure(fields);
				return { ok: true, value: fields.value.find((f) => f.name === field)?.picklistValues ?? [] };
			},
			async ownerFor(user) {
				const linked = Number(user?.externalIds.autotask);
				if (Number.isInteger(linked) && linked > 0) return { ok: true, value: linked };
				const known = ctx.lookups.resources?.find((r) => r.active);
				if (known) return { ok: true, value: Number(known.value) };
				if (!resources) {
					const found = await client.queryAll(
						'Resources',
						{ filter: [{ op: 'eq', field: 'isActive', value: true }], maxRecords: 1 },
						{ maxPages: 1 }
					);
					if (!found.ok) return toPsaFailure(found);
					resources = found.value.map((r) => ({ id: r.id, isActive: r.isActive !== false }));
				}
				const first = resources.find((r) => r.isActive);
				return first ? { ok: true, value: first.id } : permanent('Autotask has no active resource to own the records.');
			}
		}
	};
}
