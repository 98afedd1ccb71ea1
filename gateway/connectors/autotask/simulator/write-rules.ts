// The business rules a simulated write must pass, worded the way Autotask words them (psa-apis.md
// §1.3, §1.6): every failure is one of the `errors` strings of a 500 answer. Pure over the state.
//
// Texts: "BillingCode does not exist or is invalid" is the one a quoting vendor quotes ([3P]); the
// simulator uses the same "<Entity> does not exist or is invalid" form for every other reference.
// "companyID is not associated with contactID" is the seeds' text. The rest are the simulator's own
// wording [UNVERIFIED], kept short and specific.

import { entityDef, fieldNamed, type FieldType, type SimEntityName } from './catalog.ts';
import { MATERIAL_COST_CODE } from './default-picklists.ts';
import type { SimRecord, SimState } from './sim-state.ts';
import { toUtc } from '../../common/simulator/utc-dates.ts';
import { hasUdfs, readUdfs, type UdfDefinition } from './user-defined-fields.ts';

export type WriteKind = 'create' | 'update' | 'replace' | 'delete';

export type WriteContext = {
	state: SimState;
	entity: SimEntityName;
	kind: WriteKind;
	/** The fields the request sent (canonical names). */
	body: Record<string, unknown>;
	/** The record as it would be stored after the write. */
	next: SimRecord;
	/** The stored record before the write, for updates and deletes. */
	previous: SimRecord | undefined;
	/** User names of the API users: resources that may not own records (§1.2 [V]). */
	apiUserNames: ReadonlySet<string>;
};

const ITEM_FIELDS = ['productID', 'serviceID', 'serviceBundleID', 'laborID', 'chargeID', 'expenseID', 'shippingID'];
const DISCOUNT_FIELDS = ['unitDiscount', 'percentageDiscount', 'lineDiscount'];
const OWNER_FIELDS = ['ownerResourceID', 'assignedResourceID'];

/**
 * Canonical field names and JSON types checked; an unknown field is an error, not silently dropped.
 * Date-times are stored in UTC with `Z` whatever offset they came with. `userDefinedFields` must name
 * defined UDFs; an empty list is accepted on every entity (records answer one, clients send it back).
 */
export function normalizeBody(
	entity: SimEntityName,
	body: unknown,
	udfs: UdfDefinition[]
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return { ok: false, error: 'The request body must be a JSON object.' };
	}
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(body)) {
		if (key.toLowerCase() === 'userdefinedfields') {
			if (Array.isArray(value) && value.length === 0 && !hasUdfs(entity)) continue;
			const read = readUdfs(entity, value, udfs);
			if (!read.ok) return read;
			out.userDefinedFields = read.value;
			continue;
		}
		const field = fieldNamed(entity, key);
		if (!field) return { ok: false, error: `${key} is not a field of ${entity}.` };
		const type = entityDef(entity).fields[field] as FieldType;
		if (value !== null && !fitsType(value, type)) return { ok: false, error: `${field} must be of type ${type}.` };
		out[field] = type === 'datetime' && typeof value === 'string' ? utcDateTime(value) : value;
	}
	return { ok: true, value: out };
}

/** `2026-12-01T09:00:00+02:00` → `2026-12-01T07:00:00Z`; a bare date is midnight UTC. */
function utcDateTime(value: string): string {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
	return toUtc(value, { milliseconds: 'when-set' }) ?? value;
}

function fitsType(value: unknown, type: FieldType): boolean {
	if (type === 'integer') return Number.isInteger(value);
	if (type === 'double') return typeof value === 'number' && Number.isFinite(value);
	if (type === 'boolean') return typeof value === 'boolean';
	if (type === 'datetime') return typeof value === 'string' && !Number.isNaN(Date.parse(value));
	if (type === 'udfs') return Array.isArray(value);
	return typeof value === 'string';
}

export function checkWrite(ctx: WriteContext): string[] {
	if (ctx.kind === 'delete') return checkBilled(ctx);
	const errors = [
		...checkBilled(ctx),
		...checkRequired(ctx),
		...checkPicklists(ctx),
		...checkReferences(ctx),
		...checkAssociation(ctx),
		...checkQuoteItem(ctx),
		...checkPurchaseOrderItem(ctx)
	];
	return [...new Set(errors)];
}

function checkRequired({ entity, kind, next }: WriteContext): string[] {
	if (kind === 'update') return [];
	return entityDef(entity)
		.required.filter((field) => next[field] === undefined || next[field] === null || next[field] === '')
		.map((field) => `${field} is required.`);
}

function checkPicklists({ state, entity, body }: WriteContext): string[] {
	const errors: string[] = [];
	for (const [field, values] of Object.entries(state.picklists(entity))) {
		const value = body[field];
		if (value === undefined || value === null) continue;
		const known = values.find((v) => v.value === String(value));
		if (!known || !known.isActive) errors.push(`${value} is not an active value of the ${field} picklist.`);
	}
	return errors;
}

function checkReferences({ state, entity, body, apiUserNames }: WriteContext): string[] {
	const errors: string[] = [];
	for (const [field, ref] of Object.entries(entityDef(entity).references)) {
		const id = body[field];
		if (typeof id !== 'number') continue;
		const target = state.get(ref.entity as SimEntityName, id);
		if (!target || target.isActive === false || target.isActive === 0) {
			errors.push(`${ref.word} does not exist or is invalid`);
			continue;
		}
		if (OWNER_FIELDS.includes(field) && apiUserNames.has(String(target.userName ?? '').toLowerCase())) {
			errors.push('An API-only user cannot be the owner or assignee of a record.');
		}
		// §1.3 [V]: a ticket charge's billing code must be a Material Cost Code.
		if (entity === 'TicketCharges' && field === 'billingCodeID' && !isMaterialCode(state, target)) {
			errors.push('BillingCode does not exist or is invalid');
		}
		// A product line carries its product's billing code: a deleted or inactive one fails the line.
		if (entity === 'QuoteItems' && field === 'productID' && !billingCodeUsable(state, target.productBillingCodeID)) {
			errors.push('BillingCode does not exist or is invalid');
		}
	}
	return errors;
}

function isMaterialCode(state: SimState, code: SimRecord): boolean {
	const types = state.picklists('BillingCodes').billingCodeType ?? [];
	return types.find((t) => t.value === String(code.billingCodeType))?.label === MATERIAL_COST_CODE;
}

function billingCodeUsable(state: SimState, id: unknown): boolean {
	if (typeof id !== 'number') return false;
	const code = state.get('BillingCodes', id);
	return code !== undefined && code.isActive !== false;
}

/** The contact named on an opportunity or quote must belong to its company (seeds' text). */
function checkAssociation({ state, entity, body, next }: WriteContext): string[] {
	if (entity !== 'Opportunities' && entity !== 'Quotes') return [];
	if (!('contactID' in body) && !('companyID' in body)) return [];
	if (typeof next.contactID !== 'number') return [];
	const contact = state.get('Contacts', next.contactID);
	let companyID = next.companyID;
	if (typeof companyID !== 'number' && entity === 'Quotes' && typeof next.opportunityID === 'number') {
		companyID = state.get('Opportunities', next.opportunityID)?.companyID;
	}
	if (!contact || typeof companyID !== 'number') return [];
	return contact.companyID === companyID ? [] : ['companyID is not associated with contactID'];
}

/** §1.3 [V]: exactly one item field, and at most one kind of discount. */
function checkQuoteItem({ entity, next }: WriteContext): string[] {
	if (entity !== 'QuoteItems') return [];
	const errors: string[] = [];
	const items = ITEM_FIELDS.filter((f) => typeof next[f] === 'number');
	if (items.length !== 1) errors.push(`A quote item must name exactly one of ${ITEM_FIELDS.join(', ')}.`);
	const discounts = DISCOUNT_FIELDS.filter((f) => typeof next[f] === 'number' && next[f] !== 0);
	if (discounts.length > 1) errors.push('A quote item may use only one kind of discount.');
	return errors;
}

/** [UNVERIFIED] a purchase order item orders a product or fulfils a charge: one of the two. */
function checkPurchaseOrderItem({ entity, next }: WriteContext): string[] {
	if (entity !== 'PurchaseOrderItems') return [];
	const named = ['productID', 'chargeID'].filter((f) => typeof next[f] === 'number');
	return named.length === 1 ? [] : ['A purchase order item must name exactly one of productID, chargeID.'];
}

/** §1.3 [V]: ticket charges can be changed or deleted only while isBilled is false. */
function checkBilled({ entity, kind, previous }: WriteContext): string[] {
	if (entity !== 'TicketCharges' || kind === 'create' || previous?.isBilled !== true) return [];
	return ['A billed ticket charge cannot be changed or deleted.'];
}
