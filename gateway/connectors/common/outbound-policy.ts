// Which URLs the gateway may call on an admin's say-so (PSA sites, token and zone-lookup URLs): https
// to public addresses only, so a typed URL cannot reach loopback, the private network or a cloud
// metadata service. Sandbox mode also allows loopback (the simulators live there), over http too.
// Names are resolved through an injected `resolve`; this module knows no DNS and no runtime.

import { addressKind, type AddressKind } from './ip-address.ts';

/** Every address a host name resolves to; an empty list or a throw means it does not resolve. */
export type Resolve = (host: string) => Promise<string[]>;

export type OutboundRule = Exclude<AddressKind, 'public'> | 'invalid_url' | 'https_only' | 'unresolvable';

export type OutboundVerdict = { ok: true } | { ok: false; rule: OutboundRule; message: string };

export type OutboundPolicy = {
	/** Whether the gateway may send a request to `url` now (resolving its host when it is a name). */
	check(url: string): Promise<OutboundVerdict>;
};

export type OutboundPolicyOptions = {
	/** Sandbox mode: loopback addresses, and http to them, are allowed. */
	allowLoopback: boolean;
	/** Without one, host names are judged by name alone (`localhost`) and IP literals by range. */
	resolve?: Resolve;
};

const WHAT: Record<Exclude<AddressKind, 'public'>, string> = {
	loopback: 'a loopback address',
	private: 'a private network address',
	link_local: 'a link-local address (where cloud metadata services answer)',
	shared: 'a carrier-grade NAT address',
	unspecified: 'an unspecified address',
	multicast: 'a multicast address',
	reserved: 'a reserved address'
};

const refuse = (rule: OutboundRule, message: string): OutboundVerdict => ({ ok: false, rule, message });

/** The verdict on one address `host` stands for; `host` is how the admin wrote it. */
export function judgeAddress(host: string, address: string, allowLoopback: boolean): OutboundVerdict {
	const kind = addressKind(address);
	if (kind === null) return refuse('unresolvable', `Outpost could not read the address ${address} of ${host}.`);
	if (kind === 'public' || (kind === 'loopback' && allowLoopback)) return { ok: true };
	const shown = host === address ? address : `${host} (${address})`;
	const outside = kind === 'loopback' ? ' outside sandbox mode' : '';
	return refuse(kind, `${shown} is ${WHAT[kind]}; Outpost does not call it${outside}.`);
}

export function createOutboundPolicy(options: OutboundPolicyOptions): OutboundPolicy {
	return {
		async check(text) {
			let url: URL;
			try {
				url = new URL(text);
			} catch {
				return refuse('invalid_url', `${text} is not a URL.`);
			}
			if (url.protocol !== 'https:' && url.protocol !== 'http:') {
				return refuse('https_only', `Outpost calls PSAs over https only, not ${url.protocol}.`);
			}
			// URL has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1.
			const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
			const addresses = await addressesOf(host, options.resolve);
			if (addresses === null) return refuse('unresolvable', `Outpost could not find the host ${host}.`);
			for (const address of addresses) {
				const verdict = judgeAddress(host, address, options.allowLoopback);
				if (!verdict.ok) return verdict;
			}
			const loopbackOnly = addresses.length > 0 && addresses.every((a) => addressKind(a) === 'loopback');
			if (url.protocol === 'http:' && !(options.allowLoopback && loopbackOnly)) {
				return refuse('https_only', `Outpost calls PSAs over https only, not http.`);
			}
			return { ok: true };
		}
	};
}

/** The addresses to judge: the literal itself, loopback for `localhost` names, else what DNS says. */
async function addressesOf(host: string, resolve: Resolve | undefined): Promise<string[] | null> {
	if (addressKind(host) !== null) return [host];
	const name = host.toLowerCase().replace(/\.$/, '');
	if (name === 'localhost' || name.endsWith('.localhost')) return ['127.0.0.1'];
	if (!resolve) return [];
	const found = await resolve(host).catch(() => []);
	return found.length > 0 ? found : null;
}
