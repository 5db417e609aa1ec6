/** Sheet name → zip entry, through the workbook and its relationships. */
import { sheetParts } from "./workbook-parts";
import { MAIN_NS, PACKAGE_RELATIONSHIPS_NS, RELATIONSHIPS_NS } from "./xml";

const rels = (targets: [string, string, string?][]) =>
  `<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${targets.map(([id, target, type = "worksheet"]) => `<Relationship Id="${id}" Type="${RELATIONSHIPS_NS}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

test("relative and absolute targets, any prefixes, chart sheets and other parts left out", () => {
  const workbook =
    `<x:workbook xmlns:x="${MAIN_NS}" xmlns:rel="${RELATIONSHIPS_NS}"><x:sheets>` +
    `<x:sheet name="Реестр &amp; ОО" sheetId="1" rel:id="rId3"/><x:sheet name="Результаты" sheetId="2" rel:id="rId1"/><x:sheet name="Диаграмма" sheetId="3" rel:id="rId2"/>` +
    `</x:sheets></x:workbook>`;
  const relations = rels([
    ["rId1", "/xl/worksheets/sheet2.xml"],
    ["rId2", "chartsheets/sheet1.xml", "chartsheet"],
    ["rId3", "worksheets/../worksheets/sheet1.xml"],
    ["rId4", "styles.xml", "styles"],
  ]);
  expect(sheetParts(workbook, relations)).toEqual([
    { name: "Реестр & ОО", part: "xl/worksheets/sheet1.xml" },
    { name: "Результаты", part: "xl/worksheets/sheet2.xml" },
  ]);
});
