// Admin › Tools › Logs: the activity log this device holds (the last ACTIVITY_WINDOW_DAYS, replicated,
// so it works offline), filtered as the page address says, and older pages from the gateway on demand.

import { matchesActivity, type ActivityFilter } from '../../../shared/activity/activity-filter.ts';
import {
	ACTIVITY_WINDOW_DAYS,
	DEFAULT_ACTIVITY_RETENTION_DAYS,
	type Activity
} from '../../../shared/schema/activity-entities.ts';
import type { User } from '../../../shared/schema/identity-entities.ts';
import { live } from '../sync/live.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { fetchActivityPage } from './activity-api.ts';
import { mergeMatching, namesById } from './activity-view.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Entries shown at once before "Show more" (the window can hold thousands). */
const PAGE = 100;

type LocalLog = { entries: Activity[]; users: User[]; retentionDays: number };
const EMPTY: LocalLog = { entries: [], users: [], retentionDays: DEFAULT_ACTIVITY_RETENTION_DAYS };

export class ActivityScreen {
	readonly names: ReadonlyMap<string, string>;
	readonly people: User[];
	/** Matching entries, newest first: this device's, then the older pages fetched. */
	readonly matching: Activity[];
	shown = $state(PAGE);
	older = $state.raw<Activity[]>([]);
	olderDone = $state(false);
	loadingOlder = $state(false);
	olderError = $state<string | null>(null);
	readonly #local;
	readonly #filter: () => ActivityFilter;

	constructor(replica: () => Replica | null, filter: () => ActivityFilter) {
		this.#filter = filter;
		this.#local = live(EMPTY, () => {
			const db = replica()?.db;
			if (!db) return null;
			return async (): Promise<LocalLog> => {
				const [entries, users, auth] = await Promise.all([
					db.activity.orderBy('id').reverse().toArray(),
					db.users.toArray(),
					db.authSettings.get('auth')
				]);
				return { entries, users, retentionDays: auth?.activityRetentionDays ?? DEFAULT_ACTIVITY_RETENTION_DAYS };
			};
		});
		this.names = $derived(namesById(this.#local.current.users));
		this.people = $derived([...this.#local.current.users].sort((a, b) => a.name.localeCompare(b.name)));
		this.matching = $derived.by(() => {
			const f = this.#filter();
			const byName = (e: Activity) => (e.userId ? (this.names.get(e.userId) ?? '') : '');
			return mergeMatching(this.#local.current.entries, this.older, (e) => matchesActivity(e, f, byName));
		});
		// The device keeps its window only (or less, when retention is shorter): older entries live on the gateway.
		$effect(() => {
			const db = replica()?.db;
			const days = Math.min(ACTIVITY_WINDOW_DAYS, this.#local.current.retentionDays);
			if (db)
				void db.activity
					.where('at')
					.below(Date.now() - days * DAY)
					.delete();
		});
	}

	get loaded(): boolean {
		return this.#local.loaded;
	}

	get visible(): Activity[] {
		return this.matching.slice(0, this.shown);
	}

	/** A new filter starts from this device's entries again. */
	resetOlder(): void {
		this.older = [];
		this.olderDone = false;
		this.olderError = null;
		this.shown = PAGE;
	}

	/** The next page from the gateway, before the oldest entry shown (or the filter's end). */
	async loadOlder(): Promise<void> {
		const filter = this.#filter();
		const oldest = this.matching.at(-1);
		const before = oldest?.id ?? filter.to ?? Date.now();
		this.loadingOlder = true;
		this.olderError = null;
		const page = await fetchActivityPage(filter, before);
		this.loadingOlder = false;
		if (!page.ok) return void (this.olderError = page.message);
		const fresh = page.entries.filter((e) => filter.from === undefined || e.at >= filter.from);
		this.older = [...this.older, ...fresh];
		this.olderDone = !page.more || fresh.length < page.entries.length;
		this.shown = this.matching.length;
	}
}
