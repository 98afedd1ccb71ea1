// Builds the OpenAPI 3.1 document of the HTTP API from the route registry (api-docs.ts), the
// mutation registry and the error catalogue. Pure: the same registry gives the same document.

import { ERRORS, type ErrorKey } from '../../../shared/errors.ts';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/sync/protocol.ts';
import { SESSION_COOKIE } from '../../auth/sessions.ts';
import { statusOf } from '../errors.ts';
import { toJsonSchema, type JsonSchema } from './json-schema.ts';
import { mutationComponents } from './mutation-schemas.ts';
import type { NamedSchema, RouteDoc } from './route-doc.ts';
import { errorBodySchema } from './wire-shapes.ts';

export type OpenApiDocument = JsonSchema & { openapi: string; paths: Record<string, Record<string, JsonSchema>> };

const ACCESS_ERRORS = {
	public: [],
	user: ['notSignedIn', 'companyLinkRequired'],
	admin: ['notSignedIn', 'companyLinkRequired', 'forbidden']
} as const satisfies Record<RouteDoc['access'], ErrorKey[]>;

/** `/api/auth/invitation/:token` → `/api/auth/invitation/{token}` */
export function openApiPath(honoPath: string): string {
	return honoPath.replace(/:(\w+)/g, '{$1}');
}

export function buildOpenApiDocument(routes: readonly RouteDoc[]): OpenApiDocument {
	const schemas: Record<string, JsonSchema> = { ErrorBody: toJsonSchema(errorBodySchema, 'output') };
	const ref = ({ name, schema }: NamedSchema, io: 'input' | 'output') => {
		schemas[name] ??= toJsonSchema(schema, io);
		return { $ref: `#/components/schemas/${name}` };
	};
	const paths: OpenApiDocument['paths'] = {};
	for (const route of routes) {
		const operation: JsonSchema = {
			operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(\w?)/g, (_, c: string) => c.toUpperCase())}`,
			summary: route.summary,
			...(route.description ? { description: route.description } : {}),
			tags: [route.tag],
			'x-access': route.access,
			...(route.access === 'public' ? {} : { security: [{ session: [] }] }),
			parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
			...(route.body
				? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body, 'input') } } } }
				: {}),
			responses: { ...errorResponses(route), [route.response.status]: success(route.response, ref) }
		};
		(paths[openApiPath(route.path)] ??= {})[route.method] = operation;
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Outpost gateway',
			version: `protocol ${PROTOCOL_VERSION}, schema ${SCHEMA_VERSION}`,
			description:
				'JSON over HTTP under /api, validated with zod. Errors are { "error": { "code", "message" } } with a 4xx status. Data changes are mutations sent through POST /api/sync/push (components.schemas.Mutation).'
		},
		tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
		paths,
		components: {
			schemas: { ...schemas, ...mutationComponents() },
			securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } }
		}
	};
}

function parameters(schema: RouteDoc['params'], where: 'path' | 'query'): JsonSchema[] {
	if (!schema) return [];
	const json = toJsonSchema(schema, 'input');
	const required = new Set((json.required as string[] | undefined) ?? []);
	return Object.entries(json.properties as Record<string, JsonSchema>).map(([name, property]) => ({
		name,
		in: where,
		required: where === 'path' || required.has(name),
		schema: property
	}));
}

function success(response: RouteDoc['response'], ref: (n: NamedSchema, io: 'output') => JsonSchema): JsonSchema {
	const type = response.contentType === undefined ? 'application/json' : response.contentType;
	if (type === null) return { description: response.description };
	const schema = response.schema ? ref(response.schema, 'output') : {};
	return { description: response.description, content: { [type]: { schema } } };
}

/** The route's own errors and those its access level and validation add, one response per status. */
function errorResponses(route: RouteDoc): Record<string, JsonSchema> {
	const keys: ErrorKey[] = [...ACCESS_ERRORS[route.access], ...(route.errors ?? [])];
	if (route.body || route.query) keys.push('invalidInput');
	if (route.method !== 'get') keys.push('originRejected');
	const byStatus = new Map<number, Set<string>>();
	for (const key of keys) {
		const { code } = ERRORS[key];
		const status = statusOf(code);
		byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
	}
	const responses: Record<string, JsonSchema> = {};
	for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
		responses[status] = {
			description: [...codes].join(', '),
			'x-error-codes': [...codes],
			content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } }
		};
	}
	return responses;
}
