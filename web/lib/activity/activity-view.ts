// How the activity log reads to a person: who made a change, what it was, the links to what it was
// about, values as text, and the filter as it travels in the page's address (so other screens link
// to "Activity" for one entity, and a filtered view can be bookmarked).

import type { ActivityFilter } from '../../../shared/activity/activity-filter.ts';
import {
	activityKind,
	type Activity,
	type ActivityKind,
	type FieldChange
} from '../../../shared/schema/activity-entities.ts';
import { PROVIDER_LABELS, provider as providerSchema } from '../../../shared/psa/providers.ts';
import type { Issue } from '../../../shared/schema/psa-entities.ts';
import { describeMutation } from '../components/describe-mutation.ts';

export const KIND_LABELS: Record<ActivityKind, string> = {
	person: 'People',
	sync: 'PSA and distributor sync',
	system: 'Outpost itself'
};

/** Who made the change, as a person reads it. */
export function whoOf(entry: Activity, names: ReadonlyMap<string, string>): string {
	if (entry.kind === 'person') return (entry.userId && names.get(entry.userId)) ?? 'A removed user';
	if (entry.kind === 'sync') return `${providerLabel(entry.provider)} sync`;
	return 'Outpost';
}

function providerLabel(name: string | null): string {
	const known = providerSchema.safeParse(name);
	return known.success ? PROVIDER_LABELS[known.data] : (name ?? 'A PSA');
}

/** What the change was: the mutation in words, or what the sync was doing. */
export function whatOf(entry: Activity): string {
	if (entry.kind === 'person') return describeMutation(entry.action);
	if (entry.kind === 'sync') return `${SYNC_ACTIONS[entry.action] ?? 'Sync'}`;
	return 'A change by Outpost';
}

const SYNC_ACTIONS: Record<string, string> = {
	syncQuote: 'Sending a quote',
	syncCompany: 'Sending a company',
	synchronize: 'Synchronize',
	importTicketCharges: 'Ticket charge import',
	pollOpportunities: 'Opportunity poll'
};

const TABLE_LABELS: Record<string, string> = {
	quotes: 'Quote',
	quoteLines: 'Quote line',
	categories: 'Category',
	products: 'Product',
	pricingBooks: 'Pricing book',
	companies: 'Company',
	contacts: 'Contact',
	users: 'User',
	roles: 'Role',
	authSettings: 'Sign-in settings',
	issues: 'Sync issue',
	integrations: 'Integration',
	ticketCharges: 'Ticket charge',
	opportunities: 'Opportunity',
	orgProfile: 'Organisation profile'
};

export function tableLabel(table: string): string {
	return TABLE_LABELS[table] ?? table;
}

/** The screen that shows an entity, if there is one. */
export function entityHref(table: string, id: string): string | null {
	const at = encodeURIComponent(id);
	switch (table) {
		case 'quotes':
			return `/quotes/${at}`;
		case 'users':
			return `/admin/users/${at}`;
		case 'products':
			return `/catalog/products/${at}`;
		case 'pricingBooks':
			return `/catalog/pricing-books/${at}`;
		case 'companies':
			return `/companies/${at}`;
		case 'categories':
			return '/catalog/categories';
		case 'roles':
			return '/admin/roles';
		case 'issues':
			return '/admin/issues';
		case 'integrations':
			return `/admin/integrations/${at}`;
		case 'orgProfile':
			return '/admin/settings/organisation';
		case 'authSettings':
			return '/admin/settings/authentication';
		default:
			return null;
	}
}

/** The entities an entry links to: its subject first, then the quote of a changed line. */
export function linksOf(entry: Activity): { table: string; id: string; href: string }[] {
	const keys = [`${entry.entityTable}:${entry.entityId}`, ...entry.entities];
	const seen = new Set<string>();
	const links: { table: string; id: string; href: string }[] = [];
	for (const key of keys) {
		if (seen.has(key)) continue;
		seen.add(key);
		const split = key.indexOf(':');
		const table = key.slice(0, split);
		const id = key.slice(split + 1);
		const href = entityHref(table, id);
		if (href && (key === keys[0] || table === 'quotes')) links.push({ table, id, href });
	}
	return links.slice(0, 3);
}

export function formatValue(value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (typeof value === 'string' || typeof value === 'number') return String(value);
	if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ') || '—';
	return JSON.stringify(value);
}

/** A field's name as a person reads it: billingCodeId → billing code id. */
export function fieldLabel(change: FieldChange): string {
	return change.field
		.split('.')
		.map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
		.join(' › ');
}

const DAY = 24 * 60 * 60 * 1000;

/** The filter in the page address: entity, person, kind, q, and from / to as yyyy-mm-dd or ms. */
export function filterFromParams(params: URLSearchParams): ActivityFilter {
	const kind = activityKind.safeParse(params.get('kind'));
	const time = (name: string, endOfDay: boolean) => {
		const raw = params.get(name);
		if (!raw) return undefined;
		if (/^\d{10,15}$/.test(raw)) return Number(raw);
		const day = Date.parse(`${raw}T00:00:00`);
		return Number.isNaN(day) ? undefined : day + (endOfDay ? DAY : 0);
	};
	const text = (name: string) => params.get(name)?.trim() || undefined;
	return {
		entity: text('entity'),
		person: text('person'),
		kind: kind.success ? kind.data : undefined,
		q: text('q'),
		from: time('from', false),
		to: time('to', true)
	};
}

export function logsHref(filter: { entity?: string; person?: string; to?: number }): string {
	const params = new URLSearchParams();
	if (filter.entity) params.set('entity', filter.entity);
	if (filter.person) params.set('person', filter.person);
	if (filter.to !== undefined) params.set('to', String(filter.to));
	const query = params.toString();
	return query ? `/admin/logs?${query}` : '/admin/logs';
}

/**
 * "What changed before this broke": a billing-code issue is about its category; any other about
 * its own entity. Entries up to the moment the issue was first seen.
 */
export function issueActivityHref(
	issue: Pick<Issue, 'rootCause' | 'entityTable' | 'entityId' | 'firstSeenAt'>
): string {
	const category = /^categoryBillingCode:(.+)$/.exec(issue.rootCause ?? '');
	const entity = category ? `categories:${category[1]}` : `${issue.entityTable}:${issue.entityId}`;
	return logsHref({ entity, to: issue.firstSeenAt + 1 });
}

/** The page address's query with one filter field set (or removed when empty). */
export function withParam(search: URLSearchParams, name: string, value: string): string {
	const next = new URLSearchParams(search);
	if (value.trim()) next.set(name, value.trim());
	else next.delete(name);
	return next.toString();
}

export function namesById(users: readonly { id: string; name: string }[]): ReadonlyMap<string, string> {
	return new Map(users.map((u) => [u.id, u.name]));
}

/** This device's matching entries, then the gateway's older ones it does not hold, newest first. */
export function mergeMatching(
	local: readonly Activity[],
	older: readonly Activity[],
	keep: (entry: Activity) => boolean
): Activity[] {
	const mine = local.filter(keep);
	const ids = new Set(mine.map((e) => e.id));
	return [...mine, ...older.filter((e) => !ids.has(e.id) && keep(e))];
}
