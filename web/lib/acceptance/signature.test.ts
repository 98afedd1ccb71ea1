import { describe, expect, it } from 'vitest';
import { checkSignature } from './signature.ts';

describe('checkSignature', () => {
	it('accepts a typed name once the acceptance is ticked', () => {
		expect(checkSignature('Carla Customer', true)).toEqual({ ok: true, name: 'Carla Customer' });
	});

	it('trims the name and folds runs of spaces, as it will be printed', () => {
		expect(checkSignature('  Carla \t  Customer ', true)).toEqual({ ok: true, name: 'Carla Customer' });
	});

	it('takes names in any script and with punctuation', () => {
		expect(checkSignature('Zoë O’Brien-Łukasiewicz', true)).toMatchObject({ ok: true });
		expect(checkSignature('山田 太郎', true)).toMatchObject({ ok: true });
		expect(checkSignature('Cher', true)).toMatchObject({ ok: true });
	});

	it('wants a name', () => {
		expect(checkSignature('', true)).toEqual({ ok: false, field: 'name', message: 'Type your full name to sign.' });
		expect(checkSignature('   ', true)).toEqual({ ok: false, field: 'name', message: 'Type your full name to sign.' });
	});

	it('wants letters, not only digits or marks', () => {
		expect(checkSignature('1234', true)).toEqual({ ok: false, field: 'name', message: 'Type your name in letters.' });
		expect(checkSignature('---', true)).toMatchObject({ ok: false, field: 'name' });
	});

	it('refuses a name longer than the acceptance may hold', () => {
		expect(checkSignature('a'.repeat(200), true)).toMatchObject({ ok: true });
		expect(checkSignature('a'.repeat(201), true)).toEqual({
			ok: false,
			field: 'name',
			message: 'Use at most 200 characters.'
		});
	});

	it('asks for the confirmation after the name is right', () => {
		expect(checkSignature('Carla Customer', false)).toEqual({
			ok: false,
			field: 'confirm',
			message: 'Tick “I accept this quote” to confirm.'
		});
		expect(checkSignature('', false)).toMatchObject({ field: 'name' });
	});
});
