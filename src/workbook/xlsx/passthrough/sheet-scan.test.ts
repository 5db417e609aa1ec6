/** Which worksheet parts can be copied, and the rewrite of their style ids and string indices. */
import { rewriteSheet } from "./sheet-rewrite";
import { scanSheet, type SheetScan } from "./sheet-scan";
import { MAIN_NS, RELATIONSHIPS_NS } from "./xml";

const sheet = (body: string, root = `<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">`, close = "</worksheet>") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}${body}${close}`;

const PLAIN = sheet(
  `<cols><col min="1" max="2" width="12" style="4" customWidth="1"/></cols><sheetData>` +
    `<row r="1" s="3" customFormat="1"><c r="A1" s="2" t="s"><v>5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" s="&#50;"><v>1.5</v></c></row>` +
    `<row r="2"><c r="A2" t="str"><f>A1&amp;"x"</f><v>7</v></c><c r="B2" t="inlineStr"><is><t>7</t></is></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="s"><v>5</v></c></row>` +
    `</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>`,
);

function scanned(xml: string): SheetScan {
  const result = scanSheet(xml);
  if (!result.eligible) throw new Error(result.reason);
  return result.scan;
}

const reason = (xml: string) => {
  const result = scanSheet(xml);
  return result.eligible ? null : result.reason;
};

test("a plain sheet: the style ids of cells, rows and columns, and the shared-string cells", () => {
  const scan = scanned(PLAIN);
  expect(scan.styles).toEqual([2, 3, 4]);
  expect(scan.strings).toEqual([0, 5]);
  expect(scan.sharedRefs).toBe(3);
  // only t="s" values are indices: a formula's cached text, inline text and booleans are not
  expect(scan.sites.value).toEqual([4, 3, 2, 5, 0, 2, 5]);
});

test("the rewrite changes those numbers and nothing else, entity-written ids included", () => {
  const scan = scanned(PLAIN);
  const out = rewriteSheet(scan, {
    style: new Map([
      [2, 20],
      [3, 30],
      [4, 40],
    ]),
    string: new Map([
      [0, 100],
      [5, 105],
    ]),
  });
  const expected = PLAIN.replace('style="4"', 'style="40"')
    .replace('<row r="1" s="3"', '<row r="1" s="30"')
    .replace('s="2" t="s"><v>5<', 's="20" t="s"><v>105<')
    .replace('"B1" t="s"><v>0<', '"B1" t="s"><v>100<')
    .replace('s="&#50;"', 's="20"')
    .replace('"D2" t="s"><v>5<', '"D2" t="s"><v>105<');
  expect(out).toBe(expected);
});

test("a prefixed spreadsheet namespace (<x:c>) works the same", () => {
  const xml = PLAIN.replace(/<(\/?)([a-zA-Z]+[ />])/g, "<$1x:$2").replace(`<x:worksheet xmlns="${MAIN_NS}"`, `<x:worksheet xmlns:x="${MAIN_NS}"`);
  expect(xml).toContain('<x:c r="A1" s="2" t="s"><x:v>5</x:v></x:c>');
  const scan = scanned(xml);
  expect(scan.styles).toEqual([2, 3, 4]);
  expect(scan.strings).toEqual([0, 5]);
  expect(
    rewriteSheet(scan, {
      style: new Map([
        [2, 2],
        [3, 3],
        [4, 4],
      ]),
      string: new Map([
        [0, 9],
        [5, 5],
      ]),
    }),
  ).toBe(xml.replace('"B1" t="s"><x:v>0<', '"B1" t="s"><x:v>9<').replace('s="&#50;"', 's="2"'));
});

test.each([
  ["a hyperlink", `<sheetData/><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>`, "hyperlinks"],
  ["a drawing", `<sheetData/><drawing r:id="rId1"/>`, "relationship (r:id)"],
  ["printer settings", `<sheetData/><pageSetup r:id="rId1"/>`, "relationship (r:id)"],
  [
    "a conditional format",
    `<sheetData/><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>1</formula></cfRule></conditionalFormatting>`,
    "conditionalFormatting",
  ],
  ["an extension list", `<sheetData/><extLst><ext uri="{x}"/></extLst>`, "extLst"],
  ["cell metadata", `<sheetData><row r="1"><c r="A1" cm="1"><f>SEQUENCE(2)</f><v>1</v></c></row></sheetData>`, "cell metadata (cm)"],
  ["a namespace declared inside", `<sheetData><row r="1" xmlns:q="urn:q"/></sheetData>`, "namespace declared below the root"],
  ["an element of another namespace", `<sheetData/><mc:AlternateContent/>`, "element mc:AlternateContent"],
  ["a shared-string index that is not plain digits", `<sheetData><row r="1"><c r="A1" t="s"><v><![CDATA[1]]></v></c></row></sheetData>`, "shared-string index «<![CDATA[1]]>»"],
  ["a style id that is not a number", `<sheetData><row r="1"><c r="A1" s="x"/></row></sheetData>`, "style id «x»"],
])("%s: not copied", (_what, body, why) => {
  expect(reason(sheet(body))).toBe(why);
});

test("not a worksheet, not well-formed, or not UTF-8: not copied", () => {
  expect(reason(`<chartsheet xmlns="${MAIN_NS}"/>`)).toBe("root chartsheet");
  expect(reason(sheet("<sheetData>"))).toMatch(/^not well-formed/);
  expect(reason(`<?xml version="1.0" encoding="windows-1251"?><worksheet xmlns="${MAIN_NS}"/>`)).toBe("encoding windows-1251");
  expect(reason(`<!DOCTYPE worksheet [<!ATTLIST c s CDATA "1">]><worksheet xmlns="${MAIN_NS}"/>`)).toBe("DOCTYPE");
});
