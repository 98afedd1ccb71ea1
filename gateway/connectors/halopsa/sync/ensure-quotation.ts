// The Halo quotation of an Outpost quote (kind 'quotes'), sent whole with its lines in one POST: an
// update when linked (or found by its opportunity on a resumed run), else a create. Lines are matched
// back by `sort_seq` and linked (kind 'quoteLines', keyed by line id).

import type { HaloCreate } from '../client/entities.ts';
import type { HaloQuotationLine } from '../client/entity-schemas.ts';
import { psaOk, type PsaResult } from '../../../psa/provider.ts';
import type { HaloRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

export type OutgoingLine = { localId: string; payload: Partial<HaloQuotationLine> & { sort_seq: number } };

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
): Promise<PsaResult<number>> {
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
	const body = { ...header, lines: outgoing };
	const saved = existing
		? await client.update('Quotation', { ...body, id: existing.id })
		: await client.create('Quotation', body);
	if (!saved.ok) return toPsaFailure(saved);
	if (!linked || saved.value.id !== Number(linked)) await ctx.links.set('quotes', quoteId, String(saved.value.id));

	const bySeq = lineIdsBySeq(saved.value.lines ?? []);
	for (const line of lines) {
		const haloLineId = bySeq.get(line.payload.sort_seq);
		if (haloLineId !== undefined) await ctx.links.set('quoteLines', line.localId, String(haloLineId));
	}
	return psaOk(saved.value.id);
}

function lineIdsBySeq(lines: readonly HaloQuotationLine[]): Map<number, number> {
	const ids = new Map<number, number>();
	for (const line of lines)
		if (typeof line.id === 'number' && typeof line.sort_seq === 'number') ids.set(line.sort_seq, line.id);
	return ids;
}
