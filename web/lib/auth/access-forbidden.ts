// The words of an "Access Forbidden" page (seeds: the causes and their resolutions): why this
// account is refused here, and what to do next. Pure; AccessForbidden.svelte renders it.

import { ACCESS_CAUSES } from '../../../shared/auth/access-refusal.ts';
import { PERMISSIONS, type Permission } from '../../../shared/auth/permissions.ts';

export type ForbiddenCause =
	/** The page needs one of these permissions. */
	| { kind: 'permission'; anyOf: readonly Permission[] }
	| { kind: 'admin' }
	/** Screens for the MSP's own staff, opened by a customer contact. */
	| { kind: 'staff' }
	| { kind: 'company'; cause: (typeof ACCESS_CAUSES)[keyof typeof ACCESS_CAUSES] };

export type ForbiddenText = { reason: string; steps: string[] };

const USERS_SCREEN = 'Admin › Users & Permissions';

/** "the Procurement editor permission", or "one of the Quote editor, Procurement editor or Whitespace viewer permissions". */
export function permissionPhrase(anyOf: readonly Permission[]): string {
	const names = anyOf.map((p) => PERMISSIONS[p]);
	if (names.length === 1) return `the ${names[0]} permission`;
	return `one of the ${names.slice(0, -1).join(', ')} or ${names.at(-1)} permissions`;
}

export function forbiddenText(cause: ForbiddenCause): ForbiddenText {
	switch (cause.kind) {
		case 'permission':
			return {
				reason: `This page needs ${permissionPhrase(cause.anyOf)}.`,
				steps: [`Ask your admin to give your role ${permissionPhrase(cause.anyOf)} at ${USERS_SCREEN} › Roles.`]
			};
		case 'admin':
			return {
				reason: 'Only admins can open this page.',
				steps: [`Ask an admin to do this for you, or to make you an admin at ${USERS_SCREEN}.`]
			};
		case 'staff':
			return {
				reason: 'This page is for the MSP’s own staff.',
				steps: ['If you work for the MSP, sign in with your staff account.']
			};
		case 'company':
			return cause.cause === ACCESS_CAUSES.noCompany
				? {
						reason: 'Your account is not linked to a company.',
						steps: [
							`Ask your admin to open ${USERS_SCREEN}, find your account, assign your company and verify the link.`,
							'If your account comes from your PSA, ask them to run a manual sync so your company link is up to date.',
							'Then sign in again.'
						]
					}
				: {
						reason: 'Your account is linked to a company, but the link is not verified yet.',
						steps: [
							`Ask your admin to open ${USERS_SCREEN}, find your account and verify the link.`,
							'If your account comes from your PSA, a manual sync verifies the link of the MSP’s own staff.',
							'Then sign in again.'
						]
					};
	}
}
