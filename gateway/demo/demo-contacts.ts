// The customers' contacts of the demo organisation: two to four a company, drawn from name tables
// by a seeded generator, so every start (and every test gateway) gets the same people.

import type { Contact } from '../../shared/schema/catalog-entities.ts';

const FIRST_NAMES = [
	'Alex',
	'Priya',
	'Jordan',
	'Mei',
	'Tomás',
	'Grace',
	'Omar',
	'Hannah',
	'Luca',
	'Aisha',
	'Ben',
	'Chloé',
	'Daniel',
	'Elena',
	'Farid',
	'Ines',
	'Kofi',
	'Laura',
	'Marcus',
	'Nora',
	'Pablo',
	'Rosa',
	'Sven',
	'Yuki'
];
const LAST_NAMES = [
	'Nguyen',
	'Patel',
	'García',
	'Okafor',
	'Schmidt',
	'Kowalski',
	'Rossi',
	'Haddad',
	'Lindqvist',
	'Murphy',
	'Tanaka',
	'Silva',
	'Dubois',
	'Jensen',
	'Cohen',
	'Mensah',
	'Moreau',
	'Fischer',
	'Brennan',
	'Alvarez'
];
const JOB_TITLES = [
	'Office Manager',
	'IT Lead',
	'Chief Financial Officer',
	'Operations Director',
	'Managing Partner',
	'Practice Manager',
	'Procurement Officer',
	'Head of Facilities',
	'Chief Executive Officer',
	'Finance Assistant'
];

/** mulberry32: a tiny seeded generator, good enough to pick demo names. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function asciiLocal(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/** The Acme contact who is also the demo customer account. */
const ACME_CUSTOMER = { name: 'Carla Customer', email: 'customer@acme.outpost.test', jobTitle: 'Office Manager' };

export function demoContacts(companies: readonly { id: string; isMsp?: boolean }[]): Contact[] {
	const random = seededRandom(5);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
	const contacts: Contact[] = [];
	for (const company of companies.filter((c) => !c.isMsp)) {
		const slug = company.id.replace(/^company-/, '');
		const count = 2 + Math.floor(random() * 3);
		const used = new Set<string>();
		for (let n = 1; n <= count; n++) {
			const first = pick(FIRST_NAMES);
			let last = pick(LAST_NAMES);
			while (used.has(`${first} ${last}`)) last = pick(LAST_NAMES);
			used.add(`${first} ${last}`);
			const email = `${asciiLocal(first)}.${asciiLocal(last)}@${slug}.outpost.test`;
			const drawn = { name: `${first} ${last}`, email, jobTitle: pick(JOB_TITLES) };
			const person = slug === 'acme' && n === 1 ? ACME_CUSTOMER : drawn;
			contacts.push({
				id: `contact-${slug}-${n}`,
				companyId: company.id,
				...person,
				phone: `+1 555 ${String(100 + Math.floor(random() * 900))} ${String(1000 + Math.floor(random() * 9000))}`
			});
		}
	}
	return contacts;
}
