// Push (DESIGN section 3): mutations are processed in order, each in its own transaction that also
// advances the client's lastMutationID. A permanent failure (a business rule, bad arguments, a bug in
// the mutation) is recorded as a rejection and still advances it; a temporary one (the store is
// unreachable or busy) stops the push without advancing, so the client retries. A duplicate changes
// nothing; a gap stops the push so the client resends.

import type { Transaction } from 'kysely';
import { can, type Principal } from '../../shared/auth/permissions.ts';
import { DomainError } from '../../shared/errors.ts';
import { findMutation } from '../../shared/mutations/registry.ts';
import type { MutationResult, PushRequest, WireMutation } from '../../shared/sync/protocol.ts';
import type { Store } from '../store/store.ts';
import type { Database } from '../store/schema.ts';
import { claimClient } from './client-ownership.ts';
import type { EffectServices } from './effects/effect-context.ts';
import { SERVER_EFFECTS } from './effects/server-effects.ts';
import { nextSpaceVersion } from './space-version.ts';
import { createSqlTx } from './sql-tx.ts';
import { describeZodError } from '../http/describe-zod-error.ts';

export type PushOutcome =
	| { ok: true; results: MutationResult[]; changed: boolean }
	| { ok: false; results: MutationResult[]; changed: boolean; error: DomainError };

type Step = { kind: 'applied' } | { kind: 'duplicate' } | { kind: 'gap'; expected: number } | { kind: 'failed'; error: DomainError };

/** Thrown inside a transaction to roll it back without it being an error. */
class Rollback {
	constructor(readonly step: Step) {}
}

/** The store could not be used; nothing of this mutation was kept and its id was not consumed. */
export class TemporaryPushFailure extends Error {
	constructor(readonly cause: unknown) {
		super('The store is temporarily unavailable.');
	}
}

const CRASH_MESSAGE = 'The server could not apply this change. The problem has been logged.';

/** Driver and system errors carry a string code (SQLITE_BUSY, ECONNRESET, a SQLSTATE); a bug does not. */
function isStoreFailure(error: unknown): boolean {
	return typeof (error as { code?: unknown })?.code === 'string';
}

export type PushOptions = {
	now: () => number;
	log: (message: string, detail?: unknown) => void;
	services: EffectServices;
};

export async function processPush(
	store: Store,
	principal: Principal,
	request: PushRequest,
	{ now, log, services }: PushOptions
): Promise<PushOutcome> {
	await storeCall(() => store.write((trx) => claimClient(trx, principal, request.clientGroupID, request.clientID, now())));
	const results: MutationResult[] = [];
	let changed = false;
	for (const mutation of request.mutations) {
		const step = await storeCall(() => applyOne(store, principal, request.clientID, mutation, now(), log, services));
		if (step.kind === 'gap') {
			const error = DomainError.of(
				'outOfOrder',
				`Mutation ${mutation.id} arrived but ${step.expected} was expected next; resend from ${step.expected}.`
			);
			return { ok: false, results, changed, error };
		}
		if (step.kind === 'duplicate') {
			results.push({ id: mutation.id, status: 'duplicate' });
			continue;
		}
		changed = true;
		if (step.kind === 'applied') {
			results.push({ id: mutation.id, status: 'applied' });
			continue;
		}
		await storeCall(() => recordRejection(store, principal, request, mutation, step.error));
		results.push({ id: mutation.id, status: 'rejected', code: step.error.code, message: step.error.message });
	}
	return { ok: true, results, changed };
}

async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (error) {
		if (error instanceof DomainError) throw error;
		throw new TemporaryPushFailure(error);
	}
}

async function applyOne(
	store: Store,
	principal: Principal,
	clientID: string,
	mutation: WireMutation,
	now: number,
	log: (message: string, detail?: unknown) => void,
	services: EffectServices
): Promise<Step> {
	try {
		return await store.write(async (trx) => {
			const version = await nextSpaceVersion(trx, principal.orgId);
			const lastMutationID = await readLastMutationID(trx, clientID);
			if (mutation.id <= lastMutationID) throw new Rollback({ kind: 'duplicate' });
			if (mutation.id > lastMutationID + 1) throw new Rollback({ kind: 'gap', expected: lastMutationID + 1 });
			const failure = await runMutation(trx, principal, mutation, version, now, log, services);
			if (failure) throw new Rollback({ kind: 'failed', error: failure });
			await setLastMutationID(trx, clientID, mutation.id, version);
			return { kind: 'applied' } as const;
		});
	} catch (thrown) {
		if (thrown instanceof Rollback) return thrown.step;
		throw thrown;
	}
}

async function runMutation(
	trx: Transaction<Database>,
	principal: Principal,
	mutation: WireMutation,
	version: number,
	now: number,
	log: (message: string, detail?: unknown) => void,
	services: EffectServices
): Promise<DomainError | null> {
	const def = findMutation(mutation.name);
	if (!def) return DomainError.of('unknownMutation', `The change "${mutation.name}" is not known to the server.`);
	const args = def.args.safeParse(mutation.args);
	if (!args.success) {
		return DomainError.of('invalidInput', `${mutation.name}: ${describeZodError(args.error)}`);
	}
	if (!can(principal, def.permission)) return DomainError.of('forbidden');
	const tx = createSqlTx(trx, principal.orgId, version);
	try {
		await def.apply(tx, args.data, { userId: principal.userId, actor: principal, now });
		const effect = SERVER_EFFECTS[def.name as keyof typeof SERVER_EFFECTS];
		await effect?.({ ...services, trx, tx, orgId: principal.orgId, now }, args.data as Record<string, unknown>);
		return null;
	} catch (error) {
		if (error instanceof DomainError) return error;
		if (isStoreFailure(error)) throw error;
		log(`Mutation ${mutation.name} (${mutation.id}) crashed; rejecting it`, error);
		return new DomainError('internal', CRASH_MESSAGE);
	}
}

/** Error mode: the mutation's writes were rolled back; only the rejection and the LMID advance. */
async function recordRejection(
	store: Store,
	principal: Principal,
	request: PushRequest,
	mutation: WireMutation,
	error: DomainError
): Promise<void> {
	await store.write(async (trx) => {
		const version = await nextSpaceVersion(trx, principal.orgId);
		// A concurrent push of the same batch may have settled this mutation in between.
		if ((await readLastMutationID(trx, request.clientID)) !== mutation.id - 1) return;
		await setLastMutationID(trx, request.clientID, mutation.id, version);
		await trx
			.insertInto('rejections')
			.values({
				client_group_id: request.clientGroupID,
				client_id: request.clientID,
				mutation_id: mutation.id,
				name: mutation.name,
				code: error.code,
				message: error.message,
				version
			})
			.execute();
	});
}

async function readLastMutationID(trx: Transaction<Database>, clientID: string): Promise<number> {
	const row = await trx
		.selectFrom('clients')
		.select('last_mutation_id')
		.where('id', '=', clientID)
		.executeTakeFirstOrThrow();
	return row.last_mutation_id;
}

async function setLastMutationID(
	trx: Transaction<Database>,
	clientID: string,
	mutationID: number,
	version: number
): Promise<void> {
	await trx
		.updateTable('clients')
		.set({ last_mutation_id: mutationID, version })
		.where('id', '=', clientID)
		.execute();
}
