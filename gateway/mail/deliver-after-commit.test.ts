import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { deliverAfterCommit } from './deliver-after-commit.ts';
import { createMailSeal } from './mail-seal.ts';
import { createMailboxMailer, type Mail } from './mailer.ts';

const mail = (subject: string): Mail => ({ orgId: 'org-demo', to: 'person@example.com', subject, body: 'Hello\n' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(STORE_KINDS)('mail delivery after commit on $name', (kind) => {
	let opened: TestStore;
	beforeAll(async () => {
		opened = await kind.open();
	});
	afterAll(async () => {
		await opened?.close();
	});

	async function mailerWith(waitsMs = [0, 10, 20, 40]) {
		const delivered: Mail[] = [];
		const log = vi.fn();
		const deliver = deliverAfterCommit(opened.store.db, async (m) => void delivered.push(m), { waitsMs, log });
		const seal = await createMailSeal(new Uint8Array(32));
		return { mailer: createMailboxMailer({ seal, deliver }), delivered, log };
	}

	it('delivers a message once its transaction commits, not before', async () => {
		const { mailer, delivered } = await mailerWith([0, 10, 20, 40, 80, 160, 320]);
		await opened.store.write(async (trx) => {
			await mailer.send(trx, mail('Committed'), 1);
			await pause(50);
			expect(delivered).toEqual([]);
		});
		await vi.waitFor(() => expect(delivered).toEqual([mail('Committed')]));
		const kept = await opened.store.db
			.selectFrom('sent_mail')
			.select('subject')
			.where('subject', '=', 'Committed')
			.execute();
		expect(kept).toHaveLength(1);
	});

	it('never delivers a message whose transaction rolled back, and says so', async () => {
		const { mailer, delivered, log } = await mailerWith();
		await expect(
			opened.store.write(async (trx) => {
				await mailer.send(trx, mail('Rolled back'), 1);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		await vi.waitFor(() => expect(log).toHaveBeenCalledOnce());
		expect(log.mock.calls[0]![0]).toMatch(/"Rolled back" to person@example.com was not delivered/);
		expect(delivered).toEqual([]);
	});
});
