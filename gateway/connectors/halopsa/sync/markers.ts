// The marker each Halo record Outpost creates carries, so a resumed sync finds what a crashed one made
// before it could record the link (SyncContext.resumed). Pure.

/** Written to `Client.ref` and `Item.externalreference`. */
export function recordMarker(localId: string): string {
	return `outpost:${localId}`;
}

/** Opportunities have no reference field in §3.5: the marker is the last line of `details`. */
export function opportunityMarker(quoteId: string): string {
	return `Outpost quote ${quoteId}`;
}

export function hasOpportunityMarker(details: string | null | undefined, quoteId: string): boolean {
	return (details ?? '').split('\n').some((line) => line.trim() === opportunityMarker(quoteId));
}
