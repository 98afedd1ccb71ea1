import { describe, expect, it } from 'vitest';
import { defaultDistributor } from '../../../shared/schema/distributor-entities.ts';
import { connectionBadge, credentialsToSend, draftFor } from './distributor-form.ts';

const saved = { ...defaultDistributor('ingrammicro'), configured: true, customerNumber: '20-222222', country: 'US' };

describe('Admin › Distributors form', () => {
	it('fills in the replicated fields and leaves the secrets blank', () => {
		expect(draftFor('ingrammicro', saved)).toEqual({
			clientId: '',
			clientSecret: '',
			customerNumber: '20-222222',
			countryCode: 'US',
			apiUrl: '',
			senderId: ''
		});
		expect(draftFor('tdsynnex', null).country).toBe('');
	});

	it('asks for every required field the first time', () => {
		const check = credentialsToSend('tdsynnex', { userName: 'buyer@msp.example', customerNumber: '780980' }, false);
		expect(check).toEqual({
			ok: false,
			errors: { password: 'Password is required.', country: 'Country is required.' }
		});
	});

	it('once saved, sends only what was typed so blanks keep their saved values', () => {
		const check = credentialsToSend(
			'ingrammicro',
			{ ...draftFor('ingrammicro', saved), clientSecret: ' s3cret ' },
			true
		);
		expect(check).toEqual({
			ok: true,
			credentials: { clientSecret: ' s3cret ', customerNumber: '20-222222', countryCode: 'US' }
		});
	});

	it('names each state as the seeds do', () => {
		expect(connectionBadge(null).label).toBe('Not configured');
		const state = (s: (typeof saved)['connection']['state']) =>
			connectionBadge({ ...saved, connection: { state: s, message: '', checkedAt: 1 } }).label;
		expect(state('connected')).toBe('Connected');
		expect(state('reauthenticate')).toBe('Re-authenticate');
		expect(state('invalid_customer_number')).toBe('Invalid customer number');
	});
});
