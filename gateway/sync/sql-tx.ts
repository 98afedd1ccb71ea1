// Tx over the SQL store: every row written inside one push transaction is stamped with that
// transaction's space version, and deletes leave a versioned tombstone so pulls can send them.

import { sql, type Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.ts';
import { TABLES, type IndexOf, type RowOf, type TableName } from '../../shared/schema/tables.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import type { Database } from '../store/schema.ts';

const CUSTOMER_VISIBLE: ReadonlySet<string> = new Set(['sent', 'accepted', 'declined']);

export function createSqlTx(trx: Transaction<Database>, orgId: string, version: number): Tx {
	async function scopeOf<T extends TableName>(table: T, row: RowOf<T>): Promise<string | null> {
		switch (table) {
			case 'companies':
				return row.id;
			case 'quotes': {
				// A customer sees a quote once it has been sent to them; drafts and retracted ones stay in-house.
				const quote = row as RowOf<'quotes'>;
				return CUSTOMER_VISIBLE.has(quote.status) ? quote.companyId : null;
			}
			case 'users':
				return (row as RowOf<'users'>).companyId;
			case 'contacts':
				return (row as RowOf<'contacts'>).companyId;
			case 'quoteLines': {
				const quote = await trx
					.selectFrom('entities')
					.select('scope')
					.where('org_id', '=', orgId)
					.where('tbl', '=', 'quotes')
					.where('id', '=', (row as RowOf<'quoteLines'>).quoteId)
					.executeTakeFirst();
				return quote?.scope ?? null;
			}
			default:
				return null;
		}
	}

	/**
	 * A quote moving to another company leaves the old company's contacts' view. Their pull filter no
	 * longer matches the row, so no delete would reach them: bumping the ACL version of the people
	 * linked to that company resets them.
	 */
	async function revokeFromPreviousCompany(quoteId: string, scope: string | null): Promise<void> {
		const previous = await trx
			.selectFrom('entities')
			.select('scope')
			.where('org_id', '=', orgId)
			.where('tbl', '=', 'quotes')
			.where('id', '=', quoteId)
			.executeTakeFirst();
		if (!previous?.scope || previous.scope === scope) return;
		await trx
			.updateTable('users')
			.set({ acl_version: sql`acl_version + 1` })
			.where('org_id', '=', orgId)
			.where('id', 'in', (eb) =>
				eb
					.selectFrom('entities')
					.select('id')
					.where('org_id', '=', orgId)
					.where('tbl', '=', 'users')
					.where('scope', '=', previous.scope)
			)
			.execute();
	}

	return {
		async get(table, id) {
			const found = await trx
				.selectFrom('entities')
				.select('value')
				.where('org_id', '=', orgId)
				.where('tbl', '=', table)
				.where('id', '=', id)
				.where('deleted', '=', 0)
				.executeTakeFirst();
			return found ? JSON.parse(found.value) : undefined;
		},

		async put(table, row) {
			const checked = TABLES[table].schema.safeParse(row);
			if (!checked.success) {
				throw new DomainError('invalid_row', `A ${table} row is not valid: ${checked.error.message}`);
			}
			const index = TABLES[table].index;
			const parent = index ? String((row as Record<string, unknown>)[index]) : null;
			const scope = await scopeOf(table, row);
			if (table === 'quotes') await revokeFromPreviousCompany(row.id, scope);
			const value = JSON.stringify(checked.data);
			await trx
				.insertInto('entities')
				.values({ org_id: orgId, tbl: table, id: row.id, version, deleted: 0, scope, parent, value })
				.onConflict((oc) =>
					oc.columns(['org_id', 'tbl', 'id']).doUpdateSet({ version, deleted: 0, scope, parent, value })
				)
				.execute();
			if (table === 'quotes') {
				// A quote that moves to another company takes its lines' visibility with it.
				await trx
					.updateTable('entities')
					.set({ scope, version })
					.where('org_id', '=', orgId)
					.where('tbl', '=', 'quoteLines')
					.where('parent', '=', row.id)
					.where((eb) =>
						scope === null ? eb('scope', 'is not', null) : eb.or([eb('scope', 'is', null), eb('scope', '!=', scope)])
					)
					.execute();
			}
		},

		async delete(table, id) {
			await trx
				.updateTable('entities')
				.set({ deleted: 1, version })
				.where('org_id', '=', orgId)
				.where('tbl', '=', table)
				.where('id', '=', id)
				.where('deleted', '=', 0)
				.execute();
		},

		async byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string) {
			if (TABLES[table].index !== field) throw new Error(`${table} has no index on ${String(field)}`);
			const rows = await trx
				.selectFrom('entities')
				.select('value')
				.where('org_id', '=', orgId)
				.where('tbl', '=', table)
				.where('parent', '=', value)
				.where('deleted', '=', 0)
				.orderBy('id')
				.execute();
			return rows.map((r) => JSON.parse(r.value) as RowOf<T>);
		},

		async all<T extends TableName>(table: T) {
			const rows = await trx
				.selectFrom('entities')
				.select('value')
				.where('org_id', '=', orgId)
				.where('tbl', '=', table)
				.where('deleted', '=', 0)
				.orderBy('id')
				.execute();
			return rows.map((r) => JSON.parse(r.value) as RowOf<T>);
		}
	};
}
