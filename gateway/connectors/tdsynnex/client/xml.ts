// TD SYNNEX's XML, read and written with fast-xml-parser: documents are built from values (the builder
// escapes every text and attribute) and answers are parsed only when small, well-formed and free of
// any DOCTYPE, so no entity (external, recursive or internal) is ever declared, let alone expanded.

import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** The longest answer read: a P&A of a full batch with every warehouse is well under this. */
export const MAX_XML_CHARS = 2_000_000;
/** Deeper than any TD SYNNEX answer (Package sits at depth 6). */
const MAX_DEPTH = 24;

/** Elements that repeat: always arrays, so one and many read alike. */
const REPEATED = new Set(['skuList', 'PriceAvailabilityList', 'AvailabilityByWarehouse', 'Item', 'Package']);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// SKUs, customer and PO numbers keep their leading zeros; zod reads numbers where they are numbers.
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	isArray: (name) => REPEATED.has(name),
	maxNestedTags: MAX_DEPTH
});

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	format: false,
	suppressEmptyNode: false
});

export type XmlDocument = Record<string, unknown>;

export type ParsedXml = { ok: true; value: XmlDocument } | { ok: false; problem: string };

/** A parsed answer, or what was wrong with it (in words for an issue: "a body that is not XML"). */
export function parseXml(text: string): ParsedXml {
	if (text.length > MAX_XML_CHARS) {
		return { ok: false, problem: `a body of ${text.length} characters (at most ${MAX_XML_CHARS} are read)` };
	}
	if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
		return { ok: false, problem: 'a document type declaration (refused: no entities are expanded)' };
	}
	if (text.trim() === '') return { ok: false, problem: 'an empty body' };
	const valid = XMLValidator.validate(text);
	if (valid !== true) return { ok: false, problem: `a body that is not well-formed XML (${valid.err.msg})` };
	try {
		return { ok: true, value: parser.parse(text) as XmlDocument };
	} catch (error) {
		return { ok: false, problem: `XML that cannot be read (${error instanceof Error ? error.message : 'unknown'})` };
	}
}

/** One document with its declaration; texts and attributes are escaped by the builder. */
export function buildXml(document: XmlDocument): string {
	return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(document)}`;
}
