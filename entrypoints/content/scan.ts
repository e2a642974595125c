import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { articleDate } from '../../lib/dom/article-date';
import { call, type MessageChannel, type PageNotesAnswer, type PaintedMention } from '../../lib/messages';
import { PORT_NAME, portChannel } from '../../lib/port-channel';

/** The page's canonical URL, when it declares an http(s) one. */
export function canonicalUrl(): string | undefined {
  const href = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return href && /^https?:/.test(href) ? href : undefined;
}

/**
 * The ways to the background: `runtime` for one-off requests, `channel` over
 * the long-lived port. Each goes through a guard: once the extension is
 * reloaded or removed, this old copy stops asking (and cleans up) instead of
 * throwing "Extension context invalidated" into the page's console.
 */
export function backgroundChannels(ctx: ContentScriptContext): {
  runtime: MessageChannel;
  channel: MessageChannel;
  /** Opens the port ahead of the first scan (see portChannel). */
  connect: () => void;
} {
  const guard = (inner: MessageChannel): MessageChannel => ({
    async sendMessage(message) {
      if (ctx.isInvalid) return undefined;
      try {
        return await inner.sendMessage(message);
      } catch (error) {
        if (ctx.isInvalid) return undefined;
        throw error;
      }
    },
  });
  const port = portChannel(() => browser.runtime.connect({ name: PORT_NAME }), browser.runtime);
  return {
    runtime: guard(browser.runtime),
    channel: guard(port),
    connect: () => {
      if (!ctx.isInvalid) port.connect();
    },
  };
}

/** The article's date, read once per address (a single-page site's next article has its own). */
export function publishedDate(): () => string | undefined {
  let dated: { url: string; date: string | undefined } | undefined;
  return () => {
    if (dated?.url !== location.href) dated = { url: location.href, date: articleDate(document, location.href) };
    return dated.date;
  };
}

/**
 * The annotator's scan: the page's text, address, language, date and
 * canonical address to the background; its mentions back, or none where the
 * reader turned Backstory off (`off` is called then).
 */
export function pageScan(
  channel: MessageChannel,
  o: {
    isInvalid: () => boolean;
    published: () => string | undefined;
    off: () => void;
    /**
     * The page's notes, brought with a read's first scan for the mentions it
     * sends back; undefined as such a scan is sent (what an earlier read brought
     * no longer holds).
     */
    notes?: (notes: PageNotesAnswer | undefined, mentions: readonly PaintedMention[]) => void;
    /** A scan has gone to the background (its answer is awaited). */
    sent?: () => void;
  },
) {
  return async (text: string, part: boolean, limit: number, previous?: string): Promise<PaintedMention[] | null> => {
    if (o.isInvalid()) return null;
    const canonical = canonicalUrl();
    const date = o.published();
    const first = !part && o.notes !== undefined;
    if (first) o.notes?.(undefined, []);
    const answer = call(channel, {
      type: 'scan',
      url: location.href,
      title: document.title,
      text,
      limit,
      ...(part ? { part: true } : {}),
      ...(previous ? { previous } : {}),
      ...(document.documentElement.lang ? { lang: document.documentElement.lang } : {}),
      ...(date ? { date } : {}),
      ...(canonical ? { canonical } : {}),
      // A read's first scan (the article's start) brings the page's notes too.
      ...(first ? { notes: true as const } : {}),
    });
    o.sent?.();
    const res = await answer;
    if (!res || typeof res !== 'object' || !Array.isArray(res.mentions)) return null;
    // Only the reader's switch turns Backstory on again: a late answer does not undo a switch-off.
    if (!res.enabled) o.off();
    if (first && res.enabled && res.notes) o.notes?.(res.notes, res.mentions);
    return res.enabled ? res.mentions : null;
  };
}
