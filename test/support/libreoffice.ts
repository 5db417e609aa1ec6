import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

/** UTF-8, comma-separated, every sheet to its own file (toolchain.md: plain csv loses Cyrillic). */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Converts every sheet of an .xlsx with LibreOffice headless, an independent reader of our
 *  files, and returns sheet name → rows of text as LibreOffice shows them. */
export function readWithLibreOffice(file: string): Map<string, string[][]> {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  const outDir = mkdtempSync(join(tmpdir(), "lo-out-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", outDir, file], { stdio: "pipe", timeout: 180_000 });
  const stem = basename(file, extname(file));
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(`${stem}-`) || !name.endsWith(".csv")) continue;
    sheets.set(name.slice(stem.length + 1, -4), parseCsv(readFileSync(join(outDir, name), "utf8")));
  }
  return sheets;
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
