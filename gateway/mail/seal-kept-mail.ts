// Once at start: mail kept in clear before bodies were sealed gets sealed, its links taken out (it
// may have gone by SMTP, and a new link is one request away). Sealed bodies are left alone.

import type { Store } from '../store/store.ts';
import { redactLinks } from './link-redaction.ts';
import { SEALED_PREFIX, type MailSeal } from './mail-seal.ts';

/** How many messages it sealed. */
export async function sealKeptMail(store: Store, seal: MailSeal): Promise<number> {
	const rows = await store.db
		.selectFrom('sent_mail')
		.select(['id', 'body'])
		.where('body', 'not like', `${SEALED_PREFIX}%`)
		.execute();
	for (const { id, body } of rows) {
		const sealed = await seal.seal(id, redactLinks(body));
		await store.db.updateTable('sent_mail').set({ body: sealed }).where('id', '=', id).execute();
	}
	return rows.length;
}
