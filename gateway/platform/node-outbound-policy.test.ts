import { describe, expect, it } from 'vitest';
import { nodeOutboundPolicy } from './node-outbound-policy.ts';

// `localhost` resolves from the hosts file, so this needs no network.
describe('nodeOutboundPolicy', () => {
	it('refuses what the system resolver says is loopback, outside sandbox mode only', async () => {
		expect(await nodeOutboundPolicy(false).check('https://localhost:8443/')).toMatchObject({
			ok: false,
			rule: 'loopback'
		});
		expect(await nodeOutboundPolicy(true).check('http://localhost:8443/')).toEqual({ ok: true });
	});

	it('refuses a name that does not resolve', async () => {
		expect(await nodeOutboundPolicy(false).check('https://no-such-host.invalid/')).toMatchObject({
			ok: false,
			rule: 'unresolvable'
		});
	});
});
