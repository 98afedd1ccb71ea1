// "Reset this device" (the seeds' "clear browser cache" step), pure: whether this device's copy may
// be deleted now, and the file that keeps unsent changes. The rule that makes the reset safe: it is
// refused while the outbox holds a change that was not exported first.

import type { OutboxEntry } from '../platform/local-db.ts';

export type ResetCheck = { ok: true } | { ok: false; unsent: number; message: string };

/** `exportedThrough`: the last outbox id written to an exported file in this dialog, or null. */
export function checkReset(pendingIds: readonly number[], exportedThrough: number | null): ResetCheck {
	const unsent = pendingIds.filter((id) => exportedThrough === null || id > exportedThrough).length;
	if (unsent === 0) return { ok: true };
	const changes = unsent === 1 ? '1 change on this device has' : `${unsent} changes on this device have`;
	return {
		ok: false,
		unsent,
		message:
			`${changes} not reached the server yet, and a reset would lose ${unsent === 1 ? 'it' : 'them'}. ` +
			'Go online and let Outpost send them, or export them to a file first.'
	};
}

export type PendingChangesFile = { filename: string; json: string; exportedThrough: number | null };

/** The unsent changes as a JSON download: each mutation as the outbox holds it, named and dated. */
export function pendingChangesFile(entries: readonly OutboxEntry[], email: string, now: number): PendingChangesFile {
	const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
	const content = {
		kind: 'outpost-unsent-changes',
		version: 1,
		account: email,
		exportedAt: new Date(now).toISOString(),
		changes: entries.map((e) => ({
			id: e.id,
			name: e.name,
			args: e.args,
			madeAt: new Date(e.timestamp).toISOString()
		}))
	};
	return {
		filename: `outpost-unsent-changes-${email.replace(/[^a-z0-9.@_-]/gi, '_')}-${stamp}.json`,
		json: JSON.stringify(content, null, 2),
		exportedThrough: entries.length === 0 ? null : Math.max(...entries.map((e) => e.id))
	};
}
