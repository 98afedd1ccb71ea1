import { describe, expect, it } from 'vitest';
import { forbiddenText, permissionPhrase } from './access-forbidden.ts';

describe('forbiddenText', () => {
	it('names the one permission a page needs, and whom to ask for it', () => {
		expect(forbiddenText({ kind: 'permission', anyOf: ['procurementEditor'] })).toEqual({
			reason: 'This page needs the Procurement editor permission.',
			steps: [
				'Ask your admin to give your role the Procurement editor permission at Admin › Users & Permissions › Roles.'
			]
		});
	});

	it('lists the permissions when any of several opens the page', () => {
		expect(permissionPhrase(['quoteEditor', 'procurementEditor', 'whitespaceViewer'])).toBe(
			'one of the Quote editor, Procurement editor or Whitespace viewer permissions'
		);
		expect(permissionPhrase(['productViewer', 'productEditor'])).toBe(
			'one of the Product viewer or Product editor permissions'
		);
	});

	it('tells apart no company and a link not verified', () => {
		expect(forbiddenText({ kind: 'company', cause: 'no_company' }).reason).toBe(
			'Your account is not linked to a company.'
		);
		expect(forbiddenText({ kind: 'company', cause: 'link_not_verified' }).reason).toBe(
			'Your account is linked to a company, but the link is not verified yet.'
		);
		expect(forbiddenText({ kind: 'company', cause: 'no_company' }).steps[0]).toContain('assign your company');
		expect(forbiddenText({ kind: 'company', cause: 'link_not_verified' }).steps[0]).not.toContain('assign');
	});

	it('says admin pages are for admins, and staff pages for staff', () => {
		expect(forbiddenText({ kind: 'admin' }).reason).toBe('Only admins can open this page.');
		expect(forbiddenText({ kind: 'staff' }).reason).toBe('This page is for the MSP’s own staff.');
	});
});
