// The Autotask query body (psa-apis.md §1.4 [V]): typed filter conditions, and/or groups, and the
// small builders the sync code writes queries with. Pure; it knows nothing of HTTP.

export const COMPARISON_OPS = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginsWith', 'endsWith', 'contains'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** Booleans must be literal true/false; null is rejected by Autotask (§1.4). */
export type FilterValue = string | number | boolean;

export type FilterCondition =
	| { op: ComparisonOp; field: string; value: FilterValue; udf?: boolean }
	| { op: 'in' | 'notIn'; field: string; value: FilterValue[]; udf?: boolean }
	| { op: 'exist' | 'notExist'; field: string; udf?: boolean }
	| { op: 'and' | 'or'; items: FilterCondition[] };

export type QueryInput = {
	filter?: FilterCondition[];
	/** Fields to return; `id` is added, since queries over 500 records must include it (§1.4 [V]). */
	includeFields?: string[];
	/** 1-500 records per page; Autotask's default and maximum is 500. */
	maxRecords?: number;
};

export const MAX_PAGE_SIZE = 500;

/** A filter that matches every record: Autotask queries are always sent with at least one condition. */
export const MATCH_ALL: FilterCondition = { op: 'exist', field: 'id' };

export const eq = (field: string, value: FilterValue): FilterCondition => ({ op: 'eq', field, value });
export const gte = (field: string, value: FilterValue): FilterCondition => ({ op: 'gte', field, value });
export const inList = (field: string, value: FilterValue[]): FilterCondition => ({ op: 'in', field, value });
export const and = (...items: FilterCondition[]): FilterCondition => ({ op: 'and', items });
export const or = (...items: FilterCondition[]): FilterCondition => ({ op: 'or', items });

/**
 * The JSON body of `POST /{Entity}/query`, keyed as in the vendor's example (`MaxRecords`,
 * `IncludeFields`, `filter`).
 */
export function queryBody(input: QueryInput): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	if (input.maxRecords !== undefined) {
		body.MaxRecords = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.trunc(input.maxRecords)));
	}
	if (input.includeFields?.length) {
		const fields = input.includeFields.some((f) => f.toLowerCase() === 'id')
			? input.includeFields
			: ['id', ...input.includeFields];
		body.IncludeFields = fields;
	}
	body.filter = input.filter?.length ? input.filter : [MATCH_ALL];
	return body;
}
