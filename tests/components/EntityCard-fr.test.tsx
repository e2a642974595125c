/** @vitest-environment happy-dom */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import { EntityList } from '../../components/EntityList';
import { entityCard } from '../../lib/factstore/card';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { speak } from '../fixtures/i18n';
import { entity, pack, seedStore } from '../fixtures/store';

// The card and the popup's list in a browser whose interface is French: every word
// of the interface in French, dates and counts as French readers write them, the
// data (names, descriptions, facts) as the packs give it.

let root: HTMLElement;
beforeEach(() => {
  speak('fr');
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root') as HTMLElement;
});
afterEach(() => speak('en'));

describe('the card in French', () => {
  it('says what it is, since when and why it was linked, in French', async () => {
    const card = await entityCard(seedStore(), 'ali-larijani');
    if (!card) throw new Error('no card');
    render(
      <EntityCard card={card} reason={{ why: 'after', text: 'Larijani', name: 'Ali Larijani' }} onClose={() => {}} />,
      root,
    );
    expect(root.querySelector('.type')?.textContent).toBe('Personne');
    expect(root.querySelector('button.close')?.getAttribute('aria-label')).toBe('Fermer');
    expect(root.querySelector('.role')?.textContent).toContain('depuis le 5 août 2025');
    expect(root.textContent).toContain('Peregraf, 11 août 2025');
    expect(root.querySelector('.reason')?.textContent).toBe(
      'Pourquoi ce lien\u00a0: «\u00a0Larijani\u00a0» après «\u00a0Ali Larijani\u00a0» plus haut dans le texte',
    );
    const more = card.facts.length - 4;
    expect(root.querySelector('button.more')?.textContent).toBe(more === 1 ? '1 autre fait' : `${more} autres faits`);
    expect(root.querySelector('.facts')?.getAttribute('aria-label')).toBe('Faits');
    expect(root.querySelector('.stories')?.textContent).toMatch(
      /^(Aucun article lié|1 article lié|\d+ articles liés)$/,
    );
  });

  it('keeps an Arabic name right to left inside the French card', async () => {
    const store = createFactStore([
      pack([entity({ id: 'ar', name: 'علي لاريجاني', description: 'سياسي إيراني', type: 'person' })]),
    ]);
    const card = await entityCard(store, 'ar');
    if (!card) throw new Error('no card');
    render(<EntityCard card={card} />, root);
    expect(root.querySelector('h2')?.getAttribute('dir')).toBe('auto');
    expect(root.querySelector('.description')?.getAttribute('dir')).toBe('auto');
    expect(root.querySelector('.stories')?.textContent).toBe('Aucun article lié');
  });
});

describe('the popup’s names in French', () => {
  it('groups them under French headings, counts as French readers write them', () => {
    render(
      <EntityList
        entities={[
          { id: 'a', name: 'Ali Larijani', type: 'person', description: 'Iranian politician', count: 1234 },
          { id: 'b', name: 'Baghdad', type: 'place', description: 'Capital of Iraq', count: 1 },
        ]}
      />,
      root,
    );
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Personnes', 'Lieux']);
    const counts = [...root.querySelectorAll('.count')];
    expect(counts.map((c) => c.textContent)).toEqual(['×1\u202f234', '×1']);
    expect(counts.map((c) => c.getAttribute('title'))).toEqual([
      'Cité 1\u202f234 fois sur cette page',
      'Cité 1 fois sur cette page',
    ]);
  });
});
