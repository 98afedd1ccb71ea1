// An esbuild plugin that compiles Svelte 5 components and .svelte.ts rune modules for the bench
// bundle, and resolves SvelteKit's $lib alias: enough to mount the real quote screens in a page
// without SvelteKit. Production mode, CSS injected, as in the app's build (minus code splitting).

import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform, type Plugin } from 'esbuild';
import { compile, compileModule } from 'svelte/compiler';

const LIB = fileURLToPath(new URL('../../web/lib/', import.meta.url));

export const sveltePlugin: Plugin = {
	name: 'outpost-bench-svelte',
	setup(build) {
		build.onResolve({ filter: /^\$lib\// }, async (args) =>
			build.resolve(`./${args.path.slice('$lib/'.length)}`, { kind: args.kind, resolveDir: LIB })
		);
		build.onLoad({ filter: /\.svelte$/ }, async (args) => {
			const source = await readFile(args.path, 'utf8');
			const { js } = compile(source, { filename: args.path, generate: 'client', css: 'injected', dev: false });
			return { contents: js.code, loader: 'js', resolveDir: dirname(args.path) };
		});
		build.onLoad({ filter: /\.svelte\.ts$/ }, async (args) => {
			const stripped = await transform(await readFile(args.path, 'utf8'), { loader: 'ts', format: 'esm' });
			const { js } = compileModule(stripped.code, { filename: args.path, generate: 'client', dev: false });
			return { contents: js.code, loader: 'js', resolveDir: dirname(args.path) };
		});
	}
};
