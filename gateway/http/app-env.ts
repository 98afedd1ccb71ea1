// The Hono environment every route sees: the dependencies createApp was given, and the signed-in user.

import type { Principal } from '../../shared/auth/permissions.ts';
import type { UserProfile } from '../../shared/auth/user-profile.ts';

export type AppVariables = {
	profile: UserProfile;
	principal: Principal;
};

export type AppEnv = { Variables: AppVariables };
