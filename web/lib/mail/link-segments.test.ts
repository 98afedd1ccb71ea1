import { describe, expect, it } from 'vitest';
import { linkSegments } from './link-segments.ts';

describe('linkSegments', () => {
	it('keeps a body without links as one text', () => {
		expect(linkSegments('Hello,\n\nNo links here.')).toEqual([{ kind: 'text', text: 'Hello,\n\nNo links here.' }]);
		expect(linkSegments('')).toEqual([]);
	});

	it('finds a link on a line of its own, as Outpost mails them', () => {
		const body = 'Hello Nell,\n\nChoose a password:\n\nhttp://localhost:8787/invite/Ab_c-9\n';
		expect(linkSegments(body)).toEqual([
			{ kind: 'text', text: 'Hello Nell,\n\nChoose a password:\n\n' },
			{ kind: 'link', href: 'http://localhost:8787/invite/Ab_c-9' },
			{ kind: 'text', text: '\n' }
		]);
	});

	it('leaves sentence punctuation after a link out of it', () => {
		expect(linkSegments('Open https://outpost.example.com/reset/x. Or (https://a.example/b).')).toEqual([
			{ kind: 'text', text: 'Open ' },
			{ kind: 'link', href: 'https://outpost.example.com/reset/x' },
			{ kind: 'text', text: '. Or (' },
			{ kind: 'link', href: 'https://a.example/b' },
			{ kind: 'text', text: ').' }
		]);
	});

	it('only makes http and https addresses links', () => {
		expect(linkSegments('javascript:alert(1) ftp://x.example mailto:a@b.c')).toEqual([
			{ kind: 'text', text: 'javascript:alert(1) ftp://x.example mailto:a@b.c' }
		]);
	});

	it('finds links at the very start and end, back to back with text', () => {
		expect(linkSegments('https://a.example/1 and https://b.example/2')).toEqual([
			{ kind: 'link', href: 'https://a.example/1' },
			{ kind: 'text', text: ' and ' },
			{ kind: 'link', href: 'https://b.example/2' }
		]);
	});
});
