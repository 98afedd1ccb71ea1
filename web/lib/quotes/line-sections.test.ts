import { describe, expect, it } from 'vitest';
import { buildQuoteLine } from '../../../shared/test/builders.ts';
import { cleanSectionName, displayOrder, groupBySection, insertIndexFor } from './line-sections.ts';

const line = (id: string, position: string, section = '') => buildQuoteLine({ id, position, section });

describe('groupBySection', () => {
	it('keeps lines without a section in one unnamed group', () => {
		const groups = groupBySection([line('b', 'a1'), line('a', 'a0')]);
		expect(groups).toEqual([
			{ name: '', lines: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })] }
		]);
	});

	it('orders groups by their first line and lines by position within a group', () => {
		const groups = groupBySection([
			line('s1', 'a3', 'Services'),
			line('h2', 'a2', 'Hardware'),
			line('h1', 'a0', 'Hardware'),
			line('s0', 'a1', 'Services')
		]);
		expect(groups.map((g) => g.name)).toEqual(['Hardware', 'Services']);
		expect(displayOrder(groups).map((l) => l.id)).toEqual(['h1', 'h2', 's0', 's1']);
	});

	it('gathers a section whose lines were interleaved by concurrent edits', () => {
		const groups = groupBySection([
			line('h1', 'a0', 'Hardware'),
			line('s1', 'a1', 'Services'),
			line('h2', 'a2', 'Hardware')
		]);
		expect(groups.map((g) => [g.name, g.lines.map((l) => l.id)])).toEqual([
			['Hardware', ['h1', 'h2']],
			['Services', ['s1']]
		]);
	});

	it('breaks position ties by id, as every device does', () => {
		const groups = groupBySection([line('y', 'a0'), line('x', 'a0')]);
		expect(displayOrder(groups).map((l) => l.id)).toEqual(['x', 'y']);
	});

	it('returns nothing for a quote without lines', () => {
		expect(groupBySection([])).toEqual([]);
	});
});

describe('insertIndexFor', () => {
	const order = [line('h1', 'a0', 'Hardware'), line('h2', 'a1', 'Hardware'), line('s1', 'a2', 'Services')];

	it('is after the last line of the section', () => {
		expect(insertIndexFor(order, 'Hardware')).toBe(2);
		expect(insertIndexFor(order, 'Services')).toBe(3);
	});

	it('is the end for a new section', () => {
		expect(insertIndexFor(order, 'Licences')).toBe(3);
		expect(insertIndexFor([], '')).toBe(0);
	});
});

describe('cleanSectionName', () => {
	it('trims, collapses spaces and caps the length', () => {
		expect(cleanSectionName('  Managed   services ')).toBe('Managed services');
		expect(cleanSectionName('x'.repeat(250))).toHaveLength(200);
		expect(cleanSectionName('   ')).toBe('');
	});
});
