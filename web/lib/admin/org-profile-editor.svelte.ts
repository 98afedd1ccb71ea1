// Admin › Organisation: the letterhead on this device, saved through saveOrgProfile (it syncs later).

import { ORG_PROFILE_ID, type OrgProfile } from '../../../shared/schema/org-profile-entities.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import { MutationFeedback } from './mutation-feedback.svelte.ts';
import { fieldsOf, logoFileProblem, profileOf, type OrgProfileFields } from './org-profile-form.ts';

type Loaded = { profile: OrgProfile | undefined; mspName: string };

export class OrgProfileEditor {
	readonly feedback: MutationFeedback<'profile' | 'logo'>;
	readonly #data;

	constructor(replica: () => Replica | null) {
		this.feedback = new MutationFeedback(replica);
		this.#data = live<Loaded>({ profile: undefined, mspName: '' }, () => {
			const db = replica()?.db;
			return db
				? async () => ({
						profile: await db.orgProfile.get(ORG_PROFILE_ID),
						mspName: (await db.companies.filter((c) => c.isMsp).first())?.name ?? ''
					})
				: null;
		});
	}

	get loaded(): boolean {
		return this.#data.loaded;
	}

	/** The form's starting values: the saved profile, or the MSP company's name for a first one. */
	get fields(): OrgProfileFields {
		return fieldsOf(this.#data.current.profile, this.#data.current.mspName);
	}

	save(fields: OrgProfileFields): Promise<boolean> {
		return this.feedback.run('profile', 'saveOrgProfile', profileOf(fields));
	}

	/** The picked file as a data URL, or null (with the reason shown) when it cannot be the logo. */
	async readLogo(file: File): Promise<string | null> {
		const problem = logoFileProblem(file);
		if (problem) {
			this.feedback.fail('logo', problem);
			return null;
		}
		this.feedback.clear('logo');
		return new Promise((resolve) => {
			const reader = new FileReader();
			reader.onload = () => resolve(String(reader.result));
			reader.onerror = () => {
				this.feedback.fail('logo', 'The file could not be read.');
				resolve(null);
			};
			reader.readAsDataURL(file);
		});
	}
}
