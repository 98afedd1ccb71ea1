// Arranges sync issues for the Issues screen: issues that share a root cause become one group with
// one fix, the rest stay single; the worst and most recent come first. Knows nothing of Dexie or
// the screen; the category names come in as a lookup.

import type { Category } from '../../../shared/schema/catalog-entities.ts';
import { PROVIDER_LABELS, PROVIDERS, type Provider } from '../../../shared/psa/providers.ts';
import { SYSTEM_LABELS } from './issue-labels.ts';
import type { Issue } from '../../../shared/schema/psa-entities.ts';

/** What the gateway's rootCause string says, e.g. `categoryBillingCode:category-laptops`. */
export type RootCause =
	| { kind: 'categoryBillingCode'; categoryId: string }
	| { kind: 'credentials' }
	| { kind: 'paymentTerm' }
	| { kind: 'other' };

export function parseRootCause(rootCause: string): RootCause {
	const [kind, ...rest] = rootCause.split(':');
	const detail = rest.join(':');
	if (kind === 'categoryBillingCode' && detail) return { kind, categoryId: detail };
	if (kind === 'credentials') return { kind };
	if (kind === 'paymentTerm') return { kind };
	return { kind: 'other' };
}

/** The one-tap fix a group offers, beside its Retry all. */
export type IssueFix =
	| { kind: 'billingCode'; categoryId: string; category: Category | null }
	| { kind: 'credentials'; providers: Provider[] }
	| { kind: 'advice'; text: string }
	| null;

export type IssueGroup = {
	kind: 'group';
	key: string;
	rootCause: string;
	title: string;
	fix: IssueFix;
	issues: Issue[];
	severity: Issue['severity'];
	lastSeenAt: number;
	/** How many of the group wait for their retry. */
	retrying: number;
};

export type SingleIssue = {
	kind: 'single';
	key: string;
	issue: Issue;
	severity: Issue['severity'];
	lastSeenAt: number;
};

export type IssueEntry = IssueGroup | SingleIssue;

/** The PSAs of these issues; a distributor's issues have none (their fix is at Admin › Distributors). */
function providersOf(issues: readonly Issue[]): Provider[] {
	return [...new Set(issues.flatMap((i) => PROVIDERS.filter((p) => p === i.provider)))].sort();
}

function systemsOf(issues: readonly Issue[]): string[] {
	return [...new Set(issues.map((i) => i.provider))].sort().map((s) => SYSTEM_LABELS[s]);
}

function listed(names: string[]): string {
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function describeGroup(
	rootCause: string,
	issues: Issue[],
	categories: ReadonlyMap<string, Category>
): Pick<IssueGroup, 'title' | 'fix'> {
	const cause = parseRootCause(rootCause);
	const psas = listed(providersOf(issues).map((p) => PROVIDER_LABELS[p]));
	const systems = listed(systemsOf(issues));
	switch (cause.kind) {
		case 'categoryBillingCode': {
			const category = categories.get(cause.categoryId) ?? null;
			const what = category ? `Category ${category.name}` : 'A category that is not on this device';
			return {
				title: `${what} has no valid ${psas} billing code`,
				fix: { kind: 'billingCode', categoryId: cause.categoryId, category }
			};
		}
		case 'credentials':
			// Seed 002: a distributor's ordering credentials are fixed at Admin › Distributors.
			if (providersOf(issues).length === 0) {
				return {
					title: `${systems} ${systemsOf(issues).length > 1 ? 'refuse' : 'refuses'} the saved ordering credentials`,
					fix: { kind: 'advice', text: 'Update the ordering credentials at Admin > Distributors, then retry.' }
				};
			}
			return {
				title: `${psas} ${providersOf(issues).length > 1 ? 'refuse' : 'refuses'} the saved credentials`,
				fix: { kind: 'credentials', providers: providersOf(issues) }
			};
		case 'paymentTerm':
			return {
				title: 'Payment term/type is deleted',
				fix: { kind: 'advice', text: 'Select a different payment term in the quote settings, then retry.' }
			};
		case 'other':
			return { title: newestFirst(issues)[0]!.message, fix: null };
	}
}

const SEVERITY_RANK: Record<Issue['severity'], number> = { error: 0, warning: 1 };

function newestFirst(issues: readonly Issue[]): Issue[] {
	return [...issues].sort((a, b) => b.lastSeenAt - a.lastSeenAt || a.entityLabel.localeCompare(b.entityLabel));
}

/** Errors before warnings, then the most recently seen first. */
function compareEntries(a: IssueEntry, b: IssueEntry): number {
	return (
		SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.lastSeenAt - a.lastSeenAt || a.key.localeCompare(b.key)
	);
}

/**
 * Groups issues by root cause. A known cause is a group even with one issue, since its fix is worth
 * showing; an unrecognised one only when several issues share it.
 */
export function arrangeIssues(issues: readonly Issue[], categories: ReadonlyMap<string, Category>): IssueEntry[] {
	const byCause = new Map<string, Issue[]>();
	const entries: IssueEntry[] = [];
	for (const issue of issues) {
		if (issue.rootCause === null) {
			entries.push(single(issue));
			continue;
		}
		const list = byCause.get(issue.rootCause) ?? [];
		list.push(issue);
		byCause.set(issue.rootCause, list);
	}
	for (const [rootCause, list] of byCause) {
		if (list.length === 1 && parseRootCause(rootCause).kind === 'other') {
			entries.push(single(list[0]!));
			continue;
		}
		const sorted = newestFirst(list);
		entries.push({
			kind: 'group',
			key: `cause:${rootCause}`,
			rootCause,
			...describeGroup(rootCause, sorted, categories),
			issues: sorted,
			severity: sorted.some((i) => i.severity === 'error') ? 'error' : 'warning',
			lastSeenAt: sorted[0]!.lastSeenAt,
			retrying: sorted.filter((i) => i.state === 'retrying').length
		});
	}
	return entries.sort(compareEntries);
}

function single(issue: Issue): SingleIssue {
	return { kind: 'single', key: `issue:${issue.id}`, issue, severity: issue.severity, lastSeenAt: issue.lastSeenAt };
}

export function countOpen(issues: readonly Issue[]): number {
	return issues.filter((i) => i.state === 'open').length;
}

export function byId<T extends { id: string }>(rows: readonly T[]): ReadonlyMap<string, T> {
	return new Map(rows.map((row) => [row.id, row]));
}
