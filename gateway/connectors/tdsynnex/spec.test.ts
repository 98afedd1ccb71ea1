import { describe, expect, it } from 'vitest';
import { tdSynnexEndpoint, tdSynnexSpec } from './spec.ts';

describe('TD SYNNEX spec', () => {
	it('counts a request against its service', () => {
		expect(tdSynnexEndpoint(new URL('https://ec.us.tdsynnex.com/SynnexXML/POStatus'))).toBe('POStatus');
	});

	it('names the host the credentials point the gateway at, the US one by default', () => {
		const credentials = { userName: 'u@msp.test', password: 'p', customerNumber: '780980' };
		expect(tdSynnexSpec.urlsOf(credentials)).toEqual({ baseUrl: 'https://ec.us.tdsynnex.com' });
		expect(tdSynnexSpec.urlsOf({ ...credentials, baseUrl: 'https://ec.ca.tdsynnex.com' })).toEqual({
			baseUrl: 'https://ec.ca.tdsynnex.com'
		});
		expect(tdSynnexSpec.urlsOf({ ...credentials, customerNumber: 'x' })).toEqual({});
	});
});
