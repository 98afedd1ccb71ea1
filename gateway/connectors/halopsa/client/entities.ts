// What Outpost addresses in HaloPSA and how (psa-apis.md §3.3): each entity's path, the key its list
// answer wraps records in, and the schema of one record. Every entity lists, gets and upserts alike.

import type { z } from 'zod';
import {
	agentSchema,
	clientSchema,
	itemSchema,
	opportunitySchema,
	purchaseOrderSchema,
	quotationSchema,
	supplierSchema,
	userSchema
} from './entity-schemas.ts';

export const HALO_ENTITIES = {
	Client: { listKeys: ['clients'], schema: clientSchema },
	Users: { listKeys: ['users'], schema: userSchema },
	/** §3.3 [3P]: `/Agent` answers a bare array. */
	Agent: { listKeys: [], schema: agentSchema },
	Opportunities: { listKeys: ['tickets'], schema: opportunitySchema },
	/** §3.3 [UNVERIFIED]: `quotes` per [HALO-PS], `quotations` in one other client; either is read. */
	Quotation: { listKeys: ['quotes', 'quotations'], schema: quotationSchema },
	Item: { listKeys: ['items'], schema: itemSchema },
	/** [UNVERIFIED] list key `suppliers` (§3.3 gives none). */
	Supplier: { listKeys: ['suppliers'], schema: supplierSchema },
	/** §3.3 [3P]: `purchaseorders`. */
	PurchaseOrder: { listKeys: ['purchaseorders'], schema: purchaseOrderSchema }
} as const satisfies Record<string, { listKeys: readonly string[]; schema: z.ZodType }>;

export type HaloEntity = keyof typeof HALO_ENTITIES;
export type HaloRecord<E extends HaloEntity> = z.infer<(typeof HALO_ENTITIES)[E]['schema']>;

/** The named fields of a record, without the index signature a loose object adds. */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** A create: every named field but `id`, all optional (Halo applies its defaults), and any other field. */
export type HaloCreate<E extends HaloEntity> = Partial<Omit<Known<HaloRecord<E>>, 'id'>> & Record<string, unknown>;
/** An update: the record's `id` and the fields to change (§3.5: Halo upserts on POST). */
export type HaloUpdate<E extends HaloEntity> = HaloCreate<E> & { id: number };
