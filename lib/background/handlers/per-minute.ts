/**
 * A per-tab limit of `limit` a minute (notes saved from a tab's note editor,
 * popups opened from its page): the returned check counts the action at `now`
 * and answers true, or answers false, counting nothing, when the tab reached
 * its limit in the last minute. A page that subverted its content script can
 * then neither flood the reader's notes nor open tab after tab.
 */
export function perMinute(limit: number): (tabId: number, now: number) => boolean {
  const times = new Map<number, number[]>();
  return (tabId, now) => {
    const recent = (times.get(tabId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= limit) return false;
    recent.push(now);
    times.set(tabId, recent);
    return true;
  };
}
