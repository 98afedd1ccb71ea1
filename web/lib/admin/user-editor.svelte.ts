// One user's admin page: the row and what it refers to, read from this device, and one method per
// control. Each change is a mutation applied here at once and synced later; a local refusal (such as
// self_lockout) stays beside its control.

import type { Provider } from '../../../shared/psa/providers.ts';
import type { LoginMethod, User } from '../../../shared/schema/identity-entities.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import { EMPTY_DIRECTORY, loadDirectory } from './admin-queries.ts';
import { checkEmailChange, emailChangedNotice } from './email-change.ts';
import { MutationFeedback } from './mutation-feedback.svelte.ts';
import { holderOf, linkedNotice, parseExternalId, psaLabel, withoutLinkHint, type Person } from './psa-links.ts';
import {
	externalIdRows,
	nameProblem,
	possibleDuplicates,
	toggled,
	toggleLoginMethod,
	type ExternalIdRow
} from './user-detail.ts';
import { linkStateOf, problemsOf, type LinkState } from './user-list.ts';

export type UserControl =
	'name' | 'email' | 'kind' | 'roles' | 'company' | 'admin' | 'disabled' | 'methods' | 'invitation' | `psa:${Provider}`;

export class UserEditor {
	readonly feedback: MutationFeedback<UserControl>;
	/** Confirms a change that has no other visible effect (a re-sent invitation). */
	notice = $state<string | null>(null);
	/** What the last PSA link change did; the route keeps this editor when it moves to another user. */
	#psaNotice = $state<{ userId: string; text: string } | null>(null);
	readonly user: User | null;
	readonly linkState: LinkState;
	/** What keeps this person out, as the list's "needs attention" filter sees it. */
	readonly problems: string[];
	readonly externalIds: ExternalIdRow[];
	readonly duplicates: User[];
	readonly #data;
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null, id: () => string | undefined) {
		this.#replica = replica;
		this.feedback = new MutationFeedback(replica);
		const data = live(EMPTY_DIRECTORY, () => {
			const db = replica()?.db;
			return db ? () => loadDirectory(db) : null;
		});
		this.#data = data;
		this.user = $derived(data.current.users.find((u) => u.id === id()) ?? null);
		this.linkState = $derived(this.user ? linkStateOf(this.user) : 'unlinked');
		this.problems = $derived(this.user ? problemsOf(this.user) : []);
		this.externalIds = $derived(this.user ? externalIdRows(this.user, data.current.users) : []);
		this.duplicates = $derived(this.user ? possibleDuplicates(this.user, data.current.users) : []);
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

	get errors() {
		return this.feedback.errors;
	}

	async rename(user: User, name: string): Promise<boolean> {
		const problem = nameProblem(name);
		if (problem) return this.feedback.fail('name', problem);
		if (name.trim() === user.name) return true;
		return this.feedback.run('name', 'updateUser', { id: user.id, name: name.trim() });
	}

	/** What the last email change means for this user; cleared when another user is shown. */
	#emailNotice = $state<{ userId: string; text: string } | null>(null);

	emailNoticeFor(user: User): string | null {
		return this.#emailNotice?.userId === user.id ? this.#emailNotice.text : null;
	}

	async changeEmail(user: User, typed: string): Promise<boolean> {
		const check = checkEmailChange(user, typed, this.#data.current.users);
		if (!check.ok) return this.feedback.fail('email', check.message);
		if (!check.changed) return true;
		const ok = await this.feedback.run('email', 'changeUserEmail', { id: user.id, email: check.email });
		this.#emailNotice = ok ? { userId: user.id, text: emailChangedNotice(user, check.email) } : null;
		return ok;
	}

	setKind(user: User, kind: User['kind']): Promise<boolean> {
		return this.feedback.run('kind', 'updateUser', { id: user.id, kind });
	}

	toggleRole(user: User, roleId: string, on: boolean): Promise<boolean> {
		return this.feedback.serial(async () => {
			const { roleIds } = await this.#latest(user);
			return this.feedback.run('roles', 'updateUser', { id: user.id, roleIds: toggled(roleIds, roleId, on) });
		});
	}

	linkCompany(user: User, companyId: string | null): Promise<boolean> {
		return this.feedback.run('company', 'linkCompany', { id: user.id, companyId });
	}

	verifyLink(user: User): Promise<boolean> {
		return this.feedback.run('company', 'verifyCompanyLink', { id: user.id });
	}

	setAdmin(user: User, isAdmin: boolean): Promise<boolean> {
		return this.feedback.run('admin', 'updateUser', { id: user.id, isAdmin });
	}

	setLoginDisabled(user: User, loginDisabled: boolean): Promise<boolean> {
		return this.feedback.run('disabled', 'updateUser', { id: user.id, loginDisabled });
	}

	toggleMethod(user: User, method: LoginMethod, on: boolean): Promise<boolean> {
		return this.feedback.serial(async () => {
			const next = toggleLoginMethod((await this.#latest(user)).loginMethods, method, on);
			if (!next.ok) return this.feedback.fail('methods', next.message);
			return this.feedback.run('methods', 'updateUser', { id: user.id, loginMethods: next.value });
		});
	}

	async resendInvitation(user: User): Promise<boolean> {
		const ok = await this.feedback.run('invitation', 'resendInvitation', { id: user.id });
		this.notice = ok
			? `A new invitation to ${user.email} goes out when this device syncs; the old link stops working.`
			: null;
		return ok;
	}

	psaNoticeFor(user: User): string | null {
		return this.#psaNotice?.userId === user.id ? this.#psaNotice.text : null;
	}

	/** Another user linked to the record typed for this PSA now. */
	holderOf(user: User, provider: Provider, text: string): Person | null {
		return holderOf(user, this.#data.current.users, provider, text);
	}

	async unlinkPsa(user: User, provider: Provider): Promise<boolean> {
		const ok = await this.feedback.run(`psa:${provider}`, 'setPsaLink', { id: user.id, provider, externalId: null });
		if (ok)
			this.#psaNotice = { userId: user.id, text: `Unlinked from ${psaLabel(provider)}. ${withoutLinkHint(user)}` };
		return ok;
	}

	async linkPsa(user: User, provider: Provider, text: string): Promise<boolean> {
		const parsed = parseExternalId(text, provider);
		if (!parsed.ok) return this.feedback.fail(`psa:${provider}`, parsed.message);
		const holder = this.holderOf(user, provider, parsed.value);
		const ok = await this.feedback.run(`psa:${provider}`, 'setPsaLink', {
			id: user.id,
			provider,
			externalId: parsed.value
		});
		if (ok) this.#psaNotice = { userId: user.id, text: linkedNotice(provider, parsed.value, holder) };
		return ok;
	}

	/** The row as stored now, which may be newer than the one last rendered. */
	async #latest(user: User): Promise<User> {
		return (await this.#replica()?.db.users.get(user.id)) ?? user;
	}
}
