import { describe, expect, it } from 'vitest';
import { createFlowSealer, type Flow } from './flow-cookie.ts';

const NOW = Date.UTC(2026, 10, 1, 9);
const flow: Flow = {
	provider: 'google',
	state: 'state-state-state-state-state',
	nonce: 'nonce-nonce-nonce-nonce-nonce',
	verifier: 'v'.repeat(43),
	returnTo: '/quotes',
	expiresAt: NOW + 600_000
};

describe('createFlowSealer', () => {
	const sealer = createFlowSealer('client-secret');

	it('opens what it sealed until the flow expires', async () => {
		const sealed = await sealer.seal(flow);
		expect(sealed).toMatch(/^[\w-]+\.[\w-]+$/);
		expect(await sealer.open(sealed, NOW)).toEqual(flow);
		expect(await sealer.open(sealed, flow.expiresAt)).toBeNull();
	});

	it('refuses a value sealed with another secret', async () => {
		const other = await createFlowSealer('another-secret').seal(flow);
		expect(await sealer.open(other, NOW)).toBeNull();
	});

	it('refuses any change to the payload or the signature', async () => {
		const [payload, signature] = (await sealer.seal(flow)).split('.') as [string, string];
		const changed = Buffer.from(JSON.stringify({ ...flow, returnTo: '/elsewhere' })).toString('base64url');
		const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
		for (const value of [
			`${changed}.${signature}`,
			`${payload}.${flipped}`,
			`${payload}.`,
			payload,
			`${payload}.${signature}.x`
		]) {
			expect(await sealer.open(value, NOW), value).toBeNull();
		}
	});

	it('refuses garbage without throwing', async () => {
		for (const value of ['', '.', 'a.b', '!!!.???', '%%.%%']) expect(await sealer.open(value, NOW)).toBeNull();
	});
});
