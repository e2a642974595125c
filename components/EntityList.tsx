import { i18n } from '#i18n';
import type { EntityType } from '../lib/factstore/schema';
import { formatNumber } from '../lib/i18n/locale';
import type { TabEntity } from '../lib/messages';

const GROUPS: { type: EntityType; label: () => string }[] = [
  { type: 'person', label: () => i18n.t('group.people') },
  { type: 'organization', label: () => i18n.t('group.organizations') },
  { type: 'place', label: () => i18n.t('group.places') },
  { type: 'agreement', label: () => i18n.t('group.agreements') },
  { type: 'outlet', label: () => i18n.t('group.outlets') },
  { type: 'event', label: () => i18n.t('group.events') },
];

export interface EntityListProps {
  entities: TabEntity[];
  /** Shows only entities whose name or description contains this (any case). */
  query?: string;
  /** Called when the reader picks an entity (to show it on the page). */
  onSelect?: (entity: TabEntity) => void;
}

/** The entities found on a page, grouped by type, most mentioned first. */
export function EntityList({ entities: all, query = '', onSelect }: EntityListProps) {
  const q = query.trim().toLowerCase();
  const entities = q ? all.filter((e) => `${e.name} ${e.description}`.toLowerCase().includes(q)) : all;
  if (entities.length === 0) return <p class="empty">{i18n.t('popup.noMatch', { query })}</p>;
  return (
    <div class="entity-list">
      {GROUPS.map(({ type, label }) => {
        const items = entities.filter((e) => e.type === type);
        if (items.length === 0) return null;
        const title = label();
        return (
          <section key={type} aria-label={title}>
            <h2>{title}</h2>
            <ul>
              {items.map((e) => (
                <li key={e.id} data-entity={e.id}>
                  {onSelect ? (
                    <button
                      type="button"
                      class="name"
                      dir="auto"
                      onClick={() => onSelect(e)}
                      title={i18n.t('popup.showOnPage')}
                    >
                      {e.name}
                    </button>
                  ) : (
                    <span class="name" dir="auto">
                      {e.name}
                    </span>
                  )}{' '}
                  <span class="count" title={i18n.t('popup.mentions', e.count, { count: formatNumber(e.count) })}>
                    ×{formatNumber(e.count)}
                  </span>
                  <p class="description" dir="auto">
                    {e.description}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
