// Push (DESIGN section 3): mutations are processed in order, each in its own savepoint of one push
// transaction that also advances the client's lastMutationID. A permanent failure (a business rule,
// bad arguments, a constraint violation, a bug in the mutation) is recorded as a rejection and still
// advances it; a transient one (gateway/store/store-errors.ts: the store is unreachable or busy)
// stops the push without advancing, so the client retries. A duplicate changes nothing; a gap, or
// a push past PUSH_LIMITS.workBytes, stops it (out_of_order) so the client resends from the next id.

import { sql, type Transaction } from 'kysely';
import { can, type Principal } from '../../shared/auth/permissions.ts';
import { DomainError } from '../../shared/errors.ts';
import { findMutation, type MutationName } from '../../shared/mutations/registry.ts';
import { PUSH_LIMITS, type MutationResult, type PushRequest, type WireMutation } from '../../shared/sync/protocol.ts';
import { storableText } from '../store/storable-text.ts';
import { isTransientStoreError } from '../store/store-errors.ts';
import type { Store } from '../store/store.ts';
import type { Database } from '../store/schema.ts';
import { claimClient } from './client-ownership.ts';
import type { EffectServices } from './effects/effect-context.ts';
import { serverEffect } from './effects/server-effects.ts';
import { nextSpaceVersion } from './space-version.ts';
import { nestsDeeperThan } from './json-depth.ts';
import { createSqlTx } from './sql-tx.ts';
import { describeZodError } from '../http/describe-zod-error.ts';

export type PushOutcome =
	| { ok: true; results: MutationResult[]; changed: boolean }
	| { ok: false; results: MutationResult[]; changed: boolean; error: DomainError };

/** The store could not be used; nothing of this push was kept and no mutation id was consumed. */
export class TemporaryPushFailure extends Error {
	constructor(readonly cause: unknown) {
		super('The store is temporarily unavailable.');
	}
}

const CRASH_MESSAGE = 'The server could not apply this change. The problem has been logged.';

export type PushOptions = {
	now: () => number;
	log: (message: string, detail?: unknown) => void;
	services: EffectServices;
};

/**
 * The whole push is one transaction and each mutation runs inside a savepoint of it: a refused
 * mutation rolls back alone, exactly as if it had had a transaction of its own, while the batch
 * pays for one commit and one lock on the space version instead of one per mutation.
 */
export async function processPush(
	store: Store,
	principal: Principal,
	request: PushRequest,
	{ now, log, services }: PushOptions
): Promise<PushOutcome> {
	try {
		return await store.write(async (trx) => {
			await claimClient(trx, principal, request.clientGroupID, request.clientID, now());
			const results: MutationResult[] = [];
			let lastMutationID = await readLastMutationID(trx, request.clientID);
			let version: number | null = null;
			let work = 0;
			for (const mutation of request.mutations) {
				if (mutation.id <= lastMutationID) {
					results.push({ id: mutation.id, status: 'duplicate' });
					continue;
				}
				if (work >= PUSH_LIMITS.workBytes) {
					// Enough for one transaction. What is done commits; the client resends the rest at
					// once, as after a gap (a client that had sent these never waits for a poke).
					await setLastMutationID(trx, request.clientID, lastMutationID, version!);
					const error = DomainError.of(
						'outOfOrder',
						`This push did as much work as one push may; mutations up to ${lastMutationID} are done, resend from ${lastMutationID + 1}.`
					);
					return { ok: false, results, changed: true, error };
				}
				if (version === null && mutation.id === lastMutationID + 1) {
					// The first change takes the lock on the space version. Under the lock, read again: a
					// concurrent push of the same batch may have got there first.
					version = await nextSpaceVersion(trx, principal.orgId);
					lastMutationID = await readLastMutationID(trx, request.clientID);
					if (mutation.id <= lastMutationID) {
						results.push({ id: mutation.id, status: 'duplicate' });
						continue;
					}
				}
				if (mutation.id > lastMutationID + 1) {
					if (version !== null) await setLastMutationID(trx, request.clientID, lastMutationID, version);
					const expected = lastMutationID + 1;
					const error = DomainError.of(
						'outOfOrder',
						`Mutation ${mutation.id} arrived but ${expected} was expected next; resend from ${expected}.`
					);
					return { ok: false, results, changed: results.some((r) => r.status !== 'duplicate'), error };
				}
				const tooDeep = nestsDeeperThan(mutation.args, PUSH_LIMITS.maxArgsDepth);
				const bytes = tooDeep ? Number.POSITIVE_INFINITY : jsonBytes(mutation.args);
				const refusal = tooDeep
					? nestedTooDeep(mutation.name)
					: bytes > PUSH_LIMITS.maxArgsBytes
						? tooLarge(mutation.name, bytes)
						: null;
				const failure = await inSavepoint(trx, () =>
					refusal ? Promise.resolve(refusal) : runMutation(trx, principal, mutation, version!, now(), log, services)
				);
				if (failure) {
					// The message may quote the request (an unknown key): keep it storable, or the whole push fails.
					const message = storableText(failure.message);
					await recordRejection(trx, request, mutation, failure.code, message, version!);
					results.push({ id: mutation.id, status: 'rejected', code: failure.code, message });
				} else {
					results.push({ id: mutation.id, status: 'applied' });
				}
				lastMutationID = mutation.id;
				if (bytes <= PUSH_LIMITS.maxArgsBytes) work += bytes;
			}
			const changed = results.some((r) => r.status !== 'duplicate');
			// A push that turned out to hold only duplicates must not move the version: undo the lock's bump.
			if (version !== null && !changed) throw new NothingChanged(results);
			if (version !== null) await setLastMutationID(trx, request.clientID, lastMutationID, version);
			return { ok: true, results, changed };
		});
	} catch (error) {
		if (error instanceof NothingChanged) return { ok: true, results: error.results, changed: false };
		if (error instanceof DomainError || !isTransientStoreError(error)) throw error;
		throw new TemporaryPushFailure(error);
	}
}

const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
	return encoder.encode(JSON.stringify(value) ?? '').length;
}

function kilobytes(bytes: number): string {
	return `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
}

function nestedTooDeep(name: string): DomainError {
	return DomainError.of('invalidInput', `${name}: args nest more than ${PUSH_LIMITS.maxArgsDepth} levels deep.`);
}

function tooLarge(name: string, bytes: number): DomainError {
	return DomainError.of(
		'tooLarge',
		`${name}: its arguments are ${kilobytes(bytes)}; one change may carry at most ${kilobytes(PUSH_LIMITS.maxArgsBytes)}. Split it into smaller changes.`
	);
}

/** Thrown to roll a push back that changed nothing after all. */
class NothingChanged {
	constructor(readonly results: MutationResult[]) {}
}

/** Runs `fn` inside a savepoint, rolled back when it reports a failure (or throws). */
async function inSavepoint(
	trx: Transaction<Database>,
	fn: () => Promise<DomainError | null>
): Promise<DomainError | null> {
	await sql`SAVEPOINT mutation`.execute(trx);
	let failure: DomainError | null;
	try {
		failure = await fn();
	} catch (error) {
		await sql`ROLLBACK TO SAVEPOINT mutation`.execute(trx).catch(() => {});
		throw error;
	}
	if (failure) await sql`ROLLBACK TO SAVEPOINT mutation`.execute(trx);
	await sql`RELEASE SAVEPOINT mutation`.execute(trx);
	return failure;
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
	if (!def) {
		const name = mutation.name.length > 100 ? `${mutation.name.slice(0, 100)}…` : mutation.name;
		return DomainError.of('unknownMutation', `The change "${name}" is not known to the server.`);
	}
	const args = def.args.safeParse(mutation.args);
	if (!args.success) {
		return DomainError.of('invalidInput', `${mutation.name}: ${describeZodError(args.error, 'args')}`);
	}
	if (!can(principal, def.permission)) return DomainError.of('forbidden');
	const tx = createSqlTx(trx, principal.orgId, version);
	try {
		await def.apply(tx, args.data, { userId: principal.userId, actor: principal, now });
		const effect = serverEffect(def.name as MutationName);
		await effect?.({ ...services, trx, tx, orgId: principal.orgId, now }, args.data);
		return null;
	} catch (error) {
		if (error instanceof DomainError) return error;
		if (isTransientStoreError(error)) throw error;
		log(`Mutation ${mutation.name} (${mutation.id}) crashed; rejecting it`, error);
		return new DomainError('internal', CRASH_MESSAGE);
	}
}

/** Error mode: the mutation's writes were rolled back; only the rejection and the LMID advance. */
async function recordRejection(
	trx: Transaction<Database>,
	request: PushRequest,
	mutation: WireMutation,
	code: string,
	message: string,
	version: number
): Promise<void> {
	await trx
		.insertInto('rejections')
		.values({
			client_group_id: request.clientGroupID,
			client_id: request.clientID,
			mutation_id: mutation.id,
			name: storableText(mutation.name.slice(0, 100)),
			code,
			message,
			version
		})
		.execute();
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
	await trx.updateTable('clients').set({ last_mutation_id: mutationID, version }).where('id', '=', clientID).execute();
}
