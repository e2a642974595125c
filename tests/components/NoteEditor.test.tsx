/** @vitest-environment happy-dom */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { NoteEditor } from '../../components/NoteEditor';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('NoteEditor', () => {
  it('keeps the text and shows the error when saving fails', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    render(
      <NoteEditor
        quote="a quoted passage"
        onSave={async () => 'The browser has no room left.'}
        onCancel={() => undefined}
      />,
      root,
    );
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    area.value = 'My careful note';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    (root.querySelector('button.save') as HTMLButtonElement).click();
    await tick();
    await tick();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('The browser has no room left.');
    expect((root.querySelector('textarea') as HTMLTextAreaElement).value).toBe('My careful note');
    expect(root.querySelector('blockquote')?.textContent).toBe('a quoted passage');
  });

  it('keeps the page’s keyboard shortcuts from firing while the reader types', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    let pageSaw = 0;
    document.addEventListener('keydown', () => pageSaw++);
    render(<NoteEditor onSave={async () => undefined} onCancel={() => undefined} />, root);
    root.querySelector('textarea')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    expect(pageSaw).toBe(0);
  });
});
