// The oracle for the sync convergence property: the same mutations applied one at a time to plain
// maps, in the order the gateway reported settling them, with the gateway's one effect of its own
// (numbering new quotes) redone by hand. A mutation the gateway lost, applied twice, or applied
// when it should have refused it leaves its rows, its quote numbers or its verdicts different.
// It deliberately knows nothing of versions, scopes or SQL.

import { can, type Principal } from '../shared/auth/permissions.ts';
import { DomainError } from '../shared/errors.ts';
import { findMutation } from '../shared/mutations/registry.ts';
import { TABLE_NAMES, TABLES, type IndexOf, type RowOf, type TableName } from '../shared/schema/tables.ts';
import type { WireMutation } from '../shared/sync/protocol.ts';
import { greatestKey } from '../shared/sync/greatest-key.ts';
import type { Tx } from '../shared/sync/tx.ts';

export type Rows = Record<TableName, Map<string, unknown>>;
export type Verdict = { status: 'applied' } | { status: 'rejected'; code: string };

export type ServerModel = {
	apply(principal: Principal, mutation: WireMutation): Promise<Verdict>;
	readonly rows: Rows;
	readonly nextQuoteNumber: number;
};

export function emptyRows(): Rows {
	return Object.fromEntries(TABLE_NAMES.map((t) => [t, new Map()])) as Rows;
}

/** `now` is the gateway's clock, which stands still during a run. */
export function createServerModel(initial: Rows, nextQuoteNumber: number, now: number): ServerModel {
	let rows = initial;
	let next = nextQuoteNumber;

	async function run(principal: Principal, mutation: WireMutation, draft: Rows): Promise<void> {
		const def = findMutation(mutation.name);
		if (!def) throw DomainError.of('unknownMutation');
		const args = def.args.safeParse(mutation.args);
		if (!args.success) throw DomainError.of('invalidInput');
		if (!can(principal, def.permission)) throw DomainError.of('forbidden');
		const context = { userId: principal.userId, actor: principal, now };
		await def.apply(tableTx(draft), args.data, context);
		if (def.name === 'createQuote') {
			const id = (args.data as { id: string }).id;
			const quote = draft.quotes.get(id) as RowOf<'quotes'>;
			draft.quotes.set(id, { ...quote, number: `Q-${String(next).padStart(5, '0')}` });
		}
	}

	return {
		async apply(principal, mutation) {
			const draft = copyRows(rows);
			try {
				await run(principal, mutation, draft);
			} catch (error) {
				// The gateway rejects a mutation that crashes as 'internal' rather than blocking the client.
				return { status: 'rejected', code: error instanceof DomainError ? error.code : 'internal' };
			}
			rows = draft;
			if (mutation.name === 'createQuote') next += 1;
			return { status: 'applied' };
		},
		get rows() {
			return rows;
		},
		get nextQuoteNumber() {
			return next;
		}
	};
}

function copyRows(rows: Rows): Rows {
	return Object.fromEntries(TABLE_NAMES.map((t) => [t, new Map(rows[t])])) as Rows;
}

/** Rows go in and out as JSON, as they do through the gateway's store (so -0 becomes 0). */
function tableTx(rows: Rows): Tx {
	const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
	return {
		async get<T extends TableName>(table: T, id: string) {
			const row = rows[table].get(id);
			return row === undefined ? undefined : roundTrip(row as RowOf<T>);
		},
		async put(table, row) {
			const checked = TABLES[table].schema.safeParse(row);
			if (!checked.success) throw new DomainError('invalid_row', `A ${table} row is not valid`);
			rows[table].set(row.id, roundTrip(checked.data));
		},
		async delete(table, id) {
			rows[table].delete(id);
		},
		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			const matching = [...rows[table].values()].filter((r) => (r as Record<string, unknown>)[field] === value);
			return roundTrip(matching as RowOf<T>[]).sort(byId);
		},
		async greatestByIndex(table, field, value, key) {
			return greatestKey(
				[...rows[table].values()].filter((r) => (r as Record<string, unknown>)[field] === value),
				key
			);
		},
		async all<T extends TableName>(table: T) {
			return roundTrip([...rows[table].values()] as RowOf<T>[]).sort(byId);
		}
	};
}

function byId(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
