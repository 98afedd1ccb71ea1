// The key that seals PSA credentials: CREDENTIALS_KEY when set (several replicas must share one), or a
// key file made on first start in the data directory, readable by its owner only.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function credentialsKey(dataDir: string, fromEnv: string | undefined): Uint8Array {
	if (fromEnv) return Uint8Array.from(Buffer.from(fromEnv, 'base64'));
	const file = join(dataDir, 'credentials.key');
	if (!existsSync(file))
		writeFileSync(file, Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'), { mode: 0o600 });
	return Uint8Array.from(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
