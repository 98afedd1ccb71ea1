// Push (DESIGN section 3): mutations are processed in order, each as if in a transaction of its own,
// within a few push transactions that also advance the client's lastMutationID. A permanent failure
// (a business rule, bad arguments, a constraint violation, a bug in the mutation) is recorded as a
// rejection and still advances it; a transient one (gateway/store/store-errors.ts: the store is
// unreachable or busy) stops the push without advancing past what already committed, so the client
// retries. A duplicate changes nothing; a gap, or a push past PUSH_LIMITS.workBytes, stops it
// (out_of_order) so the client resends from the next id.

import { forbiddenMessage } from '../../shared/auth/permission-refusal.ts';
import { sql, type Transaction } from 'kysely';
import type { TableName } from '../../shared/schema/tables.ts';
import { can, type Principal } from '../../shared/auth/permissions.ts';
import { DomainError } from '../../shared/errors.ts';
import { findMutation, type MutationName } from '../../shared/mutations/registry.ts';
import { id as idSchema } from '../../shared/schema/entities.ts';
import { PUSH_LIMITS, type MutationResult, type PushRequest, type WireMutation } from '../../shared/sync/protocol.ts';
import { storableText } from '../../shared/schema/storable-text.ts';
import { isTransientStoreError } from '../store/store-errors.ts';
import type { Store } from '../store/store.ts';
import type { Database } from '../store/schema.ts';
import { claimClient } from './client-ownership.ts';
import type { EffectServices } from './effects/effect-context.ts';
import { serverEffect } from './effects/server-effects.ts';
import { nextSpaceVersion } from './space-version.ts';
import { nestsDeeperThan } from './json-depth.ts';
import { openPushRows, type PushRows } from './sql-tx.ts';
import { describeZodError } from '../http/describe-zod-error.ts';
import { activitySubject } from '../activity/activity-subjects.ts';

export type PushOutcome = {
	results: MutationResult[];
	/** Whether anything was applied or rejected (not only duplicates). */
	changed: boolean;
	/** The replicated tables the push wrote, for the pokes. */
	tables: TableName[];
} & ({ ok: true } | { ok: false; error: DomainError });

/**
 * The store could not be used: the transaction in progress was not kept and consumed no mutation id
 * (a large push keeps the transactions it had already committed; resent, they are duplicates).
 */
export class TemporaryPushFailure extends Error {
	constructor(readonly cause: unknown) {
		super('The store is temporarily unavailable.');
	}
}

const CRASH_MESSAGE = 'The server could not apply this change. The problem has been logged.';

/**
 * Arguments one transaction of a push applies before it commits and lets others have the store and
 * the event loop (the push then goes on in a new transaction): a device importing a catalog must not
 * keep a health probe or another user's push waiting for seconds. Counted in bytes, not time, so
 * where a push is cut does not depend on the machine's load.
 */
export const TRANSACTION_WORK_BYTES = 128 * 1024;

/**
 * Mutations whose named ids are read ahead together when a transaction starts, on Postgres, where
 * that saves a round trip per mutation; on SQLite a lookup costs no round trip and reading ahead
 * costs more than it saves.
 */
const READ_AHEAD = 128;

export type PushOptions = {
	now: () => number;
	log: (message: string, detail?: unknown) => void;
	services: EffectServices;
};

type Step = {
	results: MutationResult[];
	/** The index of the first mutation not handled yet. */
	next: number;
	work: number;
	tables: ReadonlySet<TableName>;
	/** Set when the push ends here: out_of_order, or every mutation handled. */
	end: { error: DomainError | null } | null;
};

/**
 * A push runs in one transaction, or several when it is large (TRANSACTION_WORK_BYTES). Inside one, the
 * mutations' writes are kept in memory per mutation (sql-tx.ts): a refused mutation's writes are
 * dropped exactly as if it had had a transaction of its own, and the accepted ones reach the
 * database together, paying for one commit and one lock on the space version. Should a statement
 * fail in there, the transaction is replayed with a savepoint and a flush per mutation, which pins
 * the failure on its mutation.
 */
export async function processPush(
	store: Store,
	principal: Principal,
	request: PushRequest,
	options: PushOptions
): Promise<PushOutcome> {
	const results: MutationResult[] = [];
	const tables = new Set<TableName>();
	let next = 0;
	let work = 0;
	try {
		for (let first = true; ; first = false) {
			const from = { next, work, claim: first };
			let step: Step;
			try {
				step = await runStep(store, principal, request, options, from, false);
			} catch (error) {
				if (!(error instanceof ReplayCarefully)) throw error;
				step = await runStep(store, principal, request, options, from, true);
			}
			results.push(...step.results);
			for (const table of step.tables) tables.add(table);
			({ next, work } = step);
			if (step.end) {
				const changed = results.some((r) => r.status !== 'duplicate');
				const outcome = { results, changed, tables: [...tables] };
				return step.end.error ? { ...outcome, ok: false, error: step.end.error } : { ...outcome, ok: true };
			}
			await new Promise<void>((resolve) => setImmediate(resolve));
		}
	} catch (error) {
		if (error instanceof DomainError || !isTransientStoreError(error)) throw error;
		throw new TemporaryPushFailure(error);
	}
}

async function runStep(
	store: Store,
	principal: Principal,
	request: PushRequest,
	options: PushOptions,
	from: { next: number; work: number; claim: boolean },
	careful: boolean
): Promise<Step> {
	try {
		const readAhead = !careful && store.kind === 'postgres';
		return await store.write((trx) =>
			runTransaction(trx, store.sqlite, principal, request, options, from, careful, readAhead)
		);
	} catch (error) {
		if (error instanceof NothingChanged) return error.step;
		throw error;
	}
}

async function runTransaction(
	trx: Transaction<Database>,
	sqlite: Store['sqlite'],
	principal: Principal,
	request: PushRequest,
	{ now, log, services }: PushOptions,
	from: { next: number; work: number; claim: boolean },
	careful: boolean,
	readAhead: boolean
): Promise<Step> {
	const { clientID, mutations } = request;
	const results: MutationResult[] = [];
	// With mutations left to handle, the lock on the space version comes first, so the client's
	// lastMutationID read under it is current: a concurrent push of the same batch is either done or
	// waits. Should they all turn out to be duplicates, finish() undoes the bump.
	const version = from.next < mutations.length ? await nextSpaceVersion(trx, principal.orgId) : null;
	let lastMutationID = from.claim
		? await claimClient(trx, principal, request.clientGroupID, clientID, now())
		: await readLastMutationID(trx, clientID);
	const rows: PushRows | null = version === null ? null : openPushRows(trx, principal.orgId, version, sqlite);
	let readAheadDone = !readAhead;
	let { work } = from;
	let transactionWork = 0;
	let index = from.next;

	const finish = async (end: Step['end']): Promise<Step> => {
		const step: Step = { results, next: index, work, tables: rows?.changedTables ?? new Set(), end };
		if (version === null) return step;
		// A transaction that turned out to hold only duplicates must not move the version: undo the lock's bump.
		if (!results.some((r) => r.status !== 'duplicate')) throw new NothingChanged(step);
		const advance = lastMutationIDUpdate(clientID, lastMutationID, version);
		let advanced: boolean;
		try {
			advanced = await rows!.flush(advance);
		} catch (error) {
			if (!careful && !isTransientStoreError(error)) throw new ReplayCarefully();
			throw error;
		}
		if (!advanced) await advance.execute(trx);
		return step;
	};

	for (; index < mutations.length; index++) {
		const mutation = mutations[index]!;
		if (mutation.id <= lastMutationID) {
			results.push({ id: mutation.id, status: 'duplicate' });
			continue;
		}
		if (work >= PUSH_LIMITS.workBytes) {
			// Enough for one push. What is done commits; the client resends the rest at once, as after
			// a gap (a client that had sent these never waits for a poke).
			const error = DomainError.of(
				'outOfOrder',
				`This push did as much work as one push may; mutations up to ${lastMutationID} are done, resend from ${lastMutationID + 1}.`
			);
			return finish({ error });
		}
		if (transactionWork >= TRANSACTION_WORK_BYTES) return finish(null);
		if (!readAheadDone && mutation.id === lastMutationID + 1) {
			readAheadDone = true;
			await rows!.readAhead(idsNamedBy(mutations.slice(index, index + READ_AHEAD))).catch((error: unknown) => {
				throw isTransientStoreError(error) ? error : new ReplayCarefully();
			});
		}
		if (mutation.id > lastMutationID + 1) {
			const expected = lastMutationID + 1;
			const error = DomainError.of(
				'outOfOrder',
				`Mutation ${mutation.id} arrived but ${expected} was expected next; resend from ${expected}.`
			);
			return finish({ error });
		}
		const tooDeep = nestsDeeperThan(mutation.args, PUSH_LIMITS.maxArgsDepth);
		const bytes = tooDeep ? Number.POSITIVE_INFINITY : jsonBytes(mutation.args);
		const refusal = tooDeep
			? nestedTooDeep(mutation.name)
			: bytes > PUSH_LIMITS.maxArgsBytes
				? tooLarge(mutation.name, bytes)
				: null;
		const failure =
			refusal ?? (await runMutation(trx, rows!, principal, mutation, careful, { now: now(), log, services, clientID }));
		if (failure) {
			// The message may quote the request (an unknown key): keep it storable, or the whole push fails.
			const message = storableText(failure.message);
			await recordRejection(trx, request, mutation, failure.code, message, version!);
			results.push({ id: mutation.id, status: 'rejected', code: failure.code, message });
		} else {
			results.push({ id: mutation.id, status: 'applied' });
		}
		lastMutationID = mutation.id;
		if (bytes <= PUSH_LIMITS.maxArgsBytes) {
			work += bytes;
			transactionWork += bytes;
		}
	}
	return finish({ error: null });
}

/**
 * The ids a mutation's arguments name (`id`, `quoteId`, `companyIds`, ...): mutations read those
 * rows first, so reading them all in one statement saves a round trip per mutation. Only a guess:
 * a row not read here is read when asked for.
 */
function idsNamedBy(mutations: readonly WireMutation[]): string[] {
	const ids: string[] = [];
	const add = (value: unknown) => {
		if (typeof value === 'string' && idSchema.safeParse(value).success) ids.push(value);
	};
	for (const { args } of mutations) {
		if (args === null || typeof args !== 'object' || Array.isArray(args)) continue;
		for (const [key, value] of Object.entries(args)) {
			if (key === 'id' || key.endsWith('Id')) add(value);
			else if (key.endsWith('Ids') && Array.isArray(value)) value.slice(0, 100).forEach(add);
		}
	}
	return ids;
}

function jsonBytes(value: unknown): number {
	return Buffer.byteLength(JSON.stringify(value) ?? '');
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

/** Thrown to roll a transaction back that changed nothing after all. */
class NothingChanged {
	constructor(readonly step: Step) {}
}

/** Thrown to roll a transaction back whose statement failed outside a savepoint, to replay it carefully. */
class ReplayCarefully {}

/**
 * Applies one mutation through the push's rows: its writes are kept only if it succeeds. One with a
 * server effect (which may write tables of its own through `trx`), or any when replaying carefully,
 * also runs in a savepoint; carefully, its writes are flushed inside it too.
 */
async function runMutation(
	trx: Transaction<Database>,
	rows: PushRows,
	principal: Principal,
	mutation: WireMutation,
	careful: boolean,
	{ now, log, services, clientID }: { now: number; log: PushOptions['log']; services: EffectServices; clientID: string }
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
	if (!can(principal, def.permission)) return DomainError.of('forbidden', forbiddenMessage(def.permission));
	const effect = serverEffect(def.name as MutationName);
	const guarded = careful || effect !== null;
	rows.begin({
		actor: { kind: 'person', userId: principal.userId, clientId: clientID },
		action: def.name,
		subject: activitySubject(def.name as MutationName, args.data),
		at: now
	});
	if (guarded) await sql`SAVEPOINT mutation`.execute(trx);
	try {
		await def.apply(rows.tx, args.data, { userId: principal.userId, actor: principal, now });
		await effect?.({ ...services, trx, tx: rows.tx, orgId: principal.orgId, now }, args.data);
		rows.commit();
		if (careful) await rows.flush();
		if (guarded) await sql`RELEASE SAVEPOINT mutation`.execute(trx);
		return null;
	} catch (error) {
		rows.discard();
		if (guarded) {
			await sql`ROLLBACK TO SAVEPOINT mutation`.execute(trx).catch(() => {});
			await sql`RELEASE SAVEPOINT mutation`.execute(trx).catch(() => {});
			rows.reset();
		} else if (rows.queryFailed && !isTransientStoreError(error)) {
			// On Postgres a failed statement leaves the transaction unusable: replay it carefully.
			throw new ReplayCarefully();
		}
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
	const { rows } = await sql<{ n: number }>`SELECT last_mutation_id AS n FROM clients WHERE id = ${clientID}`.execute(
		trx
	);
	return Number(rows[0]!.n);
}

/** Advances the client's lastMutationID; on Postgres it rides with the push's last row write. */
function lastMutationIDUpdate(clientID: string, mutationID: number, version: number) {
	return sql`UPDATE clients SET last_mutation_id = ${mutationID}, version = ${version} WHERE id = ${clientID}`;
}
