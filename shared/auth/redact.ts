// What a reader may see of a row they may see: a customer contact reads their quotes' lines, but
// not what the MSP pays for them; neither does staff who only reads quotes (whitespace). Costs stay
// with who prices quotes or buys what they sell.

import type { Principal } from './permissions.ts';
import type { TableName } from '../schema/tables.ts';

export function redactForReader(
	p: Pick<Principal, 'kind' | 'isAdmin' | 'permissions'>,
	table: TableName | string,
	value: unknown
): unknown {
	if (table !== 'quoteLines' || seesCosts(p)) return value;
	return { ...(value as Record<string, unknown>), unitCost: 0 };
}

function seesCosts(p: Pick<Principal, 'kind' | 'isAdmin' | 'permissions'>): boolean {
	if (p.isAdmin) return true;
	return p.kind === 'msp' && (p.permissions.includes('quoteEditor') || p.permissions.includes('procurementEditor'));
}
