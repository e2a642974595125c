// The message contract (lib/contract.ts), checked as a whole: every request
// has a schema, a handler, a declared set of callers that dispatch enforces,
// and a test; every message to a content script is sent somewhere and handled.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../lib/background/dispatch';
import { createHandlers } from '../lib/background/handlers';
import { type MessageType, REQUESTS, type Request, TabMessageSchema } from '../lib/contract';
import { fakeHooks } from './fixtures/background-hooks';
import { ROOT, seedStore } from './fixtures/store';
import { memoryTabStore } from './fixtures/tab-store';

/** One valid request of each type (a new message must add one here). */
const SAMPLES: { [K in MessageType]: Request<K> } = {
  scan: { type: 'scan', url: 'https://example.org/a', title: 'A', text: 'Ali Larijani arrived in Baghdad.' },
  card: { type: 'card', entityId: 'ali-larijani' },
  cardUi: { type: 'cardUi' },
  tabEntities: { type: 'tabEntities', tabId: 7 },
  notesFor: { type: 'notesFor', url: 'https://example.org/a', entityIds: ['ali-larijani'] },
  saveNote: { type: 'saveNote', draft: { entityId: 'ali-larijani', body: 'A note' } },
  openEditor: { type: 'openEditor', target: { entityId: 'ali-larijani' } },
  editorSave: { type: 'editorSave', body: 'A note' },
  editorClose: { type: 'editorClose' },
  noteAnchored: { type: 'noteAnchored', id: 'n1', found: true },
  entityNotes: { type: 'entityNotes', entityId: 'ali-larijani' },
  notesForTab: { type: 'notesForTab', tabId: 7 },
  relatedCoverage: { type: 'relatedCoverage', tabId: 7 },
  entityCoverage: { type: 'entityCoverage', entityId: 'ali-larijani' },
  openRelated: { type: 'openRelated', entityId: 'ali-larijani' },
  bundledPacks: { type: 'bundledPacks' },
  stats: { type: 'stats' },
  siteEnabled: { type: 'siteEnabled', site: 'example.org' },
  setSiteEnabled: { type: 'setSiteEnabled', enabled: true },
  historyChanged: { type: 'historyChanged' },
  packsChanged: { type: 'packsChanged' },
  setPackEnabled: { type: 'setPackEnabled', packId: 'world', enabled: true },
};

const handlers = () => createHandlers(() => seedStore(), memoryTabStore(), fakeHooks());
const types = Object.keys(REQUESTS) as MessageType[];
const PAGE = { tabId: 7, url: 'https://example.org/a' };
const refusedAsPage = /accepted only from Backstory's own pages/;

/** Every test file's text, but this one's. */
function testSources(dir = join(ROOT, 'tests')): string {
  let all = '';
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) all += testSources(path);
    else if (/\.test\.tsx?$/.test(entry.name) && entry.name !== 'contract.test.ts') all += readFileSync(path, 'utf8');
  }
  return all;
}

/** The TypeScript files under a folder of the repository, as paths from its root. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the message contract', () => {
  it('has a handler for every request, and every handler answers a request of the contract', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...types].sort());
  });

  it.each(types)('accepts a well-formed “%s” and checks its callers', async (type) => {
    const h = handlers();
    const fromPage = (await dispatch(h, SAMPLES[type], PAGE)) as { error?: string } | null;
    const fromExtension = (await dispatch(h, SAMPLES[type], { extensionPage: true })) as { error?: string } | null;
    expect(fromExtension?.error ?? '').not.toMatch(/Refused message/);
    if (REQUESTS[type].callers === 'extension') expect(fromPage?.error).toMatch(refusedAsPage);
    else expect(fromPage?.error ?? '').not.toMatch(/Refused message/);
  });

  it.each(types)('refuses a “%s” with a field it does not know', async (type) => {
    const answer = (await dispatch(handlers(), { ...SAMPLES[type], extra: 1 }, { extensionPage: true })) as {
      ok: boolean;
      error: string;
    };
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('Refused message') });
  });

  it('has every request exercised by some other test', () => {
    const sources = testSources();
    const untested = types.filter((type) => !sources.includes(`type: '${type}'`));
    expect(untested).toEqual([]);
  });

  it('has every message to a content script sent by the extension and handled by the content script', () => {
    const content = readFileSync(join(ROOT, 'entrypoints/content/reader.ts'), 'utf8');
    // The background's entrypoint and every module of lib/background/ (its handlers are split across files).
    const senders = ['entrypoints/background.ts', 'entrypoints/popup/main.tsx', ...sourcesUnder('lib/background')]
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    for (const option of TabMessageSchema.options) {
      const type = option.entries.type.literal;
      expect(content, type).toContain(`case '${type}':`);
      expect(senders, type).toContain(`type: '${type}'`);
    }
  });
});
