import type { Note, Visit } from '../db';
import { entityCard } from '../factstore/card';
import { type FactStore, scanText } from '../factstore/store';
import { aliasCount } from '../match/alias-index';
import type {
  MessageType,
  NoteDraftMessage,
  NoteTarget,
  PaintedMention,
  PassageNote,
  RelatedItem,
  Request,
  Response,
  Result,
  TabEntity,
} from '../messages';
import { makeNote } from '../notes/notes';
import { pageKey, type RelatedCandidate, rankRelated } from '../related/rank';
import { siteOf } from '../site-settings';

function passageNote(n: Note): PassageNote[] {
  return n.target ? [{ id: n.id, body: n.body, selector: n.target.selector, orphaned: Boolean(n.orphaned) }] : [];
}

/**
 * What the background remembers about one tab's last scan: how often each
 * entity is named, never the mentions themselves, so that what it keeps (in
 * memory and in `storage.session`) grows with the entities, not with the page.
 */
export interface TabScan {
  url: string;
  /** The page's canonical URL, when it declares one on its own site (the key of its notes and history). */
  canonical?: string;
  /**
   * A canonical URL the page declares on another site (a syndicated copy): used
   * only to leave the original out of the page's related coverage, never as a key.
   */
  declared?: string;
  /** Mentions per entity id. */
  counts: Record<string, number>;
}

/**
 * Mentions per entity: `into`, plus `added`, less `removed` (an entity that
 * reaches zero is dropped). A plain object with no prototype, so ids are never
 * keys of Object.
 */
function countMentions(
  added: readonly { entityId: string }[],
  into?: Record<string, number>,
  removed: readonly { entityId: string }[] = [],
) {
  const counts: Record<string, number> = Object.assign(Object.create(null), into);
  for (const m of added) counts[m.entityId] = (counts[m.entityId] ?? 0) + 1;
  for (const m of removed) {
    const left = (counts[m.entityId] ?? 0) - 1;
    if (left > 0) counts[m.entityId] = left;
    else delete counts[m.entityId];
  }
  return counts;
}

/** Where tab scans are kept: memory in tests, `storage.session` in the browser. */
export interface TabStore {
  get(tabId: number): Promise<TabScan | undefined>;
  set(tabId: number, scan: TabScan): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/** The notes operations the background needs; lib/notes on Dexie in the browser. */
export interface NotesStore {
  onPage(url: string): Promise<Note[]>;
  onEntities(entityIds: readonly string[]): Promise<Note[]>;
  save(note: Note): Promise<{ ok: true } | { ok: false; error: string }>;
  setOrphaned(id: string, orphaned: boolean): Promise<void>;
  get(id: string): Promise<Note | undefined>;
}

/** Who sent a message: the content script of a tab, or one of Backstory's own pages. */
export interface Sender {
  tabId?: number;
  /** The URL of the sender's page (a content script's tab, or an extension page). */
  url?: string;
  /** True only for the extension's own pages (popup, options, notes, the note editor framed in a page's card), never for a content script. */
  extensionPage?: boolean;
  /** The sender's tab is in a private (incognito) window: nothing of it is kept. */
  incognito?: boolean;
}

/** What the background does beyond answering from the store. */
export interface BackgroundHooks {
  /** Reloads the reader's packs into the store; resolves with the number of entities. */
  reloadPacks(): Promise<number>;
  /** Remembers that a pack is switched off (or on), and reloads the store; resolves with the number of entities. */
  setPackEnabled?(packId: string, enabled: boolean): Promise<number>;
  /** When the store became ready, in ms since the worker started. */
  timings(): { bundledReadyMs: number; readyMs: number | null; stages?: Record<string, number> };
  /** The reader's history or its settings changed (from the options page). */
  historyChanged?(): void;
  /** Remembers whether Backstory runs on a site. */
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
  /** Whether Backstory runs on a site (from memory: it is asked on every scan). */
  isSiteEnabled(site: string): Promise<boolean>;
  /** Remembers that the reader read an article (unless their history is paused). */
  recordVisit?(visit: { url: string; title: string; site: string; entityIds: string[] }): Promise<void>;
  /** The reader's visits that mention any of these entities. */
  visitsMentioning?(entityIds: string[]): Promise<Visit[]>;
  /** Today, as YYYY-MM-DD. */
  today?(): string;
  /** The reader's notes (the background and extension pages own the database). */
  notes?: NotesStore;
  /**
   * What each tab's open note editor is about (one per tab): set by the page's
   * content script, read when the editor, a document of Backstory's own, saves.
   * Kept in `storage.session` in the browser, so a worker stopped while the
   * reader types still knows.
   */
  editors?: {
    get(tabId: number): Promise<NoteTarget | undefined>;
    set(tabId: number, target: NoteTarget): Promise<void>;
    delete(tabId: number): Promise<void>;
  };
  /** Tells a tab's top-frame content script something (the note editor was saved or closed). */
  tellTab?(tabId: number, message: { type: 'noteEditor'; saved: boolean }): void;
  /** Opens the popup on an entity's stories, or a tab where the popup cannot open. */
  openRelated?(entityId: string, tabId: number | undefined): Promise<'popup' | 'tab'>;
}

export type Handlers = {
  [K in MessageType]: (req: Request<K>, sender: Sender) => Promise<Response<K>>;
};

/** The most notes a page may save in a minute: more than a reader writes, few enough to stop a flood. */
export const NOTES_PER_MINUTE = 20;
/** The most times a page may open the popup (or a tab) on a name's stories in a minute. */
export const OPENS_PER_MINUTE = 10;

/** The background's answers to each message type. */
export function createHandlers(store: () => FactStore, tabs: TabStore, hooks?: BackgroundHooks): Handlers {
  // Related coverage is ranked right after a page is read, so that the popup
  // finds it ready; forgotten when the page, the history or the packs change.
  const relatedCache = new Map<number, Promise<RelatedItem[] | null>>();
  // Of `ids`, those a sender may ask about: any, for Backstory's own pages; for a page,
  // those found in its tab's scans.
  const askable = async (sender: Sender, ids: readonly string[]): Promise<string[]> => {
    if (sender.extensionPage) return [...ids];
    const scan = sender.tabId === undefined ? undefined : await tabs.get(sender.tabId);
    return scan ? ids.filter((id) => (scan.counts[id] ?? 0) > 0) : [];
  };
  // Per tab, at most `limit` a minute (notes saved from its note editor, popups opened).
  const perMinute = (limit: number) => {
    const times = new Map<number, number[]>();
    return (tabId: number, now: number): boolean => {
      const recent = (times.get(tabId) ?? []).filter((t) => now - t < 60_000);
      if (recent.length >= limit) return false;
      recent.push(now);
      times.set(tabId, recent);
      return true;
    };
  };
  const withinNoteRate = perMinute(NOTES_PER_MINUTE);
  const openRate = perMinute(OPENS_PER_MINUTE);
  // Per tab, the last write of what it holds, which ranking its coverage waits for.
  const writes = new Map<number, Promise<unknown>>();
  // Per tab, the last update of what it holds: the next one waits for it.
  const turns = new Map<number, Promise<void>>();
  const inTurn = (tabId: number, step: () => Promise<void>): Promise<void> => {
    const run = (turns.get(tabId) ?? Promise.resolve()).then(step);
    const settled = run.catch(() => undefined);
    turns.set(tabId, settled);
    void settled.then(() => {
      if (turns.get(tabId) === settled) turns.delete(tabId);
    });
    return run;
  };
  const rankFor = (tabId: number) => {
    const ranked = relatedFor(tabId).catch(() => null);
    relatedCache.set(tabId, ranked);
    return ranked;
  };
  const relatedFor = async (tabId: number): Promise<RelatedItem[] | null> => {
    await writes.get(tabId);
    const scan = await tabs.get(tabId);
    if (!scan) return null;
    const s = store();
    const page = new Map(Object.entries(scan.counts));
    const visits = (await hooks?.visitsMentioning?.([...page.keys()])) ?? [];
    const candidates: RelatedCandidate[] = [
      ...s.coverage.map((c) => ({
        key: `coverage:${c.id}`,
        outlet: c.outlet,
        date: c.date,
        entities: c.entities,
        summary: c.summary,
        ...(c.title ? { title: c.title } : {}),
        ...(c.url ? { url: c.url } : {}),
      })),
      ...visits.map((v) => ({
        key: `visit:${v.key}`,
        title: v.title,
        outlet: v.site,
        date: new Date(v.readAt).toISOString().slice(0, 10),
        url: v.url,
        entities: v.entityIds,
        read: true,
      })),
    ];
    const ranked = rankRelated({
      page,
      pageUrls: [scan.url, ...(scan.canonical ? [scan.canonical] : []), ...(scan.declared ? [scan.declared] : [])],
      candidates,
      typeOf: (id) => s.info(id)?.type,
      today: hooks?.today?.() ?? new Date().toISOString().slice(0, 10),
    });
    return ranked.map((r) => ({
      key: r.key,
      outlet: r.outlet,
      date: r.date,
      read: Boolean(r.read),
      shared: r.shared.flatMap((id) => {
        const e = s.info(id);
        return e ? [{ id, name: e.name, type: e.type }] : [];
      }),
      ...(r.title ? { title: r.title } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.summary ? { summary: r.summary } : {}),
    }));
  };
  // A content script's page, as notes are kept for it: its canonical address on the same site
  // (as its last scan found it), then its address now.
  const pageUrls = async (sender: Sender): Promise<string[]> => {
    if (!sender.url) return [];
    const scan = sender.tabId === undefined ? undefined : await tabs.get(sender.tabId);
    return scan?.canonical && pageKey(scan.url) === pageKey(sender.url) ? [scan.canonical, sender.url] : [sender.url];
  };
  // Why a sender may not save this note, if it may not.
  const refuse = async (draft: NoteTarget, sender: Sender): Promise<string | undefined> => {
    // A private window keeps nothing: its notes would outlive it in the normal profile.
    if (sender.incognito) return 'Notes are not saved from a private window.';
    if ('entityId' in draft) {
      if (!store().info(draft.entityId)) return `No entry “${draft.entityId}” in the fact store.`;
      // A page writes notes only on names found on it.
      if ((await askable(sender, [draft.entityId])).length === 0) return `No entry “${draft.entityId}” on this page.`;
    }
    // A content script writes notes only about its own page.
    if ('url' in draft && !sender.extensionPage && sender.url && siteOf(sender.url) !== siteOf(draft.url))
      return 'A page may only save notes on itself.';
    return undefined;
  };
  const save = async (draft: NoteDraftMessage, sender: Sender): Promise<Result<{ id: string }>> => {
    const notes = hooks?.notes;
    if (!notes) return { ok: false, error: 'Notes are not available here.' };
    const refused = await refuse(draft, sender);
    if (refused) return { ok: false, error: refused };
    // A page that subverted its content script cannot fill the reader's notes (through the
    // editor in its tab, where the reader types them).
    if (!sender.extensionPage && !withinNoteRate(sender.tabId ?? -1, Date.now()))
      return { ok: false, error: 'Too many notes from this page at once; try again in a minute.' };
    const note = makeNote(draft);
    const saved = await notes.save(note);
    return saved.ok ? { ok: true, value: { id: note.id } } : saved;
  };
  return {
    async scan(req, sender) {
      const site = siteOf(sender.url ?? req.url);
      if (site && hooks && !(await hooks.isSiteEnabled(site))) {
        // Off here: nothing is kept about this tab's page either.
        if (sender.tabId !== undefined) {
          relatedCache.delete(sender.tabId);
          await tabs.delete(sender.tabId);
        }
        return { enabled: false, mentions: [] };
      }
      const s = store();
      const found = scanText(s, req.text, { lang: req.lang, date: req.date });
      // The page's address is the tab's, not one the page declares; a canonical address
      // counts only on the same site, so a page cannot write history for another.
      const pageUrl = sender.extensionPage ? req.url : (sender.url ?? req.url);
      const canonical = req.canonical && siteOf(req.canonical) === siteOf(pageUrl) ? req.canonical : undefined;
      // Remembered for the popup. Scans of one tab update it one after the
      // other (two parts read at once must both be counted); the page does
      // not wait for the storage writes.
      const tabId = sender.tabId;
      if (tabId !== undefined) {
        await inTurn(tabId, async () => {
          const previous = await tabs.get(tabId);
          // A page scanned in parts (new paragraphs, or a long article in pieces) adds to what the tab holds.
          const adding = req.part && previous && previous.url === pageUrl;
          // Text read again or gone: what it named comes off.
          const lost = adding && req.previous ? scanText(s, req.previous, { lang: req.lang, date: req.date }) : [];
          const scan: TabScan = {
            url: pageUrl,
            counts: countMentions(found, adding ? previous.counts : undefined, lost),
            ...(canonical ? { canonical } : {}),
            ...(req.canonical && !canonical ? { declared: req.canonical } : {}),
          };
          const grew = !adding || Object.keys(scan.counts).length > Object.keys(previous.counts).length;
          // A new page: a note editor the last one left open is closed.
          if (!adding) void hooks?.editors?.delete(tabId).catch(() => undefined);
          // What the tab holds changed: its related coverage is ranked again when next asked
          // (after a single-page site's navigation, never the previous article's).
          relatedCache.delete(tabId);
          // The page does not wait for the write; the popup's next ranking does.
          const written = tabs.set(tabId, scan).catch(() => undefined);
          writes.set(tabId, written);
          void written.then(() => {
            if (writes.get(tabId) === written) writes.delete(tabId);
          });
          if (site && found.length > 0 && grew && hooks?.recordVisit && !sender.incognito) {
            void hooks
              .recordVisit({
                url: canonical ?? pageUrl,
                title: req.title,
                site,
                entityIds: Object.keys(scan.counts),
              })
              .catch(() => undefined);
          }
        });
      }
      // Only as many as the page can still paint cross back to it.
      const shown = req.limit === undefined ? found : found.slice(0, req.limit);
      const mentions: PaintedMention[] = shown.map((m) => ({
        ...m,
        type: s.info(m.entityId)?.type ?? 'event',
        // What the reader's packs know is theirs: the page never sees it underlined in its registry.
        ...(s.reader?.entities.has(m.entityId) ? { private: true } : {}),
      }));
      return { enabled: true, mentions };
    },
    async card(req, sender) {
      // A reader pack's entries are the reader's: a page gets the card only of one found on it.
      if (store().reader?.entities.has(req.entityId) && (await askable(sender, [req.entityId])).length === 0)
        return { ok: false, error: `No entry “${req.entityId}” on this page.` };
      const card = await entityCard(store(), req.entityId);
      return card ? { ok: true, value: card } : { ok: false, error: `No entry “${req.entityId}” in the fact store.` };
    },
    async tabEntities(req) {
      const scan = await tabs.get(req.tabId);
      if (!scan) return null;
      const s = store();
      // Descriptions come from the card shards: read together, each shard once.
      const found = await Promise.all(
        Object.entries(scan.counts).map(async ([id, count]) => {
          const e = s.info(id);
          if (!e) return undefined;
          const description = (await s.record(id).catch(() => undefined))?.entity.description ?? '';
          return { id, name: e.name, type: e.type, description, count };
        }),
      );
      const entities: TabEntity[] = found.filter((e): e is TabEntity => e !== undefined);
      entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return { url: scan.url, entities };
    },
    async relatedCoverage(req) {
      return (await (relatedCache.get(req.tabId) ?? rankFor(req.tabId))) ?? null;
    },
    async historyChanged() {
      hooks?.historyChanged?.();
      relatedCache.clear();
      return { ok: true, value: null };
    },
    async notesFor(req, sender) {
      const notes = hooks?.notes;
      if (!notes) return { passages: [], entityNotes: {} };
      // A page sees only its own notes: under its address, or its canonical address on the same site.
      const urls = sender.extensionPage ? [req.url] : await pageUrls(sender);
      // Which names have notes, only for names found on the page.
      const ids = await askable(sender, req.entityIds);
      const [pages, onEntities] = await Promise.all([
        Promise.all(urls.map((u) => notes.onPage(u))),
        notes.onEntities(ids),
      ]);
      const seen = new Set<string>();
      const onPage = pages.flat().filter((n) => !seen.has(n.id) && seen.add(n.id));
      const entityNotes: Record<string, number> = {};
      for (const n of onEntities) if (n.entityId) entityNotes[n.entityId] = (entityNotes[n.entityId] ?? 0) + 1;
      return { passages: onPage.flatMap(passageNote), entityNotes };
    },
    async saveNote(req, sender) {
      return save(req.draft, sender);
    },
    async openEditor(req, sender) {
      const editors = hooks?.editors;
      if (!hooks?.notes || !editors || sender.tabId === undefined)
        return { ok: false, error: 'Notes are not available here.' };
      const refused = await refuse(req.target, sender);
      if (refused) return { ok: false, error: refused };
      // A passage note is kept under the page's one key (its canonical address on the same
      // site, else its address), whatever address the page's script gives.
      const target =
        'url' in req.target && !sender.extensionPage
          ? { ...req.target, url: (await pageUrls(sender))[0] ?? req.target.url }
          : req.target;
      await editors.set(sender.tabId, target);
      return { ok: true, value: null };
    },
    async editorSave(req, sender) {
      const target = sender.tabId === undefined ? undefined : await hooks?.editors?.get(sender.tabId);
      if (sender.tabId === undefined || !target)
        return { ok: false, error: 'This note is no longer open on its page. Your text is still here.' };
      // Checked as the page's own note (its site was checked when the page opened the editor).
      const page: Sender = { tabId: sender.tabId, ...(sender.incognito ? { incognito: true } : {}) };
      const saved = await save({ ...target, body: req.body }, page);
      if (saved.ok) {
        await hooks?.editors?.delete(sender.tabId);
        hooks?.tellTab?.(sender.tabId, { type: 'noteEditor', saved: true });
      }
      return saved;
    },
    async editorClose(_req, sender) {
      if (sender.tabId === undefined) return { ok: false, error: 'No note is open here.' };
      await hooks?.editors?.delete(sender.tabId);
      hooks?.tellTab?.(sender.tabId, { type: 'noteEditor', saved: false });
      return { ok: true, value: null };
    },
    async noteAnchored(req, sender) {
      const notes = hooks?.notes;
      const note = await notes?.get(req.id);
      if (!notes || !note) return { ok: false, error: 'No such note.' };
      // (Its own: under its address, or its canonical address on the same site.)
      const own =
        sender.extensionPage ||
        (note.url !== undefined && (await pageUrls(sender)).some((u) => pageKey(u) === pageKey(note.url as string)));
      if (!own) return { ok: false, error: 'A page may only report on its own notes.' };
      await notes.setOrphaned(req.id, !req.found);
      return { ok: true, value: null };
    },
    async entityNotes(req, sender) {
      // A page reads the notes only of a name found on it.
      if ((await askable(sender, [req.entityId])).length === 0) return [];
      const notes = (await hooks?.notes?.onEntities([req.entityId])) ?? [];
      return notes.map((n) => ({ id: n.id, body: n.body, updatedAt: n.updatedAt }));
    },
    async notesForTab(req) {
      const scan = await tabs.get(req.tabId);
      const notes = hooks?.notes;
      if (!scan || !notes) return null;
      const s = store();
      const ids = Object.keys(scan.counts);
      const [onPage, onEntities] = await Promise.all([notes.onPage(scan.canonical ?? scan.url), notes.onEntities(ids)]);
      const alsoOnUrl = scan.canonical ? await notes.onPage(scan.url) : [];
      const seen = new Set<string>();
      const passages = [...onPage, ...alsoOnUrl].filter((n) => !seen.has(n.id) && seen.add(n.id)).flatMap(passageNote);
      return {
        passages,
        entities: onEntities.flatMap((n) => {
          const e = n.entityId ? s.info(n.entityId) : undefined;
          return e
            ? [{ id: n.id, body: n.body, updatedAt: n.updatedAt, entity: { id: e.id, name: e.name, type: e.type } }]
            : [];
        }),
      };
    },
    async entityCoverage(req) {
      const s = store();
      const e = (await s.record(req.entityId))?.entity;
      if (!e) return { ok: false, error: `No entry “${req.entityId}” in the fact store.` };
      const stories = s.coverage
        .filter((c) => c.entities.includes(e.id))
        .map(({ id, title, outlet, date, url, summary }) => ({
          id,
          outlet,
          date,
          summary,
          ...(title ? { title } : {}),
          ...(url ? { url } : {}),
        }))
        .sort((a, b) => b.date.localeCompare(a.date));
      return {
        ok: true,
        value: { entity: { id: e.id, name: e.name, type: e.type, description: e.description, count: 0 }, stories },
      };
    },
    async openRelated(req, sender) {
      if (!hooks?.openRelated) return { ok: false, error: 'Cannot open the popup here.' };
      if (!store().info(req.entityId)) return { ok: false, error: `No entry “${req.entityId}” in the fact store.` };
      // A page opens the stories only of a name found on it (no probing of the reader's
      // packs), and not endlessly (each may open a tab).
      if (!sender.extensionPage) {
        if ((await askable(sender, [req.entityId])).length === 0)
          return { ok: false, error: `No entry “${req.entityId}” on this page.` };
        if (!openRate(sender.tabId ?? -1, Date.now())) return { ok: false, error: 'Too many at once.' };
      }
      return { ok: true, value: { opened: await hooks.openRelated(req.entityId, sender.tabId) } };
    },
    async bundledPacks() {
      const s = store();
      return s.packs
        .filter((p) => !p.reader)
        .map(({ id, name, version, license, entities, about }) => ({
          id,
          name,
          version,
          license,
          entities,
          ...(about ? { about } : {}),
          enabled: !s.disabled.has(id),
        }));
    },
    async stats() {
      const s = store();
      const t = hooks?.timings() ?? { bundledReadyMs: 0, readyMs: null };
      return { entities: s.size, aliases: aliasCount(s.index), ...t };
    },
    async siteEnabled(req) {
      return { enabled: hooks ? await hooks.isSiteEnabled(req.site) : true };
    },
    async setSiteEnabled(req, sender) {
      // A page may only turn Backstory off (or on) for itself.
      const site = sender.extensionPage ? req.site : sender.url ? siteOf(sender.url) : undefined;
      if (!site) return { ok: false, error: 'No site to switch.' };
      if (!hooks) return { ok: false, error: 'Site settings are not available here.' };
      await hooks.setSiteEnabled(site, req.enabled);
      return { ok: true, value: { site, enabled: req.enabled } };
    },
    async setPackEnabled(req) {
      if (!hooks?.setPackEnabled) return { ok: false, error: 'Packs cannot be switched here.' };
      if (!store().packs.some((p) => p.id === req.packId && !p.reader))
        return { ok: false, error: `No bundled pack “${req.packId}”.` };
      relatedCache.clear();
      return { ok: true, value: { entities: await hooks.setPackEnabled(req.packId, req.enabled) } };
    },
    async packsChanged() {
      if (!hooks) return { ok: false, error: 'Reader packs are not available here.' };
      relatedCache.clear();
      return { ok: true, value: { entities: await hooks.reloadPacks() } };
    },
  };
}
