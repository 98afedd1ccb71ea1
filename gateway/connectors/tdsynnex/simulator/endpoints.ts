// What the simulated TD SYNNEX does with one parsed request document: checks the login and customer
// number carried in the body, then answers P&A, takes a PO or reports a PO's status (§5.2). Pure
// over the state it is given; faults that change the answer arrive as `fault`.

import type { XmlDocument } from '../client/xml.ts';
import type { Catalog } from './catalog.ts';
import type { Fault } from './faults.ts';
import type { Orders } from './orders.ts';
import {
	orderAccepted,
	orderRejected,
	orderRequestSchema,
	orderStatus,
	orderStatusRequestSchema,
	priceError,
	priceLine,
	priceRequestSchema,
	statusRejected
} from './wire.ts';

export type SimCredentials = { userName: string; password: string; customerNumber: string };

export type EndpointDeps = {
	catalog: Catalog;
	orders: Orders;
	credentials: SimCredentials;
	now: () => number;
	autoShipAfterMs: number | null;
};

/** [UNVERIFIED] texts: the seed's `Invalid customer number`, and a login refusal. */
export const SIM_TEXTS = {
	loginFailed: 'Login failed: invalid user ID or password',
	invalidCustomerNumber: 'Invalid customer number',
	duplicate: 'DUPPLICATED INSERT.. ',
	refused: 'One or more items cannot be ordered',
	notFound: 'PO not found',
	malformed: 'The request is not a valid XML document for this service'
} as const;

type Login = { user: string; password: string; customerNumber: string };

function loginProblem(deps: EndpointDeps, login: Login, fault: Fault | null): string | null {
	if (fault?.kind === 'bad_credentials') return SIM_TEXTS.loginFailed;
	if (login.user.toLowerCase() !== deps.credentials.userName.toLowerCase()) return SIM_TEXTS.loginFailed;
	if (login.password !== deps.credentials.password) return SIM_TEXTS.loginFailed;
	if (fault?.kind === 'invalid_customer_number') return SIM_TEXTS.invalidCustomerNumber;
	if (login.customerNumber !== deps.credentials.customerNumber) return SIM_TEXTS.invalidCustomerNumber;
	return null;
}

export function priceAvailability(deps: EndpointDeps, document: XmlDocument, fault: Fault | null): XmlDocument {
	const parsed = priceRequestSchema.safeParse(document);
	if (!parsed.success) return priceError('', SIM_TEXTS.malformed);
	const request = parsed.data.priceRequest;
	const problem = loginProblem(
		deps,
		{ user: request.userName, password: request.password, customerNumber: request.customerNo },
		fault
	);
	if (problem) return priceError(request.customerNo, problem);
	return {
		priceResponse: {
			customerNo: request.customerNo,
			userName: request.userName,
			PriceAvailabilityList: request.skuList.map((asked, index) => {
				const key = asked.synnexSKU ?? asked.mfgPN ?? '';
				const product = asked.synnexSKU ? deps.catalog.bySku(key) : deps.catalog.byMfgPN(key);
				return priceLine(product, Number(asked.lineNumber) || index + 1, asked);
			})
		}
	};
}

export function purchaseOrder(deps: EndpointDeps, document: XmlDocument, fault: Fault | null): XmlDocument {
	const parsed = orderRequestSchema.safeParse(document);
	if (!parsed.success) return orderRejected('', '', SIM_TEXTS.malformed);
	const { Credential, OrderRequest: request } = parsed.data.SynnexB2B;
	const login = { user: Credential.UserID, password: Credential.Password, customerNumber: request.CustomerNumber };
	const problem = loginProblem(deps, login, fault);
	if (problem) return orderRejected(request.CustomerNumber, request.PONumber, problem);
	const outcome = deps.orders.submit({
		poNumber: request.PONumber,
		customerNumber: request.CustomerNumber,
		backorder: request.BackOrderFlag !== 'N',
		forceBackorder: fault?.kind === 'backorder',
		stuck: fault?.kind === 'stays_processing',
		lines: request.Items.Item.map((item) => ({
			lineNumber: Number(item['@_lineNumber']),
			sku: item.SKU,
			quantity: Number(item.OrderQuantity),
			unitPriceCents: item.UnitPrice ? Math.round(Number(item.UnitPrice) * 100) : null
		}))
	});
	const stamp = new Date(deps.now()).toISOString().slice(0, 19);
	if (outcome.kind === 'duplicate') return orderRejected(request.CustomerNumber, request.PONumber, SIM_TEXTS.duplicate);
	if (outcome.kind === 'refused') {
		return orderRejected(request.CustomerNumber, request.PONumber, SIM_TEXTS.refused, outcome.lines);
	}
	return orderAccepted(outcome.order, stamp);
}

export function purchaseOrderStatus(deps: EndpointDeps, document: XmlDocument, fault: Fault | null): XmlDocument {
	const parsed = orderStatusRequestSchema.safeParse(document);
	if (!parsed.success) return statusRejected('', '', SIM_TEXTS.malformed);
	const { Credential, OrderStatusRequest: request } = parsed.data.SynnexB2B;
	const login = { user: Credential.UserID, password: Credential.Password, customerNumber: request.CustomerNumber };
	const problem = loginProblem(deps, login, fault);
	if (problem) return statusRejected(request.CustomerNumber, request.PONumber, problem);
	if (deps.autoShipAfterMs !== null) deps.orders.progress(deps.autoShipAfterMs);
	const order = deps.orders.find(request.CustomerNumber, request.PONumber);
	return order ? orderStatus(order) : statusRejected(request.CustomerNumber, request.PONumber, SIM_TEXTS.notFound);
}
