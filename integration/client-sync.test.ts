// The client's real sync code against the real gateway over HTTP, on every store.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../gateway/test/http-harness.ts';
import { STORE_KINDS } from '../gateway/test/stores.ts';
import { STORED_TABLE_NAMES } from '../shared/schema/tables.ts';
import { readMeta } from '../web/lib/sync/local-meta.ts';
import { openDevice, type Device } from './sync-client-harness.ts';

const SALES = 'sales@demo.outpost.test';
const ADMIN = 'admin@demo.outpost.test';

describe.each(STORE_KINDS)('client sync against the gateway on $name', (kind) => {
	let gateway: Gateway;
	const devices: Device[] = [];
	const device = async (email: string, options?: Parameters<typeof openDevice>[2]) => {
		const d = await openDevice(gateway, email, options);
		devices.push(d);
		return d;
	};

	beforeEach(async () => {
		// Small pages against the demo's few thousand rows: dozens of them for a first sync.
		gateway = await startGateway(kind, { pullPageSize: 50 });
	});
	afterEach(async () => {
		for (const d of devices.splice(0)) await d.close();
		await gateway.close();
	});

	it('a quote written on one device arrives, numbered, on another', async () => {
		const sales = await device(SALES);
		const admin = await device(ADMIN);
		await sales.settle();
		await sales.mutate('createQuote', { id: 'q-new', companyId: 'company-acme', title: 'Branch office' });
		await sales.mutate('addQuoteLine', {
			id: 'l-1',
			quoteId: 'q-new',
			description: 'Switch',
			quantity: 2,
			unitPrice: 45_000
		});
		await sales.mutate('addQuoteLine', {
			id: 'l-2',
			quoteId: 'q-new',
			description: 'Cabling',
			quantity: 10,
			unitPrice: 9_000
		});
		expect((await sales.db.quotes.get('q-new'))?.number).toBeNull();
		await sales.settle();

		expect(sales.sync.state).toBe('connected');
		expect(await sales.db.outbox.count()).toBe(0);
		expect((await sales.db.quotes.get('q-new'))?.number).toMatch(/^Q-\d{5}$/);
		await admin.settle();
		expect(await admin.db.quotes.get('q-new')).toEqual(await sales.db.quotes.get('q-new'));
		expect(await admin.db.quoteLines.where('quoteId').equals('q-new').sortBy('position')).toEqual(
			await sales.db.quoteLines.where('quoteId').equals('q-new').sortBy('position')
		);
	});

	it('initial sync in small pages brings every row the user may see', async () => {
		const admin = await device(ADMIN);
		await admin.settle();
		const server = await gateway.store.db
			.selectFrom('entities')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.where('deleted', '=', 0)
			.executeTakeFirstOrThrow();
		let local = 0;
		for (const table of STORED_TABLE_NAMES) local += await admin.db.table(table).count();
		expect(local).toBe(Number(server.n));
		expect(local).toBeGreaterThan(50);
	});

	it('a push whose answer is lost is sent again and applied once', async () => {
		let dropped = 0;
		const sales = await device(SALES, {
			fetch: (send) => async (input, init) => {
				const response = await send(input, init);
				if (String(input).endsWith('/push') && dropped === 0) {
					dropped += 1;
					throw new TypeError('network connection lost');
				}
				return response;
			}
		});
		await sales.settle();
		await sales.mutate('createQuote', { id: 'q-once', companyId: 'company-acme', title: 'Once' });
		await sales.mutate('addQuoteLine', {
			id: 'l-once',
			quoteId: 'q-once',
			description: 'Only one',
			quantity: 1,
			unitPrice: 100
		});
		await sales.settle();

		expect(dropped).toBe(1);
		expect(await sales.db.outbox.count()).toBe(0);
		expect(await readMeta(sales.db, 'lastMutationID', 0)).toBe(2);
		const lines = await gateway.store.db
			.selectFrom('entities')
			.select('id')
			.where('tbl', '=', 'quoteLines')
			.where('parent', '=', 'q-once')
			.execute();
		expect(lines).toEqual([{ id: 'l-once' }]);
		const numbers = await gateway.store.db.selectFrom('orgs').select('next_quote_number').executeTakeFirstOrThrow();
		const quotes = await gateway.store.db
			.selectFrom('entities')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.where('tbl', '=', 'quotes')
			.executeTakeFirstOrThrow();
		// The seeded quotes and the new one each took exactly one number.
		expect(Number(numbers.next_quote_number)).toBe(Number(quotes.n) + 1);
	});

	it('a change the server rejects rolls back on the device and says why', async () => {
		const sales = await device(SALES);
		const admin = await device(ADMIN);
		await sales.settle();
		await admin.settle();
		await admin.mutate('updateQuote', { id: 'quote-acme-firewall', status: 'sent' });
		await admin.settle();
		// The sales device has not pulled since; locally the quote is still a draft and editable.
		await sales.mutate('addQuoteLine', {
			id: 'l-late',
			quoteId: 'quote-acme-firewall',
			description: 'Late',
			quantity: 1,
			unitPrice: 1
		});
		expect(await sales.db.quoteLines.get('l-late')).toBeDefined();
		await sales.settle();

		expect(await sales.db.quoteLines.get('l-late')).toBeUndefined();
		expect((await sales.db.quotes.get('quote-acme-firewall'))?.status).toBe('sent');
		expect(await sales.db.rejections.toArray()).toMatchObject([
			{
				name: 'addQuoteLine',
				code: 'quote_not_draft',
				message: 'Only a draft can be changed. Revise this quote to change it.'
			}
		]);
	});

	it('an expired session keeps local work, waits in needs-auth, and drains after signing in again', async () => {
		const sales = await device(SALES);
		await sales.settle();
		await sales.session.post('/api/auth/logout');
		await sales.mutate('updateQuote', { id: 'quote-acme-firewall', notes: 'Written while signed out' });
		await sales.settle();
		expect(sales.sync.state).toBe('needs-auth');
		expect(await sales.db.outbox.count()).toBe(1);
		expect((await sales.db.quotes.get('quote-acme-firewall'))?.notes).toBe('Written while signed out');

		const again = await sales.session.post('/api/auth/login', { email: SALES, password: 'outpost-demo' });
		expect(again.status).toBe(200);
		sales.sync.resume();
		await sales.sync.idle();
		expect(sales.sync.state).toBe('connected');
		expect(await sales.db.outbox.count()).toBe(0);
		const row = await gateway.store.db
			.selectFrom('entities')
			.select('value')
			.where('id', '=', 'quote-acme-firewall')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(row.value).notes).toBe('Written while signed out');
	});
});

describe.each(STORE_KINDS)('partial replication on $name', (kind) => {
	let gateway: Gateway;
	const devices: Device[] = [];

	beforeEach(async () => {
		gateway = await startGateway(kind);
	});
	afterEach(async () => {
		for (const d of devices.splice(0)) await d.close();
		await gateway.close();
	});

	it("a customer sees only their company's quotes, and loses one moved to another company on the next pull", async () => {
		const customer = await openDevice(gateway, 'customer@acme.outpost.test');
		const sales = await openDevice(gateway, SALES);
		devices.push(customer, sales);
		await customer.settle();
		await sales.settle();
		const companies = new Set((await customer.db.quotes.toArray()).map((q) => q.companyId));
		expect([...companies]).toEqual(['company-acme']);
		expect(await customer.db.quotes.get('quote-acme-refresh')).toBeDefined();
		expect(await customer.db.quoteLines.where('quoteId').equals('quote-acme-refresh').count()).toBe(3);

		// A sent quote is read-only: it moves by going back to draft, then is sent to its new company.
		await sales.mutate('updateQuote', { id: 'quote-acme-refresh', status: 'retracted' });
		await sales.mutate('updateQuote', { id: 'quote-acme-refresh', status: 'draft', companyId: 'company-globex' });
		await sales.mutate('updateQuote', { id: 'quote-acme-refresh', status: 'sent' });
		await sales.settle();
		await customer.settle();
		expect(await customer.db.quotes.get('quote-acme-refresh')).toBeUndefined();
		expect(await customer.db.quoteLines.where('quoteId').equals('quote-acme-refresh').count()).toBe(0);
		expect(await customer.db.companies.get('company-acme')).toBeDefined();
	});
});

describe.each(STORE_KINDS)('what a customer contact replicates, on $name', (kind) => {
	let gateway: Gateway;
	const devices: Device[] = [];
	beforeEach(async () => {
		gateway = await startGateway(kind);
	});
	afterEach(async () => {
		for (const d of devices.splice(0)) await d.close();
		await gateway.close();
	});

	it('only sent, accepted and declined quotes, with no line costs; a draft appears once it is sent', async () => {
		const customer = await openDevice(gateway, 'customer@acme.outpost.test');
		const sales = await openDevice(gateway, SALES);
		devices.push(customer, sales);
		await sales.settle();
		await customer.settle();
		const statuses = new Set((await customer.db.quotes.toArray()).map((q) => q.status));
		expect([...statuses].every((s) => ['sent', 'accepted', 'declined'].includes(s))).toBe(true);
		expect(await customer.db.quotes.get('quote-acme-firewall')).toBeUndefined(); // a draft
		expect((await customer.db.quoteLines.toArray()).every((l) => l.unitCost === 0)).toBe(true);
		expect((await sales.db.quoteLines.toArray()).some((l) => l.unitCost > 0)).toBe(true);

		await sales.mutate('updateQuote', { id: 'quote-acme-firewall', status: 'sent' });
		await sales.settle();
		await customer.settle();
		expect((await customer.db.quotes.get('quote-acme-firewall'))?.status).toBe('sent');
		expect(await customer.db.quoteLines.where('quoteId').equals('quote-acme-firewall').count()).toBe(3);

		await sales.mutate('updateQuote', { id: 'quote-acme-firewall', status: 'retracted' });
		await sales.settle();
		await customer.settle();
		expect(await customer.db.quotes.get('quote-acme-firewall')).toBeUndefined();
		expect(await customer.db.quoteLines.where('quoteId').equals('quote-acme-firewall').count()).toBe(0);
	});
});
