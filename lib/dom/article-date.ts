/**
 * The date a page says its article was published, as `YYYY-MM-DD` (or
 * `YYYY-MM` when only the month is known), or undefined when it says none.
 * The signals are read in the order of how much they can be trusted:
 * the page's structured data (JSON-LD `datePublished`), its meta tags
 * (`article:published_time` and the like), `itemprop="datePublished"`, a
 * `<time>` marked as the publication time or in the article's header, and
 * last a date in the URL ("/2015/03/05/").
 */
export function articleDate(doc: Document, url: string): string | undefined {
  return fromJsonLd(doc) ?? fromMeta(doc) ?? fromItemprop(doc) ?? fromTime(doc) ?? fromUrls(doc, url);
}

/** A date in the page's address, its canonical address or its `og:url` (a saved page keeps those). */
function fromUrls(doc: Document, url: string): string | undefined {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  for (const u of [url, canonical, og]) {
    const day = u ? fromUrl(u) : undefined;
    if (day) return day;
  }
  return undefined;
}

/** Meta tags that carry the publication time, by `property`, `name` or `itemprop`. */
const META_NAMES = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'publish-date',
  'publishdate',
  'pubdate',
  'publication_date',
  'date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'original-publish-date',
];

const ARTICLE_TYPES = /Article|Posting|Report|Story/i;

/** The day (or month) an ISO or otherwise written date stands for, if it is a plausible one. */
export function dayOf(raw: string | null | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  // As written, so the publisher's own day: "2015-07-24T05:36:09+01:00" is the 24th.
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(text);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const t = Date.parse(text);
    if (Number.isNaN(t)) return undefined;
    const date = new Date(t);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  return plausible(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function plausible(y: number, m: number, d: number): boolean {
  const thisYear = new Date().getUTCFullYear();
  return y >= 1990 && y <= thisYear + 1 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function fromJsonLd(doc: Document): string | undefined {
  let any: string | undefined;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      // Some pages wrap it in CDATA, as Readability.js also allows.
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        const day = typeof o.datePublished === 'string' ? dayOf(o.datePublished) : undefined;
        if (day) {
          const type = ([] as unknown[]).concat(o['@type'] ?? []).join(' ');
          if (ARTICLE_TYPES.test(type)) return day;
          any ??= day;
        }
        for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement'])
          if (o[key] && typeof o[key] === 'object') stack.push(o[key]);
      }
    }
  }
  return any;
}

function fromMeta(doc: Document): string | undefined {
  const byName = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    if (key && !byName.has(key)) byName.set(key, meta.getAttribute('content') ?? '');
  }
  for (const name of META_NAMES) {
    const day = dayOf(byName.get(name));
    if (day) return day;
  }
  return undefined;
}

function fromItemprop(doc: Document): string | undefined {
  for (const el of doc.querySelectorAll('[itemprop="datePublished"]')) {
    const day = dayOf(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent);
    if (day) return day;
  }
  return undefined;
}

function fromTime(doc: Document): string | undefined {
  const marked = doc.querySelector('time[pubdate][datetime]');
  const inHeader = doc.querySelector('article header time[datetime], article time[datetime], header time[datetime]');
  for (const el of [marked, inHeader]) {
    const day = dayOf(el?.getAttribute('datetime'));
    if (day) return day;
  }
  return undefined;
}

function fromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const full = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|[-_]|$)/.exec(path);
  if (full && plausible(Number(full[1]), Number(full[2]), Number(full[3])))
    return `${full[1]}-${pad(Number(full[2]))}-${pad(Number(full[3]))}`;
  const month = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\//.exec(path);
  if (month && plausible(Number(month[1]), Number(month[2]), 1)) return `${month[1]}-${pad(Number(month[2]))}`;
  return undefined;
}
