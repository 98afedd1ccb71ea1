// Rebuild this device's local copy of one table (Admin › Tools › Maintenance; the seeds' "clear browser
// cache" step, for one table): its rows are dropped and the next pull brings them all again, while
// pending changes stay in the outbox and are applied again on top.
//
// The cookie is one version per organisation, not per table, so "this table's part" of it is the
// whole position: it is rewound to the start under the same ACL version. The next pull then sends
// every row the user may see (other tables get the values they already hold) without a reset, and
// applyPull replays the outbox over what it brings.

import type { Principal } from '../../../shared/auth/permissions.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import { ENTITY_STORES, entityTable, type LocalDb } from '../platform/local-db.ts';
import { replayPending, restoreConfirmed } from './apply-pull.ts';
import { readMeta, writeMeta } from './local-meta.ts';

export async function rebuildTable(db: LocalDb, table: TableName, actor: Principal): Promise<void> {
	await db.transaction('rw', [...ENTITY_STORES, 'outbox', 'meta'], async () => {
		await restoreConfirmed(db);
		await entityTable(db, table).clear();
		// Pending changes to rows of this table apply again once the pull has brought the rows back.
		await replayPending(db, actor);
		const cookie = await readMeta(db, 'cookie', null);
		if (cookie) await writeMeta(db, 'cookie', { v: 0, acl: cookie.acl });
	});
}
