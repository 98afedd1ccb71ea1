// The Hono environment every route sees: the dependencies createApp was given, and the signed-in user.

import type { Principal } from '../../shared/auth/permissions.ts';
import type { UserProfile } from '../../shared/auth/user-profile.ts';
import type { SeenVersions } from '../auth/session-profile.ts';

export type AppVariables = {
	profile: UserProfile;
	principal: Principal;
	/** The space and ACL versions read with the session, before anything else this request did. */
	seenVersions: SeenVersions;
};

export type AppEnv = { Variables: AppVariables };
