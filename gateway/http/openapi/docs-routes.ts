// /api/docs: the HTTP API documented, as an OpenAPI 3.1 document and as a page to read. Built once
// from the registry; public, since it says nothing a client's code does not.

import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { API_DOCS } from './api-docs.ts';
import { renderDocsPage } from './docs-page.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

export function docsRoutes() {
	const document = buildOpenApiDocument(API_DOCS);
	const page = renderDocsPage(document);
	return new Hono<AppEnv>().get('/openapi.json', (c) => c.json(document)).get('/', (c) => c.html(page));
}
