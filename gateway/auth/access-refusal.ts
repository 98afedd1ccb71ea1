// The details of a company-link refusal for the person refused: their own account, the cause, and
// their organisation's support contact (they replicate nothing, so the answer has to carry it).

import {
	ACCESS_CAUSES,
	companyLinkCause,
	supportContactOf,
	type AccessRefusal
} from '../../shared/auth/access-refusal.ts';
import type { UserProfile } from '../../shared/auth/user-profile.ts';
import { ORG_PROFILE_ID } from '../../shared/schema/org-profile-entities.ts';
import { readEntity } from '../store/entity-reader.ts';
import type { Store } from '../store/store.ts';

export async function accessRefusal(store: Store, profile: UserProfile): Promise<AccessRefusal> {
	const orgProfile = await readEntity(store.db, profile.orgId, 'orgProfile', ORG_PROFILE_ID);
	return {
		account: { email: profile.email, name: profile.name },
		cause: companyLinkCause(profile) ?? ACCESS_CAUSES.linkNotVerified,
		support: supportContactOf(orgProfile)
	};
}
