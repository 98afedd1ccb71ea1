import { describe, expect, it } from 'vitest';
import { INVALID_VALUE_TEXT, matches, parseConditions } from './conditions-engine.ts';

const acme = {
	id: 7,
	name: 'Acme "Labs"',
	identifier: 'AcmeCorp',
	inactiveFlag: false,
	closedDate: null,
	dateEntered: '2016-01-02T00:00:00Z',
	company: { id: 250, name: 'Acme' },
	board: { id: 3 }
};

const holds = (conditions: string, record: Record<string, unknown> = acme) => {
	const parsed = parseConditions(conditions);
	if (!parsed.ok) throw new Error(parsed.error);
	return matches(parsed.value, record);
};

describe('conditions', () => {
	it('compares each value type of §2.5, strings case-insensitively', () => {
		expect(holds('identifier = "acmecorp"')).toBe(true);
		expect(holds(`name = 'Acme "Labs"'`)).toBe(true);
		expect(holds('name = "Acme \\"Labs\\""')).toBe(true);
		expect(holds('company/id = 250 and inactiveFlag = false')).toBe(true);
		expect(holds('closedDate = null and dateEntered > [2015-12-23T05:53:27Z]')).toBe(true);
		expect(holds('dateEntered < [2015-12-23T05:53:27Z]')).toBe(false);
		expect(holds('id != 7')).toBe(false);
	});

	it('has like with wildcards, contains, in and not in', () => {
		expect(holds('name like "Acme%"')).toBe(true);
		expect(holds('name like "*Labs*"')).toBe(true);
		expect(holds('name like "Labs%"')).toBe(false);
		expect(holds('name contains "LABS"')).toBe(true);
		expect(holds('board/id in (3, 2, 4)')).toBe(true);
		expect(holds('board/id not in (3, 2)')).toBe(false);
		expect(holds('identifier in ("Globex", "AcmeCorp")')).toBe(true);
	});

	it('binds and tighter than or, and honours parentheses', () => {
		expect(holds('id = 1 or id = 7 and inactiveFlag = false')).toBe(true);
		expect(holds('(id = 1 or id = 7) and inactiveFlag = true')).toBe(false);
		expect(holds('(name like "Fred%" and inactiveFlag = false) or company/id = 250')).toBe(true);
	});

	it('refuses what it cannot read, with ConnectWise’s words for a bad value', () => {
		expect(parseConditions('name = Acme')).toEqual({ ok: false, error: INVALID_VALUE_TEXT });
		expect(parseConditions('(id = 1').ok).toBe(false);
		expect(parseConditions('id 1').ok).toBe(false);
		expect(parseConditions('id = 1 id = 2').ok).toBe(false);
	});
});
