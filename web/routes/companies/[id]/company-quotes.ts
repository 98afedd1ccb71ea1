// A company's quotes as the quote list rows want them: newest change first, named after the company.

import type { Company, Quote } from '../../../../shared/schema/entities.ts';
import type { QuoteListItem } from '$lib/quotes/quote-list-filter.ts';

export function companyQuotes(company: Pick<Company, 'id' | 'name'>, quotes: readonly Quote[]): QuoteListItem[] {
	return quotes
		.filter((quote) => quote.companyId === company.id)
		.map((quote) => ({ ...quote, companyName: company.name }))
		.sort((a, b) => b.updatedAt - a.updatedAt);
}
