// Create, update, replace and delete against the simulated database (psa-apis.md §1.3, §1.5): the
// parent-URL rules, the business rules, timestamps, and the `{ "itemId": n }` answer.

import { entityDef, type EntityDef, type SimEntityName } from './catalog.ts';
import type { SimRecord, SimState } from './sim-state.ts';
import { mergeUdfs, type UdfValue } from './user-defined-fields.ts';
import { checkWrite, normalizeBody, type WriteKind } from './write-rules.ts';

export type WriteDeps = { state: SimState; now: () => number; apiUserNames: ReadonlySet<string> };
export type WriteRequest = {
	kind: WriteKind;
	entity: SimEntityName;
	body: unknown;
	/** From a parent URL (`/Companies/{parentId}/Contacts`); undefined on the entity's root URL. */
	parentId?: number;
	/** Deletes name the record in the URL. */
	id?: number;
};
export type WriteAnswer = { status: 200 | 404 | 405 | 500; body: { itemId: number } | { errors: string[] } };

const STAMPED_ON_CREATE = ['createDate'];
const STAMPED_ON_WRITE = ['lastActivityDate', 'lastActivity', 'lastModifiedDate'];

export function applyWrite(deps: WriteDeps, request: WriteRequest): WriteAnswer {
	const { state } = deps;
	const { kind, entity } = request;
	const def: EntityDef = entityDef(entity);
	const allowed = kind === 'create' ? def.create : kind === 'delete' ? def.remove : def.update;
	const verb = { create: 'created', update: 'updated', replace: 'updated', delete: 'deleted' }[kind];
	if (!allowed) return fail(405, `${entity} cannot be ${verb} through the API.`);
	if (def.parent && request.parentId === undefined) {
		return fail(405, `${entity} are ${verb} through /${def.parent.entity}/{id}/${def.parent.segment}.`);
	}
	const normalized =
		kind === 'delete' ? { ok: true as const, value: {} } : normalizeBody(entity, request.body, state.udfs(entity));
	if (!normalized.ok) return fail(500, normalized.error);
	const body = normalized.value;
	if (def.parent) {
		const key = def.parent.key;
		if (body[key] === undefined && kind !== 'update') body[key] = request.parentId;
		if (body[key] !== undefined && body[key] !== request.parentId) {
			return fail(500, `${key} does not match the ${def.parent.entity} in the URL.`);
		}
	}

	let previous: SimRecord | undefined;
	if (kind !== 'create') {
		const id = kind === 'delete' ? request.id : body.id;
		if (typeof id !== 'number') return fail(500, 'id is required.');
		previous = state.get(entity, id);
		const underParent = !def.parent || previous?.[def.parent.key] === request.parentId;
		if (!previous || !underParent) return fail(404, `${def.word} does not exist or is invalid`);
	}

	const stamp = new Date(deps.now()).toISOString();
	const next = nextRecord(kind, def, body, previous, stamp);
	if (kind === 'create' && entity === 'Quotes') defaultPrimaryQuote(state, next);
	const errors = checkWrite({ state, entity, kind, body, next, previous, apiUserNames: deps.apiUserNames });
	if (errors.length) return { status: 500, body: { errors } };

	if (kind === 'delete') {
		state.delete(entity, next.id);
		return { status: 200, body: { itemId: next.id } };
	}
	const stored = kind === 'create' ? state.insert(entity, next) : (state.put(entity, next), next);
	return { status: 200, body: { itemId: stored.id } };
}

function nextRecord(
	kind: WriteKind,
	def: EntityDef,
	body: Record<string, unknown>,
	previous: SimRecord | undefined,
	stamp: string
): SimRecord {
	if (kind === 'delete' && previous) return previous;
	const next: SimRecord =
		kind === 'create'
			? ({ ...withoutId(body) } as SimRecord)
			: kind === 'replace'
				? // §1.5: PUT is a full replace; missing fields become null.
					({ ...nulls(def), ...body, id: previous!.id } as SimRecord)
				: ({ ...previous!, ...body, id: previous!.id } as SimRecord);
	if (kind === 'update' && body.userDefinedFields) {
		next.userDefinedFields = mergeUdfs(previous!.userDefinedFields, body.userDefinedFields as UdfValue[]);
	}
	if (kind === 'create') {
		for (const f of STAMPED_ON_CREATE) if (f in def.fields) next[f] = stamp;
		if ('isActive' in def.fields && !def.required.includes('isActive') && next.isActive === undefined)
			next.isActive = def.fields.isActive === 'integer' ? 1 : true;
	}
	for (const f of STAMPED_ON_WRITE) if (f in def.fields) next[f] = stamp;
	// Ticket charges (psa-apis.md): Autotask stamps when their status last changed.
	if ('statusLastModifiedDate' in def.fields && (kind === 'create' || next.status !== previous?.status))
		next.statusLastModifiedDate = stamp;
	return next;
}

/** §1.3 [V]: an opportunity with quotes has exactly one primary; the first one created is it. */
function defaultPrimaryQuote(state: SimState, quote: SimRecord) {
	if (quote.primaryQuote !== undefined) return;
	const siblings = state.list('Quotes').filter((q) => q.opportunityID === quote.opportunityID);
	quote.primaryQuote = !siblings.some((q) => q.primaryQuote === true);
}

function withoutId(body: Record<string, unknown>): Record<string, unknown> {
	const { id: _id, ...rest } = body;
	return rest;
}

function nulls(def: EntityDef): Record<string, null> {
	return Object.fromEntries(Object.keys(def.fields).map((f) => [f, null]));
}

function fail(status: 404 | 405 | 500, message: string): WriteAnswer {
	return { status, body: { errors: [message] } };
}
