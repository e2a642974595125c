import { type BackstoryDB, moveSettings, settingsArea } from '../db';
import { HISTORY_SETTINGS_KEY, type HistorySettings, historySettings, pruneVisits } from '../history/visits';
import { DISABLED_SITES_KEY, disabledSites, type StorageArea, setSiteEnabled } from '../site-settings';

/** The packs the reader switched off (options page), kept with the settings. */
export const DISABLED_PACKS_KEY = 'disabledPacks';

/**
 * The reader's settings as the background keeps them: in the extension's own
 * database, which no content script reaches on any browser (an earlier
 * version's are moved there from `storage.local` first), and in memory while
 * the worker runs, since every scan asks whether its site is on. Not
 * `@wxt-dev/storage` (issue #15 named it): it keeps values in
 * `browser.storage`, whose `local` area content scripts can read and write.
 */
export class BackgroundSettings {
  private readonly area: StorageArea;
  private readonly moved: Promise<unknown>;
  private off: Promise<Set<string>> | undefined;
  private history: Promise<HistorySettings> | undefined;

  constructor(
    private readonly db: BackstoryDB,
    local: { get(keys: string[]): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> },
  ) {
    const settings = settingsArea(db);
    this.moved = moveSettings(db, local, [DISABLED_SITES_KEY, HISTORY_SETTINGS_KEY, DISABLED_PACKS_KEY]).catch(
      (error) => console.error('Backstory: could not move the settings', error),
    );
    this.area = {
      get: async (key) => {
        await this.moved;
        return settings.get(key);
      },
      set: async (items) => {
        await this.moved;
        await settings.set(items);
      },
    };
  }

  /** The sites where the reader turned Backstory off. */
  offSites(): Promise<Set<string>> {
    this.off ??= disabledSites(this.area).then((sites) => new Set(sites));
    return this.off;
  }

  async isSiteEnabled(site: string): Promise<boolean> {
    return !(await this.offSites()).has(site);
  }

  /** Turns Backstory on or off for a site; resolves with the sites off before and after. */
  async setSiteEnabled(site: string, enabled: boolean): Promise<{ before: Set<string>; after: Set<string> }> {
    const before = await this.offSites();
    await setSiteEnabled(this.area, site, enabled);
    this.off = undefined;
    return { before, after: await this.offSites() };
  }

  /** The history's settings (paused, how long visits are kept). */
  historySettings(): Promise<HistorySettings> {
    this.history ??= historySettings(this.area);
    return this.history;
  }

  /** The options page changed the history's settings: read them again, and forget what they no longer keep. */
  historyChanged(): void {
    this.history = undefined;
    this.pruneHistory();
  }

  /** Forgets the visits older than the history keeps (at start, and when its settings change). */
  pruneHistory(): void {
    void this.historySettings()
      .then((h) => pruneVisits(this.db, h.keepDays))
      .catch(() => undefined);
  }

  /** The bundled packs the reader switched off. */
  async disabledPacks(): Promise<Set<string>> {
    const got = (await this.area.get(DISABLED_PACKS_KEY))[DISABLED_PACKS_KEY];
    return new Set(Array.isArray(got) ? got.filter((x): x is string => typeof x === 'string') : []);
  }

  async setPackEnabled(packId: string, enabled: boolean): Promise<void> {
    const off = await this.disabledPacks();
    if (enabled) off.delete(packId);
    else off.add(packId);
    await this.area.set({ [DISABLED_PACKS_KEY]: [...off] });
  }
}
