// The typed-name signature of an acceptance: what counts as a name, and the sentence beside the
// field that is missing. The gateway checks only the length (acceptanceSchema); this is the person's side.

import { acceptanceSchema } from '../../../shared/schema/entities.ts';

export type SignatureCheck = { ok: true; name: string } | { ok: false; field: 'name' | 'confirm'; message: string };

const MAX_NAME = 200;

export function checkSignature(typedName: string, confirmed: boolean): SignatureCheck {
	const name = typedName.trim().replace(/\s+/g, ' ');
	if (name === '') return { ok: false, field: 'name', message: 'Type your full name to sign.' };
	if (name.length > MAX_NAME) return { ok: false, field: 'name', message: `Use at most ${MAX_NAME} characters.` };
	if (!/\p{L}/u.test(name)) return { ok: false, field: 'name', message: 'Type your name in letters.' };
	if (!confirmed) return { ok: false, field: 'confirm', message: 'Tick “I accept this quote” to confirm.' };
	// The schema is the contract; a name it would refuse must not reach the outbox.
	if (!acceptanceSchema.shape.name.safeParse(name).success)
		return { ok: false, field: 'name', message: 'Type your full name to sign.' };
	return { ok: true, name };
}
