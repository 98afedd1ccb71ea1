// Shipped code reaches a simulator only through the sandbox wiring (connectors/sandbox.ts), so the
// import graph tells the product from its test scaffolding. Test files, `test/` folders and the
// simulators themselves may import simulators; nothing else under gateway/ or shared/ may.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SANDBOX_WIRING = 'gateway/connectors/sandbox.ts';
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

const segments = (file: string) => file.split('/');
const isScaffolding = (file: string) => file.endsWith('.test.ts') || segments(file).includes('test');
const isSimulator = (file: string) => segments(file).includes('simulator');

/** The relative imports of a shipped file that land in a simulator folder. */
function simulatorImports(file: string, source: string): string[] {
	if (file === SANDBOX_WIRING || isScaffolding(file) || isSimulator(file)) return [];
	return [...source.matchAll(IMPORT)]
		.map((match) => match[1]!)
		.filter((specifier) => isSimulator(path.posix.join(path.posix.dirname(file), specifier)));
}

const root = path.resolve(import.meta.dirname, '../..');
const shippedFiles = ['gateway', 'shared'].flatMap((top) =>
	readdirSync(path.join(root, top), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => `${top}/${name.split(path.sep).join('/')}`)
);

describe('simulator boundary', () => {
	it('flags a shipped file that imports a simulator', () => {
		const source = "import { createHaloSimulator } from '../halopsa/simulator/simulator.ts';";
		expect(simulatorImports('gateway/connectors/common/outbound-fetch.ts', source)).toEqual([
			'../halopsa/simulator/simulator.ts'
		]);
	});

	it('lets the sandbox wiring and test scaffolding import simulators', () => {
		const source = "import { seedHaloDemo } from './halopsa/simulator/demo-tenant.ts';";
		expect(simulatorImports(SANDBOX_WIRING, source)).toEqual([]);
		expect(simulatorImports('gateway/connectors/halopsa/test/contract-fixture.ts', source)).toEqual([]);
	});

	it('holds for every file under gateway/ and shared/', () => {
		const offenders = shippedFiles.flatMap((file) =>
			simulatorImports(file, readFileSync(path.join(root, file), 'utf8')).map((specifier) => `${file} -> ${specifier}`)
		);
		expect(shippedFiles.length).toBeGreaterThan(100);
		expect(offenders).toEqual([]);
	});
});
