import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_SITE_MATCHES } from '../../lib/sites';
import expected from '../fixtures/expected-manifest.json';
import { ROOT } from './harness';

// Runs after the builds (npm test builds before the e2e suite). A change to
// what Backstory asks of the browser must show up here, in review.

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: unknown[];
  content_security_policy?: unknown;
}

const read = (dir: string) => JSON.parse(readFileSync(join(ROOT, '.output', dir, 'manifest.json'), 'utf8')) as Manifest;
// The news sites are reviewed where they are kept (lib/outlets.json, with their provenance);
// here, that the manifest asks for exactly those and runs on exactly those.
const NEWS_SITES = [...NEWS_SITE_MATCHES].sort();
const sites = (list: readonly string[]) =>
  JSON.stringify([...list].sort()) === JSON.stringify(NEWS_SITES)
    ? 'the news sites of lib/outlets.json'
    : [...list].sort();
const summary = (m: Manifest) => ({
  permissions: [...(m.permissions ?? [])].sort(),
  host_permissions: sites(m.host_permissions ?? []),
  optional_permissions: [...(m.optional_permissions ?? [])].sort(),
  optional_host_permissions: [...(m.optional_host_permissions ?? [])].sort(),
  content_script_matches: sites((m.content_scripts ?? []).flatMap((c) => c.matches ?? [])),
  web_accessible_resources: m.web_accessible_resources ?? [],
});

describe('the shipped manifests', () => {
  it.each(['chrome-mv3', 'firefox-mv3'] as const)('%s asks for exactly the checked-in permissions', (dir) => {
    expect(summary(read(dir))).toEqual(expected[dir]);
  });

  it.each(['chrome-mv3', 'firefox-mv3'] as const)(
    '%s never runs on localhost, exposes only the note editor (on Chrome under an address that changes every session), and keeps the default CSP',
    (dir) => {
      const m = read(dir);
      expect(JSON.stringify(m)).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(m.web_accessible_resources).toEqual([
        {
          resources: ['note-editor.html'],
          matches: ['https://*/*', 'http://*/*'],
          ...(dir === 'chrome-mv3' ? { use_dynamic_url: true } : {}),
        },
      ]);
      expect(m.content_security_policy).toBeUndefined();
    },
  );

  it.each(['chrome-mv3', 'firefox-mv3'] as const)(
    '%s: the content script that reads every page leaves the card’s code out; it comes with the first card',
    (dir) => {
      const file = (f: string) => readFileSync(join(ROOT, '.output', dir, f), 'utf8');
      // The card's styles and components (Preact's render among them) are in card-ui.js only.
      const cardOnly = ['.note-frame', 'backstory-card-title-'];
      for (const s of cardOnly) {
        expect(file('card-ui.js'), s).toContain(s);
        expect(file('content-scripts/content.js'), s).not.toContain(s);
      }
      // When the card's code arrived is timed for the benchmark in the test build only: a page
      // reads User Timing entries, and the moment would follow the reader's pointer.
      expect(file('content-scripts/content.js')).not.toContain('backstory-card-code');
    },
  );

  it('ships no remote code and no eval in any bundle', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv3']) {
      const files = readdirSync(join(ROOT, '.output', dir), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.js'));
      expect(files.length, dir).toBeGreaterThan(2);
      for (const f of files) {
        const code = readFileSync(join(ROOT, '.output', dir, f), 'utf8');
        expect(code, f).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"]https?:/);
        expect(code, f).not.toMatch(/fetch\(\s*['"]https?:/);
      }
    }
  });
});

describe('the icon', () => {
  /** A PNG's width and height, from its IHDR chunk. */
  const pngSize = (file: string) => {
    const b = readFileSync(file);
    expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
    return [b.readUInt32BE(16), b.readUInt32BE(20)];
  };

  it.each(['chrome-mv3', 'firefox-mv3'] as const)(
    '%s has an icon at every size its manifest and toolbar button name, drawn at that size',
    (dir) => {
      const m = read(dir) as Manifest & {
        icons?: Record<string, string>;
        action?: { default_icon?: Record<string, string> };
      };
      const named = { ...m.icons, ...m.action?.default_icon };
      expect(Object.keys(m.icons ?? {}).sort()).toEqual(['128', '16', '32', '48', '96']);
      expect(Object.keys(m.action?.default_icon ?? {}).sort()).toEqual(['16', '32', '48']);
      for (const [size, path] of Object.entries(named)) {
        expect(pngSize(join(ROOT, '.output', dir, path))).toEqual([Number(size), Number(size)]);
      }
    },
  );
});
