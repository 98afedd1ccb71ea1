// Types for the untyped public client `@apigrate/autotask-restapi` (2.0.1), as far as the contract
// test uses it: one accessor per entity, answers as the client parses them (JSON, 404 → null).

declare module '@apigrate/autotask-restapi' {
	type Json = Record<string, any>;

	type EntityAccess = {
		query(search: Json): Promise<Json>;
		count(search: Json): Promise<Json>;
		get(id: number): Promise<Json | null>;
		update(toSave: Json): Promise<Json>;
		create(toSave: Json): Promise<Json>;
		replace(toSave: Json): Promise<Json>;
		delete(id: number): Promise<Json | null>;
		info(): Promise<Json>;
		fieldInfo(): Promise<Json>;
		udfInfo(): Promise<Json>;
	};

	type ChildAccess = Omit<EntityAccess, 'update' | 'create' | 'replace' | 'delete'> & {
		update(parentId: number, toSave: Json): Promise<Json>;
		create(parentId: number, toSave: Json): Promise<Json>;
		replace(parentId: number, toSave: Json): Promise<Json>;
		delete(parentId: number, id: number): Promise<Json | null>;
	};

	export class AutotaskRestApi {
		constructor(user: string, secret: string, code: string, options?: { base_url?: string; version?: string });
		zoneInfo: Json | null;
		Companies: EntityAccess;
		Contacts: EntityAccess;
		CompanyContacts: ChildAccess;
		Opportunities: EntityAccess;
		Quotes: EntityAccess;
		QuoteItems: ChildAccess;
		Products: EntityAccess;
		Resources: EntityAccess;
		TicketCharges: ChildAccess;
		_get(endpoint: string, query?: Record<string, string>): Promise<Json | null>;
	}

	export class AutotaskApiError extends Error {
		status: number;
		details: unknown;
	}
}
