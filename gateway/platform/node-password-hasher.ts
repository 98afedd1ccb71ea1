// scrypt password hashes (N=2^15, r=8, p=1: OWASP's minimum), stored as scrypt$N$r$p$salt$hash.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../auth/password-hasher.ts';

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

export function createScryptHasher(cost = { N: 2 ** 15, r: 8, p: 1 }): PasswordHasher {
	return {
		async hash(password) {
			const salt = randomBytes(16);
			const key = await derive(password, salt, cost);
			return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
		},
		async verify(password, stored) {
			const [scheme, N, r, p, salt, key] = stored.split('$');
			if (scheme !== 'scrypt' || !salt || !key) return false;
			const expected = Buffer.from(key, 'base64');
			const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
			return actual.length === expected.length && timingSafeEqual(actual, expected);
		}
	};
}
