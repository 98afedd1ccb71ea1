// Which store errors are worth retrying. A transient error (the database is busy, restarting or out
// of room, the connection dropped) passes if the same work is tried again later; anything else, a
// constraint violation included, fails the same way every time and must be reported, not retried.
// The lists are explicit: a code nobody put here is permanent, so a new kind of failure can never
// make a client resend a mutation forever.

/** better-sqlite3's primary result codes (an extended code such as SQLITE_BUSY_SNAPSHOT counts as its primary). */
const SQLITE_TRANSIENT: ReadonlySet<string> = new Set([
	'SQLITE_BUSY',
	'SQLITE_LOCKED',
	'SQLITE_IOERR',
	'SQLITE_FULL',
	'SQLITE_CANTOPEN',
	'SQLITE_PROTOCOL'
]);

/** PostgreSQL SQLSTATE classes (first two characters) whose every condition is transient. */
const POSTGRES_TRANSIENT_CLASSES: ReadonlySet<string> = new Set([
	'08', // connection exception
	'53' // insufficient resources: disk full, out of memory, too many connections
]);

/** Single PostgreSQL SQLSTATEs that are transient. */
const POSTGRES_TRANSIENT_CODES: ReadonlySet<string> = new Set([
	'40001', // serialization_failure
	'40P01', // deadlock_detected
	'55P03', // lock_not_available
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now
	'58030' // io_error
]);

/** Node system errors of a socket to the database server. */
const NETWORK_TRANSIENT: ReadonlySet<string> = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN'
]);

/** node-postgres reports a lost or unobtainable connection with these messages and no code. */
const POSTGRES_TRANSIENT_MESSAGES: readonly string[] = [
	'Connection terminated',
	'timeout exceeded when trying to connect',
	'Client has encountered a connection error and is not queryable'
];

export function isTransientStoreError(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') return isTransientCode(code);
	const message = (error as { message?: unknown }).message;
	return typeof message === 'string' && POSTGRES_TRANSIENT_MESSAGES.some((m) => message.startsWith(m));
}

function isTransientCode(code: string): boolean {
	if (code.startsWith('SQLITE_')) return SQLITE_TRANSIENT.has(code.split('_', 2).join('_'));
	if (NETWORK_TRANSIENT.has(code)) return true;
	// A SQLSTATE: five characters, the first two its class.
	if (/^[0-9A-Z]{5}$/.test(code)) {
		return POSTGRES_TRANSIENT_CLASSES.has(code.slice(0, 2)) || POSTGRES_TRANSIENT_CODES.has(code);
	}
	return false;
}
