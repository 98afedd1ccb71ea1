// Admin > Tools > Issues: the sync issues on this device arranged by root cause, and one method per
// control. Retry, Dismiss and Retry all are mutations, so they work offline and run on reconnect;
// a group's fix (a category's billing code) is saved first and its Retry all follows at once.

import type { Issue, LookupValue } from '../../../shared/schema/psa-entities.ts';
import { MutationFeedback } from '../admin/mutation-feedback.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { activeCodes, billingCodesOf } from './billing-codes.ts';
import { arrangeIssues, byId, countOpen, type IssueEntry, type IssueGroup } from './issue-groups.ts';
import { EMPTY_PSA_DATA, loadPsaData } from './psa-queries.ts';
import { openIds, retryProgress, type RetryProgress } from './retry-progress.ts';

const TICK_MS = 30_000;

export class IssuesScreen {
	readonly feedback: MutationFeedback<string>;
	/** Drives "5 minutes ago"; ticks while the screen is open. */
	now = $state(Date.now());
	readonly entries: IssueEntry[];
	readonly openCount: number;
	/** Active Autotask billing codes, for a category fix. */
	readonly billingCodes: LookupValue[];
	readonly progress: RetryProgress | null;
	#retried = $state<ReadonlySet<string> | null>(null);
	readonly #data;
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null) {
		this.#replica = replica;
		this.feedback = new MutationFeedback(replica);
		const data = live(EMPTY_PSA_DATA, () => {
			const db = replica()?.db;
			return db ? () => loadPsaData(db) : null;
		});
		this.#data = data;
		this.entries = $derived(arrangeIssues(data.current.issues, byId(data.current.categories)));
		this.openCount = $derived(countOpen(data.current.issues));
		this.billingCodes = $derived(
			activeCodes(billingCodesOf(data.current.integrations.find((i) => i.id === 'autotask')))
		);
		this.progress = $derived(this.#retried ? retryProgress(this.#retried, data.current.issues) : null);
		$effect(() => {
			const timer = setInterval(() => (this.now = Date.now()), TICK_MS);
			return () => clearInterval(timer);
		});
	}

	get loaded(): boolean {
		return this.#data.loaded;
	}

	get total(): number {
		return this.#data.current.issues.length;
	}

	get errors() {
		return this.feedback.errors;
	}

	retry(issue: Issue): Promise<boolean> {
		return this.feedback.run(issue.id, 'retryIssue', { id: issue.id });
	}

	/** Repairs the issue's record's links to the PSA, then retries its sync (which clears the issue when it passes). */
	reindex(issue: Issue): Promise<boolean> {
		return this.feedback.run(issue.id, 'reindexRecord', { issueId: issue.id });
	}

	dismiss(issue: Issue): Promise<boolean> {
		return this.feedback.run(issue.id, 'dismissIssue', { id: issue.id });
	}

	/** Every open issue, or with a group, that group's. */
	async retryAll(group?: IssueGroup): Promise<boolean> {
		const issues = group ? group.issues : this.#data.current.issues;
		const ids = openIds(issues);
		const ok = await this.feedback.run(
			group?.key ?? 'all',
			'retryAllIssues',
			group ? { rootCause: group.rootCause } : {}
		);
		if (ok && ids.size > 0) this.#retried = ids;
		return ok;
	}

	/** Maps the group's category to `billingCodeId`, then retries the group. */
	async fixBillingCode(group: IssueGroup, categoryId: string, billingCodeId: string): Promise<boolean> {
		const category = await this.#replica()?.db.categories.get(categoryId);
		if (!category) {
			return this.feedback.fail(group.key, 'This category is not on this device. Retry once it has synced here.');
		}
		const saved = await this.feedback.run(group.key, 'saveCategory', { ...category, billingCodeId });
		return saved && this.retryAll(group);
	}

	clearProgress(): void {
		this.#retried = null;
	}
}
