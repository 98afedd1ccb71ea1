import { describe, expect, it } from 'vitest';
import { diffRow, REDACTED } from './row-diff.ts';

describe('diffRow', () => {
	it('lists only the fields that changed, nested objects field by field', () => {
		const before = { id: 'u1', name: 'Pat', externalIds: { autotask: '1' }, roleIds: ['a'] };
		const after = { id: 'u1', name: 'Pat', externalIds: { autotask: '1', halopsa: '9' }, roleIds: ['a', 'b'] };
		expect(diffRow('users', 'u1', before, after)).toEqual({
			table: 'users',
			id: 'u1',
			op: 'update',
			fields: [
				{ field: 'externalIds.halopsa', before: null, after: '9' },
				{ field: 'roleIds', before: ['a'], after: ['a', 'b'] }
			]
		});
	});

	it('never logs a secret, whatever table it is in, and names it as changed', () => {
		const change = diffRow(
			'integrations',
			'x',
			{ id: 'x', apiKey: 'old', nested: { password: 'p' } },
			{
				id: 'x',
				apiKey: 'new',
				nested: { password: 'q' }
			}
		);
		expect(change!.fields).toEqual([
			{ field: 'apiKey', before: REDACTED, after: REDACTED },
			{ field: 'nested.password', before: REDACTED, after: REDACTED }
		]);
		expect(JSON.stringify(diffRow('t', 'x', null, { id: 'x', config: { token: 'abc' } }))).not.toContain('abc');
	});

	it('summarises long values and ignores a job’s bookkeeping', () => {
		const logo = `data:image/png;base64,${'A'.repeat(5_000)}`;
		const created = diffRow('orgProfile', 'profile', null, { id: 'profile', logo });
		expect(created!.fields).toEqual([{ field: 'logo', before: null, after: '[text, 5,022 characters]' }]);
		const usage = (lastHour: number) => ({ id: 'autotask', usage: { lastHour, at: lastHour } });
		expect(diffRow('integrations', 'autotask', usage(1), usage(2))).toBeNull();
	});

	it('tells a creation from a deletion', () => {
		expect(diffRow('roles', 'r', null, { id: 'r', name: 'A' })!.op).toBe('create');
		expect(diffRow('roles', 'r', { id: 'r', name: 'A' }, null)).toEqual({
			table: 'roles',
			id: 'r',
			op: 'delete',
			fields: [{ field: 'name', before: 'A', after: null }]
		});
	});
});
