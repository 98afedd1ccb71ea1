// What a reader may see of a row they may see: a customer contact reads their quotes' lines, but
// not what the MSP pays for them.

import type { Principal } from './permissions.ts';
import type { TableName } from '../schema/tables.ts';

export function redactForReader(
	p: Pick<Principal, 'kind' | 'isAdmin'>,
	table: TableName | string,
	value: unknown
): unknown {
	if (p.isAdmin || p.kind !== 'customer') return value;
	if (table === 'quoteLines') return { ...(value as Record<string, unknown>), unitCost: 0 };
	return value;
}
