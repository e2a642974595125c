/**
 * A URL from stored data (a note's page, a history row, a pack's source) as a
 * link target: only a web address (http or https). Anything else
 * (`javascript:`, `data:`, a malformed string) gives undefined, and is shown
 * as text, never as a link.
 */
export function webUrl(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
