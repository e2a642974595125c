import type { EntityType } from '../lib/factstore/schema';
import type { TabEntity } from '../lib/messages';

const GROUPS: { type: EntityType; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organisations' },
  { type: 'place', label: 'Places' },
  { type: 'agreement', label: 'Agreements' },
  { type: 'outlet', label: 'News outlets' },
  { type: 'event', label: 'Events' },
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
  if (entities.length === 0) return <p class="empty">Nothing on this page matches “{query}”.</p>;
  return (
    <div class="entity-list">
      {GROUPS.map(({ type, label }) => {
        const items = entities.filter((e) => e.type === type);
        if (items.length === 0) return null;
        return (
          <section key={type} aria-label={label}>
            <h2>{label}</h2>
            <ul>
              {items.map((e) => (
                <li key={e.id} data-entity={e.id}>
                  {onSelect ? (
                    <button
                      type="button"
                      class="name"
                      dir="auto"
                      onClick={() => onSelect(e)}
                      title="Show it on the page"
                    >
                      {e.name}
                    </button>
                  ) : (
                    <span class="name" dir="auto">
                      {e.name}
                    </span>
                  )}{' '}
                  <span class="count" title={`${e.count} mentions on this page`}>
                    ×{e.count}
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
