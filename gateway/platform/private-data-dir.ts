// The data directory holds the SQLite store and the key that seals credentials and mail, so only the
// gateway's own user may enter it or read them. New files get that from the process umask (set by
// the Node entry); this tightens what an earlier version left readable.

import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Everything the gateway keeps in the data directory. */
export const PRIVATE_FILES = [
	'outpost.sqlite',
	'outpost.sqlite-wal',
	'outpost.sqlite-shm',
	'outpost.sqlite-journal',
	'credentials.key'
];

export function preparePrivateDataDir(dir: string): void {
	// A directory that already existed keeps its mode (DATA_DIR may be a shared folder); the files are 0600.
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	for (const name of PRIVATE_FILES) {
		const file = join(dir, name);
		if (existsSync(file)) chmodSync(file, 0o600);
	}
}
