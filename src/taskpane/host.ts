/** How long to wait for Office.onReady before deciding we are not inside Office. */
export const ONREADY_TIMEOUT_MS = 10_000;

interface OfficeLike {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }> | void;
}

/**
 * The Office host the page runs in ("Excel"), or null outside Office: office.js missing
 * (the script tag failed offline), Office.onReady reporting no host, or no answer in time.
 */
export async function detectHost(win: { Office?: OfficeLike }, timeoutMs = ONREADY_TIMEOUT_MS): Promise<string | null> {
  const office = win.Office;
  if (!office || typeof office.onReady !== "function") return null;
  const ready = new Promise<string | null>((resolve) => {
    try {
      const p = office.onReady((info) => resolve(info?.host ? String(info.host) : null));
      if (p && typeof p.then === "function") p.then((info) => resolve(info?.host ? String(info.host) : null), () => resolve(null));
    } catch {
      resolve(null);
    }
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
