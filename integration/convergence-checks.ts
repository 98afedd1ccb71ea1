// The invariants of the sync convergence property, checked once a run has quiesced: every device
// holds exactly what the gateway lets its user see; every queued mutation was settled exactly once
// (applied, or rejected with the rejection recorded and delivered); the gateway's state is what
// applying the settled mutations once each, in its order, gives; cookies and lastMutationIDs never
// went back. Failures throw vitest assertion errors, so fast-check shrinks and reports them.

import { expect } from 'vitest';
import type { Principal } from '../shared/auth/permissions.ts';
import { READ_RULES_VERSION } from '../shared/auth/read-scope.ts';
import { isTableName, TABLE_NAMES } from '../shared/schema/tables.ts';
import { readMeta } from '../web/lib/sync/local-meta.ts';
import { visibleServerRows, type World } from './convergence-world.ts';
import { createServerModel, emptyRows, type Rows } from './server-model.ts';

export type InitialState = { rows: Rows; nextQuoteNumber: number };

/** The gateway's rows and quote counter before any device acted: where the model starts from. */
export async function readInitialState(world: World): Promise<InitialState> {
	const rows = emptyRows();
	for (const row of await serverEntities(world))
		if (isTableName(row.tbl)) rows[row.tbl].set(row.id, JSON.parse(row.value));
	const org = await world.gateway.store.db.selectFrom('orgs').select('next_quote_number').executeTakeFirstOrThrow();
	return { rows, nextQuoteNumber: org.next_quote_number };
}

export async function checkInvariants(world: World, initial: InitialState): Promise<void> {
	expect(world.violations, 'nothing went backwards and the gateway never answered unexpectedly').toEqual([]);
	await checkDevicesConverged(world);
	checkSettledExactlyOnce(world);
	await checkQuoteNumbers(world, initial);
	if (!world.options.concurrent) await checkAgainstModel(world, initial);
	await checkRejections(world);
}

async function checkDevicesConverged(world: World) {
	const db = world.gateway.store.db;
	const org = await db.selectFrom('orgs').select('version').executeTakeFirstOrThrow();
	for (const d of world.devices) {
		const local = d.device.db;
		// Confirmed values are kept in outbox entries: a drained outbox keeps none aside.
		expect(await local.outbox.count(), `${d.name}: outbox drained`).toBe(0);
		const server = await visibleServerRows(world, d);
		for (const table of TABLE_NAMES) {
			expect(await local.table(table).orderBy('id').toArray(), `${d.name}: ${table} equal the gateway's`).toEqual(
				server[table]
			);
		}
		const user = await db
			.selectFrom('users')
			.select('acl_version')
			.where('id', '=', d.device.principal.userId)
			.executeTakeFirstOrThrow();
		expect(await readMeta(local, 'cookie', null), `${d.name}: cookie at the gateway's version`).toEqual({
			v: org.version,
			acl: user.acl_version + READ_RULES_VERSION
		});
		const client = await db
			.selectFrom('clients')
			.select('last_mutation_id')
			.where('id', '=', d.clientID)
			.executeTakeFirst();
		const queuedIds = [...d.queued.keys()];
		expect(queuedIds, `${d.name}: mutation ids are 1..n`).toEqual(queuedIds.map((_, k) => k + 1));
		expect(client?.last_mutation_id ?? 0, `${d.name}: the gateway's lastMutationID`).toBe(queuedIds.length);
		expect(await readMeta(local, 'lastMutationID', 0), `${d.name}: the device's lastMutationID`).toBe(queuedIds.length);
	}
}

/** Each queued mutation has exactly one verdict from the gateway, and it never settled one nobody queued. */
function checkSettledExactlyOnce(world: World) {
	const settled = new Map<string, number>();
	for (const e of world.ledger) {
		const key = `${e.clientID}/${e.mutation.id}`;
		settled.set(key, (settled.get(key) ?? 0) + 1);
	}
	const twice = [...settled].filter(([, n]) => n > 1).map(([key]) => key);
	expect(twice, 'no mutation settled twice').toEqual([]);
	const queued = world.devices.flatMap((d) => [...d.queued.keys()].map((id) => `${d.clientID}/${id}`));
	expect(
		queued.filter((key) => !settled.has(key)),
		'no queued mutation lost'
	).toEqual([]);
	expect(
		[...settled.keys()].filter((key) => !queued.includes(key)),
		'nothing settled that was not queued'
	).toEqual([]);
}

async function checkAgainstModel(world: World, initial: InitialState) {
	const model = createServerModel(initial.rows, initial.nextQuoteNumber, world.now);
	const principals = new Map<string, Principal>(world.devices.map((d) => [d.clientID, d.device.principal]));
	for (const e of world.ledger) {
		const expected = await model.apply(principals.get(e.clientID)!, e.mutation);
		const actual =
			e.result.status === 'rejected' ? { status: 'rejected', code: e.result.code } : { status: e.result.status };
		expect(
			actual,
			`verdict on ${e.clientID}/${e.mutation.id} ${e.mutation.name} ${JSON.stringify(e.mutation.args)}`
		).toEqual(expected);
	}
	const server = emptyRows();
	for (const row of await serverEntities(world))
		if (isTableName(row.tbl)) server[row.tbl].set(row.id, JSON.parse(row.value));
	for (const table of TABLE_NAMES) {
		// The gateway's own log of what was applied, not state the model replays (gateway/activity/activity-log.test.ts pins it).
		if (table === 'activity') continue;
		const rows = (table: Map<string, unknown>) => [...table.values()].sort(byId);
		expect(rows(server[table]), `the gateway's ${table} are the settled mutations applied once each`).toEqual(
			rows(model.rows[table])
		);
	}
}

/** Each applied createQuote took exactly one number, whatever the order: unique, contiguous, none skipped. */
async function checkQuoteNumbers(world: World, initial: InitialState) {
	const created = world.ledger.filter((e) => e.mutation.name === 'createQuote' && e.result.status === 'applied').length;
	const org = await world.gateway.store.db.selectFrom('orgs').select('next_quote_number').executeTakeFirstOrThrow();
	expect(org.next_quote_number, 'one quote number per applied createQuote').toBe(initial.nextQuoteNumber + created);
	const quotes = (await serverEntities(world)).filter((row) => row.tbl === 'quotes');
	const numbers = quotes.map((row) => (JSON.parse(row.value) as { number: string | null }).number).sort();
	const contiguous = numbers.map((_, k) => `Q-${String(k + 1).padStart(5, '0')}`);
	expect(numbers, 'quote numbers unique and contiguous').toEqual(contiguous);
}

/** Every rejection the gateway recorded is one the ledger saw, recorded once, and delivered to its device. */
async function checkRejections(world: World) {
	const rows = await world.gateway.store.db
		.selectFrom('rejections')
		.select(['client_id', 'mutation_id', 'name', 'code'])
		.orderBy('client_id')
		.orderBy('mutation_id')
		.execute();
	const recorded = rows.map((r) => ({ clientID: r.client_id, mutationID: r.mutation_id, name: r.name, code: r.code }));
	const reported = world.ledger
		.flatMap((e) =>
			e.result.status === 'rejected'
				? [{ clientID: e.clientID, mutationID: e.mutation.id, name: e.mutation.name, code: e.result.code }]
				: []
		)
		.sort((a, b) => (a.clientID < b.clientID ? -1 : a.clientID > b.clientID ? 1 : a.mutationID - b.mutationID));
	expect(recorded, 'the gateway recorded each rejection once').toEqual(reported);
	for (const d of world.devices) {
		const local = (await d.device.db.rejections.toArray())
			.map(({ clientID, mutationID, name, code }) => ({ clientID, mutationID, name, code }))
			.sort((a, b) => a.mutationID - b.mutationID);
		expect(local, `${d.name}: every rejection of its mutations delivered`).toEqual(
			recorded.filter((r) => r.clientID === d.clientID)
		);
	}
}

function serverEntities(world: World) {
	return world.gateway.store.db
		.selectFrom('entities')
		.select(['tbl', 'id', 'value'])
		.where('deleted', '=', 0)
		.orderBy('tbl')
		.orderBy('id')
		.execute();
}

function byId(a: unknown, b: unknown): number {
	const x = (a as { id: string }).id;
	const y = (b as { id: string }).id;
	return x < y ? -1 : x > y ? 1 : 0;
}
