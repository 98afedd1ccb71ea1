// Who owns a client group, remembered once the store has said so. A group's owner is written once,
// when the group is created, and never changed or removed, so a remembered owner stays true in every
// replica; the commonest pull (cookie current) can then skip asking the store.

import type { Store } from '../store/store.ts';

const LIMIT = 50_000;
const ownersByStore = new WeakMap<Store, Map<string, string>>();

export function rememberedOwner(store: Store, clientGroupID: string): string | undefined {
	return ownersByStore.get(store)?.get(clientGroupID);
}

export function rememberOwner(store: Store, clientGroupID: string, userId: string): void {
	let owners = ownersByStore.get(store);
	if (!owners) ownersByStore.set(store, (owners = new Map()));
	if (owners.size >= LIMIT) owners.delete(owners.keys().next().value!);
	owners.set(clientGroupID, userId);
}
