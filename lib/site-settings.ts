/** The storage key of the sites where the reader turned Backstory off. */
export const DISABLED_SITES_KEY = 'disabledSites';

/** A site as Backstory remembers it: the host name without a leading "www.". */
export function siteOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** A key-value area of settings (the extension database's, `settingsArea`); a fake in tests. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function disabledSites(storage: StorageArea): Promise<string[]> {
  const got = (await storage.get(DISABLED_SITES_KEY))[DISABLED_SITES_KEY];
  return Array.isArray(got) ? got.filter((s): s is string => typeof s === 'string') : [];
}

/** Turns Backstory on or off for a site; remembered in storage, so across restarts. */
export async function setSiteEnabled(storage: StorageArea, site: string, enabled: boolean): Promise<void> {
  const sites = new Set(await disabledSites(storage));
  if (enabled) sites.delete(site);
  else sites.add(site);
  await storage.set({ [DISABLED_SITES_KEY]: [...sites].sort() });
}
