import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: {
		proxy: {
			// The gateway accepts writes only from PUBLIC_URL's origin; in `vite dev` the page's origin is
			// vite's, so the proxy presents the gateway's own origin (which PUBLIC_URL defaults to).
			'/api': { target: 'http://localhost:8787', headers: { origin: 'http://localhost:8787' } }
		}
	},
	test: {
		include: ['{shared,gateway,web,integration}/**/*.test.ts'],
		exclude: ['**/*.browser.test.ts', 'node_modules/**'],
		environment: 'node',
		// Test files wait on PostgreSQL, loopback HTTP and child gateways as much as they compute, so
		// one worker per core (Vitest's default leaves one core to itself: a single worker on two).
		maxWorkers: availableParallelism(),
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
