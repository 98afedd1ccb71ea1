import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeZodError } from './describe-zod-error.ts';

const schema = z.object({ id: z.string(), lines: z.array(z.object({ position: z.string() })) });
const issues = (value: unknown) => schema.safeParse(value).error!;

describe('describeZodError', () => {
	it('names each wrong field of a request body by its path', () => {
		expect(describeZodError(issues({ id: 1, lines: [{ position: 2 }] }))).toBe(
			'id: Invalid input: expected string, received number; lines.0.position: Invalid input: expected string, received number'
		);
		expect(describeZodError(issues(5))).toBe('body: Invalid input: expected object, received number');
	});

	it('puts the root it is given in front of every path', () => {
		expect(describeZodError(issues({ id: 'x', lines: [{}] }), 'args')).toBe(
			'args.lines.0.position: Invalid input: expected string, received undefined'
		);
		expect(describeZodError(issues(null), 'args')).toBe('args: Invalid input: expected object, received null');
	});
});
