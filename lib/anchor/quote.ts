import approxSearch from 'approx-string-match';

/** A W3C Web Annotation text-quote selector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A W3C Web Annotation text-position selector: offsets into the page's text, a hint when the text changed. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** How much context a quote keeps on each side. */
export const CONTEXT_CHARS = 32;

/** The selectors that describe `text[start, end)`: the quote with its context, and its position. */
export function describeQuote(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

interface Found {
  start: number;
  end: number;
  errors: number;
}

/** Exact matches first (cheap), else approximate ones within `maxErrors` (Myers' algorithm). */
function search(text: string, pattern: string, maxErrors: number): Found[] {
  const exact: Found[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

/** How well `pattern` matches somewhere in `text`, from 0 to 1. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const [best] = search(text, pattern, pattern.length).sort((a, b) => a.errors - b.errors);
  return best ? 1 - best.errors / pattern.length : 0;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** From 0 to 1: how well quote, prefix, suffix and position agree. */
  score: number;
}

/**
 * Finds a quote again in a page's text that may have changed around it (or a
 * little inside it): candidates are the places where the quote matches with
 * at most half its length in errors (256 at most); each is scored on the
 * quote (weight 50), its prefix (20) and suffix (20) and the distance from
 * the old position (2), the way hypothesis/client's `match-quote.ts` does.
 * Null when nothing is close enough: the note is then orphaned, not dropped.
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, hint?: number): QuoteMatch | null {
  const exact = quote.exact;
  if (exact.length === 0) return null;
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  const found = search(text, exact, maxErrors);
  if (found.length === 0) return null;
  const scored = found.map((m) => {
    const quoteScore = 1 - m.errors / exact.length;
    const prefix = quote.prefix ?? '';
    const suffix = quote.suffix ?? '';
    const prefixScore = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const suffixScore = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(m.start - hint) / Math.max(1, text.length);
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    return { start: m.start, end: m.end, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0] ?? null;
}
