// /api/docs: the HTTP API documented, as an OpenAPI 3.1 document and as a page to read. Built from
// the registry on the first request (it is rarely read, and building it at start costs memory every
// gateway would hold); public, since it says nothing a client's code does not.

import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { API_DOCS } from './api-docs.ts';
import { renderDocsPage } from './docs-page.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

export function docsRoutes() {
	let built: { document: ReturnType<typeof buildOpenApiDocument>; page: string } | null = null;
	const docs = () => {
		if (!built) {
			const document = buildOpenApiDocument(API_DOCS);
			built = { document, page: renderDocsPage(document) };
		}
		return built;
	};
	return new Hono<AppEnv>().get('/openapi.json', (c) => c.json(docs().document)).get('/', (c) => c.html(docs().page));
}
