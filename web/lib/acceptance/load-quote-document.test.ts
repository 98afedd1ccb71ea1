import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany, buildQuote, buildQuoteLine } from '../../../shared/test/builders.ts';
import { ORG_PROFILE_ID, type OrgProfile } from '../../../shared/schema/org-profile-entities.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { loadQuoteDocument } from './load-quote-document.ts';

let db: LocalDb;
beforeEach(() => (db = openTestDb()));
afterEach(() => destroyTestDb(db));

describe('loadQuoteDocument', () => {
	it('is null for a quote this device does not hold', async () => {
		expect(await loadQuoteDocument(db, 'nope')).toBeNull();
	});

	it('reads the quote, its lines in order, its company and contact, and the MSP’s name', async () => {
		const acme = buildCompany({ id: 'company-acme' });
		const msp = buildCompany({ id: 'company-msp', name: 'Northwind', isMsp: true });
		const quote = buildQuote({ id: 'q1', companyId: acme.id, contactId: 'contact-1' });
		const contact = {
			id: 'contact-1',
			companyId: acme.id,
			name: 'Carla',
			email: 'carla@acme.test',
			phone: '',
			jobTitle: 'CFO'
		};
		const second = buildQuoteLine({ id: 'l2', quoteId: 'q1', position: 'a1' });
		const first = buildQuoteLine({ id: 'l1', quoteId: 'q1', position: 'a0' });
		await db.companies.bulkAdd([acme, msp, buildCompany()]);
		await db.quotes.bulkAdd([quote, buildQuote({ id: 'q2' })]);
		await db.contacts.add(contact);
		await db.quoteLines.bulkAdd([second, first, buildQuoteLine({ id: 'other', quoteId: 'q2' })]);

		expect(await loadQuoteDocument(db, 'q1')).toEqual({
			quote,
			lines: [first, second],
			company: acme,
			contact,
			sender: { name: 'Northwind', addressLines: [], phone: '', email: '', website: '', logo: null }
		});
	});

	it('heads the quote with the organisation profile, which every reader replicates, over the MSP company', async () => {
		const profile: OrgProfile = {
			id: ORG_PROFILE_ID,
			name: 'Northwind Managed Services',
			addressLines: ['400 Harbour Street', 'Seattle, WA 98101'],
			phone: '+1 206 555 0142',
			email: 'quotes@northwind.example',
			website: 'northwind.example',
			logo: null,
			supportName: 'Service desk',
			supportEmail: 'support@northwind.example',
			supportPhone: ''
		};
		await db.companies.add(buildCompany({ id: 'company-msp', name: 'Northwind', isMsp: true }));
		await db.orgProfile.add(profile);
		await db.quotes.add(buildQuote({ id: 'q1' }));
		const { id: _, supportName: _n, supportEmail: _e, supportPhone: _p, ...sender } = profile;
		expect((await loadQuoteDocument(db, 'q1'))?.sender).toEqual(sender);
	});

	it('leaves out what this device does not replicate: the sender, an unknown contact', async () => {
		const quote = buildQuote({ id: 'q1', contactId: 'gone' });
		await db.quotes.add(quote);
		expect(await loadQuoteDocument(db, 'q1')).toEqual({ quote, lines: [], company: null, contact: null, sender: null });
	});
});
