/** @vitest-environment happy-dom */
// What the reader sees of a contested fact (issue #17, item 1): the card shows
// the source's own qualifier with the fact, never the fact alone.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import { entityCard } from '../../lib/factstore/card';
import { ROWS } from '../build/contested-rows';
import { fullStore } from '../fixtures/store';

/** Whether the text says each piece of `words` in order ("…" marks a cut). */
const says = (text: string, words: string) => {
  let from = 0;
  return words.split(' … ').every((piece) => {
    const at = text.indexOf(piece, from);
    from = at + piece.length;
    return at >= 0;
  });
};

describe('a contested fact on the card', { timeout: 180_000 }, () => {
  it.each(ROWS)('$what: the card of $id shows "$onCard" with its source', async (row) => {
    const card = await entityCard(fullStore(), row.id);
    if (!card) throw new Error(`no entity ${row.id} in the store`);
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    render(<EntityCard card={{ ...card, facts: card.facts }} />, root);
    // Every fact shown (the "more facts" button would hide the later ones).
    root.querySelector<HTMLButtonElement>('button.more')?.click();
    await new Promise((r) => setTimeout(r, 0));
    const lines = [...root.querySelectorAll('.facts li, .role')].map((el) => el.textContent ?? '');
    const line = lines.find((l) => says(l, row.onCard));
    expect(line, `no line of the card says "${row.onCard}":\n${lines.join('\n')}`).toBeDefined();
    // The qualifier stands beside its source (the dataset and its date).
    expect(line).toMatch(/Factbook/);
  });
});
