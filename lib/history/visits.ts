import type { BackstoryDB, Visit } from '../db';
import { pageKey } from '../related/rank';
import type { StorageArea } from '../site-settings';

/** The storage key of the reader's history settings. */
export const HISTORY_SETTINGS_KEY = 'history';

export interface HistorySettings {
  /** While paused, nothing new is remembered. */
  paused: boolean;
  /** Visits older than this many days are forgotten; 0 keeps them until cleared. */
  keepDays: number;
}

export const DEFAULT_HISTORY: HistorySettings = { paused: false, keepDays: 90 };

export async function historySettings(storage: StorageArea): Promise<HistorySettings> {
  const got = (await storage.get(HISTORY_SETTINGS_KEY))[HISTORY_SETTINGS_KEY] as Partial<HistorySettings> | undefined;
  return {
    paused: typeof got?.paused === 'boolean' ? got.paused : DEFAULT_HISTORY.paused,
    keepDays: typeof got?.keepDays === 'number' && got.keepDays >= 0 ? got.keepDays : DEFAULT_HISTORY.keepDays,
  };
}

export async function setHistorySettings(storage: StorageArea, settings: HistorySettings): Promise<void> {
  await storage.set({ [HISTORY_SETTINGS_KEY]: settings });
}

/** Remembers (or refreshes) a visit to an article. */
export async function recordVisit(
  db: BackstoryDB,
  visit: { url: string; title: string; site: string; entityIds: readonly string[] },
  now: number = Date.now(),
): Promise<Visit> {
  const row: Visit = {
    key: pageKey(visit.url),
    url: visit.url,
    title: visit.title.slice(0, 300),
    site: visit.site,
    readAt: now,
    entityIds: [...new Set(visit.entityIds)].slice(0, 200),
  };
  await db.visits.put(row);
  return row;
}

/** The reader's visits, newest first. */
export function listVisits(db: BackstoryDB, limit = 500): Promise<Visit[]> {
  return db.visits.orderBy('readAt').reverse().limit(limit).toArray();
}

/** Visits that mention any of `entityIds`, newest first. */
export async function visitsMentioning(db: BackstoryDB, entityIds: readonly string[], limit = 200): Promise<Visit[]> {
  if (entityIds.length === 0) return [];
  const wanted = new Set(entityIds);
  // Newest first, stopping at `limit`: with thousands of visits most share
  // "Iran" or "Iraq", and only the recent ones can rank.
  return db.visits
    .orderBy('readAt')
    .reverse()
    .filter((v) => v.entityIds.some((e) => wanted.has(e)))
    .limit(limit)
    .toArray();
}

export function deleteVisit(db: BackstoryDB, key: string): Promise<void> {
  return db.visits.delete(key);
}

export function clearVisits(db: BackstoryDB): Promise<void> {
  return db.visits.clear();
}

/** Forgets visits older than `keepDays` (none when it is 0); resolves with how many. */
export function pruneVisits(db: BackstoryDB, keepDays: number, now: number = Date.now()): Promise<number> {
  if (keepDays <= 0) return Promise.resolve(0);
  return db.visits
    .where('readAt')
    .below(now - keepDays * 86_400_000)
    .delete();
}
