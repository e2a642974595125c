import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../lib/db';
import {
  clearVisits,
  deleteVisit,
  historySettings,
  listVisits,
  pruneVisits,
  recordVisit,
  setHistorySettings,
  visitsMentioning,
} from '../../lib/history/visits';

let db: BackstoryDB;
let n = 0;
beforeEach(async () => {
  db = new BackstoryDB(`visits-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const DAY = 86_400_000;
const visit = (path: string, entityIds: string[]) => ({
  url: `https://rudaw.net/${path}`,
  title: path,
  site: 'rudaw.net',
  entityIds,
});

describe('the reader’s history', () => {
  it('remembers one row per article, refreshed on a later visit, and never the page text', async () => {
    await recordVisit(db, visit('a', ['iran']), 1 * DAY);
    await recordVisit(db, { ...visit('a', ['iran', 'iraq']), url: 'https://www.rudaw.net/a/#comments' }, 2 * DAY);
    const rows = await listVisits(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      key: 'rudaw.net/a',
      url: 'https://www.rudaw.net/a/#comments',
      title: 'a',
      site: 'rudaw.net',
      readAt: 2 * DAY,
      entityIds: ['iran', 'iraq'],
    });
  });

  it('finds the visits that mention any of some entities, newest first', async () => {
    await recordVisit(db, visit('a', ['iran', 'mou-2025']), 1 * DAY);
    await recordVisit(db, visit('b', ['mou-2025']), 2 * DAY);
    await recordVisit(db, visit('c', ['france']), 3 * DAY);
    expect((await visitsMentioning(db, ['mou-2025', 'iran'])).map((v) => v.title)).toEqual(['b', 'a']);
  });

  it('deletes one, clears all, and forgets what is older than the kept days', async () => {
    await recordVisit(db, visit('old', ['iran']), 1 * DAY);
    await recordVisit(db, visit('new', ['iran']), 100 * DAY);
    await recordVisit(db, visit('newer', ['iran']), 101 * DAY);
    expect(await pruneVisits(db, 90, 101 * DAY)).toBe(1);
    expect(await pruneVisits(db, 0, 1000 * DAY)).toBe(0); // 0 keeps everything
    await deleteVisit(db, 'rudaw.net/new');
    expect((await listVisits(db)).map((v) => v.title)).toEqual(['newer']);
    await clearVisits(db);
    expect(await listVisits(db)).toEqual([]);
  });

  it('keeps its settings, with 90 days and not paused by default', async () => {
    const store = new Map<string, unknown>();
    const storage = {
      get: async (k: string) => (store.has(k) ? { [k]: store.get(k) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) store.set(k, v);
      },
    };
    expect(await historySettings(storage)).toEqual({ paused: false, keepDays: 90 });
    await setHistorySettings(storage, { paused: true, keepDays: 30 });
    expect(await historySettings(storage)).toEqual({ paused: true, keepDays: 30 });
  });
});
