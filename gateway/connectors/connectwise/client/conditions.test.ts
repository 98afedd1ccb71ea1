import { describe, expect, it } from 'vitest';
import { conditionsOf, contains, eq, isIn, literal } from './conditions.ts';

describe('conditionsOf', () => {
	it('writes each value type as §2.5 says and joins clauses with and', () => {
		expect(
			conditionsOf([
				eq('identifier', 'ACME'),
				eq('company/id', 250),
				eq('inactiveFlag', false),
				eq('closedDate', null),
				{ op: '>', field: 'dateEntered', value: new Date('2015-12-23T05:53:27.000Z') }
			])
		).toBe(
			'identifier = "ACME" and company/id = 250 and inactiveFlag = false and closedDate = null and dateEntered > [2015-12-23T05:53:27Z]'
		);
		expect(conditionsOf([isIn('board/id', [3, 2, 4]), contains('notes', 'outpost')])).toBe(
			'board/id in (3, 2, 4) and notes contains "outpost"'
		);
	});

	it('escapes quotes and backslashes inside strings', () => {
		expect(literal('Globex "West" \\ East')).toBe('"Globex \\"West\\" \\\\ East"');
	});
});
