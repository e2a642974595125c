import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import { formatNumber } from '../lib/i18n/locale';
import type { PackSummary } from '../lib/messages';
import { webUrl } from '../lib/safe-url';

export interface BundledPacksProps {
  packs: PackSummary[];
  /** Switches a pack off or on; the list shows the new state once the background has it. */
  onToggle: (id: string, enabled: boolean) => void;
  /** The pack being switched, if any. */
  busy?: string | undefined;
}

/** A pack's kind as the reader reads it ("Other" for a kind the interface does not know). */
function kindLabel(kind: string | undefined): string {
  switch (kind) {
    case 'people':
      return i18n.t('group.people');
    case 'organizations':
      return i18n.t('group.organizations');
    case 'places':
      return i18n.t('group.places');
    case 'agreements':
      return i18n.t('group.agreements');
    case 'companies':
      return i18n.t('group.companies');
    default:
      return i18n.t('group.other');
  }
}

/**
 * The packs bundled with Backstory, by kind and region: how many entries,
 * which datasets they come from (with snapshot dates, licences and the
 * attribution each licence asks for), and a switch to leave a pack out.
 */
export function BundledPacks({ packs, onToggle, busy }: BundledPacksProps) {
  const groups = new Map<string, PackSummary[]>();
  for (const p of packs) {
    const kind = kindLabel(p.about?.kind);
    groups.set(kind, [...(groups.get(kind) ?? []), p]);
  }
  return (
    <div data-testid="bundled-packs">
      {[...groups].map(([kind, list]) => (
        <section key={kind} aria-label={kind}>
          <h4>{kind}</h4>
          <ul class="packs">
            {list.map((p) => (
              <li key={p.id} data-pack={p.id} class={p.enabled ? '' : 'off'}>
                <label>
                  <input
                    type="checkbox"
                    checked={p.enabled}
                    disabled={busy === p.id}
                    onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
                  />{' '}
                  <strong>{p.name}</strong>
                </label>{' '}
                <span class="meta">
                  {[
                    ...(p.about ? [p.about.region] : []),
                    i18n.t('packs.entries', p.entities, { count: formatNumber(p.entities) }),
                    p.license,
                  ].join(' · ')}
                </span>
                {p.about && p.about.datasets.length > 0 && (
                  <ul class="datasets">
                    {p.about.datasets.map((d) => (
                      <li key={d.name}>
                        {webUrl(d.upstream) ? (
                          <a href={webUrl(d.upstream)} target="_blank" rel="noreferrer">
                            {d.name}
                          </a>
                        ) : (
                          d.name
                        )}
                        {` — ${i18n.t('packs.snapshot', { date: formatDate(d.snapshot.slice(0, 7)) })} · ${d.license}. ${d.attribution}`}
                        {d.stale && <em>{` ${i18n.t('packs.stale', { stale: d.stale })}`}</em>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
