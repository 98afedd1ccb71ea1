import { describe, expect, it } from 'vitest';
import type { PsaPerson } from '../psa/provider.ts';
import { linkPeople, normalizeEmail, type LinkableUser } from './user-linking.ts';

const person = (overrides: Partial<PsaPerson> = {}): PsaPerson => ({
	externalId: '100',
	email: 'ana@msp.test',
	firstName: 'Ana',
	lastName: 'Lopez',
	active: true,
	...overrides
});
const user = (overrides: Partial<LinkableUser> = {}): LinkableUser => ({
	id: 'user-ana',
	email: 'ana@msp.test',
	kind: 'msp',
	externalIds: {},
	...overrides
});
const actions = (decisions: ReturnType<typeof linkPeople>) =>
	decisions.map((d) => `${d.action}:${d.person.externalId}${'userId' in d ? `→${d.userId}` : ''}`);

describe('linkPeople', () => {
	it('keeps a user already linked by the external identifier, whatever their email now says', () => {
		const decisions = linkPeople(
			'autotask',
			[user({ email: 'old@msp.test', externalIds: { autotask: '100' } })],
			[person({ email: 'new@msp.test' })],
			{ createMissing: false }
		);
		expect(actions(decisions)).toEqual(['keep:100→user-ana']);
	});

	it('prefers the identifier over an email match on another user', () => {
		const decisions = linkPeople(
			'halopsa',
			[user({ id: 'by-mail' }), user({ id: 'by-id', email: 'x@msp.test', externalIds: { halopsa: '100' } })],
			[person()],
			{ createMissing: false }
		);
		expect(actions(decisions)).toEqual(['keep:100→by-id']);
	});

	it("reads only the provider's own identifier", () => {
		const decisions = linkPeople(
			'connectwise',
			[user({ id: 'linked-in-autotask', email: 'x@msp.test', externalIds: { autotask: '100' } })],
			[person()],
			{ createMissing: false }
		);
		expect(actions(decisions)).toEqual(['unmatched:100']);
	});

	it('falls back to the email, case-insensitive and trimmed', () => {
		const decisions = linkPeople(
			'autotask',
			[user({ email: 'ana@msp.test' })],
			[person({ email: '  Ana@MSP.Test ' })],
			{
				createMissing: false
			}
		);
		expect(actions(decisions)).toEqual(['link:100→user-ana']);
	});

	it('relinks by email a user whose identifier points at a record that no longer exists', () => {
		const decisions = linkPeople('autotask', [user({ externalIds: { autotask: '999' } })], [person()], {
			createMissing: false
		});
		expect(actions(decisions)).toEqual(['link:100→user-ana']);
	});

	it('never moves a user off another live record by email', () => {
		const decisions = linkPeople(
			'autotask',
			[user({ externalIds: { autotask: '200' } })],
			[person({ externalId: '200', email: 'other@msp.test' }), person({ externalId: '100' })],
			{ createMissing: false }
		);
		expect(actions(decisions)).toEqual(['keep:200→user-ana', 'unmatched:100']);
	});

	it('matches customer contacts by identifier only, never by email', () => {
		const customer = user({ id: 'customer', kind: 'customer' });
		expect(actions(linkPeople('autotask', [customer], [person()], { createMissing: false }))).toEqual([
			'unmatched:100'
		]);
		expect(
			actions(
				linkPeople('autotask', [{ ...customer, externalIds: { autotask: '100' } }], [person()], {
					createMissing: false
				})
			)
		).toEqual(['keep:100→customer']);
	});

	it('creates a user from an unmatched record only where the provider does so', () => {
		expect(actions(linkPeople('connectwise', [], [person()], { createMissing: true }))).toEqual(['create:100']);
		expect(actions(linkPeople('autotask', [], [person()], { createMissing: false }))).toEqual(['unmatched:100']);
	});

	it('does not create a user from a record without an email', () => {
		expect(actions(linkPeople('connectwise', [], [person({ email: '  ' })], { createMissing: true }))).toEqual([
			'unmatched:100'
		]);
	});

	it('skips inactive and ineligible records with the reason', () => {
		const decisions = linkPeople(
			'connectwise',
			[user({ externalIds: { connectwise: '100' } })],
			[person({ active: false }), person({ externalId: '101', ineligible: 'license class API Member' })],
			{ createMissing: true }
		);
		expect(decisions.map((d) => (d.action === 'skip' ? d.reason : d.action))).toEqual([
			'inactive',
			'license class API Member'
		]);
	});

	it('links each user to one record at most when two records share an email', () => {
		const decisions = linkPeople('connectwise', [user()], [person(), person({ externalId: '101' })], {
			createMissing: true
		});
		expect(actions(decisions)).toEqual(['link:100→user-ana', 'create:101']);
	});
});

describe('normalizeEmail', () => {
	it('trims and lowercases, and treats blank as none', () => {
		expect(normalizeEmail(' A@B.Test ')).toBe('a@b.test');
		expect(normalizeEmail('   ')).toBeNull();
		expect(normalizeEmail(null)).toBeNull();
	});
});
