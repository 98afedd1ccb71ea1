// The Autotask entities Outpost talks to and how each is addressed (psa-apis.md §1.3): which verbs it
// allows and, for child entities, the parent URL that creates, updates and deletes go through.

export type ParentRoute = {
	/** The parent entity in the URL: `/{entity}/{parentId}/{segment}`. */
	readonly entity: string;
	/** The field of the child record that holds the parent's id. */
	readonly key: string;
	readonly segment: string;
};

type EntityRoute = {
	readonly create: boolean;
	readonly update: boolean;
	readonly remove: boolean;
	readonly parent?: ParentRoute;
};

/** Verbs from the vendor spec (§1.3 [V]); query and get-by-id work on the root path of every entity. */
export const AUTOTASK_ENTITIES = {
	Companies: { create: true, update: true, remove: false },
	Contacts: {
		create: true,
		update: true,
		remove: true,
		parent: { entity: 'Companies', key: 'companyID', segment: 'Contacts' }
	},
	Opportunities: { create: true, update: true, remove: false },
	Quotes: { create: true, update: true, remove: false },
	/** A quote's bill-to, ship-to and sold-to addresses; §1.5 lists the three ids as required on Quotes. */
	QuoteLocations: { create: true, update: true, remove: false },
	QuoteItems: {
		create: true,
		update: true,
		remove: true,
		parent: { entity: 'Quotes', key: 'quoteID', segment: 'Items' }
	},
	Products: { create: true, update: true, remove: false },
	BillingCodes: { create: false, update: false, remove: false },
	Resources: { create: false, update: true, remove: false },
	/** Read for the ticket number and company of imported charges. */
	Tickets: { create: false, update: false, remove: false },
	TicketCharges: {
		create: true,
		update: true,
		remove: true,
		parent: { entity: 'Tickets', key: 'ticketID', segment: 'Charges' }
	},
	/** A distributor order's purchase order; no delete in the vendor spec (§1.3). */
	PurchaseOrders: { create: true, update: true, remove: false },
	PurchaseOrderItems: {
		create: true,
		update: true,
		remove: false,
		parent: { entity: 'PurchaseOrders', key: 'orderID', segment: 'Items' }
	},
	/** Read for the location purchase order items are received into (a required item field). */
	InventoryLocations: { create: false, update: false, remove: false }
} as const satisfies Record<string, EntityRoute>;

export type EntityName = keyof typeof AUTOTASK_ENTITIES;
type Routes = typeof AUTOTASK_ENTITIES;
export type CreatableEntity = { [E in EntityName]: Routes[E]['create'] extends true ? E : never }[EntityName];
export type UpdatableEntity = { [E in EntityName]: Routes[E]['update'] extends true ? E : never }[EntityName];
export type RemovableEntity = { [E in EntityName]: Routes[E]['remove'] extends true ? E : never }[EntityName];
/** The field that carries the parent id of a child entity (`companyID` for Contacts). */
export type ParentKey<E extends EntityName> = Routes[E] extends { parent: { key: infer K extends string } } ? K : never;

export function parentOf(entity: EntityName): ParentRoute | undefined {
	const route: EntityRoute = AUTOTASK_ENTITIES[entity];
	return route.parent;
}

/**
 * The path (relative to `{zoneUrl}V1.0/`) that writes of `entity` go to: the root for top-level
 * entities, `{Parent}/{parentId}/{Segment}` for children (§1.3 "child").
 */
export function writePath(
	entity: EntityName,
	record: Record<string, unknown>
): { ok: true; path: string } | { ok: false; message: string } {
	const parent = parentOf(entity);
	if (!parent) return { ok: true, path: entity };
	const parentId = record[parent.key];
	if (typeof parentId !== 'number' || !Number.isInteger(parentId)) {
		return { ok: false, message: `${entity} needs ${parent.key} to address its parent ${parent.entity}.` };
	}
	return { ok: true, path: `${parent.entity}/${parentId}/${parent.segment}` };
}
