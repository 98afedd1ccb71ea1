// The sentence above the quote list: how many quotes, and how many of them the filters show.

const quotes = (n: number) => (n === 1 ? '1 quote' : `${n} quotes`);

export function quoteListCount(visible: number, total: number): string {
	return visible === total ? quotes(total) : `${visible} of ${quotes(total)}`;
}
