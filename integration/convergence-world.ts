// One run of the sync convergence property: the real gateway over HTTP (restartable on its store;
// one process, or replicas behind a load balancer in scale-out/) and two to four simulated devices.
// It plays actions, records what the gateway said it did with each pushed mutation (the ledger), and
// at the end heals the network and lets everything settle. The invariants themselves are in
// convergence-checks.ts.

import { can } from '../shared/auth/permissions.ts';
import { staffEntry } from '../shared/auth/staff-directory.ts';
import { redactForReader } from '../shared/auth/redact.ts';
import { readScope } from '../shared/auth/read-scope.ts';
import { DomainError } from '../shared/errors.ts';
import { isTableName, TABLE_NAMES } from '../shared/schema/tables.ts';
import type { MutationResult, WireMutation } from '../shared/sync/protocol.ts';
import type { Action } from './random-mutations.ts';
import { conflictSteps, createIdPool, resolveMutation, type ResolvedMutation } from './resolve-mutation.ts';
import type { RestartableGateway, ServingGateway } from './restartable-gateway.ts';
import { openSimDevice, settle, type SimDevice } from './sim-device.ts';

/**
 * `concurrent`: settleAll lets the devices sync at the same time. The order in which the gateway
 * settled mutations of different devices is then unknown, so the checks skip the model replay.
 */
export type WorldOptions = {
	/** Starts the gateway the devices sync with (its first pull page size given). */
	gateway: (options: { pullPageSize: number }) => Promise<RestartableGateway>;
	users: string[];
	pullPageSize: number;
	concurrent: boolean;
};

/** What the gateway said it did with a pushed mutation, in the order it did it. */
export type LedgerEntry = { clientID: string; mutation: WireMutation; result: MutationResult };

export type WorldStats = {
	queued: number;
	refusedLocally: number;
	skipped: number;
	applied: number;
	/** Rejections by code. */
	rejected: Record<string, number>;
	gapsRefused: number;
	faults: number;
};

export type World = {
	options: WorldOptions;
	devices: SimDevice[];
	/** The gateway serving now (a new one after each restart). */
	readonly gateway: ServingGateway;
	readonly restarts: number;
	/** The gateway's clock, which stands still. */
	readonly now: number;
	ledger: LedgerEntry[];
	/** Things that must never happen, noticed while the run went on. */
	violations: string[];
	stats: WorldStats;
	/** Every device's first sync (in large pages), then the gateway restarts with the run's page size. */
	start(): Promise<void>;
	run(action: Action): Promise<void>;
	settle(device: SimDevice): Promise<void>;
	/** Heals the network, delivers held pushes, and settles every device until nothing changes. */
	quiesce(): Promise<void>;
	close(): Promise<void>;
};

const MAX_QUIESCE_ROUNDS = 12;
/**
 * The demo seeds hundreds of rows (mostly products); fetching them in pages of a few rows on every
 * device of every run would cost most of the test's time. Small pages still meet the catch-ups
 * after a device was offline and the resets after an ACL change (client-sync.test.ts pages a first sync).
 */
const INITIAL_PAGE_SIZE = 1_000;

export async function openWorld(options: WorldOptions): Promise<World> {
	const gateway = await options.gateway({ pullPageSize: INITIAL_PAGE_SIZE });
	const ledger: LedgerEntry[] = [];
	const violations: string[] = [];
	const stats: WorldStats = {
		queued: 0,
		refusedLocally: 0,
		skipped: 0,
		applied: 0,
		rejected: {},
		gapsRefused: 0,
		faults: 0
	};
	const ids = createIdPool();
	const devices: SimDevice[] = [];
	const violation = (message: string) => violations.push(message);
	const settleOne = (d: SimDevice) => settle(d, violation);

	const report = {
		violation,
		pushed(clientID: string, mutations: WireMutation[], results: MutationResult[]) {
			for (const result of results) {
				if (result.status === 'duplicate') continue;
				ledger.push({ clientID, mutation: mutations.find((m) => m.id === result.id)!, result });
				if (result.status === 'applied') stats.applied += 1;
				else stats.rejected[result.code] = (stats.rejected[result.code] ?? 0) + 1;
			}
		},
		answered(path: 'push' | 'pull', status: number) {
			if (path === 'push' && status === 409) stats.gapsRefused += 1;
		}
	};
	try {
		for (const [k, email] of options.users.entries()) devices.push(await openSimDevice(gateway, email, k, report));
	} catch (error) {
		await close();
		throw error;
	}
	const editors = devices.filter((d) => can(d.device.principal, 'quoteEditor'));
	/** Who may accept or decline a quote: the customer (their own company's) and the admin. */
	const answerers = devices.filter((d) => d.device.principal.isAdmin || d.device.principal.kind === 'customer');

	/** Runs the mutation on the device; nothing is queued when the device itself refuses it. */
	async function queue(d: SimDevice, resolved: ResolvedMutation): Promise<void> {
		try {
			const id = await d.device.mutate(resolved.name, resolved.args as never);
			d.queued.set(id, resolved);
			stats.queued += 1;
			const usedIds: Record<string, string[] | undefined> = {
				createQuote: ids.used.quotes,
				addQuoteLine: ids.used.lines
			};
			const used = usedIds[resolved.name];
			const newId = (resolved.args as { id: string }).id;
			if (used && !used.includes(newId)) used.push(newId);
		} catch (error) {
			// Refused on the device itself (an accepted quote, an id it already has).
			if (!(error instanceof DomainError)) throw error;
			stats.refusedLocally += 1;
		}
	}

	async function mutate(action: Extract<Action, { kind: 'mutate' }>) {
		const writers = action.op.name === 'answerQuote' ? answerers : editors;
		const d = writers[action.device % writers.length];
		if (!d) {
			stats.skipped += 1;
			return;
		}
		// Written while the device's sync is under way: between its push and its pull, say.
		const started = action.duringSync ? d.whenRequestStarts() : null;
		const settling = action.duringSync ? settleOne(d) : null;
		if (settling) await Promise.race([started, settling]);
		const resolved = await resolveMutation(d.device.db, action.op, ids);
		if (resolved) await queue(d, resolved);
		else stats.skipped += 1;
		await settling;
	}

	async function conflict(action: Extract<Action, { kind: 'conflict' }>) {
		const firsts = action.target === 'quote' ? answerers : editors;
		const first = firsts[action.first % Math.max(1, firsts.length)];
		const others = editors.filter((d) => d !== first);
		const second = others[action.second % Math.max(1, others.length)];
		if (!first || !second) {
			stats.skipped += 1;
			return;
		}
		const canEdit = can(first.device.principal, 'quoteEditor');
		for (const step of await conflictSteps({ db: first.device.db, canEdit }, action, ids)) {
			if (step === 'settle') await settleOne(first);
			else await queue(step.by === 'first' ? first : second, step.mutation);
		}
	}

	async function snapshot(): Promise<string> {
		const org = await gateway.current.store.db.selectFrom('orgs').select('version').executeTakeFirstOrThrow();
		const parts: unknown[] = [org.version];
		for (const d of devices) parts.push(d.seen, await d.device.db.outbox.count(), d.network.pending);
		return JSON.stringify(parts);
	}

	async function close() {
		for (const d of devices) await d.device.close().catch(() => {});
		await gateway.close();
	}

	return {
		options,
		devices,
		get gateway() {
			return gateway.current;
		},
		get restarts() {
			return gateway.restarts;
		},
		now: gateway.now,
		ledger,
		violations,
		stats,
		settle: settleOne,
		async start() {
			for (const d of devices) await settleOne(d);
			await gateway.restart({ pullPageSize: options.pullPageSize });
		},
		async run(action) {
			const d = 'device' in action ? devices[action.device % devices.length]! : null;
			switch (action.kind) {
				case 'mutate':
					return mutate(action);
				case 'conflict':
					return conflict(action);
				case 'settle':
					return settleOne(d!);
				case 'settleAll':
					if (options.concurrent) await Promise.all(devices.map(settleOne));
					else for (const each of devices) await settleOne(each);
					return;
				case 'fault':
					stats.faults += 1;
					return d!.network.inject(action.fault);
				case 'restart':
					return gateway.restart();
			}
		},
		async quiesce() {
			for (const d of devices) d.network.heal();
			for (const d of devices) await d.network.deliverHeld();
			let previous = '';
			let unchanged = 0;
			for (let round = 0; round < MAX_QUIESCE_ROUNDS; round++) {
				for (const d of devices) await settleOne(d);
				const now = await snapshot();
				const drained = (await Promise.all(devices.map((d) => d.device.db.outbox.count()))).every((n) => n === 0);
				unchanged = drained && now === previous ? unchanged + 1 : 0;
				if (unchanged === 2) return;
				previous = now;
			}
			throw new Error(`The devices did not quiesce in ${MAX_QUIESCE_ROUNDS} rounds: ${previous}`);
		},
		close
	};
}

/** The rows the device's user may see, as the gateway holds them now, by table, in id order. */
export async function visibleServerRows(world: World, d: SimDevice): Promise<Record<string, unknown[]>> {
	const rows = await world.gateway.store.db
		.selectFrom('entities')
		.select(['tbl', 'id', 'scope', 'value'])
		.where('org_id', '=', d.device.principal.orgId)
		.where('deleted', '=', 0)
		.execute();
	const byTable = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as unknown[]]));
	for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
		if (!isTableName(row.tbl)) continue;
		const directory = readScope(d.device.principal, 'staff');
		if (
			row.tbl === 'users' &&
			(directory.kind === 'all' || (directory.kind === 'company' && row.scope === directory.companyId))
		) {
			const entry = staffEntry(JSON.parse(row.value));
			if (entry) byTable.staff!.push(entry);
		}
		const scope = readScope(d.device.principal, row.tbl);
		if (scope.kind === 'none' || (scope.kind === 'company' && row.scope !== scope.companyId)) continue;
		if (scope.kind === 'scoped' && row.scope === null) continue;
		byTable[row.tbl]!.push(redactForReader(d.device.principal, row.tbl, JSON.parse(row.value)));
	}
	return byTable;
}
