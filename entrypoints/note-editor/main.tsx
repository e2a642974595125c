import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { CARD_CSS } from '../../components/card.css';
import { NoteEditor } from '../../components/NoteEditor';
import { problemText } from '../../components/problem-text';
import { speakReadersLanguage } from '../../lib/i18n/page';
import { call } from '../../lib/messages';

// The note editor the card shows on a page, in a document of Backstory's own
// origin (an iframe inside the card's closed shadow root): what the reader
// types, pastes or composes here raises events in this document only, never
// in the page's. What the note is about was told to the background by the
// page's content script (`openEditor`); this document sends only the text.
const channel = { sendMessage: (m: unknown) => browser.runtime.sendMessage(m) };

// The card's styles, so the editor looks as it did inside the card (its own rules in style.css win).
const sheet = new CSSStyleSheet();
sheet.replaceSync(CARD_CSS);
document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];

speakReadersLanguage(document, i18n.t('note.editorTitle'));

const close = () => void call(channel, { type: 'editorClose' }).catch(() => undefined);

render(
  <NoteEditor
    onSave={async (body) => {
      const res = await call(channel, { type: 'editorSave', body }).catch(() => undefined);
      if (!res || typeof res !== 'object' || !('ok' in res)) return i18n.t('note.saveFailed');
      return res.ok ? undefined : problemText(res, i18n.t('note.saveFailed'));
    }}
    onCancel={close}
  />,
  document.getElementById('app') as HTMLElement,
);

// The card focuses this frame when it opens the editor; the text field takes it.
addEventListener('focus', () => document.querySelector('textarea')?.focus());
