import { describe, expect, it } from 'vitest';
import { forbiddenMessage, requirementName } from './permission-refusal.ts';

describe('permission refusals', () => {
	it('name the missing permission by its product name', () => {
		expect(forbiddenMessage('companyEditor')).toBe(
			'Your role lacks the permission for this action: it needs the Company editor permission.'
		);
		expect(requirementName('procurementEditor')).toBe('the Procurement editor permission');
	});

	it('say when only an admin may do it', () => {
		expect(forbiddenMessage('admin')).toBe('Your role lacks the permission for this action: it needs an admin.');
	});

	it('name nothing when no permission is needed', () => {
		expect(requirementName(null)).toBeNull();
	});
});
