/** @vitest-environment happy-dom */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotesTable } from '../../components/NotesTable';
import type { Note } from '../../lib/db';
import { makeNote } from '../../lib/notes/notes';

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root') as HTMLElement;
});

const note: Note = makeNote(
  { entityId: 'ali-larijani', body: 'First words.' },
  1_000,
  '00000000-0000-4000-8000-000000000001',
);
const tick = () => new Promise((r) => setTimeout(r, 0));

async function edit(onEdit: (id: string, body: string) => Promise<string | undefined>) {
  render(
    <NotesTable notes={[note]} entityName={() => 'Ali Larijani'} onEdit={onEdit} onDelete={() => undefined} />,
    root,
  );
  const editButton = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Edit');
  editButton?.click();
  await tick();
  const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save');
  save?.click();
  await tick();
  await tick();
}

describe('editing on the notes page', () => {
  it('keeps the editor open and says why when the edit could not be saved', async () => {
    await edit(async () => 'This note no longer exists; copy your text before leaving.');
    expect(root.querySelector('textarea')).not.toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('This note no longer exists');
  });

  it('closes the editor once the edit is saved', async () => {
    await edit(async () => undefined);
    expect(root.querySelector('textarea')).toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
