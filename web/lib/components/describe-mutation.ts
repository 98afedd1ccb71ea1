// A person's words for each kind of change, for messages about changes the server refused.

const NAMES: Record<string, string> = {
	createQuote: 'A new quote',
	updateQuote: 'A change to a quote',
	addQuoteLine: 'A new quote line',
	updateQuoteLine: 'A change to a quote line',
	removeQuoteLine: 'Removing a quote line'
};

export function describeMutation(name: string): string {
	return NAMES[name] ?? 'A change';
}
