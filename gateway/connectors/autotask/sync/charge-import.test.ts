// Seeds, "Preventing unwanted charge imports": the import reads the billing code mapping (a charge
// whose billing code belongs to no category that needs procurement stays out of the queue, listed with
// why), and charges imported earlier keep following their Autotask status after the 2-hour window,
// by a watermark query that costs two requests per import when nothing changed.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBillingCode, buildProduct, buildTicket, buildTicketCharge } from '../simulator/seed-builders.ts';
import { readEntities, readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';
import { SKIP_REASONS } from '../client/mapping/charge-import-rules.ts';

const MINUTE = 60_000;

describe.each(STORE_KINDS)('The Autotask charge import and the billing code mapping on $name', (kind) => {
	let at: AutotaskJobs;
	let ticket: number;
	let codes: { labour: number; cables: number; purchaseOrder: number };
	beforeEach(async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		const control = at.sandbox.control;
		const [labour, cables, purchaseOrder] = control.seed('BillingCodes', [
			buildBillingCode({ name: 'Labour' }),
			buildBillingCode({ name: 'Cables' }),
			buildBillingCode({ name: 'Purchase orders' })
		]) as [number, number, number];
		codes = { labour, cables, purchaseOrder };
		[ticket] = control.seed('Tickets', [buildTicket({ ticketNumber: 'T20261121.0042' })]) as [number];
		await at.write(async (tx) => {
			// Cables: a category whose every product needs no procurement.
			await tx.put('categories', {
				id: 'cat-cables',
				name: 'Cables',
				defaultMarkupPercent: 10,
				billingCodeId: String(cables)
			});
			await tx.put('products', {
				...(await tx.get('products', 'p-misc'))!,
				id: 'p-cable',
				categoryId: 'cat-cables',
				noProcurement: true
			});
			const integration = (await tx.get('integrations', 'autotask'))!;
			await tx.put('integrations', {
				...integration,
				settings: {
					...integration.settings,
					importTicketCharges: true,
					purchaseOrderBillingCodeId: String(purchaseOrder)
				},
				lookups: {
					...integration.lookups,
					billingCodes: [
						{ value: String(labour), label: 'Labour (Labour)', active: true },
						{ value: String(cables), label: 'Cables (Material)', active: true }
					]
				}
			});
		});
	});
	afterEach(() => at.close());

	const ago = (ms: number) => new Date(at.clock.now() - ms).toISOString();
	const importNow = async () => {
		await at.enqueue('importTicketCharges', 'autotask');
		await at.drain();
	};
	const imported = async () => (await readEntities(at.store.db, ORG, 'ticketCharges')).map((c) => c.name).sort();
	const skipped = async () =>
		(await readEntities(at.store.db, ORG, 'skippedCharges')).map((c) => [c.name, c.ticketNumber, c.reason]).sort();

	it('keeps out charges whose billing code belongs to no category that needs procurement, and says why', async () => {
		const [flagged] = at.sandbox.control.seed('Products', [
			buildProduct({ sku: 'SUP-1', doesNotRequireProcurement: true })
		]);
		at.sandbox.control.seed('TicketCharges', [
			buildTicketCharge({
				ticketID: ticket,
				name: 'Dock',
				billingCodeID: at.codes.active,
				createDate: ago(10 * MINUTE)
			}),
			buildTicketCharge({
				ticketID: ticket,
				name: 'Firewall',
				billingCodeID: codes.purchaseOrder,
				createDate: ago(10 * MINUTE)
			}),
			buildTicketCharge({ ticketID: ticket, name: 'Courier', createDate: ago(10 * MINUTE) }),
			buildTicketCharge({
				ticketID: ticket,
				name: 'Onsite hour',
				billingCodeID: codes.labour,
				createDate: ago(10 * MINUTE)
			}),
			buildTicketCharge({
				ticketID: ticket,
				name: 'Patch cable',
				billingCodeID: codes.cables,
				createDate: ago(10 * MINUTE)
			}),
			buildTicketCharge({ ticketID: ticket, name: 'Support', productID: flagged, createDate: ago(10 * MINUTE) })
		]);
		await importNow();

		expect(await imported()).toEqual(['Courier', 'Dock', 'Firewall']);
		expect(await skipped()).toEqual([
			['Onsite hour', 'T20261121.0042', SKIP_REASONS.billingCode('Labour (Labour)')],
			['Patch cable', 'T20261121.0042', SKIP_REASONS.billingCode('Cables (Material)')],
			['Support', 'T20261121.0042', SKIP_REASONS.autotaskNoProcurement]
		]);
		expect(SKIP_REASONS.billingCode('Labour (Labour)')).toBe(
			'Billing code Labour (Labour) belongs to no category that needs procurement (Admin > Integrations > Autotask > Category Billing Codes).'
		);
	});

	it('a charge skipped before is imported once its billing code is mapped, and leaves the skipped list', async () => {
		at.sandbox.control.seed('TicketCharges', [
			buildTicketCharge({
				ticketID: ticket,
				name: 'Onsite hour',
				billingCodeID: codes.labour,
				createDate: ago(10 * MINUTE)
			})
		]);
		await importNow();
		expect(await imported()).toEqual([]);

		await at.write(async (tx) =>
			tx.put('categories', { ...(await tx.get('categories', 'cat-unmapped'))!, billingCodeId: String(codes.labour) })
		);
		at.clock.t += 15 * MINUTE;
		await importNow();
		expect(await imported()).toEqual(['Onsite hour']);
		expect(await skipped()).toEqual([]);
	});

	it('follows the status of imported charges past the window by watermark, two requests when nothing changed', async () => {
		const [dock] = at.sandbox.control.seed('TicketCharges', [
			buildTicketCharge({
				ticketID: ticket,
				name: 'Dock',
				status: 1,
				createDate: ago(10 * MINUTE),
				statusLastModifiedDate: ago(10 * MINUTE)
			})
		]) as [number];
		await importNow();
		const id = `autotask-charge-${dock}`;
		expect((await readEntity(at.store.db, ORG, 'ticketCharges', id))?.status).toBe('New');

		// Three hours on, the charge is far outside the window; it is cancelled in Autotask.
		at.clock.t += 3 * 60 * MINUTE;
		at.sandbox.control.resetCalls();
		await importNow();
		expect(at.sandbox.control.calls()).toEqual({ 'POST /TicketCharges/query': 2 });

		at.clock.t += 15 * MINUTE;
		const cancelled = at.sandbox.control.picklist('TicketCharges', 'status').find((v) => v.label === 'Cancelled')!;
		at.sandbox.control.patch('TicketCharges', dock, {
			status: Number(cancelled.value),
			statusLastModifiedDate: ago(MINUTE)
		});
		at.clock.t += 15 * MINUTE;
		await importNow();
		expect((await readEntity(at.store.db, ORG, 'ticketCharges', id))?.status).toBe('Cancelled');

		// The change is behind the watermark now: the next import asks for it no more.
		at.clock.t += 15 * MINUTE;
		at.sandbox.control.resetCalls();
		await importNow();
		expect(at.sandbox.control.calls()).toEqual({ 'POST /TicketCharges/query': 2 });
	});

	it('tells the admin what the import costs per hour', async () => {
		await importNow();
		expect((await readEntity(at.store.db, ORG, 'integrations', 'autotask'))?.importRequestsPerHour).toBe(8);
	});
});
