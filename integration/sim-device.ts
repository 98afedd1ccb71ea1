// One simulated device of the sync convergence property: the real client sync code on its own
// fake-indexeddb database, signed in as one demo user, behind its own faulty network. It remembers
// what it queued and the highest cookie and lastMutationID it has held, which must never go back.

import type { Cookie } from '../shared/sync/protocol.ts';
import { readMeta } from '../web/lib/sync/local-meta.ts';
import { cookieBehind, createFaultyNetwork, type FaultyNetwork, type NetworkHooks } from './fault-fetch.ts';
import type { RestartableGateway } from './restartable-gateway.ts';
import type { ResolvedMutation } from './resolve-mutation.ts';
import { openDevice, type Device } from './sync-client-harness.ts';

export type SimDevice = {
	name: string;
	clientID: string;
	device: Device;
	network: FaultyNetwork;
	/** Every mutation the device queued, by its mutation id. */
	queued: Map<number, ResolvedMutation>;
	/** The highest cookie and lastMutationID it has held so far. */
	seen: { cookie: Cookie | null; lastMutationID: number };
	/** The sync loop's last state message, for failure reports. */
	lastMessage: string | null;
	/** Resolves when the device's next sync request is about to go out. */
	whenRequestStarts(): Promise<void>;
};

const SETTLE_DEADLINE_MS = 30_000;
/** Past this many failures in a row the device backs off as the real one does, and settling times out. */
const MAX_QUICK_RETRIES = 40;

export async function openSimDevice(
	gateway: RestartableGateway,
	email: string,
	index: number,
	report: Pick<NetworkHooks, 'pushed' | 'answered'> & { violation(message: string): void }
): Promise<SimDevice> {
	const name = `${email.split('@')[0]}#${index}`;
	const clientID = `client-${index}-${email.split('@')[0]}`;
	let requestStarted: (() => void) | null = null;
	let failures = 0;
	let sim: SimDevice | null = null;
	const network = createFaultyNetwork({
		target: () => gateway.current.baseUrl,
		transit: gateway.transit,
		restartGateway: gateway.restart,
		async beforeRequest() {
			if (sim) await sample(sim, 'before a request', report.violation);
			requestStarted?.();
			requestStarted = null;
		},
		pushed: report.pushed,
		answered: report.answered,
		violation: (message) => report.violation(`${name}: ${message}`)
	});
	const device = await openDevice(gateway.current, email, {
		clientID,
		clientGroupID: clientID,
		baseUrl: '',
		fetch: (send) => network.fetch(send),
		// The real app syncs again on online, visibility and pokes; here a failed attempt is retried
		// at once instead of after the backoff, so runs take milliseconds, not minutes. The kick comes
		// after the failed attempt has scheduled its backoff, which a kick while running would not cut.
		onState(state, message) {
			if (sim) sim.lastMessage = message;
			if (state === 'connected') failures = 0;
			if ((state === 'offline' || state === 'error') && ++failures <= MAX_QUICK_RETRIES) {
				setTimeout(() => device.sync.kick(), 0);
			}
		}
	});
	sim = {
		name,
		clientID,
		device,
		network,
		queued: new Map(),
		seen: { cookie: null, lastMutationID: 0 },
		lastMessage: null,
		whenRequestStarts: () => new Promise<void>((resolve) => (requestStarted = resolve))
	};
	return sim;
}

/** Kicks the device's sync loop and waits until it has pushed and pulled everything it can. */
export async function settle(d: SimDevice, violation: (message: string) => void): Promise<void> {
	d.device.sync.kick();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${d.name} did not settle: ${describe(d)}`)), SETTLE_DEADLINE_MS);
	});
	try {
		await Promise.race([d.device.sync.idle(), deadline]);
	} finally {
		clearTimeout(timer);
	}
	await sample(d, 'after settling', violation);
	if (d.device.sync.state !== 'connected') throw new Error(`${d.name} stopped syncing: ${describe(d)}`);
}

/** Reads the device's cookie and lastMutationID and reports it if either went back. */
async function sample(d: SimDevice, when: string, violation: (message: string) => void): Promise<void> {
	const cookie = await readMeta(d.device.db, 'cookie', null);
	const lastMutationID = await readMeta(d.device.db, 'lastMutationID', 0);
	if (d.seen.cookie && (!cookie || cookieBehind(cookie, d.seen.cookie))) {
		violation(`${d.name}: cookie went back ${when}: ${JSON.stringify(d.seen.cookie)} -> ${JSON.stringify(cookie)}`);
	}
	if (lastMutationID < d.seen.lastMutationID) {
		violation(`${d.name}: lastMutationID went back ${when}: ${d.seen.lastMutationID} -> ${lastMutationID}`);
	}
	d.seen = { cookie, lastMutationID };
}

function describe(d: SimDevice): string {
	return `${d.device.sync.state} (${d.lastMessage ?? 'no message'})`;
}
