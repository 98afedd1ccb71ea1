import { describe, expect, it } from 'vitest';
import { linkRelations } from './link-header.ts';

describe('linkRelations', () => {
	it('reads the relations of §2.5’s example', () => {
		const header =
			'<https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?pageSize=50&page=2>; rel="next", <https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?pageSize=50&page=4>; rel="last"';
		expect(linkRelations(header)).toEqual({
			next: 'https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?pageSize=50&page=2',
			last: 'https://api-na.myconnectwise.net/v2025_1/apis/3.0/company/companies?pageSize=50&page=4'
		});
	});

	it('has no next on the last page, and nothing without a header', () => {
		expect(linkRelations('<https://x/a?page=1>; rel="first", <https://x/a?page=1>; rel=last').next).toBeUndefined();
		expect(linkRelations(null)).toEqual({});
	});
});
