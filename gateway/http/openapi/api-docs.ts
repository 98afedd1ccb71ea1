// The registry of every /api route, by area. A route the app serves without an entry here, or an
// entry without its route, fails openapi.test.ts.

import { ADMIN_DOCS } from './admin-docs.ts';
import { AUTH_DOCS } from './auth-docs.ts';
import { INCIDENT_DOCS } from './incident-docs.ts';
import { MARKETPLACE_DOCS } from './marketplace-docs.ts';
import type { RouteDoc } from './route-doc.ts';
import { SYNC_DOCS } from './sync-docs.ts';
import { WEBHOOK_DOCS } from './webhook-docs.ts';
import { healthSchema } from './wire-shapes.ts';
import { named } from './route-doc.ts';

const tag = 'Service';

export const API_DOCS: readonly RouteDoc[] = [
	{
		method: 'get',
		path: '/api/health',
		tag,
		access: 'public',
		summary: 'Is the gateway up',
		response: { status: 200, description: 'Up.', schema: named('Health', healthSchema) }
	},
	...AUTH_DOCS,
	...SYNC_DOCS,
	...ADMIN_DOCS,
	...INCIDENT_DOCS,
	...MARKETPLACE_DOCS,
	...WEBHOOK_DOCS,
	{
		method: 'get',
		path: '/api/docs/openapi.json',
		tag,
		access: 'public',
		summary: 'This API as an OpenAPI 3.1 document',
		response: { status: 200, description: 'The document.' }
	},
	{
		method: 'get',
		path: '/api/docs',
		tag,
		access: 'public',
		summary: 'This API as a page to read',
		response: { status: 200, description: 'An HTML page.', contentType: 'text/html' }
	}
];
