// One exchange with TD SYNNEX's XML API: the XML document posted raw (`application/xml`, §5.2 [3P]) to
// one path, the onRequest hook around the common exchange (timeout, call counter), then TD SYNNEX's
// classification. The credentials travel in the document, never in headers. No retries here.

import {
	createTransportCore,
	type HookedTransportOptions,
	type RequestHook as CoreRequestHook
} from '../../common/transport-core.ts';
import { classifyResponse, type Classified } from './classify-response.ts';
import { TDSYNNEX_MESSAGES } from './failures.ts';

export type TdSynnexPath = '/SynnexXML/PriceAvailability' | '/SynnexXML/PO' | '/SynnexXML/POStatus';

export type RequestInfo = {
	method: 'POST';
	/** `POST /SynnexXML/PO`: the key calls are counted by. */
	endpoint: string;
	url: string;
};

export type RequestHook = CoreRequestHook<RequestInfo>;
export type TransportOptions = Omit<HookedTransportOptions<RequestInfo>, 'headers'> & { baseUrl: string };

export type Transport = {
	post(path: TdSynnexPath, xml: string): Promise<Classified>;
	calls(): Record<string, number>;
};

export function createTransport(opts: TransportOptions): Transport {
	const core = createTransportCore({
		...opts,
		name: 'TD SYNNEX',
		connectionResetMessage: TDSYNNEX_MESSAGES.connectionReset,
		classify: classifyResponse
	});
	const base = opts.baseUrl.replace(/\/+$/, '');
	return {
		async post(path, xml) {
			const info: RequestInfo = { method: 'POST', endpoint: `POST ${path}`, url: `${base}${path}` };
			const release = await opts.onRequest?.(info);
			try {
				return await core.send({ ...info, headers: { Accept: 'application/xml' }, body: { xml } });
			} finally {
				if (typeof release === 'function') release();
			}
		},
		calls: core.calls
	};
}
