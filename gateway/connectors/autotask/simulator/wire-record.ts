// A record as Autotask answers it (psa-apis.md §1.4, §1.5): every field of the entity, null when
// unset, and `userDefinedFields` (each defined UDF with its value, or `[]` on an entity without UDFs).

import { entityDef, type SimEntityName } from './catalog.ts';
import type { SimRecord } from './sim-state.ts';
import { hasUdfs, udfsOf, type UdfDefinition } from './user-defined-fields.ts';

export function wireRecord(entity: SimEntityName, record: SimRecord, udfs: UdfDefinition[]): SimRecord {
	const unset = Object.fromEntries(Object.keys(entityDef(entity).fields).map((field) => [field, null]));
	return {
		...unset,
		...record,
		userDefinedFields: hasUdfs(entity) ? udfsOf(record.userDefinedFields, udfs) : []
	};
}
