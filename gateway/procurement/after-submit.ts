// The hook for what follows a placed order outside the distributor: the PSA's purchase order (the
// Autotask PO with its configured billing code is another piece of work, issue 13). It is called once
// per run that finds the order placed, so whatever hangs here must itself be idempotent.

import type { PurchaseOrder, PurchaseOrderLine } from '../../shared/schema/purchase-order-entities.ts';

export type OrderSubmittedHook = (orgId: string, order: PurchaseOrder, lines: PurchaseOrderLine[]) => Promise<void>;

/** Nothing yet: the PSA purchase order plugs in here (JobRunnerDeps.onOrderSubmitted). */
export const noPsaPurchaseOrder: OrderSubmittedHook = async () => {};
