// What the demo's PSA sync has left behind: ticket charges imported from Autotask waiting in
// Procurement, and sync issues for an admin to work in Admin › Tools › Issues. Both are the rows the
// job runner writes (same ids, labels and messages), dated from `now`, so Retry runs the real job.

import type { Product } from '../../shared/schema/catalog-entities.ts';
import type { Company, Quote, QuoteLine } from '../../shared/schema/entities.ts';
import { issueId, type Issue, type TicketCharge } from '../../shared/schema/psa-entities.ts';
import { AUTOTASK_SYNC_MESSAGES } from '../connectors/autotask/failure.ts';
import { CATEGORY_TABLE } from './demo-product-families.ts';
import { seededRandom } from './seeded-random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Autotask's ticket charge statuses as its picklist labels them (gateway/connectors/autotask/simulator/default-picklists.ts). */
const CHARGE_STATUSES = ['New', 'New', 'Waiting Approval', 'Approved/Posted', 'Waiting Customer', 'Billed'] as const;

const TICKETS = [
	['T20261020.0031', 'company-globex'],
	['T20261024.0007', 'company-initech'],
	['T20261027.0112', 'company-umbrella'],
	['T20261029.0045', 'company-wayne'],
	['T20261030.0019', 'company-stark'],
	['T20261031.0088', 'company-hooli']
] as const;

/** A dozen and a half charges on six tickets, for hardware a technician used on site. */
export function demoTicketCharges(products: readonly Product[], now: number): TicketCharge[] {
	const random = seededRandom(23);
	const procured = products.filter((p) => p.active && !p.noProcurement && p.distributor !== null && p.price > 0);
	const charges: TicketCharge[] = [];
	for (const [ticketNumber, companyId] of TICKETS) {
		for (let n = random.int(2, 4); n > 0; n--) {
			const product = random.pick(procured);
			const createdAt = now - random.int(3, 20 * 24) * HOUR;
			const externalId = String(70_000 + charges.length * 37);
			charges.push({
				id: `autotask-charge-${externalId}`,
				provider: 'autotask',
				externalId,
				ticketNumber,
				companyId,
				productId: product.id,
				name: product.name,
				quantity: random.int(1, 4),
				unitCost: product.cost,
				unitPrice: product.price,
				status: random.pick(CHARGE_STATUSES),
				createdAt,
				importedAt: createdAt + random.int(5, 110) * 60_000
			});
		}
	}
	return charges;
}

type IssueSpec = Pick<Issue, 'provider' | 'operation' | 'severity' | 'message' | 'rootCause'> & {
	quote?: Quote;
	company?: Company;
	attempts: number;
	ageHours: number;
};

/**
 * Issues as the runner records them: three accepted quotes refused by Autotask over one category's
 * billing code (one group, one fix), an opportunity deleted in Autotask, a company ConnectWise could
 * not match, and a HaloPSA warning.
 */
export function demoIssues(
	rows: { quotes: readonly Quote[]; lines: readonly QuoteLine[] },
	companies: readonly Company[],
	now: number
): Issue[] {
	const drawn = rows.quotes.filter((q) => q.status === 'accepted' && q.id.startsWith('quote-demo-'));
	// The billing-code group is about the category most accepted quotes carry, and lists those first.
	const category = commonestCategory(rows.lines, new Set(drawn.map((q) => q.id)));
	const accepted = [
		...drawn.filter((q) => category.quoteIds.has(q.id)),
		...drawn.filter((q) => !category.quoteIds.has(q.id))
	];
	const companyOf = (id: string) => companies.find((c) => c.id === id)!;
	const specs: IssueSpec[] = [
		...accepted.slice(0, 3).map((quote, k) => ({
			provider: 'autotask' as const,
			operation: 'syncQuote' as const,
			severity: 'error' as const,
			message: AUTOTASK_SYNC_MESSAGES.billingCodeInvalid,
			rootCause: `categoryBillingCode:category-${category.key}`,
			quote,
			attempts: 1 + k,
			ageHours: 30 - k * 9
		})),
		{
			provider: 'autotask',
			operation: 'syncQuote',
			severity: 'error',
			message: AUTOTASK_SYNC_MESSAGES.opportunityNotFound,
			rootCause: null,
			quote: accepted[3],
			attempts: 2,
			ageHours: 50
		},
		{
			provider: 'connectwise',
			operation: 'syncCompany',
			severity: 'error',
			message: 'The company does not exist.',
			rootCause: null,
			company: companyOf('company-vandelay'),
			attempts: 1,
			ageHours: 4
		},
		{
			provider: 'halopsa',
			operation: 'syncQuote',
			severity: 'warning',
			message: 'Synced, but 2 lines have no HaloPSA item and were sent as text.',
			rootCause: null,
			quote: accepted[4],
			attempts: 1,
			ageHours: 74
		}
	];
	return specs
		.filter((spec) => spec.quote !== undefined || spec.company !== undefined)
		.map((spec) => issueOf(spec, companyOf, now));
}

function commonestCategory(lines: readonly QuoteLine[], quoteIds: ReadonlySet<string>) {
	const byKey = new Map<string, Set<string>>();
	for (const line of lines) {
		if (!quoteIds.has(line.quoteId)) continue;
		const key = CATEGORY_TABLE.find(([, , , , prefix]) =>
			line.productId?.startsWith(`product-${prefix.toLowerCase()}-`)
		)?.[0];
		if (key) byKey.set(key, (byKey.get(key) ?? new Set()).add(line.quoteId));
	}
	const [key, ids] = [...byKey].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0]!;
	return { key, quoteIds: ids };
}

function issueOf(spec: IssueSpec, companyOf: (id: string) => Company, now: number): Issue {
	const { quote, company } = spec;
	const entityId = quote?.id ?? company!.id;
	const entityLabel = quote
		? `Quote ${quote.number ?? quote.title} · ${companyOf(quote.companyId).name}`
		: `Company ${company!.name}`;
	const lastSeenAt = now - spec.ageHours * HOUR;
	return {
		id: issueId(spec.provider, spec.operation, entityId),
		provider: spec.provider,
		operation: spec.operation,
		entityTable: quote ? 'quotes' : 'companies',
		entityId,
		entityLabel,
		quoteId: quote?.id ?? null,
		severity: spec.severity,
		message: spec.message,
		rootCause: spec.rootCause,
		firstSeenAt: lastSeenAt - (spec.attempts - 1) * DAY,
		lastSeenAt,
		attempts: spec.attempts,
		state: 'open'
	};
}
