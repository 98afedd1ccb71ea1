// Bench data: quotes with lines of about 600 B of JSON each (the row size reference/sync.md measured
// with), generated deterministically so the browser's raw-IndexedDB and Replicache references can be
// fed exactly the rows the gateway holds. Rows start from the tests' build<Entity>() factories, so
// fields added to the schemas get their defaults without the bench changing. Seeding goes through
// the store's own Tx (createSqlTx under the org's space version), as a push would write them.

import type { Quote, QuoteLine } from '../../shared/schema/entities.ts';
import { buildQuote, buildQuoteLine } from '../../shared/test/builders.ts';
import { nextSpaceVersion } from '../../gateway/sync/space-version.ts';
import { createSqlTx } from '../../gateway/sync/sql-tx.ts';
import type { Store } from '../../gateway/store/store.ts';

export const BENCH_NOW = Date.UTC(2026, 0, 15, 9, 30);
export const LINES_PER_QUOTE = 100;

const DESCRIPTIONS = [
	'Lenovo ThinkPad T14 Gen 6, Intel Core Ultra 7, 32 GB RAM, 1 TB NVMe SSD, 14" WUXGA IPS, Windows 11 Pro, 3-year premier support with on-site next business day, accidental damage protection, keyboard UK layout, asset tagging and BIOS password set before dispatch',
	'Microsoft 365 Business Premium (annual commitment, billed monthly): Exchange Online, SharePoint, Teams, Intune, Defender for Business, Entra ID P1, Purview information protection; licence assignment and conditional access baseline configured by our service desk during onboarding',
	'Deployment and imaging, per device: Autopilot registration, company portal enrolment, application bundle (line-of-business apps, Adobe Reader, VPN client), data migration from the previous device up to 200 GB, user hand-over session of 30 minutes and collection of the old device for secure erasure',
	'Ubiquiti UniFi U7 Pro access point with PoE+ injector, ceiling mount kit and cable management; includes survey of the floor plan, channel planning, SSID and VLAN configuration for staff, guest and IoT networks, and a written coverage report with heat maps after installation'
];

export function benchQuoteId(k: number): string {
	return `bq-${String(k).padStart(6, '0')}`;
}

export function benchLineId(k: number, j: number): string {
	return `bl-${String(k).padStart(6, '0')}-${String(j).padStart(3, '0')}`;
}

export function benchQuote(k: number, status: Quote['status'] = 'draft'): Quote {
	return buildQuote({
		id: benchQuoteId(k),
		companyId: 'company-acme',
		title: `Bench quote ${k}: office refresh, network and licensing`,
		status,
		number: null,
		ownerId: 'user-sales-demo',
		notes: 'Prices valid for 30 days. Hardware subject to distributor availability at the time of ordering.',
		validUntil: null,
		createdAt: BENCH_NOW,
		updatedAt: BENCH_NOW
	});
}

/** Lines keep the factory's position: the bench does not depend on how line order is encoded. */
export function benchLine(k: number, j: number): QuoteLine {
	return buildQuoteLine({
		id: benchLineId(k, j),
		quoteId: benchQuoteId(k),
		productId: null,
		description: DESCRIPTIONS[(k + j) % DESCRIPTIONS.length]!,
		quantity: 1 + ((k * 7 + j) % 40),
		unitPrice: 1_000 + ((k * 131 + j * 17) % 250_000),
		createdAt: BENCH_NOW
	});
}

export type BenchRow = { table: 'quotes' | 'quoteLines'; value: Quote | QuoteLine };

/** Quotes [from, from + count), each with `linesPerQuote` lines, in the order they are seeded. */
export function benchRows(from: number, count: number, linesPerQuote = LINES_PER_QUOTE): BenchRow[] {
	const rows: BenchRow[] = [];
	for (let k = from; k < from + count; k++) {
		rows.push({ table: 'quotes', value: benchQuote(k) });
		for (let j = 0; j < linesPerQuote; j++) rows.push({ table: 'quoteLines', value: benchLine(k, j) });
	}
	return rows;
}

/** Writes rows in transactions of about 5,000 rows, each under a new space version. */
export async function seedRows(store: Store, orgId: string, rows: readonly BenchRow[]): Promise<void> {
	const CHUNK = 5_000;
	for (let start = 0; start < rows.length; start += CHUNK) {
		await store.write(async (trx) => {
			const tx = createSqlTx(trx, orgId, await nextSpaceVersion(trx, orgId));
			for (const row of rows.slice(start, start + CHUNK)) await tx.put(row.table, row.value as never);
		});
	}
}
