// The Halo quotation of an Outpost quote (kind 'quotes'), sent whole with its lines in one POST: an
// update when linked (or found by its opportunity on a resumed run), else a create. Lines are matched
// back by `sort_seq` and linked (kind 'quoteLines', keyed by line id). When Halo refuses only lines (its
// 400 model state names `lines[i]` and nothing else), the quotation is sent again without them, once.

import type { HaloCreate } from '../client/entities.ts';
import type { HaloQuotationLine } from '../client/entity-schemas.ts';
import type { HaloFailure } from '../client/failures.ts';
import { psaOk, type PsaResult } from '../../../psa/provider.ts';
import type { HaloRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

export type OutgoingLine = { localId: string; payload: Partial<HaloQuotationLine> & { sort_seq: number } };
/** The quotation's id, and the lines Halo refused (left out of it), each with Halo's words. */
export type QuotationSaved = { id: number; refused: { localId: string; message: string }[] };

/** Halo quotations on an opportunity (a quote's quotation is found by its `ticket_id`). */
export async function quotationsOf(run: HaloRun, ticketId: number) {
	const found = await run.client.list('Quotation', { ticket_id: ticketId, includelines: true });
	if (!found.ok) return toPsaFailure(found);
	return psaOk(found.value.records.filter((quote) => quote.ticket_id === ticketId));
}

export async function ensureQuotation(
	run: HaloRun,
	quoteId: string,
	header: HaloCreate<'Quotation'> & { ticket_id: number },
	lines: readonly OutgoingLine[]
): Promise<PsaResult<QuotationSaved>> {
	const { ctx, client } = run;
	const linked = await ctx.links.get('quotes', quoteId);
	let existing: { id: number; lineIds: Map<number, number> } | null = linked
		? { id: Number(linked), lineIds: new Map() }
		: null;
	if (!existing && ctx.resumed) {
		const found = await quotationsOf(run, header.ticket_id);
		if (!found.ok) return found;
		const mine = found.value[0];
		if (mine) existing = { id: mine.id, lineIds: lineIdsBySeq(mine.lines ?? []) };
	}

	const outgoing: Partial<HaloQuotationLine>[] = [];
	for (const line of lines) {
		const linkedLine = existing ? await ctx.links.get('quoteLines', line.localId) : null;
		const lineId = linkedLine ? Number(linkedLine) : existing?.lineIds.get(line.payload.sort_seq);
		outgoing.push(lineId === undefined ? line.payload : { ...line.payload, id: lineId });
	}
	const save = (sent: Partial<HaloQuotationLine>[]) => {
		const body = { ...header, lines: sent };
		return existing ? client.update('Quotation', { ...body, id: existing.id }) : client.create('Quotation', body);
	};
	let saved = await save(outgoing);
	// Halo refused only some lines (its model state names nothing else): the quote goes without them.
	const refused = saved.ok ? new Map<number, string>() : refusedLines(saved);
	if (!saved.ok && refused.size > 0) saved = await save(outgoing.filter((_, index) => !refused.has(index)));
	if (!saved.ok) return toPsaFailure(saved);
	if (!linked || saved.value.id !== Number(linked)) await ctx.links.set('quotes', quoteId, String(saved.value.id));

	const bySeq = lineIdsBySeq(saved.value.lines ?? []);
	const sent = lines.filter((_, index) => !refused.has(index));
	for (const line of sent) {
		const haloLineId = bySeq.get(line.payload.sort_seq);
		if (haloLineId !== undefined) await ctx.links.set('quoteLines', line.localId, String(haloLineId));
	}
	const left = [...refused].map(([index, message]) => ({ localId: lines[index]!.localId, message }));
	// Halo dropped the line it had of each (lines left out are removed): the next sync sends it anew.
	for (const line of left) await ctx.links.clear('quoteLines', line.localId);
	return psaOk({ id: saved.value.id, refused: left });
}

/**
 * The lines a refused quotation names, by their place in the body, with Halo's words for each
 * (`[0].lines[2].item_id`, §3.7); none when anything else was refused too, so the whole failure stands.
 */
export function refusedLines(failure: HaloFailure): Map<number, string> {
	const refused = new Map<number, string>();
	const fields = failure.code === 'rejected' ? (failure.fieldErrors ?? []) : [];
	for (const { path, message } of fields) {
		const index = LINE_PATH.exec(path)?.[1];
		if (index === undefined) return new Map();
		const before = refused.get(Number(index));
		refused.set(Number(index), before ? `${before}; ${message}` : message);
	}
	return refused;
}

const LINE_PATH = /^(?:\[0\]\.)?lines\[(\d+)\]/i;

function lineIdsBySeq(lines: readonly HaloQuotationLine[]): Map<number, number> {
	const ids = new Map<number, number>();
	for (const line of lines)
		if (typeof line.id === 'number' && typeof line.sort_seq === 'number') ids.set(line.sort_seq, line.id);
	return ids;
}
