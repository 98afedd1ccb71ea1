// Where each kind of link lives, read and changed: most in external_links; a ticket charge's on its
// row (a charge gone from the PSA leaves the procurement queue); a user's in its externalIds.

import type { Transaction } from 'kysely';
import type { Provider } from '../../../shared/psa/providers.ts';
import type { ReindexEntity } from '../../../shared/psa/reindex.ts';
import type { Tx } from '../../../shared/sync/tx.ts';
import { readEntity } from '../../store/entity-reader.ts';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { linksOn } from '../store-sync-context.ts';
import type { LinkChange } from './decide-link.ts';

export type LinkHolder = {
	read(localId: string): Promise<string | null>;
	/** Inside the transaction that also records the record's result and the checkpoint. */
	apply(tx: Tx, trx: Transaction<Database>, localId: string, change: NonNullable<LinkChange>): Promise<void>;
};

export function linkHolder(store: Store, orgId: string, provider: Provider, entity: ReindexEntity): LinkHolder {
	if (entity === 'ticketCharges') {
		return {
			read: async (id) => (await readEntity(store.db, orgId, 'ticketCharges', id))?.externalId ?? null,
			async apply(tx, _trx, id, change) {
				const charge = await tx.get('ticketCharges', id);
				if (!charge) return;
				if ('clear' in change) await tx.delete('ticketCharges', id);
				else await tx.put('ticketCharges', { ...charge, externalId: change.set });
			}
		};
	}
	if (entity === 'users') {
		return {
			read: async (id) => (await readEntity(store.db, orgId, 'users', id))?.externalIds[provider] ?? null,
			async apply(tx, _trx, id, change) {
				const user = await tx.get('users', id);
				if (!user) return;
				const { [provider]: _old, ...others } = user.externalIds;
				await tx.put('users', {
					...user,
					externalIds: 'clear' in change ? others : { ...others, [provider]: change.set }
				});
			}
		};
	}
	return {
		read: (id) => linksOn(store.db, orgId, provider).get(entity, id),
		async apply(_tx, trx, id, change) {
			const links = linksOn(trx, orgId, provider);
			await ('clear' in change ? links.clear(entity, id) : links.set(entity, id, change.set));
		}
	};
}
