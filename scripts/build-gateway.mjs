// npm run build:gateway: bundles gateway/main.ts ahead of time into build-gateway/ (main.mjs, the
// chunks it imports on demand, source maps), so production runs plain `node` instead of compiling
// TypeScript at start. Packages with native parts or optional native peers stay external and load
// from node_modules; what main.ts imports on demand (sandbox parts, SMTP, Postgres pokes) is a chunk
// of its own, so neither its code nor its packages load at start when the configuration needs none.

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const GATEWAY_BUNDLE = 'build-gateway/main.mjs';
/** What the bundle is made of: start.mjs rebuilds it when any of these is newer. */
export const GATEWAY_SOURCES = ['gateway', 'shared', 'package-lock.json', 'scripts/build-gateway.mjs'];

/** better-sqlite3 loads native code, pg asks for the optional pg-native, nodemailer reads files of its own. */
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'nodemailer'];

export async function buildGateway(outfile = GATEWAY_BUNDLE) {
	// Chunk names carry a hash: clear the last build's, which nothing imports any more.
	rmSync(join(dirname(outfile), 'chunks'), { recursive: true, force: true });
	await build({
		entryPoints: { [basename(outfile, '.mjs')]: 'gateway/main.ts' },
		outdir: dirname(outfile),
		outExtension: { '.js': '.mjs' },
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
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

// `node scripts/build-gateway.mjs [--outfile=build-gateway/test/main.mjs]`: the gateway's test builds
// a bundle of its own there, under the repository (so node_modules resolves) like the real one.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const outfile = process.argv.find((a) => a.startsWith('--outfile='))?.slice('--outfile='.length);
	await buildGateway(outfile);
}
