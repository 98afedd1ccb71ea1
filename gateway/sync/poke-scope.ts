// Whether a change concerns the user of a poke stream: it touched a table they replicate, or the
// people and roles that decide what anyone may see (their view may have to be reset).

import type { Principal } from '../../shared/auth/permissions.ts';
import { readScope } from '../../shared/auth/read-scope.ts';
import { isTableName } from '../../shared/schema/tables.ts';

const ACCESS_TABLES: ReadonlySet<string> = new Set(['users', 'roles']);

export function changesAccess(tables: readonly string[] | undefined): boolean {
	return tables === undefined || tables.some((t) => ACCESS_TABLES.has(t));
}

export function concernsUser(principal: Principal, tables: readonly string[] | undefined): boolean {
	if (changesAccess(tables)) return true;
	return tables!.some((t) => isTableName(t) && readScope(principal, t).kind !== 'none');
}
