// The OpenAPI document as one self-contained HTML page: no script and nothing fetched (the gateway
// may run offline, and its Content-Security-Policy allows inline styles only), so it renders on
// the server: the operations by tag with their schemas, the mutations sync push carries, the error
// codes, and every schema by name.

import { ERRORS } from '../../../shared/errors.ts';
import type { JsonSchema } from './json-schema.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import type { Access } from './route-doc.ts';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
h2{margin-top:2.5rem;border-bottom:1px solid #ccc}section{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
h3{margin:.25rem 0;font-size:1rem}code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.5rem;overflow:auto}
.m{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}.get{color:#05603a}.post{color:#1d4ed8}
.put{color:#9a3412}.delete{color:#b91c1c}table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.2rem .5rem;border-bottom:1px solid #eee;vertical-align:top}summary{cursor:pointer}`;

const ACCESS_WORDS: Record<Access, string> = {
	public: 'anyone',
	user: 'a signed-in user with a verified company link',
	admin: 'an admin'
};

type Content = Record<string, { schema: unknown }>;

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const anchor = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const refName = (schema: unknown) =>
	String((schema as { $ref?: string } | undefined)?.$ref ?? '').replace('#/components/schemas/', '');

/** Pretty JSON with each $ref a link to its schema further down. */
function jsonBlock(schema: unknown): string {
	const text = escapeHtml(JSON.stringify(schema, null, 2));
	return `<pre>${text.replace(/#\/components\/schemas\/([\w.-]+)/g, (_, name: string) => `<a href="#schema-${name}">${name}</a>`)}</pre>`;
}

export function renderDocsPage(doc: OpenApiDocument): string {
	const info = doc.info as { title: string; version: string; description: string };
	const schemas = (doc.components as { schemas: Record<string, JsonSchema> }).schemas;
	/** A named schema folded open in place; ErrorBody, the same everywhere, only as a link. */
	const inline = (schema: unknown) => {
		const name = refName(schema);
		if (!name) return '';
		if (name === 'ErrorBody') return `<a href="#schema-ErrorBody">${code(name)}</a>`;
		return `<details><summary>${code(name)}</summary>${jsonBlock(schemas[name])}</details>`;
	};

	function operation(method: string, path: string, op: JsonSchema): string {
		const params = (op.parameters as JsonSchema[]).map(
			(p) =>
				`<tr><td>${code(String(p.name))}</td><td>${p.in}${p.required ? ', required' : ''}</td><td>${jsonBlock(p.schema)}</td></tr>`
		);
		const body = (op.requestBody as { content: Content } | undefined)?.content['application/json'];
		const responses = Object.entries(op.responses as Record<string, JsonSchema>).map(([status, r]) => {
			const what = Object.entries((r.content as Content | undefined) ?? {}).map(
				([type, c]) => `${escapeHtml(type)} ${inline(c.schema)}`
			);
			return `<tr><td>${status}</td><td>${escapeHtml(String(r.description))}</td><td>${what.join(' ')}</td></tr>`;
		});
		const description = op.description ? ` ${escapeHtml(String(op.description))}` : '';
		return `<section id="${escapeHtml(String(op.operationId))}">
<h3><span class="m ${method}">${method}</span> ${code(path)}</h3>
<p>${escapeHtml(String(op.summary))}. Who may: <b>${ACCESS_WORDS[op['x-access'] as Access]}</b>.${description}</p>
${params.length ? `<table><tr><th>Parameter</th><th>In</th><th>Schema</th></tr>${params.join('')}</table>` : ''}
${body ? `<p>Request body (JSON):</p>${inline(body.schema)}` : ''}
<table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>${responses.join('')}</table>
</section>`;
	}

	const byTag = new Map<string, string[]>();
	for (const [path, methods] of Object.entries(doc.paths))
		for (const [method, op] of Object.entries(methods)) {
			const tag = (op.tags as string[])[0]!;
			byTag.set(tag, [...(byTag.get(tag) ?? []), operation(method, path, op)]);
		}
	const mutations = Object.entries(schemas)
		.filter(([name]) => name.startsWith('Mutation.'))
		.map(([name, s]) => {
			const args = (s.properties as Record<string, unknown>).args;
			const mutation = name.slice('Mutation.'.length);
			return `<tr><td id="mutation-${escapeHtml(mutation)}">${code(mutation)}</td><td>${escapeHtml(String(s.description))}<details><summary>args</summary>${jsonBlock(args)}</details></td></tr>`;
		});
	const codes = new Map(Object.values(ERRORS).map((e) => [e.code, e.message] as const));
	const sections = [...byTag.keys(), 'Mutations', 'Error codes', 'Schemas'];
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} API</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(info.title)} API</h1>
<p>${escapeHtml(info.description)}</p>
<p>OpenAPI ${escapeHtml(doc.openapi)} (${escapeHtml(info.version)}): <a href="/api/docs/openapi.json">openapi.json</a></p>
<nav><ul>${sections.map((t) => `<li><a href="#${anchor(t)}">${escapeHtml(t)}</a></li>`).join('')}</ul></nav>
${[...byTag].map(([tag, ops]) => `<h2 id="${anchor(tag)}">${escapeHtml(tag)}</h2>${ops.join('\n')}`).join('\n')}
<h2 id="mutations">Mutations</h2>
<p>Sent in the ${code('mutations')} of ${code('POST /api/sync/push')}; each result says applied, duplicate or rejected with an error code.</p>
<table><tr><th>Mutation</th><th>Who may, and its args</th></tr>${mutations.join('')}</table>
<h2 id="error-codes">Error codes</h2>
<p>Every error answers ${code('{ "error": { "code", "message" } }')}; mutations rejected in a push carry the same codes.</p>
<table><tr><th>Code</th><th>Message</th></tr>${[...codes].map(([c, message]) => `<tr><td>${code(c)}</td><td>${escapeHtml(message)}</td></tr>`).join('')}</table>
<h2 id="schemas">Schemas</h2>
${Object.entries(schemas)
	.map(
		([name, s]) => `<details id="schema-${escapeHtml(name)}"><summary>${code(name)}</summary>${jsonBlock(s)}</details>`
	)
	.join('\n')}
</body></html>`;
}
