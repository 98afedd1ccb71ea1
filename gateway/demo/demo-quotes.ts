// The demo's quotes: the six hand-written ones the README and the specs name, then a few dozen drawn
// by a seeded generator from the demo catalog, in every status, across more than a dozen companies,
// two of them over a hundred lines. Dates are relative to `now`; the drawn quotes are all older than
// the hand-written ones, so those stay at the top of the list and keep numbers Q-00001 to Q-00006.

import { generateNKeysBetween } from 'fractional-indexing';
import type { Contact, Product } from '../../shared/schema/catalog-entities.ts';
import type { Quote, QuoteLine, QuoteStatus } from '../../shared/schema/entities.ts';
import { quoteContentHash } from '../../shared/quotes/content-hash.ts';
import { formatQuoteNumber } from '../sync/effects/quote-effects.ts';
import { DEMO_QUOTES } from './demo-data.ts';
import type { CategoryKey } from './demo-product-families.ts';
import { seededRandom, type Random } from './seeded-random.ts';

export type DemoQuoteRows = { quotes: Quote[]; lines: QuoteLine[] };
export type DemoQuoteInputs = {
	now: number;
	products: readonly Product[];
	contacts: readonly Contact[];
	/** Who writes quotes: the first owns the hand-written ones. */
	ownerIds: readonly string[];
};

const DAY = 86_400_000;

/** [category, smallest quantity, largest quantity, products drawn from it] */
type Part = readonly [CategoryKey, number, number, number];
type Template = { title: string; notes: string; parts: readonly Part[] };

const TEMPLATES: readonly Template[] = [
	{
		title: 'Laptop refresh',
		notes: 'Old devices are wiped and recycled; certificates of destruction on request.',
		parts: [
			['laptops', 4, 25, 2],
			['accessories', 4, 25, 2],
			['licensing', 4, 25, 1],
			['services', 1, 20, 1]
		]
	},
	{
		title: 'Server replacement',
		notes: 'Migration over one weekend; the old host stays up for two weeks as a fallback.',
		parts: [
			['servers', 1, 2, 2],
			['backup', 1, 1, 1],
			['services', 8, 40, 2]
		]
	},
	{
		title: 'Network overhaul',
		notes: 'Includes a site survey before the installation date is fixed.',
		parts: [
			['networking', 2, 16, 4],
			['security', 1, 1, 1],
			['services', 4, 24, 1]
		]
	},
	{
		title: 'Managed security bundle',
		notes: '',
		parts: [
			['security', 10, 80, 3],
			['managed', 10, 80, 1]
		]
	},
	{
		title: 'Backup and continuity',
		notes: '',
		parts: [
			['backup', 1, 3, 3],
			['services', 2, 8, 1]
		]
	},
	{
		title: 'Microsoft 365 licences',
		notes: 'Prices per user; the term follows the licence.',
		parts: [['licensing', 5, 120, 3]]
	},
	{
		title: 'Phone system',
		notes: '',
		parts: [
			['voice', 5, 40, 3],
			['services', 2, 10, 1]
		]
	},
	{
		title: 'Monitors for the design team',
		notes: '',
		parts: [
			['monitors', 2, 12, 2],
			['accessories', 2, 12, 2]
		]
	},
	{
		title: 'Managed services agreement',
		notes: 'Twelve-month minimum term.',
		parts: [
			['managed', 5, 60, 3],
			['backup', 1, 5, 1]
		]
	},
	{
		title: 'New starters',
		notes: '',
		parts: [
			['desktops', 1, 6, 1],
			['monitors', 1, 12, 1],
			['accessories', 1, 6, 3],
			['licensing', 1, 6, 1]
		]
	},
	{
		title: 'Firewall renewal',
		notes: '',
		parts: [
			['security', 1, 2, 2],
			['services', 2, 6, 1]
		]
	},
	{
		title: 'Branch office',
		notes: 'Delivery to the new branch; access arranged with the landlord.',
		parts: [
			['networking', 1, 8, 3],
			['desktops', 2, 10, 1],
			['monitors', 2, 10, 1],
			['voice', 2, 10, 1],
			['services', 4, 16, 1]
		]
	}
];

/** The two large quotes: a section per floor or site, each a full fit-out. */
const LARGE: readonly { title: string; section: string; sections: number }[] = [
	{ title: 'Head office fit-out', section: 'Floor', sections: 6 },
	{ title: 'Multi-site rollout', section: 'Site', sections: 8 }
];
const FIT_OUT: readonly Part[] = [
	['desktops', 4, 30, 2],
	['laptops', 2, 12, 2],
	['monitors', 4, 40, 2],
	['accessories', 4, 40, 4],
	['networking', 1, 6, 3],
	['voice', 2, 20, 2],
	['licensing', 4, 30, 2],
	['services', 4, 24, 2]
];

/** Enough of every status to filter by, declined and retracted ones less often, as in life. */
const STATUS_PLAN: readonly [QuoteStatus, number][] = [
	['draft', 12],
	['sent', 11],
	['accepted', 11],
	['declined', 5],
	['retracted', 4]
];

/** The customers the drawn quotes go to: a dozen and a half, Acme among them (its contact sees a real list). */
const CUSTOMERS = [
	'company-acme',
	'company-globex',
	'company-initech',
	'company-umbrella',
	'company-stark',
	'company-wayne',
	'company-hooli',
	'company-soylent',
	'company-tyrell',
	'company-cyberdyne',
	'company-vandelay',
	'company-massive',
	'company-piedpiper',
	'company-dunder',
	'company-bluth',
	'company-gringotts',
	'company-oceanic',
	'company-monarch'
] as const;

const DECLINE_REASONS = [
	'We went with the incumbent supplier this year.',
	'Budget was moved to next financial year.',
	'Too expensive for now; please quote a smaller first phase.',
	'The board postponed the project.'
];

export function demoQuotes(inputs: DemoQuoteInputs): DemoQuoteRows {
	const fixed = fixedQuotes(inputs.now, inputs.ownerIds[0]!);
	const drawn = drawnQuotes(inputs, fixed.quotes.length + 1);
	return { quotes: [...fixed.quotes, ...drawn.quotes], lines: [...fixed.lines, ...drawn.lines] };
}

/** The six quotes the demo always had, exactly as before. */
function fixedQuotes(now: number, owner: string): DemoQuoteRows {
	const rows: DemoQuoteRows = { quotes: [], lines: [] };
	for (const [k, quote] of DEMO_QUOTES.entries()) {
		const createdAt = now - (DEMO_QUOTES.length - k) * DAY;
		rows.quotes.push({
			id: quote.id,
			companyId: quote.companyId,
			contactId: null,
			title: quote.title,
			status: quote.status,
			number: formatQuoteNumber(k + 1),
			ownerId: owner,
			notes: '',
			validUntil: null,
			paymentTerm: null,
			acceptance: null,
			declineReason: null,
			revisionOf: null,
			revision: 1,
			createdAt,
			updatedAt: createdAt
		});
		const positions = generateNKeysBetween(null, null, quote.lines.length);
		for (const [n, [description, quantity, unitPrice]] of quote.lines.entries()) {
			rows.lines.push({
				id: `${quote.id}-line-${n + 1}`,
				quoteId: quote.id,
				productId: null,
				categoryId: null,
				description,
				quantity,
				unitPrice,
				unitCost: Math.round(unitPrice * 0.7),
				discountPercent: 0,
				billing: /monthly/i.test(description) ? 'monthly' : /1 year|annual/i.test(description) ? 'yearly' : 'one-time',
				optional: false,
				section: '',
				position: positions[n]!,
				createdAt
			});
		}
	}
	return rows;
}

type Draft = { companyId: string; status: QuoteStatus; large: number | null; template: Template; ageDays: number };

function drawnQuotes(inputs: DemoQuoteInputs, firstNumber: number): DemoQuoteRows {
	const random = seededRandom(11);
	const byCategory = productsByCategory(inputs.products);
	const statuses = shuffle(
		random,
		STATUS_PLAN.flatMap(([status, n]) => Array.from({ length: n }, () => status))
	);
	const drafts: Draft[] = statuses.map((status, k) => ({
		companyId: CUSTOMERS[k % CUSTOMERS.length]!,
		status,
		// One large quote accepted, one still a draft: both a customer's and a rep's long document.
		large: k === statuses.indexOf('accepted') ? 0 : k === statuses.indexOf('draft') ? 1 : null,
		template: random.pick(TEMPLATES),
		ageDays: random.int(8, 200)
	}));
	// Numbers follow creation, oldest first, as the gateway hands them out.
	drafts.sort((a, b) => b.ageDays - a.ageDays);
	const rows: DemoQuoteRows = { quotes: [], lines: [] };
	let number = firstNumber;
	for (const draft of drafts) {
		const quote = drawnQuote(inputs, random, byCategory, draft, number++);
		rows.quotes.push(quote.quote);
		rows.lines.push(...quote.lines);
		if (draft.status === 'declined' && rows.quotes.filter((q) => q.revisionOf).length < 2) {
			// The rep answered the decline with a smaller second revision, not yet sent.
			const revised = reviseDeclined(quote.quote, quote.lines, number++, inputs.now);
			rows.quotes.push(revised.quote);
			rows.lines.push(...revised.lines);
		}
	}
	return rows;
}

function drawnQuote(
	inputs: DemoQuoteInputs,
	random: Random,
	byCategory: Map<string, Product[]>,
	draft: Draft,
	number: number
): { quote: Quote; lines: QuoteLine[] } {
	const id = `quote-demo-${number}`;
	const createdAt = inputs.now - draft.ageDays * DAY - random.int(1, 8) * 3_600_000;
	// Everything drawn was last touched at least a week ago: the hand-written quotes are the latest.
	const updatedAt = createdAt + random.int(0, Math.min(21, draft.ageDays - 7)) * DAY;
	const large = draft.large === null ? null : LARGE[draft.large]!;
	const sections = large
		? Array.from({ length: large.sections }, (_, k) => ({ name: `${large.section} ${k + 1}`, parts: FIT_OUT }))
		: [{ name: '', parts: draft.template.parts }];
	const drawn: Omit<QuoteLine, 'position'>[] = [];
	for (const section of sections) {
		for (const [category, min, max, count] of section.parts) {
			const candidates = byCategory.get(`category-${category}`) ?? [];
			const quantity = random.int(min, max);
			for (const product of pickDistinct(random, candidates, count)) {
				drawn.push({
					id: `${id}-line-${drawn.length + 1}`,
					quoteId: id,
					productId: product.id,
					categoryId: product.categoryId,
					description: product.name,
					quantity,
					unitPrice: product.price,
					unitCost: product.cost,
					discountPercent: random.next() < 0.15 ? random.pick([5, 10]) : 0,
					billing: product.billing,
					optional: !large && drawn.length > 2 && random.next() < 0.08,
					section: section.name,
					createdAt
				});
			}
		}
	}
	const positions = generateNKeysBetween(null, null, drawn.length);
	const lines = drawn.map((line, n) => ({ ...line, position: positions[n]! }));
	const contacts = inputs.contacts.filter((c) => c.companyId === draft.companyId);
	const contact = contacts.length > 0 ? random.pick(contacts) : null;
	const quote: Quote = {
		id,
		companyId: draft.companyId,
		contactId: contact?.id ?? null,
		title: large?.title ?? draft.template.title,
		status: draft.status,
		number: formatQuoteNumber(number),
		ownerId: random.pick(inputs.ownerIds),
		notes: draft.template.notes,
		validUntil: isoDate(createdAt + 30 * DAY),
		paymentTerm: null,
		acceptance: null,
		declineReason: draft.status === 'declined' ? random.pick(DECLINE_REASONS) : null,
		revisionOf: null,
		revision: 1,
		createdAt,
		updatedAt
	};
	if (draft.status === 'accepted') {
		const name = contact?.name ?? 'Office Manager';
		quote.acceptance = { name, at: updatedAt, contentHash: quoteContentHash(quote, lines) };
	}
	return { quote, lines };
}

function reviseDeclined(
	declined: Quote,
	lines: readonly QuoteLine[],
	number: number,
	now: number
): { quote: Quote; lines: QuoteLine[] } {
	const id = `quote-demo-${number}`;
	const createdAt = Math.min(declined.updatedAt + DAY, now - 7 * DAY);
	const kept = lines.slice(0, Math.max(1, Math.ceil(lines.length / 2)));
	return {
		quote: {
			...declined,
			id,
			status: 'draft',
			number: formatQuoteNumber(number),
			declineReason: null,
			revisionOf: declined.id,
			revision: 2,
			validUntil: isoDate(createdAt + 30 * DAY),
			createdAt,
			updatedAt: createdAt
		},
		lines: kept.map((line, n) => ({ ...line, id: `${id}-line-${n + 1}`, quoteId: id, createdAt }))
	};
}

function productsByCategory(products: readonly Product[]): Map<string, Product[]> {
	const map = new Map<string, Product[]>();
	for (const product of products) {
		if (!product.active || product.price === 0 || product.categoryId === null) continue;
		map.set(product.categoryId, [...(map.get(product.categoryId) ?? []), product]);
	}
	return map;
}

function pickDistinct<T>(random: Random, list: readonly T[], count: number): T[] {
	return shuffle(random, list).slice(0, count);
}

function shuffle<T>(random: Random, list: readonly T[]): T[] {
	const copy = [...list];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random.next() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}

function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}
