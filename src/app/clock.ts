const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar date as ISO «YYYY-MM-DD» (the default report date). */
export function todayIso(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** «2026-11-24 09:15:03» in local time, for the run log. */
export function localTimestamp(now: Date): string {
  return `${todayIso(now)} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}
