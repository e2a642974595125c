import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardText,
  clickInCard,
  clickInEditor,
  editorFocused,
  type Harness,
  hover,
  hoverCard,
  inCard,
  noteEditor,
  paintedText,
  pointOf,
  setSiteFromExtension,
  startHarness,
  waitForPaint,
} from './harness';

let h: Harness;
const errors: string[] = [];

const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>${head}</head><body>${body}<article><p>Ali Larijani met Qasim al-Araji in Baghdad to sign the memorandum of understanding.</p></article></body></html>`;

beforeAll(async () => {
  h = await startHarness();
  h.routes['/prototypes.html'] = page(`<script>
    Array.prototype.map = function () { throw new Error('page broke map'); };
    JSON.parse = function () { throw new Error('page broke JSON.parse'); };
    Element.prototype.attachShadow = function () { throw new Error('page broke attachShadow'); };
  </script>`);
  h.routes['/clobber.html'] = page(
    '',
    '<img name="body"><form id="querySelector"></form><form name="getElementById"></form><a id="CSS"></a>',
  );
  h.routes['/csp.html'] = {
    body: page(''),
    headers: {
      'content-security-policy':
        "default-src 'none'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
    },
  };
  h.routes['/frames.html'] = page(
    '',
    `<iframe srcdoc="<p>Tammy Bruce spoke in Washington.</p>" style="width:400px;height:80px"></iframe>`,
  );
  // A page that records every key, input, paste and composition event it can,
  // in the capture phase on window and document (before anything could stop it).
  h.routes['/shortcuts.html'] = page(`<script>
    window.__keys = [];
    const types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'paste', 'copy', 'cut',
      'compositionstart', 'compositionupdate', 'compositionend'];
    for (const target of [window, document])
      for (const type of types)
        target.addEventListener(type, (e) => window.__keys.push(type + ':' + (e.key ?? e.data ?? '')), true);
  </script>`);
  h.routes['/hostile-css.html'] = page(`<style>
    div, [data-backstory-ui] { display: none !important; opacity: 0 !important; visibility: hidden !important;
      transform: scale(0) !important; filter: blur(20px) !important; pointer-events: none !important; }
    * { font-size: 4px !important; color: transparent !important; line-height: 0 !important; }
    ::highlight(backstory-person) { color: transparent !important; }
  </style>`);
  // Server-rendered markup that a framework "hydrates" after load: it checks the
  // article is exactly what the server sent (as React does), then renders it again.
  const ssr = '<p>Ali Larijani met Qasim al-Araji in Baghdad to sign the memorandum of understanding.</p>';
  h.routes['/hydrate.html'] =
    `<!doctype html><html lang="en"><head><title>Hydrating</title></head><body><article id="app">${ssr}</article><script>
    addEventListener('load', () => setTimeout(() => {
      const app = document.getElementById('app');
      if (app.innerHTML !== ${JSON.stringify(ssr)}) console.error('Hydration failed: server and client markup differ');
      app.innerHTML = ${JSON.stringify(ssr)};
      document.body.dataset.hydrated = '1';
    }, 1500));
  </script></body></html>`;
  h.routes['/remover.html'] = page(`<script>
    window.__inserted = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.parentNode === document.documentElement && n !== document.body && n !== document.head) {
          window.__inserted++;
          n.remove();
        }
      }
    }).observe(document.documentElement, { childList: true });
  </script>`);
});
afterAll(async () => {
  await h?.close();
});

async function open(path: string): Promise<Page> {
  const p = await h.context.newPage();
  p.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error' && /Backstory|Extension context invalidated|Hydration/i.test(m.text()))
      errors.push(`${path}: ${m.text()}`);
  });
  await p.goto(h.origin + path);
  await waitForPaint(p);
  return p;
}

describe('hostile pages', () => {
  it('makes no network request of its own while reading the demo pages', async () => {
    const requests: string[] = [];
    const record = (url: string) => {
      if (/^https?:/.test(url) && !url.startsWith(h.origin)) requests.push(url);
    };
    h.context.on('request', (r) => record(r.url()));
    for (const path of ['/demo/mou-signed.html', '/demo/washington-objects.html']) {
      const p = await open(path);
      await hoverCard(p, 'Ali Larijani');
      await p.close();
    }
    expect(requests).toEqual([]);
    // The control: a request from the background's service worker is seen
    // (port 9 refuses it, so nothing leaves the machine). Without it, the
    // empty list above could mean the recorder was deaf to the worker.
    const control = 'http://127.0.0.1:9/backstory-control';
    await h.worker.evaluate((url) => fetch(url).catch(() => undefined), control);
    await expect.poll(() => requests).toEqual([control]);
  });

  it('works when the page breaks Array.prototype.map, JSON.parse and attachShadow (its own world, not ours)', async () => {
    const p = await open('/prototypes.html');
    expect((await paintedText(p))['backstory-person']).toEqual(['Ali Larijani', 'Qasim al-Araji']);
    await hoverCard(p, 'Ali Larijani');
    await p.close();
  });

  it('works on a page that clobbers document properties with named elements', async () => {
    const p = await open('/clobber.html');
    expect((await paintedText(p))['backstory-person']).toEqual(['Ali Larijani', 'Qasim al-Araji']);
    await hoverCard(p, 'Qasim al-Araji');
    await p.close();
  });

  it('paints and shows cards under a strict CSP with Trusted Types', async () => {
    const p = await open('/csp.html');
    expect((await paintedText(p))['backstory-agreement']).toEqual(['memorandum of understanding']);
    await hoverCard(p, 'Ali Larijani');
    await p.close();
  });

  it('reads only the top frame: nothing painted in an iframe, one card in the top page', async () => {
    const p = await open('/frames.html');
    const frame = p.frames().find((f) => f !== p.mainFrame());
    expect(await frame?.evaluate(() => CSS.highlights.size)).toBe(0);
    await hoverCard(p, 'Ali Larijani');
    expect(await p.evaluate(() => document.querySelectorAll('[data-backstory-ui]').length)).toBe(1);
    await p.close();
  });

  it('puts the card back once when the page removes it, and never loops', async () => {
    const p = await open('/remover.html');
    const inserted = () => p.evaluate(() => (window as unknown as { __inserted: number }).__inserted);
    // The host goes on the page once when Backstory starts (on every page it reads).
    expect(await inserted()).toBe(1);
    await hover(p, 'Ali Larijani');
    await p.waitForTimeout(1500);
    // The page removed it; a card shown puts it back once: not a fight with the page.
    expect(await inserted()).toBe(2);
    await p.mouse.move(5, 5);
    await p.waitForTimeout(600);
    await hover(p, 'Qasim al-Araji');
    await p.waitForTimeout(1500);
    expect(await inserted()).toBe(3);
    await p.close();
  });

  it("keeps what the reader types, pastes and composes in a note from the page's listeners, and shows markup in it as text", async () => {
    const p = await open('/shortcuts.html');
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
    await hoverCard(p, 'Ali Larijani');
    await clickInCard(p, '.add-note');
    await expect.poll(() => editorFocused(p)).toBe(true);
    const recorded = () => p.evaluate(() => (window as unknown as { __keys: string[] }).__keys);
    // Typed with the browser's own keyboard.
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await p.keyboard.type(hostile);
    await p.keyboard.press('Backspace');
    await p.keyboard.type('>');
    // Composed, as an input method does (a Japanese word), through the browser.
    const cdp = await h.context.newCDPSession(p);
    await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '日本' });
    // Pasted from the clipboard.
    await p.evaluate(() => navigator.clipboard.writeText(' (pasted)'));
    await p.keyboard.press('Control+V');
    const typed = await (await noteEditor(p))?.evaluate(() => document.querySelector('textarea')?.value);
    expect(typed).toBe(`${hostile}日本 (pasted)`);
    expect(await recorded()).toEqual([]);
    await clickInEditor(p, '.note-actions .save');
    await expect.poll(() => cardText(p)).toContain(`${hostile}日本 (pasted)`);
    expect(await inCard<number>(p, "function () { return this.querySelectorAll('img, script').length; }")).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await recorded()).toEqual([]);
    // Outside the note, the page's shortcuts work as before.
    await p.mouse.click(5, 5);
    await p.keyboard.press('Escape');
    await p.keyboard.press('j');
    expect(await recorded()).toContain('keydown:j');
    await p.close();
  });

  /** A page with Larijani's card open and half a note typed in it. */
  async function writingANote(): Promise<Page> {
    const p = await open('/shortcuts.html');
    await hoverCard(p, 'Ali Larijani');
    await clickInCard(p, '.add-note');
    await expect.poll(() => editorFocused(p)).toBe(true);
    await p.keyboard.type('Half a thought');
    return p;
  }

  it('keeps a note being written when the page makes up an Escape or the pointer passes over another name', async () => {
    const p = await writingANote();
    await p.evaluate(() => {
      for (const target of [document, window])
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await hover(p, 'Qasim al-Araji');
    await p.waitForTimeout(1200);
    const editor = await noteEditor(p);
    expect(await editor?.evaluate(() => document.querySelector('textarea')?.value)).toBe('Half a thought');
    expect(await cardText(p)).toContain('Ali Larijani');
    // The reader's own Cancel closes it.
    await clickInEditor(p, '.note-actions .cancel');
    await expect.poll(async () => (await noteEditor(p)) === undefined).toBe(true);
    await p.close();
  });

  it('keeps a note being written when the page moves to another address, and when the reader switches the site off', async () => {
    const p = await writingANote();
    const written = async () => (await noteEditor(p))?.evaluate(() => document.querySelector('textarea')?.value);
    // A site that moves its address as the reader scrolls: the next article waits for the note.
    await p.evaluate(() => history.pushState(null, '', '/shortcuts.html?page=2'));
    await p.waitForTimeout(2500);
    expect(await written()).toBe('Half a thought');
    // The reader switches Backstory off on this site from the popup: the underlines go, the note stays.
    await setSiteFromExtension(h, new URL(h.origin).hostname, false);
    await expect
      .poll(() =>
        p.evaluate(() => {
          let n = 0;
          for (const [, h] of CSS.highlights) n += h.size;
          return n;
        }),
      )
      .toBe(0);
    expect(await written()).toBe('Half a thought');
    await clickInEditor(p, '.note-actions .cancel');
    await expect.poll(async () => (await noteEditor(p)) === undefined).toBe(true);
    await setSiteFromExtension(h, new URL(h.origin).hostname, true);
    await p.close();
  });

  it('shows a readable card on a page whose CSS hides, shrinks and blurs every div', async () => {
    const p = await open('/hostile-css.html');
    await hoverCard(p, 'Ali Larijani');
    const shape = await inCard<{ width: number; font: number; visible: boolean }>(
      p,
      `function () {
        const card = this.querySelector('.card');
        const r = card.getBoundingClientRect();
        const host = getComputedStyle(this.host);
        return { width: r.width, font: parseFloat(getComputedStyle(card).fontSize),
          visible: host.display !== 'none' && host.visibility === 'visible' && host.opacity === '1' && host.filter === 'none' };
      }`,
    );
    expect(shape?.visible).toBe(true);
    expect(shape?.width).toBeGreaterThan(200);
    expect(shape?.font).toBeGreaterThanOrEqual(12);
    await p.close();
  });

  it('lets a server-rendered page hydrate without a mismatch, and paints the hydrated text', async () => {
    const p = await open('/hydrate.html');
    await p.waitForFunction(() => document.body.dataset.hydrated === '1');
    await expect
      .poll(async () => (await paintedText(p))['backstory-person'])
      .toEqual(['Ali Larijani', 'Qasim al-Araji']);
    // The painted ranges are on the new text, not the nodes hydration replaced.
    expect(
      await p.evaluate(() =>
        [...(CSS.highlights.get('backstory-person') ?? [])].every((r) => (r as Range).startContainer.isConnected),
      ),
    ).toBe(true);
    await p.close();
  });

  it('has raised no error of its own on any of these pages', () => {
    expect(errors).toEqual([]);
  });

  // Last: it restarts the extension under the other tests' feet.
  it('cleans up after an extension reload with the page open, without "Extension context invalidated" errors', async () => {
    const p = await open('/demo/mou-signed.html');
    const invalidated: string[] = [];
    p.on('console', (m) => {
      if (/Extension context invalidated/i.test(m.text())) invalidated.push(m.text());
    });
    p.on('pageerror', (e) => {
      if (/Extension context invalidated/i.test(e.message)) invalidated.push(e.message);
    });
    // Where the name is, found while it is still painted: the hover below must reach it.
    const { x, y } = await pointOf(p, 'Ali Larijani');
    await h.worker.evaluate(() => setTimeout(() => chrome.runtime.reload(), 0));
    // The old instance notices on its next contact with the extension, at the latest a hover.
    await p.waitForTimeout(1500);
    await p.mouse.move(x, y);
    await p.mouse.move(x + 1, y);
    await p.waitForTimeout(1500);
    expect(invalidated).toEqual([]);
    await expect.poll(() => p.evaluate(() => CSS.highlights.size), { timeout: 10_000 }).toBe(0);
    await p.close();
  });
});
