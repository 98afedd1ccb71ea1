// Reads an RFC 8288 `Link` header (psa-apis.md §2.5 [V]: first, prev, next, last; next is omitted on
// the last page). Pure.

export function linkRelations(header: string | null): Record<string, string> {
	const out: Record<string, string> = {};
	if (!header) return out;
	for (const part of header.split(/,(?=\s*<)/)) {
		const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
		if (!match) continue;
		const rel = /\brel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '');
		for (const name of (rel?.[1] ?? '').trim().split(/\s+/)) if (name) out[name.toLowerCase()] = match[1]!;
	}
	return out;
}
