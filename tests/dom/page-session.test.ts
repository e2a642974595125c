/** @vitest-environment happy-dom */
// The page's reading session (issue #15), driven by a fake scan whose answers
// the test gives when it chooses: what a reader would see when the page
// changes, navigates or is switched off while Backstory is still reading it.
import { afterEach, describe, expect, it } from 'vitest';
import { Annotator } from '../../lib/dom/annotator';
import { PageSession } from '../../lib/dom/page-session';
import { watchPage } from '../../lib/dom/page-watch';
import type { PaintedMention } from '../../lib/messages';
import { fakePainter } from '../fixtures/painter';

const NAMES = ['Ali Larijani', 'Qasim al-Araji', 'Tammy Bruce'];

/** A scan the test answers: each call waits until `answer()` is called for it. */
function fakeBackground() {
  const calls: { text: string; part: boolean; previous?: string | undefined; answer: () => void }[] = [];
  const scan = (text: string, part: boolean, _limit: number, previous?: string) =>
    new Promise<PaintedMention[] | null>((resolve) => {
      const mentions: PaintedMention[] = [];
      for (const name of NAMES)
        for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
          mentions.push({
            entityId: name,
            start: i,
            end: i + name.length,
            text: name,
            reason: { why: 'onlyOne', text: name },
            type: 'person',
          });
      mentions.sort((a, b) => a.start - b.start);
      calls.push({ text, part, previous, answer: () => resolve(mentions) });
    });
  return { calls, scan };
}

const controller = new AbortController();
afterEach(() => {
  controller.abort();
});

function setUp(html: string) {
  document.body.innerHTML = `<article>${html}</article>`;
  const { painter } = fakePainter();
  const background = fakeBackground();
  const annotator = new Annotator(painter, background.scan);
  let notesRead = 0;
  const watchSignal = new AbortController();
  controller.signal.addEventListener('abort', () => watchSignal.abort());
  const session = new PageSession({
    annotator,
    marks: { clear: () => undefined, schedule: () => undefined },
    notes: { refresh: async () => void notesRead++ },
    articleRoot: () => document.querySelector('article') as Element,
    watch: (onChange) =>
      void watchPage(document, { isOwn: () => false, signal: watchSignal.signal, onChange, quietMs: 0, maxWaitMs: 0 }),
  });
  const painted = () => annotator.painted.map((p) => p.range.toString());
  return { session, annotator, background, painted, notesRead: () => notesRead };
}

/** Lets pending promises, timers and mutation records run. */
const settle = async (times = 5) => {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 5));
};

/** Answers the scans as they come until none is waiting. */
async function answerAll(calls: { answer: () => void }[], from = 0) {
  for (let i = from; i < calls.length; i++) {
    calls[i]?.answer();
    await settle();
  }
}

/** Waits for `work`, answering every scan it makes meanwhile. */
async function until(work: Promise<unknown>, calls: { answer: () => void }[]) {
  let finished = false;
  void work.then(() => {
    finished = true;
  });
  for (let rounds = 0; !finished && rounds < 50; rounds++) {
    for (const c of calls) c.answer();
    await settle();
  }
  await work;
}

describe('the page’s reading session', () => {
  it('reads a paragraph the page adds during the first read once, after the article is painted', async () => {
    const { session, background, painted, notesRead } = setUp('<p>Ali Larijani met Qasim al-Araji.</p>');
    let done = false;
    const first = session.read(() => {
      done = true;
    });
    await settle();
    expect(background.calls).toHaveLength(1);
    // The page adds a paragraph while the background is still answering.
    const p = document.createElement('p');
    p.textContent = 'Tammy Bruce answered from Washington.';
    document.querySelector('article')?.append(p);
    await settle();
    // Nothing is read before the first read is painted.
    expect(background.calls).toHaveLength(1);
    background.calls[0]?.answer();
    await settle();
    expect(done).toBe(true);
    expect(notesRead()).toBe(1);
    expect(painted()).toEqual(['Ali Larijani', 'Qasim al-Araji']);
    // Then the new paragraph, once, as a part of the page.
    expect(background.calls).toHaveLength(2);
    expect(background.calls[1]).toMatchObject({ text: 'Tammy Bruce answered from Washington.', part: true });
    await until(first, background.calls);
    expect(painted()).toEqual(['Ali Larijani', 'Qasim al-Araji', 'Tammy Bruce']);
    await settle();
    expect(background.calls).toHaveLength(2);
  });

  it('after a navigation in the middle of a read, shows only the newer article’s names', async () => {
    const { session, background, painted } = setUp('<p>Ali Larijani met Qasim al-Araji.</p>');
    const older = session.read();
    await settle();
    // The single-page site shows its next article before the first read was answered,
    // keeping the previous one on the page, out of the article (as a "previous story" box).
    const article = document.querySelector('article') as Element;
    const previous = document.createElement('aside');
    previous.append(...article.childNodes);
    document.body.append(previous);
    article.innerHTML = '<p>Tammy Bruce spoke.</p>';
    const newer = session.read();
    await settle();
    expect(background.calls.map((c) => c.text)).toEqual(['Ali Larijani met Qasim al-Araji.', 'Tammy Bruce spoke.']);
    // The newer read is answered first, then the older one, late.
    background.calls[1]?.answer();
    await settle();
    background.calls[0]?.answer();
    await until(Promise.all([older, newer]), background.calls);
    expect(painted()).toEqual(['Tammy Bruce']);
  });

  it('paints nothing when the reader switches the site off in the middle of a read', async () => {
    const { session, background, painted, notesRead } = setUp('<p>Ali Larijani met Qasim al-Araji.</p>');
    const read = session.read();
    await settle();
    await session.setEnabled(false);
    background.calls[0]?.answer();
    await read;
    await settle();
    expect(painted()).toEqual([]);
    expect(notesRead()).toBe(0);
    // Nor does the page's next change get read.
    document
      .querySelector('article')
      ?.append(Object.assign(document.createElement('p'), { textContent: 'Tammy Bruce' }));
    await settle();
    expect(background.calls).toHaveLength(1);
    // Switched on again: the article is read afresh.
    await until(session.setEnabled(true), background.calls);
    expect(painted()).toEqual(['Ali Larijani', 'Qasim al-Araji', 'Tammy Bruce']);
  });

  it('takes a block the page removed off the counts once', async () => {
    const { session, background, painted } = setUp(
      '<p>Ali Larijani met Qasim al-Araji.</p><p id="gone">Tammy Bruce spoke.</p>',
    );
    await until(session.read(), background.calls);
    expect(painted()).toEqual(['Ali Larijani', 'Qasim al-Araji', 'Tammy Bruce']);
    document.getElementById('gone')?.remove();
    await settle();
    // One scan takes the removed block's text off (nothing new to read), and its name off the page.
    expect(background.calls).toHaveLength(2);
    expect(background.calls[1]).toMatchObject({ text: '', part: true, previous: 'Tammy Bruce spoke.' });
    await answerAll(background.calls, 1);
    expect(painted()).toEqual(['Ali Larijani', 'Qasim al-Araji']);
    // Nothing more changed: nothing more is sent.
    document.querySelector('article')?.setAttribute('data-x', '1');
    await settle();
    expect(background.calls).toHaveLength(2);
  });
});
