// The customer's answer end to end: a contact accepts a sent quote offline with their typed name,
// and the rep's device (never reloaded) shows it accepted by that name once they reconnect. If the
// rep changed the quote after the contact opened it, the gateway refuses the acceptance and the
// contact is told and can review the new version.

import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, TABLET } from './support/admin.ts';
import { goOffline, goOnline, signIn, waitForServiceWorker } from './support/app.ts';
import { pushMutations, pushSentQuote, resendWithLineChange } from './support/sync-api.ts';

const SALES = 'sales@demo.outpost.test';
const CUSTOMER = 'customer@acme.outpost.test';

class AnswerScreen {
	constructor(readonly page: Page) {}

	async open(quoteId: string, title: string): Promise<void> {
		await this.page.goto(`/quotes/${quoteId}/answer`);
		await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}

	async accept(name: string): Promise<void> {
		const form = this.page.getByRole('form', { name: 'Accept this quote' });
		await form.getByLabel('Your full name, as your signature').fill(name);
		await form.getByRole('checkbox', { name: 'I accept this quote' }).check();
		await form.getByRole('button', { name: 'Accept quote' }).click();
	}

	line(description: string) {
		return this.page.getByRole('row').filter({ hasText: description });
	}

	outcome() {
		return this.page.getByTestId('acceptance');
	}

	status() {
		return this.page.getByRole('region', { name: /answer$/ }).getByRole('status');
	}

	alert() {
		return this.page.getByRole('region', { name: /answer$/ }).getByRole('alert');
	}
}

async function openAs(browser: import('@playwright/test').Browser, email: string, options = {}) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signIn(page, email);
	return { context, page, screen: new AnswerScreen(page) };
}

const LINES = [
	{ description: 'Backup appliance', quantity: 1, unitPrice: 329_000, billing: 'one-time' as const },
	{ description: 'Cloud retention', quantity: 10, unitPrice: 1_890, billing: 'monthly' as const }
];

test('a contact accepts offline with their name; the rep’s device shows it without reloading', async ({ browser }) => {
	const title = `Backup refresh ${randomUUID().slice(0, 8)}`;
	const sales = await openAs(browser, SALES);
	const quote = await pushSentQuote(sales.page, { companyId: 'company-acme', title }, LINES);
	await sales.screen.open(quote.id, title);
	await expect(sales.page.getByText('Waiting for the customer’s answer.')).toBeVisible();

	const customer = await openAs(browser, CUSTOMER, TABLET);
	await waitForServiceWorker(customer.page);
	// Their company's quotes are on the list they land on.
	await expect(customer.page.getByText(title)).toBeVisible();
	await customer.screen.open(quote.id, title);
	await expect(customer.screen.line('Backup appliance')).toContainText('$3,290.00');
	const totals = customer.page.getByRole('table', { name: 'Totals' });
	await expect(totals.getByRole('row', { name: /One-time/ })).toContainText('$3,290.00');
	await expect(totals.getByRole('row', { name: /Monthly/ })).toContainText('$189.00 / month');
	await expectNoSeriousA11yViolations(customer.page);

	await goOffline(customer.context);
	// Nothing is sent without the name and the confirmation.
	await customer.page.getByRole('button', { name: 'Accept quote' }).click();
	await expect(customer.page.getByRole('alert').filter({ hasText: 'Type your full name to sign.' })).toBeVisible();
	await customer.screen.accept('Carla Customer');
	await expect(customer.screen.status()).toHaveText('Your acceptance will be sent when you are back online.');
	await expect(customer.screen.outcome()).toContainText('Accepted by Carla Customer');
	await expect(customer.page.getByTestId('pending-count')).toHaveText('1 pending');
	await expectNoSeriousA11yViolations(customer.page);
	await expect(sales.page.getByText('Waiting for the customer’s answer.')).toBeVisible();

	await goOnline(customer.context);
	await expect(customer.page.getByTestId('pending-count')).toHaveCount(0, { timeout: 15_000 });
	await expect(customer.screen.status()).toHaveText('');
	// The rep's page was never reloaded: the poke and pull brought the acceptance.
	await expect(sales.screen.outcome()).toContainText(/^Accepted by Carla Customer on .+/, { timeout: 15_000 });
	await expect(sales.page.locator('.badge')).toHaveText('accepted');

	await Promise.all([sales.context.close(), customer.context.close()]);
});

test('an acceptance of a quote the rep changed meanwhile is refused, and the contact reviews it again', async ({
	browser
}) => {
	const title = `Wi-Fi survey ${randomUUID().slice(0, 8)}`;
	const sales = await openAs(browser, SALES);
	const quote = await pushSentQuote(sales.page, { companyId: 'company-acme', title }, LINES);
	await sales.screen.open(quote.id, title);

	const customer = await openAs(browser, CUSTOMER, TABLET);
	await waitForServiceWorker(customer.page);
	await customer.screen.open(quote.id, title);
	await expect(customer.screen.line('Cloud retention')).toContainText('$189.00 / month');

	// The contact reads the quote without signal; meanwhile the rep changes a line (a sent quote is
	// read-only: it is retracted, edited as a draft and sent again, in one push).
	await goOffline(customer.context);
	await pushMutations(sales.page, resendWithLineChange(quote.id, { id: quote.lineIds[1]!, quantity: 12 }));
	await expect(sales.screen.line('Cloud retention')).toContainText('$226.80 / month');
	await customer.screen.accept('Carla Customer');
	await expect(customer.screen.status()).toHaveText('Your acceptance will be sent when you are back online.');

	await goOnline(customer.context);
	await expect(customer.screen.alert()).toContainText('Your acceptance was not recorded.');
	await expect(customer.screen.alert()).toContainText('This quote changed after you opened it.');
	await expect(customer.screen.outcome()).toHaveCount(0);
	await expect(sales.page.getByText('Waiting for the customer’s answer.')).toBeVisible();
	await expectNoSeriousA11yViolations(customer.page);

	// Reviewing shows the version the rep changed; accepting that one goes through.
	await expect(customer.screen.line('Cloud retention')).toContainText('$189.00 / month');
	await customer.screen.alert().getByRole('button', { name: 'Review the new version' }).click();
	await expect(customer.screen.line('Cloud retention')).toContainText('$226.80 / month');
	await expect(customer.page.getByRole('region', { name: 'Changes the server did not accept' })).toHaveCount(0);
	await customer.screen.accept('Carla Customer');
	await expect(sales.screen.outcome()).toContainText('Accepted by Carla Customer', { timeout: 15_000 });

	await Promise.all([sales.context.close(), customer.context.close()]);
});

test('a contact reading online is told the quote changed, and can decline with a reason', async ({ browser }) => {
	const title = `Printer fleet ${randomUUID().slice(0, 8)}`;
	const sales = await openAs(browser, SALES);
	const quote = await pushSentQuote(sales.page, { companyId: 'company-acme', title }, LINES);
	await sales.screen.open(quote.id, title);

	const customer = await openAs(browser, CUSTOMER, TABLET);
	await customer.screen.open(quote.id, title);
	await pushMutations(sales.page, resendWithLineChange(quote.id, { id: quote.lineIds[0]!, unitPrice: 299_000 }));
	const changed = customer.screen.alert();
	await expect(changed).toContainText('This quote changed while you were reading it.');
	// What the contact was reading stays on screen until they ask for the new version.
	await expect(customer.screen.line('Backup appliance')).toContainText('$3,290.00');
	await changed.getByRole('button', { name: 'Show the new version' }).click();
	await expect(customer.screen.line('Backup appliance')).toContainText('$2,990.00');

	await customer.page.getByRole('button', { name: 'Decline…' }).click();
	const form = customer.page.getByRole('form', { name: 'Decline this quote' });
	await form.getByLabel('Why are you declining? (optional)').fill('We will keep the current appliance.');
	await form.getByRole('button', { name: 'Decline quote' }).click();
	await expect(sales.page.getByText('Declined: “We will keep the current appliance.”')).toBeVisible({
		timeout: 15_000
	});

	await Promise.all([sales.context.close(), customer.context.close()]);
});
