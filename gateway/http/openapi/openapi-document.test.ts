// The document is structurally valid OpenAPI 3.1 (the required fields, path templating, unique
// operation ids, every $ref resolving) and carries every mutation and error code.

import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../../shared/errors.ts';
import { MUTATIONS } from '../../../shared/mutations/registry.ts';
import { API_DOCS } from './api-docs.ts';
import type { JsonSchema } from './json-schema.ts';
import { buildOpenApiDocument, openApiPath } from './openapi-document.ts';

const doc = buildOpenApiDocument(API_DOCS);
const schemas = (doc.components as { schemas: Record<string, JsonSchema> }).schemas;
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
	Object.entries(methods).map(([method, op]) => ({ path, method, op }))
);

function refsIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(refsIn);
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([k, v]) => (k === '$ref' ? [String(v)] : refsIn(v)));
}

describe('the OpenAPI document', () => {
	it('has the fields OpenAPI 3.1 requires', () => {
		expect(doc.openapi).toBe('3.1.0');
		const info = doc.info as { title: unknown; version: unknown };
		expect(typeof info.title).toBe('string');
		expect(typeof info.version).toBe('string');
		expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
	});

	it('has one operation per documented route, each answering with a described status', () => {
		expect(operations).toHaveLength(API_DOCS.length);
		for (const { path, method, op } of operations) {
			expect(path.startsWith('/'), path).toBe(true);
			expect(['get', 'put', 'post', 'delete'], path).toContain(method);
			const responses = Object.entries(op.responses as Record<string, JsonSchema>);
			expect(responses.length, path).toBeGreaterThan(0);
			for (const [status, response] of responses) {
				expect(status, path).toMatch(/^[1-5]\d\d$/);
				expect(typeof response.description, `${path} ${status}`).toBe('string');
			}
		}
	});

	it('declares each path template parameter as a required path parameter, and no other', () => {
		for (const { path, op } of operations) {
			const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			const params = op.parameters as { name: string; in: string; required: boolean }[];
			const inPath = params.filter((p) => p.in === 'path');
			expect(inPath.map((p) => p.name).sort(), path).toEqual(templated);
			for (const p of inPath) expect(p.required, `${path} ${p.name}`).toBe(true);
			const keys = params.map((p) => `${p.in}:${p.name}`);
			expect(new Set(keys).size, path).toBe(keys.length);
		}
	});

	it('gives every operation a unique operationId, a declared tag and a declared security scheme', () => {
		const ids = operations.map(({ op }) => op.operationId);
		expect(new Set(ids).size).toBe(ids.length);
		const tags = (doc.tags as { name: string }[]).map((t) => t.name);
		const schemes = Object.keys((doc.components as { securitySchemes: object }).securitySchemes);
		for (const { path, op } of operations) {
			for (const tag of op.tags as string[]) expect(tags, path).toContain(tag);
			for (const requirement of (op.security as object[] | undefined) ?? [])
				for (const scheme of Object.keys(requirement)) expect(schemes, path).toContain(scheme);
		}
	});

	it('resolves every $ref to a component with a valid name', () => {
		for (const name of Object.keys(schemas)) expect(name).toMatch(/^[a-zA-Z0-9.\-_]+$/);
		const refs = refsIn(doc);
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) {
			expect(ref).toMatch(/^#\/components\/schemas\//);
			expect(Object.keys(schemas), ref).toContain(ref.replace('#/components/schemas/', ''));
		}
	});

	it('lists every mutation with its args schema and the permission it needs', () => {
		const mapping = (schemas.Mutation as { discriminator: { mapping: Record<string, string> } }).discriminator.mapping;
		expect(Object.keys(mapping).sort()).toEqual(Object.keys(MUTATIONS).sort());
		const createQuote = schemas['Mutation.createQuote'] as {
			properties: { args: JsonSchema };
			'x-permission': unknown;
		};
		expect(createQuote['x-permission']).toBe('quoteEditor');
		expect(createQuote.properties.args.required).toEqual(['id', 'companyId', 'title']);
	});

	it('describes errors as the one error body with the whole code catalogue', () => {
		const body = schemas.ErrorBody as { properties: { error: { properties: { code: { enum: string[] } } } } };
		const codes = [...new Set(Object.values(ERRORS).map((e) => e.code))].sort();
		expect([...body.properties.error.properties.code.enum].sort()).toEqual(codes);
	});

	it('says which error codes a route answers with, under their statuses', () => {
		const login = doc.paths[openApiPath('/api/auth/login')]!.post! as { responses: Record<string, JsonSchema> };
		expect(login.responses['401']!['x-error-codes']).toEqual(['invalid_credentials']);
		expect(login.responses['429']!['x-error-codes']).toEqual(['too_many_attempts']);
		const mailbox = doc.paths['/api/admin/mailbox']!.get! as { responses: Record<string, JsonSchema> };
		expect(mailbox.responses['403']!['x-error-codes']).toEqual(['company_link_required', 'forbidden']);
	});
});
