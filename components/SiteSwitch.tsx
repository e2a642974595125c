import { i18n } from '#i18n';
import { withParts } from './with-parts';

export interface SiteSwitchProps {
  site: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}

/** "Backstory on example.com": a labelled switch, remembered across restarts. */
export function SiteSwitch({ site, enabled, onChange }: SiteSwitchProps) {
  return (
    <label class="site-switch">
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        aria-checked={enabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />{' '}
      {withParts(i18n.t('popup.siteOn', { site: '{site}' }), { site: <span dir="auto">{site}</span> })}
    </label>
  );
}
