// The tablet quote editor's page object, and catalog products made through the sync API as a
// catalog@ device would push them (until the demo seed carries a catalog, and so that each run has
// products with codes of its own to search for).

import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Product } from '../../shared/schema/catalog-entities.ts';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PushResponse } from '../../shared/sync/protocol.ts';
import { DEMO_PASSWORD } from './app.ts';

export const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true } as const;

/** Signs in over HTTP as `email` and pushes `mutations` from a fresh client; every one must apply. */
export async function pushAs(request: APIRequestContext, email: string, mutations: { name: string; args: unknown }[]) {
	const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
	expect(login.ok(), await login.text()).toBe(true);
	const clientID = randomUUID();
	const response = await request.post('/api/sync/push', {
		data: {
			protocolVersion: PROTOCOL_VERSION,
			schemaVersion: SCHEMA_VERSION,
			clientGroupID: clientID,
			clientID,
			mutations: mutations.map((m, k) => ({ id: k + 1, name: m.name, args: m.args, timestamp: Date.now() }))
		}
	});
	expect(response.ok(), await response.text()).toBe(true);
	const { results } = (await response.json()) as PushResponse;
	expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
}

/** Ten products with codes unique to this run (`run`), so a search finds exactly them. */
export function runProducts(run: string): Product[] {
	const rows: [string, string, number, number, Product['billing']][] = [
		['Dell Latitude 5450 laptop', 'LAT', 98_000, 129_900, 'one-time'],
		['Dell 24 monitor P2425H', 'MON', 14_000, 21_900, 'one-time'],
		['Ubiquiti U7 Pro access point', 'U7P', 13_500, 18_900, 'one-time'],
		['APC Smart-UPS 1500VA', 'UPS', 52_000, 74_900, 'one-time'],
		['Microsoft 365 Business Premium', 'M365', 1_980, 2_200, 'monthly'],
		['Managed endpoint detection', 'EDR', 300, 650, 'monthly'],
		['Cloud backup, 1 TB', 'BKP', 4_100, 6_900, 'monthly'],
		['Domain and DNS hosting', 'DNS', 1_500, 4_500, 'yearly'],
		['On-site engineer, per hour', 'ENG', 6_000, 12_500, 'one-time'],
		['Project management, per hour', 'PM', 5_000, 11_000, 'one-time']
	];
	return rows.map(([name, code, cost, price, billing]) => ({
		id: `product-${run}-${code.toLowerCase()}`,
		name,
		sku: `${run.toUpperCase()}-${code}`,
		mpn: `MPN-${code}-${run}`,
		description: '',
		categoryId: null,
		cost,
		price,
		billing,
		distributor: null,
		noProcurement: billing !== 'one-time',
		active: true
	}));
}

export class TabletQuoteEditor {
	constructor(readonly page: Page) {}

	addForm() {
		return this.page.getByRole('form', { name: 'Add a line' });
	}

	search() {
		return this.addForm().getByRole('combobox', { name: /description/i });
	}

	options() {
		return this.page.getByRole('listbox', { name: 'Lines you can add' }).getByRole('option');
	}

	/** Types into the search as a person does, key by key, then presses Enter on the highlighted product. */
	async addFromCatalog(typed: string, expectName: string, options: { quantity?: string; section?: string } = {}) {
		const form = this.addForm();
		if (options.section !== undefined) await form.getByLabel('Section').fill(options.section);
		if (options.quantity !== undefined) await form.getByLabel('Quantity').fill(options.quantity);
		const before = await this.lineDescriptions().count();
		await this.search().pressSequentially(typed);
		await expect(this.options().first()).toContainText(expectName);
		await this.search().press('Enter');
		await expect(this.lineDescriptions()).toHaveCount(before + 1);
		await expect(this.search()).toHaveValue('');
		await expect(this.search()).toBeFocused();
	}

	lineDescriptions() {
		return this.page.getByRole('textbox', { name: /^Description of line/ });
	}

	field(name: 'Quantity' | 'Unit price' | 'Unit cost' | 'Discount %', line: number) {
		const role = name === 'Quantity' ? 'spinbutton' : 'textbox';
		return this.page.getByRole(role, { name: `${name} of line ${line}`, exact: true });
	}

	async set(name: 'Quantity' | 'Unit price' | 'Unit cost' | 'Discount %', line: number, value: string) {
		await this.field(name, line).fill(value);
		await this.field(name, line).press('Tab');
	}

	sectionHeadings() {
		return this.page.getByRole('region', { name: 'Lines' }).getByRole('heading', { level: 3 });
	}

	total(cycle: 'one-time' | 'monthly' | 'yearly' = 'one-time') {
		return this.page.getByTestId(cycle === 'one-time' ? 'quote-total' : `quote-total-${cycle}`);
	}
}
