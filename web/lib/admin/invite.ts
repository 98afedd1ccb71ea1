// The invite form's rules: which company a new person starts with, and the inviteUser arguments
// made from what the admin typed. Pure; the id comes from the caller.

import type { Company } from '../../../shared/schema/entities.ts';
import type { User } from '../../../shared/schema/identity-entities.ts';

export type InviteDraft = { email: string; name: string; kind: User['kind']; companyId: string; roleIds: string[] };

/** MSP staff belong to the MSP's own company; a customer contact's company is the admin's choice. */
export function defaultCompanyFor(kind: User['kind'], companies: readonly Company[]): string {
	return kind === 'msp' ? (companies.find((c) => c.isMsp)?.id ?? '') : '';
}

export function inviteArgs(id: string, draft: InviteDraft) {
	return {
		id,
		email: draft.email.trim().toLowerCase(),
		name: draft.name.trim(),
		kind: draft.kind,
		companyId: draft.companyId || null,
		roleIds: [...new Set(draft.roleIds)]
	};
}
