// What can go wrong talking to the gateway, classified by what the sync loop should do next.

export type SyncFailure =
	| { kind: 'offline' }
	| { kind: 'needs-auth' }
	| { kind: 'blocked'; message: string }
	| { kind: 'out-of-order'; message: string }
	| { kind: 'retry'; message: string }
	| { kind: 'fatal'; message: string; reload?: boolean };

export class SyncError extends Error {
	constructor(readonly failure: SyncFailure) {
		super('message' in failure ? failure.message : failure.kind);
	}
}

/** A gateway answer that was not ok, by its status and (parsed) body. */
export function classifyAnswer(status: number, body: unknown): SyncFailure {
	const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
	const code = error?.code ?? '';
	const message = error?.message ?? `The gateway answered ${status}.`;
	if (status === 401) return { kind: 'needs-auth' };
	if (code === 'company_link_required' || code === 'client_not_owned') return { kind: 'blocked', message };
	if (code === 'out_of_order') return { kind: 'out-of-order', message };
	if (code === 'version_not_supported') return { kind: 'fatal', message, reload: true };
	if (status >= 500 || status === 429) return { kind: 'retry', message };
	return { kind: 'fatal', message };
}
