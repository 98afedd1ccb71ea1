// Create, full replace (PUT), JSON-patch and delete against the simulated database (psa-apis.md §2.6,
// §2.7): required fields, references resolved and expanded, unique keys, defaults, `_info`, date-times
// stored in UTC with `Z` whatever offset they came with, and the status codes.

import { utcDatesIn } from '../../common/simulator/utc-dates.ts';
import { forecastTypeAllowed, NESTED_RESOURCES, SIM_RESOURCES, type SimResourceName } from './resources.ts';
import { errorBody, type ErrorItem } from './sim-env.ts';
import type { SimRecord, SimState } from './sim-state.ts';

export type WriteDeps = { state: SimState; now: () => number; apiMember: string };
export type WriteAnswer = { status: 200 | 201 | 204 | 400 | 404; body: unknown };

type Fields = Record<string, unknown>;

/** ConnectWise answers date-times in whole seconds: `2026-12-01T07:00:00Z`. */
const CW_DATES = { milliseconds: 'drop' } as const;

export function applyCreate(deps: WriteDeps, resource: SimResourceName, body: unknown, parentId?: number): WriteAnswer {
	if (!isObject(body)) return invalid(resource, [{ code: 'InvalidObject', message: 'The body must be an object.' }]);
	const { id: _id, _info: _i, ...fields } = utcDatesIn(body, CW_DATES);
	if (resource === 'forecastItems') {
		const given = (fields.opportunity as { id?: unknown } | undefined)?.id;
		if (given !== undefined && given !== parentId) {
			return invalid(resource, [fieldError('opportunity', 'The opportunity does not match the one in the URL.')]);
		}
		fields.opportunity = { id: parentId };
	}
	if (resource === 'purchaseOrderLineItems') fields.purchaseOrderId = parentId;
	if (resource === 'opportunities' && fields.status === undefined) {
		const fallback = deps.state.list('opportunityStatuses').find((s) => s.defaultFlag === true);
		if (fallback) fields.status = { id: fallback.id };
	}
	const checked = check(deps, resource, fields, null);
	if (!checked.ok) return checked.answer;
	const stored = deps.state.insert(resource, { ...checked.record, _info: info(deps) });
	return { status: 201, body: stored };
}

export function applyPatch(
	deps: WriteDeps,
	resource: SimResourceName,
	id: number,
	body: unknown,
	parentId?: number
): WriteAnswer {
	const previous = existing(deps.state, resource, id, parentId);
	if (!previous) return notFound(resource, id);
	if (!Array.isArray(body) || body.length === 0) {
		return invalid(resource, [{ code: 'InvalidObject', message: 'A PATCH body is a JSON array of operations.' }]);
	}
	const next: Fields = { ...previous };
	for (const op of body) {
		if (!isObject(op) || !['add', 'replace', 'remove'].includes(String(op.op)) || typeof op.path !== 'string') {
			return invalid(resource, [{ code: 'InvalidObject', message: 'Each operation needs op and path.' }]);
		}
		const path = op.path.replace(/^\//, '');
		// §2.6 [V]: a nested path such as `company/identifier` answers 200 and changes nothing.
		if (path.includes('/') || path === 'id' || path === '_info') continue;
		next[path] = op.op === 'remove' ? null : utcDatesIn(op.value, CW_DATES);
	}
	const checked = check(deps, resource, next, id);
	if (!checked.ok) return checked.answer;
	const stored: SimRecord = { ...checked.record, id, _info: info(deps) };
	deps.state.put(resource, stored);
	return { status: 200, body: stored };
}

/** §2.6 [V]: PUT replaces the whole record; fields the body leaves out are reset (null here). */
export function applyReplace(
	deps: WriteDeps,
	resource: SimResourceName,
	id: number,
	body: unknown,
	parentId?: number
): WriteAnswer {
	const previous = existing(deps.state, resource, id, parentId);
	if (!previous) return notFound(resource, id);
	if (!isObject(body)) return invalid(resource, [{ code: 'InvalidObject', message: 'The body must be an object.' }]);
	const { id: _id, _info: _i, ...fields } = utcDatesIn(body, CW_DATES);
	const reset: Fields = Object.fromEntries(Object.keys(previous).map((key) => [key, null]));
	const next: Fields = { ...reset, ...fields };
	if (resource === 'forecastItems') next.opportunity = { id: parentId };
	const checked = check(deps, resource, next, id);
	if (!checked.ok) return checked.answer;
	const stored: SimRecord = { ...checked.record, id, _info: info(deps) };
	deps.state.put(resource, stored);
	return { status: 200, body: stored };
}

export function applyDelete(deps: WriteDeps, resource: SimResourceName, id: number, parentId?: number): WriteAnswer {
	if (!existing(deps.state, resource, id, parentId)) return notFound(resource, id);
	deps.state.delete(resource, id);
	return { status: 204, body: null };
}

export function existing(state: SimState, resource: SimResourceName, id: number, parentId?: number) {
	const record = state.get(resource, id);
	if (!record) return undefined;
	const parentOf = NESTED_RESOURCES[resource as keyof typeof NESTED_RESOURCES];
	if (parentId !== undefined && parentOf?.(record) !== parentId) return undefined;
	return record;
}

export function notFound(resource: SimResourceName, id: number): WriteAnswer {
	const word = SIM_RESOURCES[resource].word;
	return { status: 404, body: errorBody('NotFound', `${capital(word)} with id ${id} was not found.`) };
}

type Checked = { ok: true; record: Fields } | { ok: false; answer: WriteAnswer };

function check(deps: WriteDeps, resource: SimResourceName, fields: Fields, selfId: number | null): Checked {
	const def = SIM_RESOURCES[resource];
	const errors: ErrorItem[] = [];
	for (const field of def.required) {
		const value = fields[field];
		if (value === undefined || value === null || value === '') {
			errors.push({ code: 'MissingRequiredField', message: `${field} is required.`, resource: def.word, field });
		}
	}
	const record: Fields = { ...fields };
	for (const [field, target] of Object.entries(def.references)) {
		const value = fields[field];
		if (value === undefined || value === null) continue;
		const found = resolve(deps.state, target, value);
		if (found) record[field] = expand(target, found);
		else errors.push(fieldError(field, `${capital(field)} was not found.`, def.word));
	}
	if (resource === 'forecastItems' && fields.forecastType !== undefined && !forecastTypeAllowed(fields.forecastType)) {
		errors.push(fieldError('forecastType', 'forecastType must be Other1, Other2, Agreement, Product or Service.'));
	}
	if (def.unique && typeof fields[def.unique.field] === 'string') {
		const wanted = (fields[def.unique.field] as string).toLowerCase();
		const clash = deps.state
			.list(resource)
			.some((r) => r.id !== selfId && String(r[def.unique!.field]).toLowerCase() === wanted);
		if (clash) errors.push({ code: 'ObjectExists', message: def.unique.message, field: def.unique.field });
	}
	if (errors.length) return { ok: false, answer: invalid(resource, errors) };
	return { ok: true, record };
}

/** `{ id }`, or `{ identifier }` on resources that have one (§2.6: `"primarySalesRep": { "identifier": "jsmith" }`). */
function resolve(state: SimState, target: SimResourceName, value: unknown): SimRecord | undefined {
	if (!isObject(value)) return undefined;
	if (typeof value.id === 'number') return state.get(target, value.id);
	if (typeof value.identifier === 'string') {
		const wanted = value.identifier.toLowerCase();
		return state.list(target).find((r) => String(r.identifier).toLowerCase() === wanted);
	}
	return undefined;
}

/** How ConnectWise writes references back: `{ id, identifier?, name?, _info }` (§2.3). */
function expand(target: SimResourceName, record: SimRecord): Fields {
	const ref: Fields = { id: record.id };
	if (typeof record.identifier === 'string') ref.identifier = record.identifier;
	const name =
		typeof record.name === 'string'
			? record.name
			: [record.firstName, record.lastName].filter((p) => typeof p === 'string' && p).join(' ');
	if (name) ref.name = name;
	ref._info = { [`${SIM_RESOURCES[target].word}_href`]: `/${SIM_RESOURCES[target].path}/${record.id}` };
	return ref;
}

function info(deps: WriteDeps) {
	return { lastUpdated: new Date(deps.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'), updatedBy: deps.apiMember };
}

function invalid(resource: SimResourceName, errors: ErrorItem[]): WriteAnswer {
	return { status: 400, body: errorBody('InvalidObject', `${SIM_RESOURCES[resource].word} object is invalid`, errors) };
}

const fieldError = (field: string, message: string, resource?: string): ErrorItem => ({
	code: 'InvalidField',
	message,
	field,
	...(resource ? { resource } : {})
});

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const isObject = (value: unknown): value is Fields =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
