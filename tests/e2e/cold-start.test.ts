// The background keeps a copy of the bundled store in IndexedDB and starts from
// it when the browser wakes a stopped worker (lib/background/store-cache.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a stopped worker woken by a message', () => {
  it('starts from the cached store, and answers a card as it did from the bundled file', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    const send = (message: unknown) =>
      page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Record<string, unknown>>;
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const first = (await send({ type: 'stats' })) as { entities: number; stages: Record<string, number> };
    expect(first.stages.fromCache).toBe(0);
    const card = await send({ type: 'card', entityId: 'ali-larijani' });
    // The copy is written after the first start; then the worker is stopped as the browser does when idle.
    // (The database exists from the first start's read; the copy is in it once written.)
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
      .toContain('backstory-store-cache');
    const copied = () =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const open = indexedDB.open('backstory-store-cache');
            open.onerror = () => resolve(null);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('files')) return resolve(null);
              const get = db.transaction('files').objectStore('files').get('store.bin');
              get.onsuccess = () => resolve((get.result as { id?: string } | undefined)?.id ?? null);
              get.onerror = () => resolve(null);
            };
          }),
      );
    await expect.poll(copied, { timeout: 30_000 }).toMatch(/^[0-9a-f]{64}$/);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(200);
    const woken = (await send({ type: 'stats' })) as { entities: number; stages: Record<string, number> };
    expect(woken.stages.fromCache).toBe(1);
    expect(woken.entities).toBe(first.entities);
    expect(await send({ type: 'card', entityId: 'ali-larijani' })).toEqual(card);
    await page.close();
  });
});
