// npm run build:gateway: bundles gateway/main.ts ahead of time into build-gateway/main.mjs (one file
// and its source map), so production runs plain `node` instead of compiling TypeScript at start.
// Packages with native parts or optional native peers stay external and load from node_modules.

import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

export const GATEWAY_BUNDLE = 'build-gateway/main.mjs';
/** What the bundle is made of: start.mjs rebuilds it when any of these is newer. */
export const GATEWAY_SOURCES = ['gateway', 'shared', 'package-lock.json', 'scripts/build-gateway.mjs'];

/** better-sqlite3 loads native code, pg asks for the optional pg-native, nodemailer reads files of its own. */
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'nodemailer'];

export async function buildGateway(outfile = GATEWAY_BUNDLE) {
	await build({
		entryPoints: ['gateway/main.ts'],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		// Stack traces point into the repository's files (node --enable-source-maps); without the
		// sources inlined the map stays small, and so does the memory Node spends holding it.
		sourcemap: 'linked',
		sourcesContent: false,
		external: EXTERNAL,
		tsconfig: 'tsconfig.gateway.json',
		// Bundled CommonJS packages call require(); an ES module has none unless given one.
		banner: {
			js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
		},
		legalComments: 'none',
		logLevel: 'warning'
	});
}

// `node scripts/build-gateway.mjs [--outfile=build-gateway/other.mjs]`: the gateway's test builds a
// bundle of its own there, beside node_modules like the real one.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const outfile = process.argv.find((a) => a.startsWith('--outfile='))?.slice('--outfile='.length);
	await buildGateway(outfile);
}
