// Reads a CSV file (or text) with papaparse, chunk by chunk so a screen can show how far it got.
// Every record is kept, blank ones too, so record k is row k + 1 of the file as a spreadsheet
// shows it; what the rows mean is import-rows.ts's business.

import Papa from 'papaparse';
import type { ImportIssue } from './import-rows.ts';

export type CsvContent = { headers: string[]; rows: string[][]; issues: ImportIssue[] };

const CHUNK_BYTES = 256 * 1024;

/** `onProgress` gets the share of the input read so far, from 0 to 1. */
export function readCsv(input: File | string, onProgress: (fraction: number) => void = () => {}): Promise<CsvContent> {
	const size = typeof input === 'string' ? input.length : input.size;
	return new Promise((resolve, reject) => {
		const records: string[][] = [];
		const issues: ImportIssue[] = [];
		Papa.parse<string[]>(input, {
			skipEmptyLines: false,
			chunkSize: CHUNK_BYTES,
			chunk(results) {
				for (const error of results.errors) {
					// A delimiter papaparse had to guess is a comma, which is what we expect anyway.
					if (error.type === 'Delimiter') continue;
					// The row index is within this chunk's records.
					const row = records.length + (error.row ?? 0) + 1;
					issues.push({ row, field: 'File', problem: `This row cannot be read as CSV: ${error.message}.` });
				}
				records.push(...results.data);
				onProgress(size === 0 ? 1 : Math.min(1, results.meta.cursor / size));
			},
			complete() {
				onProgress(1);
				const [headers = [], ...rows] = records;
				resolve({ headers: headers.map((h) => h.replace(/^\uFEFF/, '').trim()), rows, issues });
			},
			error(error: Error) {
				reject(error);
			}
		});
	});
}
