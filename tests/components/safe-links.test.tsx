/** @vitest-environment happy-dom */
// Stored addresses (history rows, imported notes, packs' sources) become links
// only when they are web addresses: a `javascript:` or `data:` URL is shown as
// text, never as something a click would run (issue #14).
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { RelatedList } from '../../components/RelatedList';
import { SourceLine } from '../../components/SourceLine';
import { StoryList } from '../../components/StoryList';
import { webUrl } from '../../lib/safe-url';

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root') as HTMLElement;
});

const HOSTILE = [
  'javascript:alert(document.domain)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'not a url',
];
const hrefs = () => [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));

describe('links from stored data', () => {
  it('keeps web addresses and nothing else', () => {
    expect(webUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(webUrl('http://example.org/')).toBe('http://example.org/');
    for (const bad of HOSTILE) expect(webUrl(bad), bad).toBeUndefined();
  });

  it.each(HOSTILE)('renders %s as text in the related list, the story list and a source line', (url) => {
    render(
      <RelatedList
        items={[{ key: 'k', title: 'A story', outlet: 'Outlet', date: '2025-01-02', url, read: true, shared: [] }]}
      />,
      root,
    );
    expect(hrefs().filter(Boolean)).toEqual([]);
    expect(root.textContent).toContain('A story');
    render(
      <StoryList stories={[{ id: 's', title: 'A story', outlet: 'Outlet', date: '2025-01-02', url, summary: '' }]} />,
      root,
    );
    expect(hrefs().filter(Boolean)).toEqual([]);
    render(<SourceLine source={{ outlet: 'Outlet', url }} />, root);
    expect(hrefs().filter(Boolean)).toEqual([]);
    expect(root.textContent).toContain('Outlet');
  });
});
