// Page objects for Admin › Tools › Issues and Admin › Integrations.

import { expect, type Page } from '@playwright/test';

export class IssuesScreen {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/admin/issues');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();
	}

	/** The group of issues whose heading starts with `title` ("Category Laptops has no valid …"). */
	group(title: string) {
		return this.page.getByRole('region', { name: new RegExp(`^${escape(title)}`) });
	}

	issue(entityLabel: string) {
		return this.page.getByRole('article', { name: entityLabel });
	}

	/** By the issue's id (`autotask:syncQuote:<quote id>`), which names the quote whatever its label. */
	issueOf(id: string) {
		return this.page.locator(`article[data-issue-id="${id}"]`);
	}

	empty() {
		return this.page.getByText('No sync issues.');
	}

	progress() {
		return this.page.getByRole('status').filter({ hasText: /retried|Retrying:/ });
	}
}

export class IntegrationScreen {
	constructor(readonly page: Page) {}

	async open(provider: 'autotask' | 'connectwise' | 'halopsa', label: string): Promise<void> {
		await this.page.goto(`/admin/integrations/${provider}`);
		await expect(this.page.getByRole('heading', { level: 1, name: label })).toBeVisible();
	}

	credentials(label: string) {
		return this.page.getByRole('form', { name: `${label} credentials` });
	}

	categoryCode(category: string) {
		return this.page.getByRole('list', { name: 'Category billing codes' }).getByRole('combobox', { name: category });
	}
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
