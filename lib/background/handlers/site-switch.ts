import { siteOf } from '../../site-settings';
import type { BackgroundHooks, HandlersFor } from './types';

/** Whether Backstory runs on a site: the popup reads and switches any; a page switches only its own. */
export function siteSwitchHandlers(
  hooks: Pick<BackgroundHooks, 'isSiteEnabled' | 'setSiteEnabled'>,
): HandlersFor<'siteEnabled' | 'setSiteEnabled'> {
  return {
    async siteEnabled(req) {
      return { enabled: await hooks.isSiteEnabled(req.site) };
    },
    async setSiteEnabled(req, sender) {
      // A page may only turn Backstory off (or on) for itself.
      const site = sender.extensionPage ? req.site : sender.url ? siteOf(sender.url) : undefined;
      if (!site) return { ok: false, error: 'No site to switch.' };
      await hooks.setSiteEnabled(site, req.enabled);
      return { ok: true, value: { site, enabled: req.enabled } };
    },
  };
}
