import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePrivateDataDir, PRIVATE_FILES } from './private-data-dir.ts';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('preparePrivateDataDir', () => {
	let dir: string;
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('creates the directory for its owner only', () => {
		dir = mkdtempSync(join(tmpdir(), 'outpost-dir-'));
		preparePrivateDataDir(join(dir, 'a', 'data'));
		expect(mode(join(dir, 'a', 'data'))).toBe('700');
	});

	it('tightens the files an earlier version left readable, and leaves the folder and other files alone', () => {
		dir = mkdtempSync(join(tmpdir(), 'outpost-dir-'));
		const data = join(dir, 'data');
		mkdirSync(data, { mode: 0o755 });
		for (const name of [...PRIVATE_FILES, 'notes.txt']) writeFileSync(join(data, name), 'x', { mode: 0o644 });
		preparePrivateDataDir(data);
		expect(mode(data)).toBe('755');
		for (const name of PRIVATE_FILES) expect(mode(join(data, name)), name).toBe('600');
		expect(mode(join(data, 'notes.txt'))).toBe('644');
	});
});
