import type { EntityType } from '../factstore/schema';

/** An article that may be related: from a pack's coverage, or from the reader's own reading. */
export interface RelatedCandidate {
  /** Stable key: the coverage id, or the visited URL. */
  key: string;
  title?: string;
  outlet: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  url?: string;
  summary?: string;
  entities: readonly string[];
  /** True for an article the reader read (from their history). */
  read?: boolean;
}

/** A ranked related article and the entities that make it related, strongest first. */
export interface RankedRelated extends RelatedCandidate {
  score: number;
  shared: string[];
}

export interface RankInput {
  /** The current page's entities and how often each is mentioned. */
  page: ReadonlyMap<string, number>;
  /** The current page's URL (and canonical URL), never listed. */
  pageUrls: readonly string[];
  candidates: readonly RelatedCandidate[];
  /** An entity's type, for its weight. */
  typeOf: (entityId: string) => EntityType | undefined;
  /** Today, as an ISO date, for recency. */
  today: string;
  limit?: number;
}

// What a shared entity says about two articles being about the same story:
// an agreement or an official more than a country.
const TYPE_WEIGHT: Record<EntityType, number> = {
  agreement: 3,
  person: 2.5,
  event: 2.5,
  organization: 1.5,
  outlet: 0.5,
  place: 1,
};

/** A URL without its fragment, query tracking and trailing slash, for comparing pages. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const p of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|ref$)/.test(p)) u.searchParams.delete(p);
    return `${u.host.replace(/^www\./, '')}${u.pathname.replace(/\/$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

/** Days from `date` (YYYY[-MM[-DD]], taken at its middle) to `today`. */
function ageInDays(date: string, today: string): number {
  const [y = '1970', m, d] = date.split('-');
  const at = Date.UTC(Number(y), m ? Number(m) - 1 : 6, d ? Number(d) : m ? 15 : 1);
  const now = Date.parse(`${today}T00:00:00Z`);
  return Math.max(0, (now - at) / 86_400_000);
}

/**
 * Ranks articles by the entities they share with the page: each shared entity
 * weighs more the rarer it is among the candidates (inverse document
 * frequency), the more it says about the story (an agreement or an official
 * more than a country), and the more the page mentions it; recent articles
 * get a boost that halves over a year, and among equals the newer comes
 * first. The current page is never listed, and duplicates (the same URL, or
 * the same title from the same outlet) are folded into one, keeping the
 * reader's own visit when there is one.
 */
export function rankRelated(input: RankInput): RankedRelated[] {
  const { page, candidates, typeOf, today } = input;
  const self = new Set(input.pageUrls.map(pageKey));
  const df = new Map<string, number>();
  for (const c of candidates) for (const e of new Set(c.entities)) df.set(e, (df.get(e) ?? 0) + 1);
  const n = Math.max(1, candidates.length);
  const weight = (e: string) =>
    Math.log(1 + n / (df.get(e) ?? 1)) * (TYPE_WEIGHT[typeOf(e) ?? 'place'] ?? 1) * (1 + Math.log(page.get(e) ?? 1));

  const folded = new Map<string, RankedRelated>();
  for (const c of candidates) {
    if (c.url && self.has(pageKey(c.url))) continue;
    const shared = [...new Set(c.entities)].filter((e) => page.has(e));
    if (shared.length === 0) continue;
    shared.sort((a, b) => weight(b) - weight(a));
    const overlap = shared.reduce((sum, e) => sum + weight(e), 0);
    const recency = 1 + 2 ** (-ageInDays(c.date, today) / 365);
    const ranked: RankedRelated = { ...c, shared, score: overlap * recency };
    const keys = [
      c.url ? `url:${pageKey(c.url)}` : '',
      c.title ? `title:${c.outlet}|${c.title.toLowerCase()}` : '',
    ].filter(Boolean);
    const existing = keys.map((k) => folded.get(k)).find(Boolean);
    if (existing) {
      // The same article twice: keep one, marked read if either was.
      const keep = existing.read || !ranked.read ? existing : ranked;
      const merged = {
        ...keep,
        read: Boolean(existing.read || ranked.read),
        score: Math.max(existing.score, ranked.score),
      };
      for (const [k, v] of folded) if (v === existing) folded.set(k, merged);
      for (const k of keys) folded.set(k, merged);
      continue;
    }
    for (const k of keys.length > 0 ? keys : [`key:${c.key}`]) folded.set(k, ranked);
  }
  return [...new Set(folded.values())]
    .sort((a, b) => b.score - a.score || b.date.localeCompare(a.date))
    .slice(0, input.limit ?? 20);
}
