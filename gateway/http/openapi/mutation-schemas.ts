// Every mutation as an OpenAPI component: the wire mutation of sync push with `name` fixed and
// `args` from the mutation's own zod schema, and `Mutation`, the union of them all by name.

import type { MutationDef } from '../../../shared/mutations/define.ts';
import { MUTATIONS } from '../../../shared/mutations/registry.ts';
import { mutationSchema } from '../../../shared/sync/protocol.ts';
import { toJsonSchema, type JsonSchema } from './json-schema.ts';

export function mutationComponents(): Record<string, JsonSchema> {
	const wire = toJsonSchema(mutationSchema, 'input');
	const components: Record<string, JsonSchema> = {};
	const mapping: Record<string, string> = {};
	for (const [name, def] of Object.entries(MUTATIONS) as [string, MutationDef][]) {
		const key = `Mutation.${name}`;
		mapping[name] = `#/components/schemas/${key}`;
		components[key] = {
			...wire,
			description: `Needs ${needs(def.permission)}.`,
			'x-permission': def.permission,
			properties: {
				...(wire.properties as JsonSchema),
				name: { type: 'string', const: name },
				args: toJsonSchema(def.args, 'input')
			}
		};
	}
	components.Mutation = {
		description: 'A mutation as sync push carries it; `name` says which, `args` must fit it.',
		oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
		discriminator: { propertyName: 'name', mapping }
	};
	return components;
}

function needs(permission: MutationDef['permission']): string {
	if (permission === null) return 'any signed-in user (the mutation checks what is theirs)';
	if (permission === 'admin') return 'an admin';
	return `the ${permission} permission (admins always may)`;
}
