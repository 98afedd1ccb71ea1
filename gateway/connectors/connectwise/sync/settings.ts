// The non-secret ConnectWise settings a quote sync needs (the integrations row's `settings`): who
// owns an opportunity when the quote's owner is not linked to a member, and where new catalog items go.

import { z } from 'zod';

const recordId = z.coerce.number().int().positive();

export const connectwiseSettingsSchema = z.object({
	/** Member id used as `primarySalesRep` when the quote owner has no ConnectWise link. */
	defaultSalesRepId: recordId.optional(),
	/** §2.3: a catalog item needs a subcategory and a type (tenant setup tables). */
	catalogSubcategoryId: recordId.optional(),
	catalogTypeId: recordId.optional()
});
export type ConnectwiseSettings = z.infer<typeof connectwiseSettingsSchema>;

/** Settings hold other keys too; anything unreadable counts as not set. */
export function readSettings(settings: Record<string, unknown>): ConnectwiseSettings {
	const parsed = connectwiseSettingsSchema.safeParse(settings);
	if (parsed.success) return parsed.data;
	const out: ConnectwiseSettings = {};
	for (const key of Object.keys(connectwiseSettingsSchema.shape) as (keyof ConnectwiseSettings)[]) {
		const one = recordId.safeParse(settings[key]);
		if (one.success) out[key] = one.data;
	}
	return out;
}
