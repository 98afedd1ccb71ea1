// Where a distributor ships an order: the organisation's letterhead address (org profile). [GUESS] The
// profile holds free address lines, so the first is the street and the last "City ST ZIP"; what cannot
// be read stays a dash, which TD SYNNEX accepts as text. The country is the distributor account's.

import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import type { OrgProfile } from '../../shared/schema/org-profile-entities.ts';
import type { ShipTo } from './order-port.ts';

const clip = (text: string, max: number) => (text.trim() || '-').slice(0, max);

export function shipToOf(profile: OrgProfile | undefined, distributor: DistributorName, country = 'US'): ShipTo {
	const lines = profile?.addressLines ?? [];
	const last = lines.length > 1 ? lines.at(-1)! : '';
	const match = /^(.*?)[,\s]+([A-Z]{2})\s+(\S+)$/.exec(last.trim());
	return {
		name: clip(profile?.name ?? 'Outpost', 60),
		line1: clip(lines[0] ?? '', 60),
		city: clip(match?.[1] ?? last, 40),
		state: clip(match?.[2] ?? '', distributor === 'tdsynnex' ? 30 : 60),
		zip: clip(match?.[3] ?? '', 15),
		country
	};
}
