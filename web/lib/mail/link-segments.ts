// Splits a plain-text mail body into text and links, so the mailbox can show the links clickable
// without ever rendering the body as HTML.

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; href: string };

const LINK = /https?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence rather than the link it follows. */
const TRAILING = /[.,;:!?)\]]+$/;

export function linkSegments(body: string): Segment[] {
	const segments: Segment[] = [];
	let from = 0;
	for (const match of body.matchAll(LINK)) {
		const href = match[0].replace(TRAILING, '');
		const start = match.index;
		if (start > from) segments.push({ kind: 'text', text: body.slice(from, start) });
		segments.push({ kind: 'link', href });
		from = start + href.length;
	}
	if (from < body.length) segments.push({ kind: 'text', text: body.slice(from) });
	return segments;
}
