// The Users & Permissions list screen's state: the people on this device, the search and filter an
// admin typed, and what they select. Kept in a class so the page only renders and binds.

import type { Replica } from '../sync/replica.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import { EMPTY_DIRECTORY, loadDirectory } from './admin-queries.ts';
import { countByFilter, selectUsers, toUserRows, type UserFilter, type UserRow } from './user-list.ts';

export class UserDirectory {
	search = $state('');
	filter = $state<UserFilter>('all');
	readonly rows: UserRow[];
	readonly visible: UserRow[];
	readonly counts: Record<UserFilter, number>;
	readonly #data;

	constructor(replica: () => Replica | null) {
		const data = live(EMPTY_DIRECTORY, () => {
			const db = replica()?.db;
			return db ? () => loadDirectory(db) : null;
		});
		this.#data = data;
		this.rows = $derived(toUserRows(data.current.users, data.current.companies, data.current.roles));
		this.visible = $derived(selectUsers(this.rows, this.search, this.filter));
		this.counts = $derived(countByFilter(this.rows));
	}

	get loaded(): boolean {
		return this.#data.loaded;
	}

	get companies() {
		return this.#data.current.companies;
	}

	get roles() {
		return this.#data.current.roles;
	}
}
