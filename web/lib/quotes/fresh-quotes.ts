// Quotes created on this page and not yet opened: the editor that opens one of them starts in the
// add-a-line search, the one next step of an empty quote. A hand-off within one tab, nothing stored.

const fresh = new Set<string>();

export function markFresh(quoteId: string): void {
	fresh.add(quoteId);
}

/** True once for a quote just created here; opening it again later starts as usual. */
export function takeFresh(quoteId: string): boolean {
	return fresh.delete(quoteId);
}
