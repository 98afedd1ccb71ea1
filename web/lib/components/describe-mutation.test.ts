import { describe, expect, it } from 'vitest';
import { MUTATIONS } from '../../../shared/mutations/registry.ts';
import { describeMutation } from './describe-mutation.ts';

describe('describeMutation', () => {
	it('has words for every mutation in the registry', () => {
		for (const name of Object.keys(MUTATIONS)) expect(describeMutation(name), name).not.toBe('A change');
	});
	it('falls back for a name it does not know, inherited names included', () => {
		expect(describeMutation('somethingNew')).toBe('A change');
		expect(describeMutation('toString')).toBe('A change');
	});
});
