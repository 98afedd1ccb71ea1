import { describe, expect, it } from 'vitest';
import { isTransientStoreError } from './store-errors.ts';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isTransientStoreError', () => {
	it.each([
		'SQLITE_BUSY',
		'SQLITE_BUSY_SNAPSHOT',
		'SQLITE_LOCKED',
		'SQLITE_LOCKED_SHAREDCACHE',
		'SQLITE_IOERR',
		'SQLITE_IOERR_SHORT_READ',
		'SQLITE_FULL',
		'SQLITE_CANTOPEN',
		'SQLITE_PROTOCOL'
	])('retries SQLite %s', (code) => {
		expect(isTransientStoreError(withCode(code))).toBe(true);
	});

	it.each([
		'SQLITE_CONSTRAINT',
		'SQLITE_CONSTRAINT_UNIQUE',
		'SQLITE_CONSTRAINT_PRIMARYKEY',
		'SQLITE_CONSTRAINT_FOREIGNKEY',
		'SQLITE_CONSTRAINT_TRIGGER',
		'SQLITE_TOOBIG',
		'SQLITE_MISMATCH',
		'SQLITE_ERROR',
		'SQLITE_RANGE',
		'SQLITE_BUSYNESS'
	])('does not retry SQLite %s', (code) => {
		expect(isTransientStoreError(withCode(code))).toBe(false);
	});

	it.each([
		'08000',
		'08003',
		'08006',
		'08P01',
		'40001',
		'40P01',
		'53100',
		'53200',
		'53300',
		'55P03',
		'57P01',
		'57P02',
		'57P03',
		'58030'
	])('retries PostgreSQL %s', (code) => {
		expect(isTransientStoreError(withCode(code))).toBe(true);
	});

	it.each(['23505', '23503', '23502', '23514', '22001', '22P02', '42P01', '42601', '57014', '40002', 'XX000'])(
		'does not retry PostgreSQL %s',
		(code) => {
			expect(isTransientStoreError(withCode(code))).toBe(false);
		}
	);

	it.each([
		'ECONNRESET',
		'ECONNREFUSED',
		'ECONNABORTED',
		'ETIMEDOUT',
		'EPIPE',
		'EHOSTUNREACH',
		'ENETUNREACH',
		'EAI_AGAIN'
	])('retries the network error %s', (code) => {
		expect(isTransientStoreError(withCode(code))).toBe(true);
	});

	it.each(['ENOENT', 'EACCES', 'ERR_INVALID_ARG_TYPE', 'invalid_input', ''])('does not retry the code "%s"', (code) => {
		expect(isTransientStoreError(withCode(code))).toBe(false);
	});

	it('retries node-postgres losing its connection, which carries no code', () => {
		expect(isTransientStoreError(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isTransientStoreError(new Error('timeout exceeded when trying to connect'))).toBe(true);
	});

	it('does not retry a bug or anything that is not an error', () => {
		expect(isTransientStoreError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
		expect(isTransientStoreError(undefined)).toBe(false);
		expect(isTransientStoreError('SQLITE_BUSY')).toBe(false);
		expect(isTransientStoreError({ code: 5 })).toBe(false);
	});
});
