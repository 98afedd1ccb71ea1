// What kind of address an IP is, for the outbound policy (pure). Reads IPv4 and IPv6 text as URL and
// DNS give it, and classifies IPv4 carried inside IPv6 (mapped, compatible, NAT64, 6to4) as that IPv4.
// Whether a kind may be called is the policy's business, not this module's.

export const ADDRESS_KINDS = [
	'public',
	'loopback',
	'private',
	'link_local',
	'shared',
	'unspecified',
	'multicast',
	'reserved'
] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** [first address, prefix length, kind]; the first match wins, so narrower ranges come first. */
const IPV4_RANGES: [string, number, AddressKind][] = [
	['0.0.0.0', 8, 'unspecified'],
	['10.0.0.0', 8, 'private'],
	['100.64.0.0', 10, 'shared'],
	['127.0.0.0', 8, 'loopback'],
	['169.254.0.0', 16, 'link_local'],
	['172.16.0.0', 12, 'private'],
	['192.0.0.0', 24, 'reserved'],
	['192.0.2.0', 24, 'reserved'],
	['192.168.0.0', 16, 'private'],
	['198.18.0.0', 15, 'reserved'],
	['198.51.100.0', 24, 'reserved'],
	['203.0.113.0', 24, 'reserved'],
	['224.0.0.0', 4, 'multicast'],
	['240.0.0.0', 4, 'reserved']
];

/** Dotted-decimal IPv4 (the only form URL and DNS hand out) as an unsigned 32-bit number, or null. */
export function parseIpv4(text: string): number | null {
	const parts = text.split('.');
	if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
	return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** IPv6 text (brackets and a zone id allowed) as eight 16-bit groups, or null. */
export function parseIpv6(text: string): number[] | null {
	const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
	if (!bare.includes(':') || !/^[0-9a-f:.]+$/i.test(bare)) return null;
	let tail: number[] = [];
	let head = bare;
	const dotted = /(^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
	if (dotted) {
		const v4 = parseIpv4(dotted[2]!);
		if (v4 === null) return null;
		tail = [v4 >>> 16, v4 & 0xffff];
		head = bare.slice(0, bare.length - dotted[2]!.length);
		if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
	}
	const halves = head.split('::');
	if (halves.length > 2) return null;
	const groups = (part: string) => (part === '' ? [] : part.split(':'));
	const [left, right = null] = [groups(halves[0]!), halves.length === 2 ? groups(halves[1]!) : null];
	if (![...left, ...(right ?? [])].every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
	const known = left.length + (right?.length ?? 0) + tail.length;
	if (right === null ? known !== 8 : known > 7) return null;
	const zeros: number[] = new Array(8 - known).fill(0);
	return [...left, ...zeros, ...(right ?? []), ...tail].map((g) => (typeof g === 'number' ? g : parseInt(g, 16)));
}

function ipv4Kind(address: number): AddressKind {
	for (const [first, prefix, kind] of IPV4_RANGES) {
		const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
		if ((address & mask) >>> 0 === parseIpv4(first)) return kind;
	}
	return 'public';
}

function ipv6Kind(g: number[]): AddressKind {
	const v4At = (i: number) => ipv4Kind(((g[i]! << 16) >>> 0) + g[i + 1]!);
	const zerosUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
	if (zerosUpTo(8)) return 'unspecified';
	if (zerosUpTo(7) && g[7] === 1) return 'loopback';
	if (zerosUpTo(5) && g[5] === 0xffff) return v4At(6); // ::ffff:a.b.c.d, IPv4-mapped
	if (zerosUpTo(6)) return v4At(6); // ::a.b.c.d, IPv4-compatible (deprecated)
	if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4At(6); // NAT64
	if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private'; // local-use NAT64
	if (g[0] === 0x2002) return v4At(1); // 6to4
	if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo: an IPv4 relay in disguise
	if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved'; // documentation
	if (g[0] === 0x100 && zerosUpTo(4)) return 'reserved'; // discard-only
	if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, unique local
	if ((g[0]! & 0xffc0) === 0xfe80) return 'link_local'; // fe80::/10
	if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, site-local (deprecated)
	if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
	return 'public';
}

/** The kind of an IP address in text, or null when the text is not an IP address (a host name). */
export function addressKind(text: string): AddressKind | null {
	const v4 = parseIpv4(text);
	if (v4 !== null) return ipv4Kind(v4);
	const v6 = parseIpv6(text);
	return v6 === null ? null : ipv6Kind(v6);
}
