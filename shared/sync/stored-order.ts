// The order both stores keep text in: UTF-8 bytes (SQLite's BINARY, Postgres' "C" collation), which is
// code point order. Row keys are paged in it (gateway/sync/pull-read.ts), so whatever compares their
// positions on either side (cookies, shared/sync/protocol.ts) must use it too.

/** JavaScript's `<` compares UTF-16 units, which puts U+10000 and above before U+E000..U+FFFF. */
export function compareStored(a: string, b: string): number {
	if (a === b) return 0;
	const length = Math.min(a.length, b.length);
	for (let k = 0; k < length; k++) {
		const x = a.charCodeAt(k);
		const y = b.charCodeAt(k);
		if (x !== y) return codePointRank(x) - codePointRank(y);
	}
	return a.length - b.length;
}

/** Surrogates (U+10000 and above) after the rest of the BMP, which keeps its order. */
function codePointRank(unit: number): number {
	if (unit < 0xd800) return unit;
	return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}
