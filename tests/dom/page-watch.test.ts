/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../../lib/dom/page-watch';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.innerHTML = '';
});

function watch(options: { quietMs?: number; maxWaitMs?: number } = {}) {
  const calls: string[][] = [];
  const gone: Node[] = [];
  const own = document.createElement('div');
  own.setAttribute('data-backstory-ui', '');
  const controller = new AbortController();
  controllers.push(controller);
  watchPage(document, {
    isOwn: (n) => n === own || own.contains(n),
    onChange: (roots, removed) => {
      calls.push(roots.map((r) => r.id || r.tagName.toLowerCase()));
      gone.push(...removed);
    },
    signal: controller.signal,
    quietMs: 20,
    maxWaitMs: 200,
    ...options,
  });
  return { calls, gone, own };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchPage', () => {
  it('hands over added paragraphs once the page is quiet, top-most only', async () => {
    document.body.innerHTML = '<article id="story"></article>';
    const { calls } = watch();
    const section = document.createElement('section');
    section.id = 'more';
    section.innerHTML = '<p id="inner">Ali Larijani</p>';
    document.getElementById('story')?.append(section);
    const p = document.createElement('p');
    p.id = 'second';
    p.textContent = 'Tammy Bruce spoke.';
    document.getElementById('story')?.append(p);
    await wait(60);
    expect(calls).toEqual([['more', 'second']]);
  });

  it('ignores Backstory’s own nodes and regions it does not read', async () => {
    document.body.innerHTML = '<nav id="nav"></nav><article id="story"></article>';
    const { calls, own } = watch();
    document.documentElement.append(own);
    own.append(document.createElement('p'));
    document.getElementById('nav')?.append(document.createElement('p'));
    await wait(60);
    expect(calls).toEqual([]);
  });

  it('does not rescan a container when the page adds scripts, images or empty boxes to it', async () => {
    document.body.innerHTML = '<div id="app"><p>Ali Larijani met Qasim al-Araji.</p></div>';
    const { calls } = watch();
    const app = document.getElementById('app') as HTMLElement;
    const script = document.createElement('script');
    script.textContent = 'window.ads = 1;';
    app.append(script, document.createElement('img'), document.createElement('div'));
    await wait(60);
    expect(calls).toEqual([]);
    // Text that arrives later in one of those boxes is read.
    (app.lastElementChild as HTMLElement).textContent = 'Tammy Bruce objected.';
    await wait(60);
    expect(calls).toEqual([['div']]);
  });

  it('reads a page that never stops changing at least every maxWaitMs', async () => {
    document.body.innerHTML = '<article id="story"></article>';
    const { calls } = watch({ quietMs: 50, maxWaitMs: 120 });
    for (let i = 0; i < 20; i++) {
      const p = document.createElement('p');
      p.id = `p${i}`;
      p.textContent = `Update ${i}`;
      document.getElementById('story')?.append(p);
      await wait(15);
    }
    expect(calls.length).toBeGreaterThanOrEqual(2);
  });

  it('rescans the paragraph whose text changed', async () => {
    document.body.innerHTML = '<article><p id="para">Ali <b>Lari</b>jani</p></article>';
    const { calls } = watch();
    const bold = document.querySelector('b')?.firstChild as Text;
    bold.data = 'Larij';
    await wait(60);
    expect(calls).toEqual([['para']]);
  });

  it('hands over a paragraph once when several things in it changed together', async () => {
    document.body.innerHTML =
      '<article><p id="para"><b class="un">United</b> Nations, <span class="ago">just now</span></p></article>';
    const { calls } = watch();
    const un = document.querySelector('.un') as Element;
    un.replaceWith(un.cloneNode(true)); // removed and added: both in #para
    (document.querySelector('.ago')?.firstChild as Text).data = '1 minute ago';
    await wait(60);
    expect(calls).toEqual([['para']]);
  });

  it('reads a paragraph again when the page takes text out of it', async () => {
    document.body.innerHTML = '<article><p id="para">Ali Larijani <b>and Tammy Bruce</b> spoke.</p></article>';
    const { calls } = watch();
    document.querySelector('b')?.remove();
    await wait(60);
    expect(calls).toEqual([['para']]);
  });

  it('hands over a block the page removed, in the same debounced call, with no block to read', async () => {
    document.body.innerHTML = '<article><p id="a">Ali Larijani spoke.</p><p id="b">Tammy Bruce spoke.</p></article>';
    const { calls, gone } = watch();
    const b = document.getElementById('b') as Element;
    b.remove();
    await wait(60);
    expect(calls).toEqual([[]]);
    expect(gone).toEqual([b]);
  });
});
