// Lighthouse 12 on the sign-in page with its default (mobile) preset: a mid-range phone on a slow
// 4G connection, simulated. Debian's Chromium, headless.

import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';

export type LighthouseResult = {
	performance: number;
	accessibility: number;
	/** The metrics behind the score, in ms, and what Lighthouse says is left to gain. */
	details: string;
};

/** Lighthouse's report on the sign-in page for these categories, from a Chromium of its own. */
export async function lighthouseReport(baseUrl: string, categories: string[]): Promise<Result> {
	const chrome = await chromeLauncher.launch({
		chromePath: '/usr/bin/chromium',
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	try {
		const result = await lighthouse(`${baseUrl}/`, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: categories
		});
		if (!result) throw new Error('Lighthouse returned no result');
		if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
		return result.lhr;
	} finally {
		chrome.kill();
	}
}

export async function lighthouseSignIn(baseUrl: string): Promise<LighthouseResult> {
	const lhr = await lighthouseReport(baseUrl, ['performance', 'accessibility']);
	const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
	const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
	const savingsKB = (id: string) => {
		const details = lhr.audits[id]?.details;
		return details?.type === 'opportunity' ? Math.round((details.overallSavingsBytes ?? 0) / 1024) : 0;
	};
	const details =
		`FCP ${metric('first-contentful-paint')} ms, LCP ${metric('largest-contentful-paint')} ms, ` +
		`TBT ${metric('total-blocking-time')} ms; left on the table: ${savingsKB('unused-javascript')} KB unused JS, ` +
		`${savingsKB('uses-text-compression')} KB text compression`;
	return { performance: score('performance'), accessibility: score('accessibility'), details };
}
