// HaloPSA agents (the MSP's staff, psa-apis.md §3.6) as the PsaPerson records user linking reads. Users
// (`/Users`) are customer contacts and are never people here. Pure.

import type { HaloAgent } from '../client/entity-schemas.ts';
import type { PsaPerson } from '../../../psa/provider.ts';
import { normalizeEmail, splitName } from './payloads.ts';

export function agentToPerson(agent: HaloAgent): PsaPerson {
	const fromName = splitName(agent.name ?? '');
	const person: PsaPerson = {
		externalId: String(agent.id),
		email: normalizeEmail(agent.email),
		firstName: agent.firstname?.trim() || fromName.firstname,
		lastName: agent.surname?.trim() || fromName.surname,
		active: agent.isdisabled !== true
	};
	// An API-only agent is an integration's identity, not a person who signs in to Outpost.
	return agent.isapiagent === true ? { ...person, ineligible: 'API-only agent' } : person;
}
