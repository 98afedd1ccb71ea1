import { describe, expect, it } from 'vitest';
import { buildQuote } from '../../../shared/test/builders.ts';
import { answerView, latestAnswer, mayAnswer, pendingNote, type AnswerViewInput } from './answer-view.ts';

const acceptance = { name: 'Carla Customer', at: 1, contentHash: 'h' };

function input(overrides: Partial<AnswerViewInput> = {}): AnswerViewInput {
	return {
		quote: buildQuote({ status: 'sent' }),
		mayAnswer: true,
		pending: null,
		refusal: null,
		changed: false,
		online: true,
		...overrides
	};
}

describe('mayAnswer', () => {
	const quote = buildQuote({ companyId: 'company-acme' });

	it('lets a contact of the quoted company answer', () => {
		expect(mayAnswer({ kind: 'customer', companyId: 'company-acme', isAdmin: false }, quote)).toBe(true);
	});

	it('does not let a contact of another company answer', () => {
		expect(mayAnswer({ kind: 'customer', companyId: 'company-globex', isAdmin: false }, quote)).toBe(false);
	});

	it('does not let MSP staff answer for the customer, unless admin', () => {
		expect(mayAnswer({ kind: 'msp', companyId: 'company-acme', isAdmin: false }, quote)).toBe(false);
		expect(mayAnswer({ kind: 'msp', companyId: 'company-northwind', isAdmin: true }, quote)).toBe(true);
	});
});

describe('latestAnswer', () => {
	it('finds nothing in an empty outbox or among other changes', () => {
		expect(latestAnswer([], 'q1')).toBeNull();
		expect(latestAnswer([{ id: 1, name: 'updateQuote', args: { id: 'q1' } }], 'q1')).toBeNull();
	});

	it('finds the newest answer to this quote, with its mutation id', () => {
		const outbox = [
			{ id: 3, name: 'acceptQuote', args: { id: 'q1', name: 'A', contentHash: 'h' } },
			{ id: 4, name: 'acceptQuote', args: { id: 'q2', name: 'A', contentHash: 'h' } },
			{ id: 7, name: 'declineQuote', args: { id: 'q1', reason: '' } },
			{ id: 5, name: 'acceptQuote', args: { id: 'q1', name: 'A', contentHash: 'h' } }
		];
		expect(latestAnswer(outbox, 'q1')).toEqual({ kind: 'decline', mutationID: 7 });
		expect(latestAnswer(outbox, 'q2')).toEqual({ kind: 'accept', mutationID: 4 });
	});

	it('ignores entries whose arguments are not an object with an id', () => {
		const outbox = [
			{ id: 1, name: 'acceptQuote', args: null },
			{ id: 2, name: 'acceptQuote', args: 'q1' },
			{ id: 3, name: 'toString', args: { id: 'q1' } }
		];
		expect(latestAnswer(outbox, 'q1')).toBeNull();
	});
});

describe('answerView', () => {
	it('offers the answer on a sent quote to someone who may answer', () => {
		expect(answerView(input())).toEqual({ kind: 'answerable' });
	});

	it('tells MSP staff it waits for the customer', () => {
		expect(answerView(input({ mayAnswer: false }))).toEqual({ kind: 'awaiting' });
		expect(answerView(input({ mayAnswer: false, changed: true }))).toEqual({ kind: 'awaiting' });
	});

	it('asks to review first when the content changed under the reader', () => {
		expect(answerView(input({ changed: true }))).toEqual({ kind: 'changed' });
	});

	it('shows who accepted and when', () => {
		const quote = buildQuote({ status: 'accepted', acceptance });
		expect(answerView(input({ quote }))).toEqual({ kind: 'accepted', acceptance, pendingNote: null });
		expect(answerView(input({ quote, mayAnswer: false, changed: true }))).toMatchObject({ kind: 'accepted' });
	});

	it('says an acceptance still on this device will be sent when back online', () => {
		const quote = buildQuote({ status: 'accepted', acceptance });
		expect(answerView(input({ quote, pending: 'accept', online: false }))).toEqual({
			kind: 'accepted',
			acceptance,
			pendingNote: 'Your acceptance will be sent when you are back online.'
		});
		expect(answerView(input({ quote, pending: 'accept', online: true }))).toMatchObject({
			pendingNote: 'Sending your acceptance…'
		});
	});

	it('shows a decline and its reason, pending or not', () => {
		const quote = buildQuote({ status: 'declined', declineReason: 'Too expensive' });
		expect(answerView(input({ quote }))).toEqual({ kind: 'declined', reason: 'Too expensive', pendingNote: null });
		expect(answerView(input({ quote, pending: 'decline', online: false }))).toMatchObject({
			pendingNote: 'Your answer will be sent when you are back online.'
		});
		// An acceptance note never shows beside a decline.
		expect(answerView(input({ quote, pending: 'accept' }))).toMatchObject({ pendingNote: null });
	});

	it('puts a refusal first, telling a changed quote apart', () => {
		const refusal = {
			kind: 'accept' as const,
			code: 'quote_changed',
			message: 'This quote changed after you opened it.'
		};
		expect(answerView(input({ refusal, changed: true }))).toEqual({
			kind: 'refused',
			title: 'Your acceptance was not recorded.',
			message: 'This quote changed after you opened it.',
			quoteChanged: true
		});
		const other = { kind: 'decline' as const, code: 'not_awaiting_answer', message: 'This quote is retracted.' };
		expect(answerView(input({ refusal: other, quote: buildQuote({ status: 'retracted' }) }))).toEqual({
			kind: 'refused',
			title: 'Your answer was not recorded.',
			message: 'This quote is retracted.',
			quoteChanged: false
		});
	});

	it('explains why a draft or a withdrawn quote cannot be answered', () => {
		expect(answerView(input({ quote: buildQuote({ status: 'draft' }) }))).toEqual({
			kind: 'closed',
			message: 'This quote is still being prepared. It can be answered once it is sent.'
		});
		expect(answerView(input({ quote: buildQuote({ status: 'retracted' }) }))).toEqual({
			kind: 'closed',
			message: 'This quote was withdrawn. Ask your account manager for a new version.'
		});
	});
});

describe('pendingNote', () => {
	it('words each answer for online and offline', () => {
		expect(pendingNote('accept', false)).toBe('Your acceptance will be sent when you are back online.');
		expect(pendingNote('accept', true)).toBe('Sending your acceptance…');
		expect(pendingNote('decline', false)).toBe('Your answer will be sent when you are back online.');
		expect(pendingNote('decline', true)).toBe('Sending your answer…');
	});
});
