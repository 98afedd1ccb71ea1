// User linking (seeds, "User is not automatically linked"): each active PSA staff record is matched to
// an MSP user by the provider's external identifier, then by email (case-insensitive, trimmed); a record
// that matches nobody becomes a new user where the provider allows it (ConnectWise). Pure.

import type { Provider } from '../../shared/psa/providers.ts';
import type { PsaPerson } from '../psa/provider.ts';

export type LinkableUser = {
	id: string;
	email: string;
	kind: 'msp' | 'customer';
	externalIds: Record<string, string>;
};

export type LinkDecision =
	/** Already linked to this record by its identifier. */
	| { action: 'keep'; userId: string; person: PsaPerson }
	/** Matched by email: the user's identifier for this provider becomes the record's. */
	| { action: 'link'; userId: string; person: PsaPerson }
	| { action: 'create'; person: PsaPerson }
	| { action: 'skip'; person: PsaPerson; reason: string }
	| { action: 'unmatched'; person: PsaPerson };

export function normalizeEmail(email: string | null | undefined): string | null {
	const trimmed = email?.trim().toLowerCase();
	return trimmed ? trimmed : null;
}

export function linkPeople(
	provider: Provider,
	users: readonly LinkableUser[],
	people: readonly PsaPerson[],
	options: { createMissing: boolean }
): LinkDecision[] {
	const eligible = people.filter((p) => p.active && !p.ineligible);
	const liveIds = new Set(eligible.map((p) => p.externalId));
	const byExternalId = new Map<string, LinkableUser>();
	for (const user of users) {
		const externalId = user.externalIds[provider];
		if (externalId !== undefined && !byExternalId.has(externalId)) byExternalId.set(externalId, user);
	}
	// Email matching only considers staff who are not already linked to another live record of this PSA.
	const byEmail = new Map<string, LinkableUser>();
	for (const user of users) {
		const linkedTo = user.externalIds[provider];
		if (user.kind !== 'msp' || (linkedTo !== undefined && liveIds.has(linkedTo))) continue;
		const email = normalizeEmail(user.email);
		if (email && !byEmail.has(email)) byEmail.set(email, user);
	}
	const taken = new Set<string>();
	const decisions: LinkDecision[] = [];
	for (const person of people) {
		if (!person.active) {
			decisions.push({ action: 'skip', person, reason: 'inactive' });
			continue;
		}
		if (person.ineligible) {
			decisions.push({ action: 'skip', person, reason: person.ineligible });
			continue;
		}
		const byId = byExternalId.get(person.externalId);
		if (byId && !taken.has(byId.id)) {
			taken.add(byId.id);
			decisions.push({ action: 'keep', userId: byId.id, person });
			continue;
		}
		const email = normalizeEmail(person.email);
		const byMail = email ? byEmail.get(email) : undefined;
		if (byMail && !taken.has(byMail.id)) {
			taken.add(byMail.id);
			decisions.push({ action: 'link', userId: byMail.id, person });
			continue;
		}
		decisions.push(options.createMissing && email ? { action: 'create', person } : { action: 'unmatched', person });
	}
	return decisions;
}
