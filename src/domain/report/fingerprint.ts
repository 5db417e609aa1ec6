import type { Settings } from "../settings/types";

/** A short hash of the settings in force (FNV-1a), so the log shows when they changed.
 *  The report date is left out: it changes every day without changing the method. */
export function settingsFingerprint(settings: Settings): string {
  const { reportDate, ...method } = settings;
  void reportDate;
  const text = JSON.stringify(method);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
