import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../lib/db';
import { importPackText, listPacks, loadReaderPacks, removePack } from '../../lib/packs/reader-packs';
import { entity, pack } from '../fixtures/store';

let db: BackstoryDB;
let n = 0;
beforeEach(async () => {
  db = new BackstoryDB(`reader-packs-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const good = (id = 'mine', name = 'Mine') =>
  JSON.stringify(pack([entity({ id: 'x' }), entity({ id: 'y' })], { id, name }));

async function nothingStored() {
  expect(await db.packs.count()).toBe(0);
  expect(await db.packData.count()).toBe(0);
}

describe('reader packs', () => {
  it('stores a valid pack and gives it back for the matcher', async () => {
    const r = await importPackText(db, good(), { now: () => 42 });
    expect(r).toMatchObject({ ok: true, replaced: false, pack: { id: 'mine', entities: 2, importedAt: 42 } });
    expect((await loadReaderPacks(db)).map((p) => p.entities.map((e) => e.id))).toEqual([['x', 'y']]);
  });

  it.each([
    ['not JSON', '{ oops', /^not JSON/],
    ['the wrong shape', JSON.stringify({ id: 'p', entities: 'no' }), /^name: /],
    ['duplicate ids', JSON.stringify(pack([entity({ id: 'x' }), entity({ id: 'x' })])), /duplicate id "x"/],
    ['a __proto__ key', good().replace('"entities":[', '"__proto__":{},"entities":['), /__proto__/],
    ['50 MB', ' '.repeat(50 * 1024 * 1024), /^file is 50\.0 MB/],
  ])('refuses a file that is %s with a message and stores nothing', async (_name, text, message) => {
    const r = await importPackText(db, text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0]).toMatch(message);
    await nothingStored();
  });

  it('refuses the id of a bundled pack', async () => {
    const r = await importPackText(db, good('world'), { reservedIds: ['world'] });
    expect(r.ok ? '' : r.errors[0]).toMatch(/bundled pack/);
    await nothingStored();
  });

  it('leaves nothing behind when the write fails halfway', async () => {
    // The summary is written first; make the content write fail after it.
    db.packData.hook('creating', () => {
      throw new Error('disk full');
    });
    const r = await importPackText(db, good());
    expect(r.ok ? '' : r.errors[0]).toMatch(/could not store the pack: .*disk full/);
    await nothingStored();
  });

  it('replaces a pack imported again with the same id, and removes it', async () => {
    await importPackText(db, good('mine', 'First'));
    const again = await importPackText(db, good('mine', 'Second'));
    expect(again).toMatchObject({ ok: true, replaced: true });
    expect((await listPacks(db)).map((p) => p.name)).toEqual(['Second']);
    await removePack(db, 'mine');
    await nothingStored();
  });
});
