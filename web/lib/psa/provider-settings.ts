// The PSA-specific record ids an admin types on the integration screen (ConnectWise's default sales
// rep and catalog setup, HaloPSA's opportunity ticket type), and how a typed value becomes a setting.
// Pure. An id cannot be cleared once saved: saveIntegrationSettings merges, and JSON has no undefined.

import type { Provider } from '../../../shared/psa/providers.ts';
import { integrationSettingsSchema, type IntegrationSettings } from '../../../shared/schema/psa-entities.ts';

export type IdSettingKey = 'defaultSalesRepId' | 'catalogSubcategoryId' | 'catalogTypeId' | 'opportunityTicketTypeId';
export type IdSetting = { key: IdSettingKey; label: string; hint: string };

export const ID_SETTINGS: Record<Provider, IdSetting[]> = {
	autotask: [],
	connectwise: [
		{
			key: 'defaultSalesRepId',
			label: 'Default sales rep (member id)',
			hint: 'The member who owns opportunities when the quote owner has no ConnectWise link.'
		},
		{
			key: 'catalogSubcategoryId',
			label: 'Catalog subcategory id',
			hint: 'The catalog subcategory new catalog items get.'
		},
		{ key: 'catalogTypeId', label: 'Catalog type id', hint: 'The catalog type new catalog items get.' }
	],
	halopsa: [
		{
			key: 'opportunityTicketTypeId',
			label: 'Opportunity ticket type id',
			hint: 'The ticket type of the opportunities Outpost creates; HaloPSA’s default without it.'
		}
	]
};

/** What to save for a typed id: a new value, nothing (unchanged), or why it cannot be saved. */
export type ParsedIdSetting =
	{ ok: true; settings: Partial<IntegrationSettings> | null } | { ok: false; message: string };

export function parseIdSetting(key: IdSettingKey, text: string, current: number | undefined): ParsedIdSetting {
	const trimmed = text.trim();
	if (!trimmed) {
		if (current === undefined) return { ok: true, settings: null };
		return { ok: false, message: 'Enter a record id: a saved id can be changed but not cleared.' };
	}
	const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
	if (!integrationSettingsSchema.shape[key].safeParse(value).success || !Number.isSafeInteger(value)) {
		return { ok: false, message: 'Enter a whole number above 0, as the PSA shows the record’s id (such as 12).' };
	}
	return { ok: true, settings: value === current ? null : { [key]: value } };
}
