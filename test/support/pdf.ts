/**
 * Print checks with LibreOffice headless and poppler: an .xlsx to PDF (own profile, so a
 * running LibreOffice is not disturbed), each page's text and word boxes (pdftotext), its
 * pictures (pdfimages) and PNG pictures of the pages (pdftoppm).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

export function hasPrintTools(): boolean {
  try {
    for (const tool of ["soffice", "pdftoppm", "pdftotext", "pdfimages"]) execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

export function xlsxToPdf(file: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, file], { stdio: "pipe", timeout: 240_000 });
  return join(outDir, `${basename(file, extname(file))}.pdf`);
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** The text of each page (pages separated by form feeds in pdftotext's output). */
export function pageTexts(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Word boxes of each page (pdftotext -bbox). */
export function pageWords(pdf: string): Word[][] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return html.split("<page ").slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5],
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

/** Pairs of words on a page whose boxes overlap by more than `share` of the smaller one. */
export function overlappingWords(words: Word[], share = 0.3): [Word, Word][] {
  const out: [Word, Word][] = [];
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].yMin < a.yMax; j++) {
      const b = sorted[j];
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (w <= 0 || h <= 0) continue;
      const smaller = Math.min((a.xMax - a.xMin) * (a.yMax - a.yMin), (b.xMax - b.xMin) * (b.yMax - b.yMin));
      if (w * h > share * smaller) out.push([a, b]);
    }
  }
  return out;
}

/** Pictures on one page (1-based), as pdfimages lists them. */
export function imagesOnPage(pdf: string, page: number): { width: number; height: number }[] {
  const list = execFileSync("pdfimages", ["-list", "-f", String(page), "-l", String(page), pdf], { encoding: "utf8" });
  return list
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "")
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[2] === "image")
    .map((f) => ({ width: Number(f[3]), height: Number(f[4]) }));
}

/** PNG pictures of the pages, named by `names[i]` (page i + 1) in `dir`; returns the files. */
export function renderPages(pdf: string, dir: string, names: string[], dpi = 70): string[] {
  const tmp = mkdtempSync(join(tmpdir(), "pages-"));
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, join(tmp, "p")], { stdio: "pipe", timeout: 240_000 });
  const files = readdirSync(tmp)
    .filter((f) => f.endsWith(".png"))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]));
  return files.map((f, i) => {
    const to = join(dir, `${names[i] ?? `page-${i + 1}`}.png`);
    renameSync(join(tmp, f), to);
    return to;
  });
}
