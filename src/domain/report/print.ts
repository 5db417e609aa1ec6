import type { EngineResult } from "../engine/run";
import { noteText } from "../i18n/note";
import { settingsFingerprint } from "./fingerprint";
import type { PrintSetup } from "./model";

/**
 * Print set-up of a report sheet: A4, the given orientation and title rows, and the footer
 * «Монитор ШНОР · дата отчёта 22.11.2026 · настройки 1a2b3c4d · стр. 1 из 3». The date is the
 * report date (not the time of the run), so an unchanged workbook prints the same.
 */
export function printSetup(result: EngineResult, setup: Omit<PrintSetup, "footer">): PrintSetup {
  return { ...setup, footer: noteText.footer(result.settings.reportDate, settingsFingerprint(result.settings)) };
}
