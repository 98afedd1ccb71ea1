import { describe, expect, it } from 'vitest';
import { buildXml, MAX_XML_CHARS, parseXml } from './xml.ts';

describe('TD SYNNEX XML', () => {
	it('escapes every text and attribute it writes, so a value cannot add elements', () => {
		const xml = buildXml({
			SynnexB2B: { Credential: { UserID: 'a</UserID><Admin>1', Password: 'p&"]]>' }, Item: { '@_n': '1"x' } }
		});
		expect(xml).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><SynnexB2B><Credential><UserID>a&lt;/UserID&gt;&lt;Admin&gt;1</UserID>' +
				'<Password>p&amp;&quot;]]&gt;</Password></Credential><Item n="1&quot;x"></Item></SynnexB2B>'
		);
		const back = parseXml(xml);
		expect(back).toEqual({
			ok: true,
			value: {
				SynnexB2B: { Credential: { UserID: 'a</UserID><Admin>1', Password: 'p&"]]>' }, Item: [{ '@_n': '1"x' }] }
			}
		});
	});

	it('keeps leading zeros and reads repeated elements as arrays, even one', () => {
		expect(
			parseXml(
				'<r><customerNo>00780980</customerNo><PriceAvailabilityList><lineNumber>1</lineNumber></PriceAvailabilityList></r>'
			)
		).toEqual({
			ok: true,
			value: { r: { customerNo: '00780980', PriceAvailabilityList: [{ lineNumber: '1' }] } }
		});
	});

	it('refuses a DOCTYPE outright: no external or recursive entity is ever expanded', () => {
		const billionLaughs =
			'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>';
		expect(parseXml(billionLaughs)).toEqual({
			ok: false,
			problem: 'a document type declaration (refused: no entities are expanded)'
		});
		const external = '<?xml version="1.0"?><!doctype r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
		expect(parseXml(external)).toMatchObject({ ok: false, problem: expect.stringContaining('document type') });
	});

	it('refuses a body past the cap before reading it', () => {
		const huge = `<r>${'x'.repeat(MAX_XML_CHARS)}</r>`;
		expect(parseXml(huge)).toEqual({
			ok: false,
			problem: `a body of ${huge.length} characters (at most ${MAX_XML_CHARS} are read)`
		});
	});

	it('names what is wrong with a body that is not XML, or nests too deep', () => {
		expect(parseXml('<html><body>Service Unavailable')).toMatchObject({
			ok: false,
			problem: expect.stringContaining('not well-formed XML')
		});
		expect(parseXml('')).toEqual({ ok: false, problem: 'an empty body' });
		const deep = '<x>'.repeat(100) + '</x>'.repeat(100);
		expect(parseXml(deep)).toEqual({ ok: false, problem: 'XML that cannot be read (Maximum nested tags exceeded)' });
	});
});
