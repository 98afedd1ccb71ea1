// Ticket charges into procurement (seeds): with the toggle on, charges created in the last 2 hours,
// minus products that do not require procurement, with Autotask's own status labels.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany, buildProduct, buildTicket, buildTicketCharge } from '../simulator/seed-builders.ts';
import { readEntities } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';

const MINUTE = 60_000;
/** A label no code could know: only Autotask's picklist has it. */
const TENANT_LABEL = 'Awaiting courier (depot 7)';

describe.each(STORE_KINDS)('Autotask ticket charge import on $name', (kind) => {
	let at: AutotaskJobs;
	let charges: Record<'recent' | 'labour' | 'old' | 'noProcurement' | 'outpostNoProcurement', number>;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const control = at.sandbox.control;
		const [dock, cable, license] = control.seed('Products', [
			buildProduct({ name: 'Dock', sku: 'DOCK-40' }),
			buildProduct({ name: 'Cable', sku: 'CBL-1', doesNotRequireProcurement: true }),
			buildProduct({ name: 'Licence', sku: 'LIC-1' })
		]);
		await at.store.db
			.insertInto('external_links')
			.values([
				{ org_id: ORG, provider: 'autotask', kind: 'products', local_id: 'p-dock', external_id: String(dock) },
				{ org_id: ORG, provider: 'autotask', kind: 'products', local_id: 'p-misc', external_id: String(license) }
			])
			.execute();
		await at.write(async (tx) => tx.put('products', { ...(await tx.get('products', 'p-misc'))!, noProcurement: true }));
		const [acme] = control.seed('Companies', [buildCompany()]);
		await at.store.db
			.insertInto('external_links')
			.values({
				org_id: ORG,
				provider: 'autotask',
				kind: 'companies',
				local_id: 'company-acme',
				external_id: String(acme)
			})
			.execute();
		const [ticket] = control.seed('Tickets', [buildTicket({ companyID: acme, ticketNumber: 'T20261121.0042' })]);
		const ago = (ms: number) => new Date(at.clock.now() - ms).toISOString();
		control.setPicklist('TicketCharges', 'status', [
			{ value: 1, label: 'New', isDefaultValue: true },
			{ value: 9, label: TENANT_LABEL }
		]);
		const [recent, labour, old, noProcurement, outpostNoProcurement] = control.seed('TicketCharges', [
			buildTicketCharge({ ticketID: ticket, productID: dock, status: 9, createDate: ago(30 * MINUTE) }),
			buildTicketCharge({ ticketID: ticket, name: 'Courier', status: 1, createDate: ago(119 * MINUTE) }),
			buildTicketCharge({ ticketID: ticket, productID: dock, createDate: ago(180 * MINUTE) }),
			buildTicketCharge({ ticketID: ticket, productID: cable, createDate: ago(30 * MINUTE) }),
			buildTicketCharge({ ticketID: ticket, productID: license, createDate: ago(30 * MINUTE) })
		]);
		charges = {
			recent: recent!,
			labour: labour!,
			old: old!,
			noProcurement: noProcurement!,
			outpostNoProcurement: outpostNoProcurement!
		};
	});
	afterEach(() => at.close());

	const importOn = (on: boolean) =>
		at.write(async (tx) => {
			const integration = (await tx.get('integrations', 'autotask'))!;
			await tx.put('integrations', { ...integration, settings: { ...integration.settings, importTicketCharges: on } });
		});
	const rows = () => readEntities(at.store.db, ORG, 'ticketCharges');

	it('imports the recent charges with their Autotask status labels, skipping the rest', async () => {
		await importOn(true);
		await at.enqueue('importTicketCharges', 'autotask');
		await at.drain();

		expect(await at.issue('importTicketCharges', 'autotask')).toBeUndefined();
		const imported = await rows();
		expect(imported.map((c) => c.externalId).sort()).toEqual([String(charges.recent), String(charges.labour)].sort());
		expect(imported.find((c) => c.externalId === String(charges.recent))).toMatchObject({
			id: `autotask-charge-${charges.recent}`,
			provider: 'autotask',
			ticketNumber: 'T20261121.0042',
			companyId: 'company-acme',
			productId: 'p-dock',
			name: 'Dock',
			quantity: 1,
			unitCost: 15_000,
			unitPrice: 19_900,
			status: TENANT_LABEL,
			createdAt: at.clock.now() - 30 * MINUTE,
			importedAt: at.clock.now()
		});
		expect(imported.find((c) => c.externalId === String(charges.labour))).toMatchObject({
			productId: null,
			status: 'New'
		});
	});

	it('a later import updates the same rows (a relabelled status too) and duplicates nothing', async () => {
		await importOn(true);
		await at.enqueue('importTicketCharges', 'autotask');
		await at.drain();
		const firstImport = at.clock.now();

		at.clock.t += 15 * MINUTE;
		at.sandbox.control.setPicklist('TicketCharges', 'status', [
			{ value: 1, label: 'New' },
			{ value: 9, label: 'Out for delivery' }
		]);
		await at.enqueue('importTicketCharges', 'autotask');
		await at.drain();

		const imported = await rows();
		expect(imported).toHaveLength(2);
		expect(imported.map((c) => c.importedAt)).toEqual([firstImport, firstImport]);
		expect(imported.find((c) => c.externalId === String(charges.recent))?.status).toBe('Out for delivery');
	});

	it('with the toggle off, imports nothing and asks Autotask nothing', async () => {
		await importOn(false);
		at.sandbox.control.resetCalls();
		await at.enqueue('importTicketCharges', 'autotask');
		await at.drain();
		expect(await rows()).toEqual([]);
		expect(at.sandbox.control.totalCalls()).toBe(0);
	});
});
