// A device's network for the sync convergence property: every sync request of the device passes
// through it, so it can drop, duplicate, hold back or reorder requests, follow the gateway to a new
// address after a restart, and report what the gateway answered. It knows nothing of the sync
// client's internals; it only sees the HTTP requests the client makes.

import {
	compareCookies,
	type Cookie,
	type MutationResult,
	type PullResponse,
	type WireMutation
} from '../shared/sync/protocol.ts';

/** One injected fault; each is consumed by the first request it applies to. */
export type Fault =
	/** The request never leaves the device. */
	| { kind: 'dropRequest'; on: 'push' | 'pull' }
	/** The gateway handles the request, but its answer is lost on the way back. */
	| { kind: 'dropResponse'; on: 'push' | 'pull' }
	/** Something in between answers 503 without asking the gateway. */
	| { kind: 'busy'; on: 'push' | 'pull' }
	/** The push reaches the gateway twice, one after the other or at the same time. */
	| { kind: 'duplicatePush'; concurrent: boolean }
	/**
	 * The push's mutations travel as two requests that arrive in the wrong order: the later part
	 * first (the gateway must refuse the gap with 409 out_of_order), then the earlier part. The
	 * device sees the answer to the later part. A push of one mutation waits for a longer one.
	 */
	| { kind: 'reorderPush'; split: number }
	/** The gateway handles the request, then restarts before answering: the connection resets. */
	| { kind: 'crashAfter'; on: 'push' | 'pull' }
	/** The push is held in the network (the device sees a timeout) and arrives after the device's next push. */
	| { kind: 'delayPush' }
	/**
	 * A stale cache answers the pull with one of this device's earlier pull answers: the last one
	 * (age 0, which the device already applied: applying it again must change nothing) or an older
	 * one, which the device must refuse. Never an earlier reset (an answer starting with `clear`):
	 * the client deliberately follows those backwards, as it cannot tell them from a gateway
	 * restored from a backup. `after` pulls go through first, so it can land in the middle of a
	 * paged pull.
	 */
	| { kind: 'stalePull'; age: number; after: number };

export type NetworkHooks = {
	/** The gateway's current address; read on every request, so a restarted gateway is followed. */
	target(): string;
	/** Carries one request to the gateway and back (a restart waits for requests in transit). */
	transit<T>(carry: () => Promise<T>): Promise<T>;
	/** Restarts the gateway on the same store. */
	restartGateway(): Promise<void>;
	/** Runs before every request the device makes, to sample its sync bookkeeping. */
	beforeRequest(): Promise<void>;
	/** The gateway's verdicts on one push, in the order it processed them. */
	pushed(clientID: string, mutations: WireMutation[], results: MutationResult[]): void;
	/** Every answer the gateway gave, by request kind. */
	answered?(path: 'push' | 'pull', status: number): void;
	/** An answer that should never happen: an unexpected status, a cookie that went backwards. */
	violation(message: string): void;
};

export type FaultyNetwork = {
	fetch(send: typeof fetch): typeof fetch;
	inject(fault: Fault): void;
	/** How many faults of each kind hit a request. */
	readonly consumed: Partial<Record<Fault['kind'], number>>;
	/** Faults not yet consumed, and pushes still held in the network. */
	readonly pending: { faults: number; held: number };
	/** Stops injecting faults. Held pushes stay held until deliverHeld(). */
	heal(): void;
	/** Delivers every held push to the gateway now (late, as stragglers). */
	deliverHeld(): Promise<void>;
};

type Sent = { path: 'push' | 'pull'; url: string; init: RequestInit };
type Answer = { status: number; text: string };

export function createFaultyNetwork(hooks: NetworkHooks): FaultyNetwork {
	let faults: Fault[] = [];
	let held: Sent[] = [];
	/** Earlier pull answers, newest last. */
	const pulls: string[] = [];
	const consumed: Partial<Record<Fault['kind'], number>> = {};
	let send: typeof fetch = fetch;

	function take(path: 'push' | 'pull', mutationCount: number): Fault | undefined {
		const index = faults.findIndex((f) => applies(f, path, mutationCount));
		const fault = faults[index];
		if (fault?.kind === 'stalePull' && fault.after > 0) {
			faults[index] = { ...fault, after: fault.after - 1 };
			return undefined;
		}
		return index < 0 ? undefined : faults.splice(index, 1)[0];
	}

	/** Sends one request to the gateway and reads its whole answer, whatever the device then gets. */
	async function exchange(request: Sent): Promise<Answer> {
		const answer = await hooks.transit(async () => {
			const response = await send(hooks.target() + request.url, request.init);
			return { status: response.status, text: await response.text() };
		});
		hooks.answered?.(request.path, answer.status);
		return answer;
	}

	async function forward(request: Sent): Promise<Answer> {
		const answer = await exchange(request);
		if (request.path === 'pull') {
			observePull(request, answer);
		} else {
			const results = pushResults(answer);
			const body = JSON.parse(String(request.init.body)) as { clientID: string; mutations: WireMutation[] };
			if (results) hooks.pushed(body.clientID, body.mutations, results);
		}
		return answer;
	}

	/**
	 * The verdicts of a push answer. A refused gap (409) has none, and needs none: the ids of one
	 * request are consecutive, so a gap can only be at its first new mutation and nothing was settled.
	 */
	function pushResults({ status, text }: Answer): MutationResult[] | null {
		if (status === 200) return (JSON.parse(text) as { results: MutationResult[] }).results;
		if (status !== 409) hooks.violation(`push answered ${status}: ${text}`);
		return null;
	}

	function observePull(request: Sent, { status, text }: Answer) {
		if (status !== 200) {
			hooks.violation(`pull answered ${status}: ${text}`);
			return;
		}
		const sent = (JSON.parse(String(request.init.body)) as { cookie: Cookie | null }).cookie;
		const answer = JSON.parse(text) as PullResponse;
		if (sent && cookieBehind(answer.cookie, sent)) {
			hooks.violation(`pull answered cookie ${JSON.stringify(answer.cookie)} to ${JSON.stringify(sent)}`);
		}
		// reference/sync.md 2.3: a non-empty patch with an unchanged cookie is a server bug.
		if (sent && !cookieBehind(sent, answer.cookie) && answer.patch.length > 0) {
			hooks.violation(`pull answered a patch without moving the cookie ${JSON.stringify(sent)}`);
		}
		if (answer.patch[0]?.op !== 'clear') pulls.push(text);
		if (pulls.length > 5) pulls.shift();
	}

	async function deliverHeld() {
		const late = held;
		held = [];
		for (const request of late) await forward(request);
	}

	async function duplicate(request: Sent, concurrent: boolean) {
		if (!concurrent) {
			await forward(request);
			return forward(request);
		}
		// Both copies race inside the gateway; their verdicts are merged into one server order.
		const answers = await Promise.all([exchange(request), exchange(request)]);
		const verdicts = answers.flatMap((answer) => pushResults(answer) ?? []);
		const body = JSON.parse(String(request.init.body)) as { clientID: string; mutations: WireMutation[] };
		hooks.pushed(body.clientID, body.mutations, mergeVerdicts(verdicts, hooks.violation));
		return answers[0];
	}

	async function reorder(request: Sent, split: number) {
		const body = JSON.parse(String(request.init.body)) as { mutations: WireMutation[] };
		const at = 1 + (split % (body.mutations.length - 1));
		const part = (mutations: WireMutation[]): Sent => ({
			...request,
			init: { ...request.init, body: JSON.stringify({ ...body, mutations }) }
		});
		const later = await forward(part(body.mutations.slice(at)));
		await forward(part(body.mutations.slice(0, at)));
		return later;
	}

	async function faultyFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
		const url = String(input);
		const path = url.endsWith('/push') ? 'push' : url.endsWith('/pull') ? 'pull' : null;
		if (!path) throw new Error(`The sync client asked for ${url}, which this network does not know`);
		await hooks.beforeRequest();
		const request: Sent = { path, url, init };
		const mutationCount =
			path === 'push' ? (JSON.parse(String(init.body)) as { mutations: unknown[] }).mutations.length : 0;
		const fault = take(path, mutationCount);
		if (fault) consumed[fault.kind] = (consumed[fault.kind] ?? 0) + 1;
		let answer: Answer;
		switch (fault?.kind) {
			case 'dropRequest':
				throw new TypeError('fetch failed (request dropped by the test network)');
			case 'busy':
				return json(
					503,
					JSON.stringify({ error: { code: 'temporarily_unavailable', message: 'Busy (test network)' } })
				);
			case 'dropResponse':
				await forward(request);
				throw new TypeError('fetch failed (response dropped by the test network)');
			case 'crashAfter':
				await forward(request);
				await hooks.restartGateway();
				throw new TypeError('fetch failed (the gateway restarted before answering)');
			case 'delayPush':
				held.push(request);
				throw new TypeError('fetch failed (request held back by the test network)');
			case 'stalePull': {
				const stale = pulls[pulls.length - 1 - Math.min(fault.age, pulls.length - 1)];
				if (stale !== undefined) return json(200, stale);
				answer = await forward(request);
				break;
			}
			case 'duplicatePush':
				answer = await duplicate(request, fault.concurrent);
				break;
			case 'reorderPush':
				answer = await reorder(request, fault.split);
				break;
			default:
				answer = await forward(request);
		}
		// Pushes held back earlier arrive after this later one.
		if (path === 'push' && held.length > 0) await deliverHeld();
		return json(answer.status, answer.text);
	}

	return {
		fetch(s) {
			send = s;
			return faultyFetch as typeof fetch;
		},
		inject(fault) {
			faults.push(fault);
		},
		consumed,
		get pending() {
			return { faults: faults.length, held: held.length };
		},
		heal() {
			faults = [];
		},
		deliverHeld
	};
}

function applies(fault: Fault, path: 'push' | 'pull', mutationCount: number): boolean {
	switch (fault.kind) {
		case 'dropRequest':
		case 'dropResponse':
		case 'busy':
		case 'crashAfter':
			return fault.on === path;
		case 'stalePull':
			return path === 'pull';
		case 'reorderPush':
			return path === 'push' && mutationCount >= 2;
		case 'duplicatePush':
		case 'delayPush':
			return path === 'push';
	}
}

/**
 * Two copies of one push raced: each mutation was settled by one of them, the other saw a duplicate.
 * Both may report a rejection (both tried it; the first records it). One may report a rejection the
 * other then applied, when another device's push made it valid in between: the gateway records no
 * rejection then, so the mutation counts as applied.
 */
function mergeVerdicts(verdicts: MutationResult[], violation: (message: string) => void): MutationResult[] {
	const byId = new Map<number, MutationResult>();
	for (const result of verdicts) {
		if (result.status === 'duplicate') continue;
		const seen = byId.get(result.id);
		if (seen?.status === 'applied' && result.status === 'applied') {
			violation(`mutation ${result.id} was applied by both copies of one push`);
		}
		if (!seen || result.status === 'applied') byId.set(result.id, result);
	}
	return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * Cookies are ordered by ACL version first: when what a user may see changes, the gateway resets
 * the device and its position in the space starts over from 0 under the new ACL version.
 */
export function cookieBehind(a: Cookie, b: Cookie): boolean {
	return a.acl < b.acl || (a.acl === b.acl && compareCookies(a, b) < 0);
}

function json(status: number, text: string): Response {
	return new Response(text, { status, headers: { 'content-type': 'application/json' } });
}
