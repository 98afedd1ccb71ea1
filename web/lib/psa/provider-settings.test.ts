import { describe, expect, it } from 'vitest';
import { integrationSettingsSchema } from '../../../shared/schema/psa-entities.ts';
import { ID_SETTINGS, parseIdSetting } from './provider-settings.ts';

const bad = { ok: false, message: 'Enter a whole number above 0, as the PSA shows the record’s id (such as 12).' };

describe('ID_SETTINGS', () => {
	it('names ConnectWise’s and HaloPSA’s ids, each a setting saveIntegrationSettings takes', () => {
		expect(ID_SETTINGS.connectwise.map((s) => s.key)).toEqual([
			'defaultSalesRepId',
			'catalogSubcategoryId',
			'catalogTypeId'
		]);
		expect(ID_SETTINGS.halopsa.map((s) => s.key)).toEqual(['opportunityTicketTypeId']);
		expect(ID_SETTINGS.autotask).toEqual([]);
		const args = integrationSettingsSchema.partial().strict();
		for (const setting of Object.values(ID_SETTINGS).flat()) {
			expect(args.safeParse({ [setting.key]: 1 }).success, setting.key).toBe(true);
		}
	});
});

describe('parseIdSetting', () => {
	it('reads a positive whole number, spaces and leading zeros aside', () => {
		expect(parseIdSetting('catalogTypeId', ' 12 ', undefined)).toEqual({ ok: true, settings: { catalogTypeId: 12 } });
		expect(parseIdSetting('defaultSalesRepId', '007', 3)).toEqual({ ok: true, settings: { defaultSalesRepId: 7 } });
	});
	it('saves nothing for the value already saved, or an empty field never set', () => {
		expect(parseIdSetting('catalogTypeId', '12', 12)).toEqual({ ok: true, settings: null });
		expect(parseIdSetting('opportunityTicketTypeId', '  ', undefined)).toEqual({ ok: true, settings: null });
	});
	it('refuses to clear a saved id, saying why', () => {
		expect(parseIdSetting('defaultSalesRepId', '', 5)).toEqual({
			ok: false,
			message: 'Enter a record id: a saved id can be changed but not cleared.'
		});
	});
	it('refuses zero, negatives, fractions, exponents, words and unsafe numbers', () => {
		for (const text of ['0', '-3', '1.5', '1e3', '+4', 'twelve', '12 a', '9007199254740993']) {
			expect(parseIdSetting('catalogSubcategoryId', text, undefined), text).toEqual(bad);
		}
	});
});
