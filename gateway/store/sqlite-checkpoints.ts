// WAL checkpoints off the request path. SQLite copies its write-ahead log back into the database
// file (and syncs it) inside whichever commit crosses wal_autocheckpoint: a few milliseconds, up to
// tens on a busy disk, that one request in a hundred paid. A worker thread with a connection of its
// own runs passive checkpoints instead, which never wait for or hold up the writer; the store's own
// connection keeps a higher threshold as a backstop, should the worker fall behind or stop.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints: the log holds at most about this long's writes. */
const EVERY_MS = 100;
/** Pages (4 KB) the log may reach before a commit checkpoints by itself (SQLite's default is 1,000). */
export const BACKSTOP_PAGES = 10_000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
const timer = setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch {
		// Busy or locked: the next round, or the store's backstop, checkpoints instead.
	}
}, workerData.everyMs);
parentPort.once('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

export type Checkpoints = { close(): Promise<void> };

/** Starts checkpointing the WAL of the SQLite file at `path` in a worker thread. */
export function startCheckpoints(path: string, everyMs = EVERY_MS): Checkpoints {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, everyMs } });
	// A worker that fails leaves the checkpoints to the store's backstop: nothing to report per request.
	worker.on('error', (error) => console.error('The SQLite checkpoint worker stopped', error));
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	worker.unref();
	return {
		async close() {
			// Held until the worker has closed its connection, or the process could end first.
			worker.ref();
			worker.postMessage('close');
			await exited;
		}
	};
}
