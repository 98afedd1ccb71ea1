// Reads and bends the e2e gateway's own store (SQLite in E2E_DATA_DIR) for what no screen can do:
// which Autotask record Outpost links a quote to, and an Autotask clean-up that leaves the link dangling.

import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { DEMO_ORG } from '../../gateway/demo/demo-data.ts';

function openStore() {
	return new SQLite(join(process.env.E2E_DATA_DIR!, 'outpost.sqlite'));
}

/** The Autotask id Outpost holds for a local record (`quotes`, `opportunities`, …), if any. */
export function autotaskLinkOf(kind: string, localId: string): string | undefined {
	const db = openStore();
	try {
		const row = db
			.prepare('SELECT external_id FROM external_links WHERE org_id = ? AND provider = ? AND kind = ? AND local_id = ?')
			.get(DEMO_ORG.id, 'autotask', kind, localId) as { external_id: string } | undefined;
		return row?.external_id;
	} finally {
		db.close();
	}
}

/** What an Autotask admin's clean-up leaves behind: Outpost's link names a quote Autotask no longer has. */
export function pointQuoteNowhere(quoteId: string): void {
	const db = openStore();
	try {
		db.prepare('UPDATE external_links SET external_id = ? WHERE org_id = ? AND kind = ? AND local_id = ?').run(
			'987654321',
			DEMO_ORG.id,
			'quotes',
			quoteId
		);
		// So the next sync sends the quote again instead of finding nothing to change.
		db.prepare('DELETE FROM external_links WHERE org_id = ? AND kind = ? AND local_id = ?').run(
			DEMO_ORG.id,
			'quoteHashes',
			quoteId
		);
	} finally {
		db.close();
	}
}
