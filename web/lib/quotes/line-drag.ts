// Drag reordering for a list of quote lines, attached once to the list rather than to each line: a
// long quote opens with hundreds of lines, and four listeners on each were a tenth of its render.
// A line is dragged by its number (`.number[draggable="true"]`) and dropped on the top or bottom
// half of another; the line under the pointer is marked with `drop-before` or `drop-after`.

import type { Attachment } from 'svelte/attachments';

const DRAG_TYPE = 'application/x-outpost-line';
const MARKS = ['drop-before', 'drop-after'] as const;

type Side = 'before' | 'after';

function rowOf(event: Event): HTMLElement | null {
	return (event.target as Element | null)?.closest?.<HTMLElement>('[data-line-id]') ?? null;
}

function sideOf(row: HTMLElement, event: DragEvent): Side {
	const box = row.getBoundingClientRect();
	return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
}

/**
 * Lets the rows under the element be dragged onto each other while `enabled()` holds;
 * `onplace(draggedId, targetId, side)` moves the line.
 */
export function lineDrag(
	enabled: () => boolean,
	onplace: (id: string, targetId: string, side: Side) => void
): Attachment<HTMLElement> {
	return (list) => {
		let marked: HTMLElement | null = null;
		const mark = (row: HTMLElement | null, side: Side | null) => {
			if (marked && marked !== row) marked.classList.remove(...MARKS);
			marked = row;
			if (row && side) {
				row.classList.toggle('drop-before', side === 'before');
				row.classList.toggle('drop-after', side === 'after');
			} else row?.classList.remove(...MARKS);
		};
		const ondragstart = (event: DragEvent) => {
			const handle = (event.target as Element | null)?.closest?.('.number[draggable="true"]');
			const row = handle && rowOf(event);
			if (!row || !event.dataTransfer) return;
			event.dataTransfer.setData(DRAG_TYPE, row.dataset.lineId!);
			event.dataTransfer.effectAllowed = 'move';
		};
		const ondragover = (event: DragEvent) => {
			const row = rowOf(event);
			if (!row || !enabled() || !event.dataTransfer?.types.includes(DRAG_TYPE)) return;
			event.preventDefault();
			event.dataTransfer.dropEffect = 'move';
			mark(row, sideOf(row, event));
		};
		const ondragleave = () => mark(null, null);
		const ondrop = (event: DragEvent) => {
			const row = rowOf(event);
			const dragged = event.dataTransfer?.getData(DRAG_TYPE);
			mark(null, null);
			if (!row || !dragged || !enabled()) return;
			event.preventDefault();
			onplace(dragged, row.dataset.lineId!, sideOf(row, event));
		};
		list.addEventListener('dragstart', ondragstart);
		list.addEventListener('dragover', ondragover);
		list.addEventListener('dragleave', ondragleave);
		list.addEventListener('drop', ondrop);
		list.addEventListener('dragend', ondragleave);
		return () => {
			list.removeEventListener('dragstart', ondragstart);
			list.removeEventListener('dragover', ondragover);
			list.removeEventListener('dragleave', ondragleave);
			list.removeEventListener('drop', ondrop);
			list.removeEventListener('dragend', ondragleave);
		};
	};
}
