import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { proxy: { '/api': 'http://localhost:8787' } },
	test: {
		include: ['{shared,gateway,web,integration}/**/*.test.ts'],
		exclude: ['**/*.browser.test.ts', 'node_modules/**'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
