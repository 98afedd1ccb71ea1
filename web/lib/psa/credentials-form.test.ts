import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FIELDS } from '../../../shared/psa/credential-fields.ts';
import { checkCredentials, emptyDraft, withoutSecrets } from './credentials-form.ts';

const halo = CREDENTIAL_FIELDS.halopsa;

describe('checkCredentials', () => {
	it('names every required field left empty', () => {
		const check = checkCredentials(CREDENTIAL_FIELDS.autotask, {
			...emptyDraft(CREDENTIAL_FIELDS.autotask),
			secret: ' '
		});
		expect(check).toEqual({
			ok: false,
			errors: {
				userName: 'API user name is required.',
				secret: 'Secret is required.',
				apiIntegrationCode: 'API tracking identifier is required.'
			}
		});
	});

	it('trims plain values, sends secrets as typed and leaves empty optional fields out', () => {
		const check = checkCredentials(halo, {
			resourceUrl: ' https://msp.halopsa.com/api ',
			authUrl: 'https://msp.halopsa.com/auth',
			clientId: 'abc',
			clientSecret: ' s3cret ',
			tenant: '  '
		});
		expect(check).toEqual({
			ok: true,
			credentials: {
				resourceUrl: 'https://msp.halopsa.com/api',
				authUrl: 'https://msp.halopsa.com/auth',
				clientId: 'abc',
				clientSecret: ' s3cret '
			}
		});
	});
});

describe('withoutSecrets', () => {
	it('empties secrets and keeps the rest', () => {
		expect(
			withoutSecrets(CREDENTIAL_FIELDS.autotask, { userName: 'api@x', secret: 's', apiIntegrationCode: 'c' })
		).toEqual({
			userName: 'api@x',
			secret: '',
			apiIntegrationCode: ''
		});
	});
});
