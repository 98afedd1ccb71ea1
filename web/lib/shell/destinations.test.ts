import { describe, expect, it } from 'vitest';
import { currentDestination, destinationsFor, needsNavigation, splitForBar, type Access } from './destinations.ts';

const none: Access = { catalog: false, companies: false, whitespace: false, procurement: false, admin: false };
const everything: Access = { catalog: true, companies: true, whitespace: true, procurement: true, admin: true };

describe('destinationsFor', () => {
	it('gives a customer only their quotes', () => {
		expect(destinationsFor(none).map((d) => d.label)).toEqual(['Quotes']);
	});

	it('gives an admin every section, quotes first and admin last', () => {
		expect(destinationsFor(everything).map((d) => d.label)).toEqual([
			'Quotes',
			'Companies',
			'Catalog',
			'Procurement',
			'Whitespace',
			'Admin'
		]);
	});
});

describe('splitForBar', () => {
	it('keeps five sections in the bar with nothing under More', () => {
		const five = destinationsFor({ ...everything, admin: false });
		expect(splitForBar(five)).toEqual({ bar: five, more: [] });
	});

	it('moves the fifth section on under More when there are six', () => {
		const { bar, more } = splitForBar(destinationsFor(everything));
		expect([bar.map((d) => d.label), more.map((d) => d.label)]).toEqual([
			['Quotes', 'Companies', 'Catalog', 'Procurement'],
			['Whitespace', 'Admin']
		]);
	});
});

describe('needsNavigation', () => {
	it('gives a customer contact, whose only section is Quotes, no navigation bar', () => {
		expect(needsNavigation(destinationsFor(none))).toBe(false);
	});

	it('gives staff with a second section the bar', () => {
		expect(needsNavigation(destinationsFor({ ...none, companies: true }))).toBe(true);
	});
});

describe('currentDestination', () => {
	const all = destinationsFor(everything);

	it('finds the admin section from any admin page', () => {
		expect(currentDestination('/admin/integrations/halo', all)?.label).toBe('Admin');
	});

	it('does not take /quotesx for the quotes section', () => {
		expect(currentDestination('/quotesx', all)).toBeNull();
	});

	it('finds the quotes section on the list itself', () => {
		expect(currentDestination('/quotes', all)?.label).toBe('Quotes');
	});
});
