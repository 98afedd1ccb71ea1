import { describe, expect, it } from 'vitest';
import { addressKind } from './ip-address.ts';
import { createOutboundPolicy, type Resolve } from './outbound-policy.ts';

/** A DNS of fixed answers: no network in tests. */
const DNS: Record<string, string[]> = {
	'webservices.autotask.net': ['52.1.2.3'],
	'msp.halopsa.com': ['2606:4700::6810:1'],
	'internal.msp.example': ['10.1.2.3'],
	'metadata.msp.example': ['169.254.169.254'],
	'rebind.msp.example': ['52.1.2.3', '127.0.0.1'],
	'mapped.msp.example': ['::ffff:192.168.1.1'],
	'loop.msp.example': ['127.0.0.1', '::1']
};
const resolve: Resolve = async (host) => DNS[host] ?? [];

const strict = createOutboundPolicy({ allowLoopback: false, resolve });
const sandbox = createOutboundPolicy({ allowLoopback: true, resolve });

describe('outbound policy outside sandbox mode', () => {
	it.each([
		'https://webservices.autotask.net/ATServicesRest/',
		'https://msp.halopsa.com/api',
		'https://52.1.2.3/api',
		'https://[2606:4700::6810:1]/api'
	])('allows %s', async (url) => {
		expect(await strict.check(url)).toEqual({ ok: true });
	});

	it.each([
		['http://webservices.autotask.net/', 'https_only'],
		['ftp://webservices.autotask.net/', 'https_only'],
		['file:///etc/passwd', 'https_only'],
		['not a url', 'invalid_url'],
		['https://127.0.0.1/', 'loopback'],
		['https://127.1.2.3/', 'loopback'],
		['https://localhost/', 'loopback'],
		['https://api.localhost./', 'loopback'],
		['https://[::1]/', 'loopback'],
		['https://2130706433/', 'loopback'],
		['https://0x7f.1/', 'loopback'],
		['https://0177.0.0.1/', 'loopback'],
		['https://[::ffff:127.0.0.1]/', 'loopback'],
		['https://[::ffff:7f00:1]/', 'loopback'],
		['https://[::127.0.0.1]/', 'loopback'],
		['https://[64:ff9b::7f00:1]/', 'loopback'],
		['https://[2002:7f00:1::]/', 'loopback'],
		['https://10.0.0.1/', 'private'],
		['https://172.16.0.1/', 'private'],
		['https://172.31.255.255/', 'private'],
		['https://192.168.1.1/', 'private'],
		['https://[fc00::1]/', 'private'],
		['https://[fd12:3456::1]/', 'private'],
		['https://[::ffff:10.0.0.1]/', 'private'],
		['https://169.254.169.254/latest/meta-data/', 'link_local'],
		['https://[fe80::1]/', 'link_local'],
		['https://[fe80::1%25eth0]/', 'invalid_url'],
		['https://[::ffff:169.254.169.254]/', 'link_local'],
		['https://100.64.0.1/', 'shared'],
		['https://100.127.255.255/', 'shared'],
		['https://0.0.0.0/', 'unspecified'],
		['https://0/', 'unspecified'],
		['https://[::]/', 'unspecified'],
		['https://224.0.0.1/', 'multicast'],
		['https://[ff02::1]/', 'multicast'],
		['https://255.255.255.255/', 'reserved'],
		['https://internal.msp.example/', 'private'],
		['https://metadata.msp.example/', 'link_local'],
		['https://rebind.msp.example/', 'loopback'],
		['https://mapped.msp.example/', 'private'],
		['https://nowhere.msp.example/', 'unresolvable']
	])('refuses %s: %s', async (url, rule) => {
		const verdict = await strict.check(url);
		expect(verdict.ok ? null : verdict.rule).toBe(rule);
	});

	it('names the host, the address and why', async () => {
		expect(await strict.check('https://metadata.msp.example/x')).toEqual({
			ok: false,
			rule: 'link_local',
			message:
				'metadata.msp.example (169.254.169.254) is a link-local address (where cloud metadata services answer); Outpost does not call it.'
		});
		expect(await strict.check('http://127.0.0.1:4100/')).toEqual({
			ok: false,
			rule: 'loopback',
			message: '127.0.0.1 is a loopback address; Outpost does not call it outside sandbox mode.'
		});
	});

	it('judges literals by range when no resolver is given', async () => {
		const literalOnly = createOutboundPolicy({ allowLoopback: false });
		expect(await literalOnly.check('https://msp.halopsa.com/api')).toEqual({ ok: true });
		expect(await literalOnly.check('https://10.0.0.1/')).toMatchObject({ ok: false, rule: 'private' });
	});
});

describe('outbound policy in sandbox mode', () => {
	it.each([
		'http://127.0.0.1:4100/atservicesrest/',
		'http://localhost:4100/',
		'http://[::1]:4100/',
		'http://loop.msp.example:4100/',
		'https://webservices.autotask.net/ATServicesRest/'
	])('allows %s', async (url) => {
		expect(await sandbox.check(url)).toEqual({ ok: true });
	});

	it.each([
		['http://webservices.autotask.net/', 'https_only'],
		['http://10.0.0.1/', 'private'],
		['https://169.254.169.254/', 'link_local'],
		['http://rebind.msp.example/', 'https_only']
	])('still refuses %s: %s', async (url, rule) => {
		const verdict = await sandbox.check(url);
		expect(verdict.ok ? null : verdict.rule).toBe(rule);
	});
});

describe('addressKind', () => {
	it.each([
		['8.8.8.8', 'public'],
		['172.15.255.255', 'public'],
		['172.32.0.0', 'public'],
		['100.63.255.255', 'public'],
		['100.128.0.0', 'public'],
		['2001:4860:4860::8888', 'public'],
		['::ffff:8.8.8.8', 'public'],
		['192.0.2.1', 'reserved'],
		['2001:db8::1', 'reserved'],
		['fec0::1', 'private'],
		['1:2:3:4:5:6:10.0.0.1', 'public']
	])('%s is %s', (address, kind) => {
		expect(addressKind(address)).toBe(kind);
	});

	it.each(['msp.example', '1.2.3', '256.1.1.1', '01.2.3.4', '1::2::3', '1:2:3:4:5:6:7:8:9', ':::', 'g::1'])(
		'%s is no address',
		(text) => {
			expect(addressKind(text)).toBeNull();
		}
	);
});
