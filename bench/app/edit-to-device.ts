// A change on device A rendered on device B: A's quote editor commits a new title (the change event
// of its Title field), B's editor of the same quote shows it in its heading, through A's push, the
// gateway's poke and B's pull. Both pages stamp the time on the same clock (timeOrigin + now).
// The reference is the same round trip bare: a page on A posts the same mutation with fetch, a page
// on B holds an EventSource and, on a poke, pulls with fetch until the title is in the response.

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol.ts';

const VERSIONS = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION };

type Win = typeof globalThis & {
	__seen?: Promise<number>;
	__bare?: { cookie: unknown; expect(title: string): Promise<number> };
};

/** B starts watching its heading for `title`; resolves once the watch is in place. */
async function watchHeading(page: Page, title: string): Promise<void> {
	await page.evaluate((wanted) => {
		(globalThis as Win).__seen = new Promise<number>((resolve) => {
			const seen = () => document.querySelector('h1')?.textContent === wanted;
			const observer = new MutationObserver(() => {
				if (!seen()) return;
				observer.disconnect();
				resolve(performance.timeOrigin + performance.now());
			});
			observer.observe(document.body, { childList: true, subtree: true, characterData: true });
		});
	}, title);
}

const seenAt = (page: Page) => page.evaluate(() => (globalThis as Win).__seen!);

/** The quote editor's Title field. */
export const titleField = (page: Page) => page.getByLabel('Title', { exact: true });

/** One edit from A's Title field to B's heading, in ms. */
export async function editToDevice(a: Page, b: Page, title: string): Promise<number> {
	await watchHeading(b, title);
	const sent = await titleField(a).evaluate((input: HTMLInputElement, value) => {
		input.value = value;
		const at = performance.timeOrigin + performance.now();
		input.dispatchEvent(new Event('change', { bubbles: true }));
		return at;
	}, title);
	return (await seenAt(b)) - sent;
}

/** Opens B's bare poke listener (its own client group) and leaves its cookie at the gateway's head. */
export async function openBareListener(page: Page): Promise<void> {
	await page.evaluate(
		async ({ clientID, versions }) => {
			const pull = async (cookie: unknown) => {
				const response = await fetch('/api/sync/pull', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ ...versions, clientGroupID: clientID, clientID, cookie })
				});
				if (!response.ok) throw new Error(`bare pull: ${response.status} ${await response.text()}`);
				const text = await response.text();
				const { cookie: next, more } = JSON.parse(text) as { cookie: unknown; more: boolean };
				return { text, cookie: next, more };
			};
			const bare = { cookie: null as unknown, expect: (_title: string) => Promise.resolve(0) };
			for (let more = true; more;) ({ cookie: bare.cookie, more } = await pull(bare.cookie));
			let waiting: { title: string; resolve(at: number): void } | null = null;
			let pulling = false;
			const source = new EventSource('/api/sync/events');
			source.addEventListener('poke', async () => {
				if (!waiting || pulling) return;
				pulling = true;
				try {
					for (;;) {
						const answer = await pull(bare.cookie);
						bare.cookie = answer.cookie;
						if (waiting && answer.text.includes(JSON.stringify(waiting.title))) {
							waiting.resolve(performance.timeOrigin + performance.now());
							waiting = null;
						}
						if (!waiting || !answer.more) break;
					}
				} finally {
					pulling = false;
				}
			});
			await new Promise((resolve) => source.addEventListener('hello', resolve, { once: true }));
			bare.expect = (title) => new Promise<number>((resolve) => (waiting = { title, resolve }));
			(globalThis as Win).__bare = bare;
		},
		{ clientID: randomUUID(), versions: VERSIONS }
	);
}

/** The same mutation posted bare from A, until B's bare listener has pulled it, in ms. */
export async function bareRoundTrip(
	a: Page,
	b: Page,
	push: { clientID: string; mutationID: number; quoteId: string; title: string }
): Promise<number> {
	await b.evaluate((title) => {
		(globalThis as Win).__seen = (globalThis as Win).__bare!.expect(title);
	}, push.title);
	const sent = await a.evaluate(
		async ({ clientID, mutationID, quoteId, title, versions }) => {
			const at = performance.timeOrigin + performance.now();
			const response = await fetch('/api/sync/push', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					...versions,
					clientGroupID: clientID,
					clientID,
					mutations: [{ id: mutationID, name: 'updateQuote', args: { id: quoteId, title }, timestamp: Date.now() }]
				})
			});
			if (!response.ok) throw new Error(`bare push: ${response.status} ${await response.text()}`);
			return at;
		},
		{ ...push, versions: VERSIONS }
	);
	return (await seenAt(b)) - sent;
}
