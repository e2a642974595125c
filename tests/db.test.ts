import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../lib/db';

const dbs: BackstoryDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('BackstoryDB', () => {
  it('opens at version 1 with a notes table, and keeps a note across reopening', async () => {
    const db = new BackstoryDB('test-notes');
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(1);
    await db.notes.add({
      id: 'n1',
      entityId: 'ali-larijani',
      body: 'Watch his next trip.',
      createdAt: 1,
      updatedAt: 1,
    });
    db.close();
    const again = new BackstoryDB('test-notes');
    dbs.push(again);
    await again.open();
    expect(await again.notes.where('entityId').equals('ali-larijani').toArray()).toEqual([
      { id: 'n1', entityId: 'ali-larijani', body: 'Watch his next trip.', createdAt: 1, updatedAt: 1 },
    ]);
  });
});
