// For contract tests: a fetch whose `at`-th request (1-based) loses its connection, either before the
// PSA gets it (the simulator resets the socket) or after the PSA acted on it (the answer never arrives).

import type { FetchLike } from '../provider.ts';
import type { SandboxTenant } from './provider-fixture.ts';

export function resetAt(tenant: SandboxTenant, fetch: FetchLike, at: number, when: 'before' | 'after'): FetchLike {
	let sent = 0;
	return async (input, init) => {
		if (++sent !== at) return fetch(input, init);
		if (when === 'before') {
			tenant.failNext('connection_reset');
			return fetch(input, init);
		}
		const answer = await fetch(input, init);
		await answer.body?.cancel();
		// What fetch throws when the socket is reset, as the simulators' own reset does.
		throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
	};
}
