import { describe, expect, it } from 'vitest';
import { buildQuote, buildQuoteLine } from '../../../shared/test/builders.ts';
import { planPatch } from './patch-plan.ts';

describe('planPatch', () => {
	const q1 = buildQuote({ id: 'q1' });
	const l1 = buildQuoteLine({ id: 'l1' });

	it('groups puts and deletes per table', () => {
		const plan = planPatch([
			{ op: 'put', table: 'quotes', id: 'q1', value: q1 },
			{ op: 'put', table: 'quoteLines', id: 'l1', value: l1 },
			{ op: 'del', table: 'quoteLines', id: 'l2' }
		]);
		expect(plan.clear).toBe(false);
		expect(plan.puts).toEqual(
			new Map([
				['quotes', [q1]],
				['quoteLines', [l1]]
			])
		);
		expect(plan.deletes).toEqual(new Map([['quoteLines', ['l2']]]));
	});

	it('settles each row by its last operation', () => {
		const renamed = { ...q1, title: 'Renamed' };
		const plan = planPatch([
			{ op: 'put', table: 'quotes', id: 'q1', value: q1 },
			{ op: 'del', table: 'quotes', id: 'q1' },
			{ op: 'put', table: 'quotes', id: 'q1', value: renamed },
			{ op: 'put', table: 'quoteLines', id: 'l1', value: l1 },
			{ op: 'del', table: 'quoteLines', id: 'l1' }
		]);
		expect(plan.puts).toEqual(new Map([['quotes', [renamed]]]));
		expect(plan.deletes).toEqual(new Map([['quoteLines', ['l1']]]));
	});

	it('a clear forgets everything before it', () => {
		const plan = planPatch([
			{ op: 'put', table: 'quotes', id: 'q1', value: q1 },
			{ op: 'clear' },
			{ op: 'put', table: 'quoteLines', id: 'l1', value: l1 }
		]);
		expect(plan.clear).toBe(true);
		expect(plan.puts).toEqual(new Map([['quoteLines', [l1]]]));
	});

	it('skips unknown tables silently and reports rows it cannot read', () => {
		const plan = planPatch([
			{ op: 'put', table: 'futureThings', id: 'x', value: {} },
			{ op: 'put', table: 'quotes', id: 'bad', value: { id: 'bad' } }
		]);
		expect(plan.puts.size).toBe(0);
		expect(plan.invalid).toHaveLength(1);
		expect(plan.invalid[0]).toMatchObject({ table: 'quotes', id: 'bad' });
		expect(plan.invalid[0]!.problem).toMatch(/companyId/);
	});
});
