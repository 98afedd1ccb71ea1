// The mutation fuzzer: every mutation in the registry, with arguments generated from its own zod
// schema (mostly well-shaped, with real ids of this and another organisation, hostile strings and
// numbers of the right type, now and then a value of any shape), pushed over real HTTP by the admin
// and by a Product viewer. Whatever is sent, the push answers 200, each mutation is applied or
// refused with a code and a sentence (never the crash code), the client's lastMutationID reaches the
// last mutation (nothing can wedge a replica), pulled rows keep their ids, and nothing of the other
// organisation changes. See sync-actor.ts for the checks and fuzz-parameters.ts for FC_SEED.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, type MutationName } from '../../shared/mutations/registry.ts';
import { DEMO_USERS } from '../demo/demo-data.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { fuzzParameters } from './fuzz-parameters.ts';
import { NASTY_STRINGS } from './hostile-json.ts';
import { liveRows, orgSnapshot } from './org-snapshot.ts';
import { argsArbitrary, type Pools } from './schema-arbitrary.ts';
import { seedOrganisation, type SeededOrganisation } from './seed-organisation.ts';
import { syncActor, type FuzzMutation, type SyncActor } from './sync-actor.ts';

const ADMIN = 'admin@demo.outpost.test';
/** Low privilege: Product viewer only, so nearly every mutation is refused after its arguments. */
const VIEWER = 'viewer@demo.outpost.test';
/** Runs per mutation and person. */
const RUNS = { sqlite: 10, postgres: 2 };
/** Runs of the mixed batches (several mutations, of any kind, in one push). */
const BATCH_RUNS = { sqlite: 25, postgres: 6 };

const NAMES = Object.keys(MUTATIONS) as MutationName[];
/** Tried first, every time, by the properties over strings. */
const EVERY_NASTY_STRING: [string][] = NASTY_STRINGS.filter((s) => s.length >= 1).map((s) => [s]);

/** The table a mutation's own `id` argument refers to, read off its name. */
function tableOfMutation(name: MutationName): string | undefined {
	const TABLES: [RegExp, string][] = [
		[/QuoteLine$/, 'quoteLines'],
		[/Quote$/, 'quotes'],
		[/Categor/, 'categories'],
		[/Product/, 'products'],
		[/PricingBook$/, 'pricingBooks'],
		[/Company$/, 'companies'],
		[/Contact$/, 'contacts'],
		[/(User|Invitation|CompanyLink|PsaLink)$/, 'users'],
		[/Role$/, 'roles'],
		[/Issues?$/, 'issues']
	];
	return TABLES.find(([re]) => re.test(name))?.[1];
}

describe.each(STORE_KINDS)('mutation fuzzer on $name', (kind) => {
	let gw: Gateway;
	let other: SeededOrganisation;
	let otherBefore: Awaited<ReturnType<typeof orgSnapshot>>;
	let pools: Pools;
	const actors = new Map<string, SyncActor>();
	const arbitraries = new Map<MutationName, fc.Arbitrary<unknown>>();

	beforeAll(async () => {
		gw = await startGateway(kind);
		other = await seedOrganisation(gw.store, 'fz');
		otherBefore = await orgSnapshot(gw.store, other.orgId);
		// The fuzzing admin must not lock out either fuzzing person, so their ids stay out of the pool.
		const protectedIds = new Set([demoUserId(ADMIN), demoUserId(VIEWER)]);
		const ids: Record<string, string[]> = { rootCauses: [] };
		const rows = [...(await liveRows(gw.store, 'org-demo'))];
		rows.push(
			...Object.entries(other.rows).flatMap(([table, list]) =>
				list.map((row): [string, unknown] => [`${table}/${row.id}`, row])
			)
		);
		for (const [key, row] of rows) {
			const [table, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
			if (protectedIds.has(id)) continue;
			(ids[table] ??= []).push(id);
			const cause = (row as { rootCause?: unknown }).rootCause;
			if (table === 'issues' && typeof cause === 'string') ids.rootCauses!.push(cause);
		}
		pools = {
			ids,
			emails: [
				...DEMO_USERS.map((u) => u.email).filter((e) => e !== ADMIN && e !== VIEWER),
				other.admin.email,
				other.customer.email,
				'ADMIN@DEMO.OUTPOST.TEST'
			]
		};
		for (const name of NAMES)
			arbitraries.set(name, argsArbitrary(MUTATIONS[name].args, { ...pools, idTable: tableOfMutation(name) }));
		actors.set(ADMIN, syncActor(await gw.login(ADMIN), 'admin'));
		actors.set(VIEWER, syncActor(await gw.login(VIEWER), 'viewer'));
	});
	afterAll(async () => {
		await gw?.close();
	});

	for (const email of [ADMIN, VIEWER]) {
		for (const name of NAMES) {
			it(`${name} as ${email.split('@')[0]}: no 5xx, named refusals, the mutation id advances`, async () => {
				const actor = actors.get(email)!;
				await fc.assert(
					fc.asyncProperty(arbitraries.get(name)!, async (args) => {
						await actor.push([{ name, args }]);
					}),
					fuzzParameters(kind, RUNS)
				);
			});
		}
	}

	it('mixed batches of any mutations, unknown names among them, never wedge the admin’s client', async () => {
		const mutation: fc.Arbitrary<FuzzMutation> = fc.oneof(
			{
				weight: 12,
				arbitrary: fc
					.constantFrom(...NAMES)
					.chain((name) => arbitraries.get(name)!.map((args): FuzzMutation => ({ name, args })))
			},
			{
				weight: 1,
				arbitrary: fc.record({
					name: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(100), '\uD800'),
					args: fc.constant({})
				})
			}
		);
		await fc.assert(
			fc.asyncProperty(fc.array(mutation, { minLength: 2, maxLength: 6 }), async (batch) => {
				await actors.get(ADMIN)!.push(batch);
			}),
			fuzzParameters(kind, BATCH_RUNS)
		);
	});

	it('a line moved to any position the schema accepts never breaks adding lines to its quote', async () => {
		const admin = actors.get(ADMIN)!;
		const positions = fc.oneof(
			fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length >= 1)),
			fc.string({ minLength: 1, maxLength: 8 })
		);
		let n = 0;
		await fc.assert(
			fc.asyncProperty(positions, async (position) => {
				n += 1;
				const quoteId = `fz-pos-quote-${n}`;
				await admin.push([
					{ name: 'createQuote', args: { id: quoteId, companyId: 'company-acme', title: 'Positions' } },
					{ name: 'addQuoteLine', args: { id: `${quoteId}-1`, quoteId, description: 'a', unitPrice: 1 } },
					{ name: 'updateQuoteLine', args: { id: `${quoteId}-1`, position } },
					{ name: 'addQuoteLine', args: { id: `${quoteId}-2`, quoteId, description: 'b', unitPrice: 1 } }
				]);
			}),
			{ ...fuzzParameters(kind, { sqlite: 40, postgres: 10 }), examples: EVERY_NASTY_STRING }
		);
	});

	it('an id the schema accepts is pulled back exactly as it was written', async () => {
		const admin = actors.get(ADMIN)!;
		const ids = fc.oneof(
			fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length >= 1)),
			fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })
		);
		await fc.assert(
			fc.asyncProperty(ids, async (id) => {
				// sync-actor checks every pulled row's id against the id inside it.
				await admin.push([{ name: 'saveCompany', args: { id: `fz-${id}`, name: 'Ids' } }]);
			}),
			{ ...fuzzParameters(kind, { sqlite: 40, postgres: 10 }), examples: EVERY_NASTY_STRING }
		);
	});

	it('changed nothing of the other organisation', async () => {
		expect(await orgSnapshot(gw.store, other.orgId)).toEqual(otherBefore);
	});
});
