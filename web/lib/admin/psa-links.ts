// The rules behind fixing a user's PSA links by hand: which PSAs they are not linked to, what a typed
// record id must look like, who holds that record now, and what the next Synchronize will do. Pure.

import { PROVIDERS, type Provider } from '../../../shared/psa/providers.ts';
import type { User } from '../../../shared/schema/identity-entities.ts';
import { PSA_LABELS } from './user-detail.ts';

export type Person = Pick<User, 'id' | 'name' | 'email'>;
export type ParsedId = { ok: true; value: string } | { ok: false; message: string };
export type PsaRecord = { provider: Provider; label: string; value: string };

export function psaLabel(provider: Provider): string {
	return PSA_LABELS[provider] ?? provider;
}

/** The provider an identifier's key names, or null for a key Outpost does not sync with. */
export function providerOf(system: string): Provider | null {
	return (PROVIDERS as readonly string[]).includes(system) ? (system as Provider) : null;
}

export function unlinkedProviders(user: User): Provider[] {
	return PROVIDERS.filter((p) => !Object.hasOwn(user.externalIds, p));
}

/** The record id as setPsaLink takes it: trimmed, 1 to 64 characters. */
export function parseExternalId(text: string, provider: Provider): ParsedId {
	const value = text.trim();
	if (!value) return { ok: false, message: `Enter the id of the ${psaLabel(provider)} record.` };
	if (value.length > 64) return { ok: false, message: 'A record id has at most 64 characters.' };
	return { ok: true, value };
}

/** Another user linked to this record now: linking it here takes it from them. */
export function holderOf(user: User, everyone: readonly User[], provider: Provider, text: string): Person | null {
	const value = text.trim();
	if (!value) return null;
	const other = everyone.find((u) => u.id !== user.id && u.externalIds[provider] === value);
	return other ? { id: other.id, name: other.name, email: other.email } : null;
}

/** What Synchronize does for a user with no identifier in a PSA (user-linking: only MSP staff match by email). */
export function withoutLinkHint(user: User): string {
	return user.kind === 'msp'
		? `The next Synchronize matches by email (${user.email}).`
		: 'Synchronize links only MSP staff, so this customer contact stays unlinked until you link a record.';
}

/** Confirms a link, naming the user who lost the record to it. */
export function linkedNotice(provider: Provider, value: string, takenFrom: Person | null): string {
	return `Linked to ${psaLabel(provider)} record ${value}${takenFrom ? `, taken from ${takenFrom.name}` : ''}.`;
}

/** A duplicate's records in the PSAs Outpost syncs with that this user does not already have. */
export function movableRecords(user: User, duplicate: User): PsaRecord[] {
	return Object.entries(duplicate.externalIds).flatMap(([system, value]) => {
		const provider = providerOf(system);
		if (!provider || user.externalIds[provider] === value) return [];
		return [{ provider, label: psaLabel(provider), value }];
	});
}

/** "Autotask 29684 · HaloPSA 77", or null without any identifier. */
export function identifiersText(user: User): string | null {
	const parts = Object.entries(user.externalIds)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([system, value]) => `${PSA_LABELS[system] ?? system} ${value}`);
	return parts.length > 0 ? parts.join(' · ') : null;
}
