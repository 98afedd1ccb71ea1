// `GET /{Entity}/entityInformation/fields` (psa-apis.md §1.1, §1.7): each field's type, required and
// reference flags, and its picklist as the tenant currently has it.

import { entityDef, type EntityDef, type SimEntityName } from './catalog.ts';
import type { SimPicklistValue } from './default-picklists.ts';

export function fieldList(entity: SimEntityName, picklists: Record<string, SimPicklistValue[]>) {
	const def: EntityDef = entityDef(entity);
	return Object.entries(def.fields)
		.filter(([, type]) => type !== 'udfs')
		.map(([name, type]) => {
			const picklist = picklists[name];
			const reference = def.references[name];
			return {
				name,
				dataType: type,
				length: type === 'string' ? 100 : 0,
				isRequired: def.required.includes(name),
				isReadOnly: name === 'id',
				isQueryable: true,
				isReference: reference !== undefined,
				referenceEntityType: reference?.entity ?? '',
				isPickList: picklist !== undefined,
				picklistValues: picklist ? picklist.map((v) => ({ ...v })) : null,
				picklistParentValueField: '',
				isSupportedWebhookField: false
			};
		});
}
