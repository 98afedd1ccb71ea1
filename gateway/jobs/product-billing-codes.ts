// The job 'updateProductBillingCodes' (entity: a category): a category whose billing code mapping
// was fixed brings the products already in the PSA to the new code, one PSA update per product that
// is not on it yet. Each product's new code is remembered with the progress row in one transaction,
// so a run that stops (a restart, a spent budget, a retry) resumes with the products still to do;
// a mapping changed again while it runs is picked up before it ends. Calls go through the budget.

import { billingCodeUpdateId, type BillingCodeUpdate } from '../../shared/schema/billing-code-entities.ts';
import type { PsaAdapter, PsaFailure, SyncContext } from '../psa/provider.ts';
import type { Handled, HandlerDeps } from './job-handlers.ts';
import { linkedProducts, needsCode, PRODUCT_BILLING_CODE_LINK } from './product-billing-code-targets.ts';
import { linksOn } from './store-sync-context.ts';

const done = (summary: string): Handled => ({ ok: true, value: { warnings: [], summary } });

export async function runProductBillingCodes(
	adapter: PsaAdapter,
	ctx: SyncContext,
	categoryId: string,
	deps: HandlerDeps
): Promise<Handled> {
	if (!adapter.products) return done('Not supported by this PSA: its products carry no billing code.');
	const runId = billingCodeUpdateId(deps.provider, categoryId);
	const failed = new Map<string, PsaFailure>();
	for (;;) {
		const category = await ctx.data.get('categories', categoryId);
		const code = category?.billingCodeId ?? null;
		if (!category || code === null) return done('The category has no billing code: nothing to update.');
		const productIds = (await ctx.data.byIndex('products', 'categoryId', categoryId)).map((p) => p.id);
		const linked = await linkedProducts(deps.store.db, deps.orgId, deps.provider, productIds);
		const pending = linked.filter((p) => needsCode(p, code) && !failed.has(p.productId));
		await startOrResume(deps, ctx, { runId, categoryId, label: category.name, code }, linked.length, pending.length);
		if (pending.length === 0) return finish(deps, ctx, runId, failed, categoryId);

		for (const product of pending) {
			// A mapping changed again mid-run: start over with the new code rather than send the old one on.
			if ((await ctx.data.get('categories', categoryId))?.billingCodeId !== code) break;
			const result = await adapter.products.updateBillingCode(ctx, product.externalId, code);
			if (!result.ok) {
				if (result.kind !== 'permanent') return failRun(deps, ctx, runId, result);
				failed.set(product.productId, result);
				continue;
			}
			await deps.write(deps.orgId, async (tx, trx) => {
				await linksOn(trx, deps.orgId, deps.provider).set(PRODUCT_BILLING_CODE_LINK, product.productId, code);
				const row = await tx.get('billingCodeUpdates', runId);
				if (row) {
					const doneCount = Math.min(row.total, row.done + 1);
					await tx.put('billingCodeUpdates', {
						...row,
						done: doneCount,
						updated: row.updated + 1,
						updatedAt: ctx.now()
					});
				}
			});
		}
	}
}

/** A row for this code: kept when a run for the same code resumes, fresh when the code is new. */
async function startOrResume(
	deps: HandlerDeps,
	ctx: SyncContext,
	{ runId, categoryId, label, code }: { runId: string; categoryId: string; label: string; code: string },
	total: number,
	pending: number
): Promise<void> {
	return deps.write(deps.orgId, async (tx) => {
		const existing = await tx.get('billingCodeUpdates', runId);
		const now = ctx.now();
		const resumes = existing?.state === 'running' && existing.billingCodeId === code;
		const row: BillingCodeUpdate = {
			id: runId,
			provider: deps.provider,
			categoryId,
			label: label.slice(0, 300),
			billingCodeId: code,
			state: 'running',
			done: total - pending,
			total,
			updated: resumes ? existing.updated : 0,
			startedAt: resumes ? existing.startedAt : now,
			updatedAt: now,
			finishedAt: null,
			message: ''
		};
		await tx.put('billingCodeUpdates', row);
	});
}

async function finish(
	deps: HandlerDeps,
	ctx: SyncContext,
	runId: string,
	failed: Map<string, PsaFailure>,
	categoryId: string
): Promise<Handled> {
	const first = [...failed.values()][0];
	const message = first ? `${failed.size} products could not be updated: ${first.message}` : '';
	const now = ctx.now();
	const run = await deps.write(deps.orgId, async (tx) => {
		const row = (await tx.get('billingCodeUpdates', runId))!;
		const finished: BillingCodeUpdate = {
			...row,
			state: first ? 'failed' : 'done',
			updatedAt: now,
			finishedAt: now,
			message: message.slice(0, 2_000)
		};
		await tx.put('billingCodeUpdates', finished);
		return finished;
	});
	if (first) {
		return {
			...first,
			message: message.slice(0, 2_000),
			rootCause: first.message.includes('BillingCode') ? { kind: 'categoryBillingCode', categoryId } : first.rootCause
		};
	}
	return done(
		`${run.label}: ${run.updated} products updated to billing code ${run.billingCodeId}, ${run.total} linked.`
	);
}

/** The runner retries a transient failure; the row says why it waits. */
async function failRun(deps: HandlerDeps, ctx: SyncContext, runId: string, failure: PsaFailure): Promise<Handled> {
	await deps.write(deps.orgId, async (tx) => {
		const row = await tx.get('billingCodeUpdates', runId);
		if (row)
			await tx.put('billingCodeUpdates', { ...row, message: failure.message.slice(0, 2_000), updatedAt: ctx.now() });
	});
	return failure;
}
