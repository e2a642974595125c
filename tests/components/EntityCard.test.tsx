/** @vitest-environment happy-dom */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import { entityCard } from '../../lib/factstore/card';
import { createFactStore } from '../../lib/factstore/load-compiled';
import type { EntityCard as Card } from '../../lib/messages';
import { entity, pack, seedStore } from '../fixtures/store';

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root') as HTMLElement;
});

async function cardFor(id: string): Promise<Card> {
  const card = await entityCard(seedStore(), id);
  if (!card) throw new Error(`no card for ${id}`);
  return card;
}

describe('EntityCard', () => {
  it('shows a person’s name, type, description, current role and dated facts with sources', async () => {
    render(
      <EntityCard
        card={await cardFor('ali-larijani')}
        reason={{ why: 'after', text: 'Larijani', name: 'Ali Larijani' }}
      />,
      root,
    );
    const text = root.textContent ?? '';
    expect(root.querySelector('h2')?.textContent).toBe('Ali Larijani');
    expect(text).toContain('Person');
    expect(root.querySelector('.role')?.textContent).toContain("Secretary of Iran's Supreme National Security Council");
    expect(root.querySelector('.role')?.textContent).toContain('since 5 Aug 2025');
    expect(text).toContain('11 Aug 2025');
    expect(text).toContain('Peregraf, 11 Aug 2025');
    expect(root.querySelector('.reason')?.textContent).toBe(
      'Why linked: “Larijani” after “Ali Larijani” earlier in the text',
    );
  });

  it('shows the latest facts first and the rest on request', async () => {
    const card = await cardFor('ali-larijani');
    expect(card.facts.length).toBeGreaterThan(4);
    render(<EntityCard card={card} />, root);
    expect(root.querySelectorAll('.facts li')).toHaveLength(4);
    expect(root.textContent).not.toContain('Najaf');
    const more = root.querySelector<HTMLButtonElement>('button.more');
    expect(more?.textContent).toBe(`${card.facts.length - 4} more fact${card.facts.length - 4 === 1 ? '' : 's'}`);
    more?.click();
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(root.querySelectorAll('.facts li')).toHaveLength(card.facts.length);
        expect(root.textContent).toContain('Najaf');
        resolve();
      }, 0),
    );
  });

  it('keeps its buttons out of the tab order unless opened from the keyboard', async () => {
    render(<EntityCard card={await cardFor('tammy-bruce')} onClose={() => undefined} />, root);
    expect([...root.querySelectorAll('button')].every((b) => b.tabIndex === -1)).toBe(true);
    render(<EntityCard card={await cardFor('tammy-bruce')} onClose={() => undefined} focusable />, root);
    expect([...root.querySelectorAll('button')].every((b) => b.tabIndex === 0)).toBe(true);
  });

  it('is a dialog labelled by the entity’s name', async () => {
    render(<EntityCard card={await cardFor('tammy-bruce')} />, root);
    const dialog = root.querySelector('[role="dialog"]');
    const label = dialog?.getAttribute('aria-labelledby') ?? '';
    expect(document.getElementById(label)?.textContent).toBe('Tammy Bruce');
  });

  it('shows an agreement’s parties, signatories, signing and reactions in date order', async () => {
    render(<EntityCard card={await cardFor('mou-2025')} />, root);
    const dl = root.querySelector('dl.agreement')?.textContent ?? '';
    expect(dl).toContain('Iran, Iraq');
    expect(dl).toContain('Ali Larijani, Qasim al-Araji');
    expect(dl).toContain('11 Aug 2025, Baghdad');
    const reactions = [...root.querySelectorAll('.reactions li')].map((li) => li.textContent ?? '');
    expect(reactions[0]).toContain('US Department of State opposes');
    const dates = [...root.querySelectorAll('.reactions li .when')].map((w) => w.textContent);
    expect(dates).toEqual(['12 Aug 2025', '13 Aug 2025', '13 Aug 2025', '16 Aug 2025']);
  });

  it('links a source only when the pack has its URL', async () => {
    const store = createFactStore([
      pack(
        [
          entity({
            id: 'x',
            facts: [
              { label: 'A', value: 'with url', date: '2025-01-01', source: 'linked' },
              { label: 'B', value: 'without', date: '2025-01-02', source: 'plain' },
            ],
          }),
        ],
        {
          sources: [
            { id: 'linked', outlet: 'Linked Outlet', url: 'https://example.org/a' },
            { id: 'plain', outlet: 'Plain Outlet' },
          ],
        },
      ),
    ]);
    const card = await entityCard(store, 'x');
    if (!card) throw new Error('no card');
    render(<EntityCard card={card} />, root);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['Linked Outlet']);
    expect(links[0]?.getAttribute('href')).toBe('https://example.org/a');
    expect(root.textContent).toContain('Plain Outlet');
  });

  it('renders page and pack text as text, never as HTML', async () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    const store = createFactStore([
      pack([
        entity({
          id: 'evil',
          name: evil,
          description: evil,
          facts: [{ label: evil, value: evil, date: '2025-01-01', source: 'src' }],
        }),
      ]),
    ]);
    const card = await entityCard(store, 'evil');
    if (!card) throw new Error('no card');
    render(<EntityCard card={card} reason={{ why: 'name', text: evil, name: evil }} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('h2')?.textContent).toBe(evil);
    expect(root.querySelector('.reason')?.textContent).toContain(evil);
  });
});
