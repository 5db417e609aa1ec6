/**
 * The report model's footer text in Excel's header/footer codes (both adapters): «&» doubled,
 * `{page}` → &P (page number), `{pages}` → &N (number of pages).
 */
export function footerCodes(text: string): string {
  return text.replace(/&/g, "&&").replace(/\{page\}/g, "&P").replace(/\{pages\}/g, "&N");
}
