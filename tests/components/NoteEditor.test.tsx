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

  // (The page never hears these keys: the editor runs in its own document, tested end to end.)
  it('saves on Ctrl+Enter and cancels on Escape', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    const saved: string[] = [];
    let cancelled = 0;
    render(<NoteEditor onSave={async (body) => void saved.push(body)} onCancel={() => void cancelled++} />, root);
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    area.value = 'Quick note';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await tick();
    expect(saved).toEqual(['Quick note']);
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cancelled).toBe(1);
  });
});
