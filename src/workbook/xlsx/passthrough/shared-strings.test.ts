/** The original's shared strings, and the saved table they are appended to. */
import { appendSharedStrings, readSharedStrings, sharedStringItem, type SharedStringItems } from "./shared-strings";
import { MAIN_NS } from "./xml";

const ORIGINAL =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="4" uniqueCount="3">` +
  `<si><t>Код ОО</t></si>\n  <si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">важно: </t></r><r><t>строка</t></r></si><si><t>&lt;3&gt;</t></si></sst>`;

function items(xml: string): SharedStringItems {
  const read = readSharedStrings(xml);
  if ("reason" in read) throw new Error(read.reason);
  return read;
}

test("each item as written, rich text and entities included", () => {
  const read = items(ORIGINAL);
  expect(read.start.length).toBe(3);
  expect(sharedStringItem(read, 0)).toBe("<si><t>Код ОО</t></si>");
  expect(sharedStringItem(read, 1)).toBe('<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">важно: </t></r><r><t>строка</t></r></si>');
  expect(sharedStringItem(read, 2)).toBe("<si><t>&lt;3&gt;</t></si>");
});

test("items that could not live under the saved table's root are refused", () => {
  expect(readSharedStrings(ORIGINAL.replace(/<(\/?)(sst|si|t|r|rPr|b|sz)([ />])/g, "<$1x:$2$3").replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`))).toEqual({
    reason: "element x:sst",
  });
  expect(readSharedStrings(ORIGINAL.replace("<si><t>Код", '<si xmlns:q="urn:q"><t>Код'))).toEqual({ reason: "element si" });
  expect(readSharedStrings(ORIGINAL.replace("</si></sst>", '</si><si><t>漢</t><phoneticPr fontId="1"/></si></sst>'))).toEqual({ reason: "phonetic properties" });
});

test("appended after the saved table's own items, with its counts updated", () => {
  const saved = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="5" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>`;
  const read = items(ORIGINAL);
  const { xml, offset } = appendSharedStrings(saved, [sharedStringItem(read, 2), sharedStringItem(read, 0)], 7);
  expect(offset).toBe(2);
  expect(xml).toBe(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="12" uniqueCount="4"><si><t>a</t></si><si><t>b</t></si><si><t>&lt;3&gt;</t></si><si><t>Код ОО</t></si></sst>`,
  );
  expect(items(xml).start.length).toBe(4);
});
