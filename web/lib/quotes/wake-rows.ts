// When a long list's plain-text rows become full rows: as one comes within a screen's height of the
// viewport (one IntersectionObserver for the page), or, failing that, when the browser is idle, a
// few at a time in list order, so every row is complete soon after the list opens without holding
// up its first paint or the rep's typing. Each row wakes once. Without IntersectionObserver (a test
// DOM) a row wakes at once.

import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/** Time given to waking rows per idle slice, below a frame. */
const SLICE_MS = 8;

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;
let scheduled = false;

function watcher(): IntersectionObserver {
	observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) if (entry.isIntersecting) wake(entry.target);
		},
		{ rootMargin: '100% 0px' }
	);
	return observer;
}

function wake(element: Element): void {
	const onwake = waiting.get(element);
	forget(element);
	onwake?.();
}

function forget(element: Element): void {
	waiting.delete(element);
	observer?.unobserve(element);
}

function wakeSome(deadline?: IdleDeadline): void {
	scheduled = false;
	const end = performance.now() + Math.min(deadline?.timeRemaining() ?? SLICE_MS, SLICE_MS);
	for (const element of waiting.keys()) {
		wake(element);
		flushSync();
		if (performance.now() >= end) break;
	}
	schedule();
}

function schedule(): void {
	if (scheduled || waiting.size === 0) return;
	scheduled = true;
	if (typeof requestIdleCallback === 'function') requestIdleCallback(wakeSome, { timeout: 1_000 });
	else setTimeout(wakeSome, 16);
}

/** Calls `onwake` once: when the element comes near the viewport, or in a later idle moment. */
export function wakeNearOrIdle(onwake: () => void): Attachment<Element> {
	return (element) => {
		if (typeof IntersectionObserver === 'undefined') return void onwake();
		waiting.set(element, onwake);
		watcher().observe(element);
		schedule();
		return () => forget(element);
	};
}
