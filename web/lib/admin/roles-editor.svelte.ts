// The roles screen's state: roles with their holders, and create, rename, permission changes and
// delete as saveRole / deleteRole mutations. Refusals are kept per role (or 'new' for the create form).

import { uuidv7 } from 'uuidv7';
import type { Permission } from '../../../shared/auth/permissions.ts';
import type { Role } from '../../../shared/schema/identity-entities.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import { EMPTY_DIRECTORY, loadDirectory } from './admin-queries.ts';
import { MutationFeedback } from './mutation-feedback.svelte.ts';
import { roleNameProblem, toRoleRows, type RoleRow } from './role-list.ts';
import { toggled } from './user-detail.ts';

export class RolesEditor {
	readonly feedback: MutationFeedback<string>;
	readonly rows: RoleRow[];
	readonly #data;
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null) {
		this.#replica = replica;
		this.feedback = new MutationFeedback(replica);
		const data = live(EMPTY_DIRECTORY, () => {
			const db = replica()?.db;
			return db ? () => loadDirectory(db) : null;
		});
		this.#data = data;
		this.rows = $derived(toRoleRows(data.current.roles, data.current.users));
	}

	get loaded(): boolean {
		return this.#data.loaded;
	}

	get errors() {
		return this.feedback.errors;
	}

	/** Returns the new role's id, or null when it was refused (the reason is in errors.new). */
	async create(name: string): Promise<string | null> {
		const problem = roleNameProblem(name, this.#data.current.roles, null);
		if (problem) {
			this.feedback.fail('new', problem);
			return null;
		}
		const id = uuidv7();
		const ok = await this.feedback.run('new', 'saveRole', { id, name: name.trim(), permissions: [] });
		return ok ? id : null;
	}

	async rename(role: Role, name: string): Promise<boolean> {
		const problem = roleNameProblem(name, this.#data.current.roles, role.id);
		if (problem) return this.feedback.fail(role.id, problem);
		if (name.trim() === role.name) return true;
		return this.feedback.run(role.id, 'saveRole', { ...role, name: name.trim() });
	}

	togglePermission(role: Role, permission: Permission, on: boolean): Promise<boolean> {
		return this.feedback.serial(async () => {
			// The role as stored now: a quick second tap must not undo the first.
			const latest = (await this.#replica()?.db.roles.get(role.id)) ?? role;
			return this.feedback.run(role.id, 'saveRole', {
				...latest,
				permissions: toggled(latest.permissions, permission, on)
			});
		});
	}

	remove(role: Role): Promise<boolean> {
		return this.feedback.run(role.id, 'deleteRole', { id: role.id });
	}
}
