// What a re-index concludes for one Outpost record from what the PSA answered (pure): a link whose
// record is still there stays; otherwise one match re-links, none unlinks, several leave it to a person.

import type { ReindexVerdict } from '../../../shared/psa/reindex.ts';

export type LinkChange = { set: string } | { clear: true } | null;
export type Decision = { verdict: ReindexVerdict; change: LinkChange };

/**
 * `linked`: the external id Outpost holds (null: none); `stillThere`: whether the PSA still has it;
 * `candidates`: what the adapter's markers and natural keys matched (asked only when the link failed).
 */
export function decideLink(linked: string | null, stillThere: boolean, candidates: readonly string[]): Decision {
	if (linked !== null && stillThere) return { verdict: 'unchanged', change: null };
	const matches = [...new Set(candidates)];
	if (matches.length > 1) return { verdict: 'undecided', change: null };
	if (matches.length === 1) {
		return matches[0] === linked
			? { verdict: 'unchanged', change: null }
			: { verdict: 'relinked', change: { set: matches[0]! } };
	}
	return linked === null ? { verdict: 'unchanged', change: null } : { verdict: 'unlinked', change: { clear: true } };
}
