// Codebase discovery (psa-apis.md §2.1 [V]): `GET {site}/login/companyinfo/{companyId}`, sent without
// auth. The answer's `Codebase` makes the API root `{site}/{codebase}apis/3.0/`.

import { ok, unexpected, type ConnectwiseResult } from './failures.ts';
import type { Transport } from './transport.ts';
import { companyInfoSchema, type CompanyInfo } from './wire-schemas.ts';

export async function discoverCompanyInfo(
	transport: Transport,
	site: string,
	companyId: string
): Promise<ConnectwiseResult<CompanyInfo>> {
	const url = `${site}/login/companyinfo/${encodeURIComponent(companyId)}`;
	const answer = await transport.send({ method: 'GET', endpoint: 'GET /login/companyinfo/{id}', url }, undefined, {
		auth: false
	});
	if (!answer.ok) return answer;
	const parsed = companyInfoSchema.safeParse(answer.body);
	// An unknown company answers 200 with no codebase on some servers; it is the same mistake.
	if (!parsed.success) return unexpected(`ConnectWise has no company ${companyId} at ${site}.`, 200);
	return ok(parsed.data);
}

export function apiRoot(site: string, codebase: string): string {
	const trimmed = codebase.replace(/^\/+/, '');
	return `${site}/${trimmed.endsWith('/') ? trimmed : `${trimmed}/`}apis/3.0/`;
}
