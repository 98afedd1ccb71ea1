import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// shared/ is pure: it imports neither side, nor anything that needs the DOM or Node (STYLE 1).
const sharedBoundary = {
	files: ['shared/**/*.ts'],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						group: ['**/web/**', '**/gateway/**', '$lib/*', '$app/*'],
						message: 'shared/ must not import web/ or gateway/.'
					},
					{
						group: ['node:*', 'dexie', 'hono', 'hono/*', 'kysely', 'better-sqlite3', 'pg'],
						message: 'shared/ stays free of I/O.'
					}
				]
			}
		]
	}
};

// web/ never reaches into the gateway; the gateway never into web/.
const sideBoundaries = [
	{
		files: ['web/**/*.ts', 'web/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['**/gateway/**'], message: 'web/ talks to the gateway over HTTP only.' }] }
			]
		}
	},
	{
		files: ['gateway/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['**/web/**', '$lib/*'], message: 'The gateway does not import web/.' }] }
			]
		}
	}
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-explicit-any': 'off',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	sharedBoundary,
	...sideBoundaries,
	{
		ignores: [
			'build/',
			'build-gateway/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/'
		]
	}
);
