/** @vitest-environment happy-dom */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import { heldOn } from '../../components/TimeSection';
import { entityCard } from '../../lib/factstore/card';
import { createFactStore } from '../../lib/factstore/load-compiled';
import type { EntityCard as Card } from '../../lib/messages';
import { entity, pack } from '../fixtures/store';

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root') as HTMLElement;
});

const store = createFactStore([
  pack([
    entity({
      id: 'pm',
      name: 'Ben Prime',
      facts: [
        { label: 'Role', value: 'Prime Minister of Ruritania', from: '2009-03-31', to: '2021-06-13', source: 'src' },
        { label: 'Role', value: 'Prime Minister of Ruritania', from: '2022-12-29', source: 'src' },
        { label: 'Role', value: 'Member of the Ruritanian Parliament', from: '1988', to: '2008', source: 'src' },
      ],
    }),
    entity({
      id: 'old',
      name: 'Old Minister',
      facts: [{ label: 'Role', value: 'Minister of Mines', from: '2019-07-24', asOf: '2022-08-01', source: 'src' }],
    }),
  ]),
]);

async function cardFor(id: string): Promise<Card> {
  const card = await entityCard(store, id);
  if (!card) throw new Error(`no card for ${id}`);
  return card;
}

describe('a card for the article’s time', () => {
  it('shows what held at the article’s date, then what holds now, each dated and sourced', async () => {
    render(<EntityCard card={await cardFor('pm')} articleDate="2015-03-18" />, root);
    const then = root.querySelector('.then');
    expect(then?.querySelector('.then-label')?.textContent).toBe('At the time of this article (Mar 2015):');
    const [first, now] = [...(then?.querySelectorAll('.role') ?? [])].map((p) => p.textContent ?? '');
    expect(first).toContain('Prime Minister of Ruritania');
    expect(first).toContain('31 Mar 2009–13 Jun 2021');
    expect(now).toMatch(/^Now: Prime Minister of Ruritania · since 29 Dec 2022/);
    // The span shown for the time is not repeated among the facts.
    expect([...root.querySelectorAll('.facts li')].map((li) => li.textContent)).toEqual([
      expect.stringContaining('Member of the Ruritanian Parliament'),
    ]);
  });

  it('shows an earlier office for an earlier article, and says when the store knows nothing of that time', async () => {
    render(<EntityCard card={await cardFor('pm')} articleDate="2008-12" />, root);
    expect(root.querySelector('.then')?.textContent).toContain('Member of the Ruritanian Parliament');
    render(<EntityCard card={await cardFor('pm')} articleDate="1985-01-01" />, root);
    expect(root.querySelector('.then .nothing')?.textContent).toBe('Nothing in the fact store for that date.');
    expect(root.querySelector('.then .now')?.textContent).toContain('since 29 Dec 2022');
  });

  it('shows today’s facts as now on a page with no date, as before', async () => {
    render(<EntityCard card={await cardFor('pm')} />, root);
    expect(root.querySelector('.then')).toBeNull();
    expect(root.querySelector('.role')?.textContent).toContain('since 29 Dec 2022');
  });

  it('never says a role from data that stopped being updated held after it stopped', async () => {
    const card = await cardFor('old');
    const role = card.role;
    if (!role) throw new Error('no role');
    expect(heldOn(role, '2021-05-01')).toBe(true);
    expect(heldOn(role, '2024-05-01')).toBe(false);
    expect(heldOn(role, '2019')).toBe(true);
    expect(heldOn(role, '2018-12-31')).toBe(false);
  });
});
