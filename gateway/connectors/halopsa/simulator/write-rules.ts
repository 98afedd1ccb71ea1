// What a POST of an array does to the simulated database (psa-apis.md §3.5): each object with an `id`
// updates that record, each without one creates a record. The batch is checked first and saved whole
// or not at all; a refusal is Halo's 400 model state keyed by property path (`[1].client_id`, §3.7).

import type { SimEntityName } from './catalog.ts';
import type { SimRecord, SimState } from './sim-state.ts';

export type WriteResult = { ok: true; records: SimRecord[] } | { ok: false; errors: Record<string, string> };

type Fields = Record<string, unknown>;
type Check = (state: SimState, record: Fields, existing: SimRecord | undefined) => Record<string, string>;

const exists = (state: SimState, entity: SimEntityName, id: unknown) =>
	typeof id === 'number' && state.get(entity, id) !== undefined;
const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** A reference that must point at an existing record when given (or always, when `required`). */
function reference(field: string, entity: SimEntityName, required = false): Check {
	return (state, record, existing) => {
		const value = record[field] ?? existing?.[field];
		if (value === undefined || value === null) return required ? { [field]: `${field} is required.` } : {};
		return exists(state, entity, value) ? {} : { [field]: `${entity} ${String(value)} does not exist.` };
	};
}

function named(field: string): Check {
	return (_state, record, existing) =>
		blank(record[field] ?? existing?.[field]) ? { [field]: `${field} is required.` } : {};
}

const quotationLines: Check = (state, record, existing) => {
	if (record.lines === undefined) return {};
	if (!Array.isArray(record.lines)) return { lines: 'lines must be an array.' };
	const errors: Record<string, string> = {};
	const own = new Set(((existing?.lines as Fields[] | undefined) ?? []).map((line) => line.id));
	record.lines.forEach((line: Fields, j) => {
		if (line.item_id != null && !exists(state, 'Item', line.item_id)) {
			errors[`lines[${j}].item_id`] = `Item ${String(line.item_id)} does not exist.`;
		}
		if (line.id != null && !own.has(line.id))
			errors[`lines[${j}].id`] = `Line ${String(line.id)} is not on this quote.`;
	});
	return errors;
};

/** [UNVERIFIED] purchase order lines: an item, when named, must exist; each needs a quantity. */
const purchaseOrderLines: Check = (state, record) => {
	if (record.lines === undefined) return {};
	if (!Array.isArray(record.lines)) return { lines: 'lines must be an array.' };
	const errors: Record<string, string> = {};
	record.lines.forEach((line: Fields, j) => {
		if (line.item_id != null && !exists(state, 'Item', line.item_id)) {
			errors[`lines[${j}].item_id`] = `Item ${String(line.item_id)} does not exist.`;
		}
		if (typeof line.quantity !== 'number' || line.quantity <= 0)
			errors[`lines[${j}].quantity`] = 'quantity is required.';
	});
	return errors;
};

const RULES: Partial<Record<SimEntityName, Check[]>> = {
	Client: [named('name')],
	Users: [named('name'), reference('client_id', 'Client', true), reference('site_id', 'Site')],
	Opportunities: [
		named('summary'),
		reference('client_id', 'Client', true),
		reference('user_id', 'Users'),
		reference('agent_id', 'Agent')
	],
	Quotation: [
		reference('client_id', 'Client', true),
		reference('ticket_id', 'Opportunities'),
		reference('user_id', 'Users'),
		reference('agent_id', 'Agent'),
		quotationLines
	],
	Item: [named('name')],
	PurchaseOrder: [reference('supplier_id', 'Supplier', true), reference('client_id', 'Client'), purchaseOrderLines]
};

export function applyWrite(state: SimState, entity: SimEntityName, body: unknown): WriteResult {
	if (!Array.isArray(body) || body.length === 0)
		return { ok: false, errors: { '': 'The body must be an array of records.' } };
	const errors: Record<string, string> = {};
	body.forEach((item, i) => {
		if (typeof item !== 'object' || item === null) return void (errors[`[${i}]`] = 'A record must be an object.');
		const record = prepared(entity, item as Fields);
		const existing = record.id === undefined ? undefined : state.get(entity, record.id as number);
		if (record.id !== undefined && !existing) {
			errors[`[${i}].id`] = `${entity} ${String(record.id)} does not exist.`;
			return;
		}
		for (const check of RULES[entity] ?? []) {
			for (const [path, message] of Object.entries(check(state, record, existing))) errors[`[${i}].${path}`] = message;
		}
	});
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, records: body.map((item) => save(state, entity, prepared(entity, item as Fields))) };
}

/** Halo fills a user's `name` from first name and surname when only those are sent. */
function prepared(entity: SimEntityName, record: Fields): Fields {
	if (entity !== 'Users' || !blank(record.name)) return record;
	const name = [record.firstname, record.surname].filter((part) => !blank(part)).join(' ');
	return name ? { ...record, name } : record;
}

function save(state: SimState, entity: SimEntityName, record: Fields): SimRecord {
	const existing = typeof record.id === 'number' ? state.get(entity, record.id) : undefined;
	const merged: Fields = { ...existing, ...record };
	if (entity === 'Quotation') Object.assign(merged, quotationTotals(state, merged, existing));
	if (entity === 'Users' && merged.site_id == null) {
		merged.site_id = state.get('Client', merged.client_id as number)?.main_site_id ?? null;
	}
	const saved = existing ? (state.put(entity, merged as SimRecord), merged as SimRecord) : state.insert(entity, merged);
	if (entity === 'Quotation') {
		const lines = (saved.lines as Fields[]).map((line) => ({ ...line, qhid: saved.id }));
		state.put('Quotation', { ...saved, lines });
	}
	if (entity === 'PurchaseOrder' && !existing) {
		const lines = ((saved.lines as Fields[] | undefined) ?? []).map((line) => ({ ...line, id: state.nextLineId() }));
		state.put('PurchaseOrder', { ...saved, lines });
	}
	if (entity === 'Client' && !existing) {
		// A new client comes with its main site, as in Halo.
		const site = state.insert('Site', { name: 'Main', client_id: saved.id });
		saved.main_site_id = site.id;
		state.put('Client', saved);
	}
	return state.get(entity, saved.id)!;
}

/**
 * [UNVERIFIED] Lines sent replace the quote's lines: those with an `id` are updated, those without are
 * added, and lines left out are removed. Without `lines` the quote's lines stay as they are.
 */
function quotationTotals(state: SimState, quote: Fields, existing: SimRecord | undefined): Fields {
	const before = new Map(((existing?.lines as Fields[] | undefined) ?? []).map((line) => [line.id, line]));
	const given = (quote.lines as Fields[] | undefined) ?? (existing?.lines as Fields[] | undefined) ?? [];
	const lines = given.map((line) => {
		const merged: Fields = { ...before.get(line.id), ...line };
		merged.id = typeof line.id === 'number' ? line.id : state.nextLineId();
		const net =
			Number(merged.quantity ?? 1) * Number(merged.baseprice ?? 0) * (1 - Number(merged.discount_perc ?? 0) / 100);
		merged.net_total = Math.round(net * 100) / 100;
		return merged;
	});
	const total = lines.filter((line) => line.optional !== true).reduce((sum, line) => sum + Number(line.net_total), 0);
	return { lines, total: Math.round(total * 100) / 100 };
}
