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
      On for <span dir="auto">{site}</span>
    </label>
  );
}
