// The simulator's own behaviour that the client tests do not reach: the wire as raw XML, the
// maintenance window on its clock, sandbox auto-shipping and the demo catalog it is seeded with.

import { afterEach, describe, expect, it } from 'vitest';
import { demoProducts } from '../../../demo/demo-catalog.ts';
import { startSandbox, unwrap, type Sandbox } from '../test/client-sandbox.ts';
import { tdSynnexDemoProducts } from './demo-tenant.ts';
import { buildProduct } from './seed-builders.ts';
import { SANDBOX_CREDENTIALS } from './simulator.ts';

let box: Sandbox | null = null;
afterEach(async () => {
	await box?.close();
	box = null;
});

describe('TD SYNNEX simulator', () => {
	it('answers the P&A document of §5.2 with credentials checked in the body', async () => {
		box = await startSandbox();
		box.control.seedProducts([
			buildProduct({ synnexSku: '13382087', mfgPN: '02-SSC-2825', priceCents: 36_726, stock: 9 })
		]);
		const post = (password: string) =>
			fetch(`${box!.baseUrl}/SynnexXML/PriceAvailability`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/xml' },
				body:
					`<?xml version="1.0" encoding="UTF-8"?><priceRequest><customerNo>780980</customerNo>` +
					`<userName>${SANDBOX_CREDENTIALS.userName}</userName><password>${password}</password>` +
					`<skuList><mfgPN>02-SSC-2825</mfgPN><lineNumber>1</lineNumber></skuList></priceRequest>`
			}).then((r) => r.text());
		const answer = await post(SANDBOX_CREDENTIALS.password);
		expect(answer).toContain('<synnexSKU>13382087</synnexSKU><mfgPN>02-SSC-2825</mfgPN>');
		expect(answer).toContain('<price>367.26</price><totalQuantity>9</totalQuantity>');
		expect(await post('wrong')).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><priceResponse><customerNo>780980</customerNo>' +
				'<errorDetail>Login failed: invalid user ID or password</errorDetail></priceResponse>'
		);
	});

	it('answers a 503 maintenance page inside a window on its clock, and normally after it', async () => {
		let now = 1_000;
		box = await startSandbox({ simulator: { clock: { now: () => now } } });
		box.control.maintenanceWindow(1_000, 2_000);
		expect(await box.client.orderStatus('PO-1')).toMatchObject({ code: 'unavailable', status: 503 });
		now = 2_000;
		expect(await box.client.orderStatus('PO-1')).toEqual({ ok: true, value: null });
	});

	it('ships orders by itself in sandbox mode, backordered lines later', async () => {
		let now = 0;
		box = await startSandbox({ simulator: { clock: { now: () => now }, autoShipAfterMs: 60_000 } });
		const [inStock, none] = [buildProduct({ stock: 5 }), buildProduct({ stock: 0 })];
		box.control.seedProducts([inStock, none]);
		const lines = [
			{ lineNumber: 1, synnexSku: inStock.synnexSku, quantity: 1 },
			{ lineNumber: 2, synnexSku: none.synnexSku, quantity: 1 }
		];
		const shipTo = { name: 'A', line1: '1 St', city: 'X', state: 'CA', zip: '1', country: 'US' };
		unwrap(await box.client.placeOrder({ poNumber: 'PO-AUTO', shipTo, lines }));
		expect(unwrap(await box.client.orderStatus('PO-AUTO'))!.status).toBe('backordered');
		now = 60_000;
		expect(unwrap(await box.client.orderStatus('PO-AUTO'))!.status).toBe('partially_shipped');
		now = 180_000;
		const shipped = unwrap(await box.client.orderStatus('PO-AUTO'))!;
		expect([shipped.status, shipped.lines.every((l) => l.tracking.length === 1)]).toEqual(['shipped', true]);
	});

	it('sells the demo catalog’s TD SYNNEX hardware: by part number, at cost, some discontinued or out of stock', () => {
		const products = tdSynnexDemoProducts();
		const demo = demoProducts().filter((p) => p.distributor === 'tdsynnex' && p.billing === 'one-time');
		expect(products).toHaveLength(demo.filter((p) => p.mpn && !p.noProcurement).length);
		const first = demo.find((p) => p.mpn === products[0]!.mfgPN)!;
		expect(products[0]!.priceCents).toBe(first.cost);
		expect(products.filter((p) => p.status === 'Discontinued').length).toBeGreaterThan(0);
		expect(products.filter((p) => p.warehouses.every((w) => w.qty === 0)).length).toBeGreaterThan(0);
		expect(new Set(products.map((p) => p.synnexSku)).size).toBe(products.length);
	});
});
