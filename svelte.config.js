import adapter from '@sveltejs/adapter-static';
import { execSync } from 'node:child_process';

function buildVersion() {
	try {
		return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		return String(Date.now());
	}
}

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		// precompress: a .br and a .gz beside every text file, which the gateway serves as they are.
		adapter: adapter({ fallback: '200.html', strict: false, precompress: true }),
		files: {
			src: 'web',
			routes: 'web/routes',
			lib: 'web/lib',
			appTemplate: 'web/app.html',
			assets: 'static',
			serviceWorker: 'web/service-worker'
		},
		// Registered by web/lib/platform/service-worker-registration.ts through workbox-window.
		serviceWorker: { register: false },
		// The page's inline bootstrap script runs by its hash (a <meta> CSP in every built page); the
		// gateway's header CSP (gateway/http/security-headers.ts) carries everything a <meta> cannot.
		csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
		version: { name: process.env.OUTPOST_BUILD_VERSION ?? buildVersion() },
		// The shell's stylesheets (ten files, 13 KB the largest, 6 KB all of them compressed) go inside the
		// page: each was a request that held back the first paint, a round trip apiece on a field connection.
		inlineStyleThreshold: 16_000,
		alias: { $shared: 'shared' },
		typescript: {
			config(config) {
				config.include.push('../shared/**/*.ts', '../gateway/**/*.ts', '../e2e/**/*.ts', '../bench/**/*.ts');
				config.compilerOptions.allowImportingTsExtensions = true;
				return config;
			}
		}
	}
};
