// Zod schemas of the Autotask REST envelopes (psa-apis.md §1.1-1.8): zone information, query pages,
// single items, create/update answers, error bodies, field metadata and threshold information.

import { z } from 'zod';

/** `ZoneInformationResultModel` [V]; only `url` is needed, the rest is informational. */
export const zoneInformationSchema = z.looseObject({
	url: z.string().url(),
	zoneName: z.string().nullish(),
	webUrl: z.string().nullish(),
	ci: z.number().nullish()
});
export type ZoneInformation = z.infer<typeof zoneInformationSchema>;

/** A query page [3P]: `nextPageUrl` is absolute and opaque. */
export const queryPageSchema = z.object({
	items: z.array(z.unknown()),
	pageDetails: z
		.looseObject({
			count: z.number().nullish(),
			requestCount: z.number().nullish(),
			prevPageUrl: z.string().nullish(),
			nextPageUrl: z.string().nullish()
		})
		.nullish()
});

export const itemSchema = z.object({ item: z.unknown().nullable() });
export const itemIdSchema = z.object({ itemId: z.number().int() });
export const queryCountSchema = z.object({ queryCount: z.number().int().nonnegative() });

/** `{ "errors": ["..."] }`; other clients also meet objects with a `message` (§1.6). */
export const errorsBodySchema = z.object({
	errors: z.array(z.union([z.string(), z.looseObject({ message: z.string() })]))
});

export const picklistValueSchema = z.looseObject({
	value: z.union([z.string(), z.number()]).transform(String),
	label: z.string(),
	isDefaultValue: z.boolean().nullish(),
	sortOrder: z.number().nullish(),
	parentValue: z.union([z.string(), z.number()]).nullish(),
	isActive: z.boolean().nullish(),
	isSystem: z.boolean().nullish()
});
export type PicklistValue = z.infer<typeof picklistValueSchema>;

export const fieldInfoSchema = z.looseObject({
	name: z.string(),
	dataType: z.string().nullish(),
	length: z.number().nullish(),
	isRequired: z.boolean().nullish(),
	isReadOnly: z.boolean().nullish(),
	isQueryable: z.boolean().nullish(),
	isReference: z.boolean().nullish(),
	referenceEntityType: z.string().nullish(),
	isPickList: z.boolean().nullish(),
	picklistValues: z.array(picklistValueSchema).nullish()
});
export type FieldInfo = z.infer<typeof fieldInfoSchema>;
export const fieldsSchema = z.object({ fields: z.array(fieldInfoSchema) });

export const thresholdInformationSchema = z.looseObject({
	externalRequestThreshold: z.number(),
	requestThresholdTimeframe: z.number(),
	currentTimeframeRequestCount: z.number()
});
export type ThresholdInformation = z.infer<typeof thresholdInformationSchema>;
