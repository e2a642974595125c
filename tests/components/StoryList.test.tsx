/** @vitest-environment happy-dom */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { StoryList } from '../../components/StoryList';

describe('StoryList', () => {
  it('shows a headline only when it is known, names an untitled item for what it is, and links only when the URL is', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    render(
      <StoryList
        stories={[
          {
            id: 'a',
            title: 'Known headline',
            outlet: 'Outlet A',
            date: '2025-08-16',
            url: 'https://example.org/a',
            summary: 'One line.',
          },
          { id: 'b', outlet: 'Outlet B', date: '2025-08', summary: 'Another line.' },
          { id: 'c', outlet: 'Rudaw', date: '2025-08-17', url: 'https://example.org/c', summary: 'A third line.' },
        ]}
      />,
      root,
    );
    const items = [...root.querySelectorAll('li')];
    expect(items[0]?.querySelector('a')?.textContent).toBe('Known headline');
    expect(items[0]?.querySelector('time')?.textContent).toBe('16 Aug 2025');
    expect(items[1]?.querySelector('a')).toBeNull();
    expect(items[1]?.querySelector('.headline')?.textContent).toBe('Outlet B report, Aug 2025');
    // With its link, under what it is: never "Headline not recorded", never a title made up from the summary.
    expect(items[2]?.querySelector('a')?.textContent).toBe('Rudaw report, 17 Aug 2025');
    expect(items[2]?.querySelector('a')?.getAttribute('href')).toBe('https://example.org/c');
    expect(items[1]?.textContent).toContain('Aug 2025 · Outlet B');
  });
});
